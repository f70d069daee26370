/**
 * Which practice sheet the pane works on, read from the workbook rather than from this
 * session: the markers of the add-in's sheets are all that survive save, close and
 * reopen, so a reopened workbook gets its practice panel back as soon as the learner
 * selects a cell on a practice sheet, or picks one from the list.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AddinSheet, SelectedCell, WorkbookHost } from '../../src/host/host';
import { readStoredSheet } from '../../src/practice/metadata';

export interface WorkbookSheets {
  /** The workbook's practice sheets, in the host's (tab) order. */
  readonly practiceSheets: readonly AddinSheet[];
  /** The practice sheet the panel shows, or null when the selection is elsewhere. */
  readonly active: AddinSheet | null;
  /** The learner picked a practice sheet from the list. */
  choose(name: string): void;
  /** A sheet was just built: re-read the markers, and show it when it is a practice sheet. */
  built(sheet: AddinSheet): void;
}

function isPractice(sheet: AddinSheet | undefined): sheet is AddinSheet {
  return sheet !== undefined && readStoredSheet(sheet)?.mode === 'practice';
}

export function useWorkbookSheets(host: WorkbookHost, selection: SelectedCell | null): WorkbookSheets {
  const [sheets, setSheets] = useState<ReadonlyMap<string, AddinSheet>>(new Map());
  const [active, setActive] = useState<AddinSheet | null>(null);
  // The latest cache for async callbacks, which would otherwise see the render they started in.
  const cache = useRef<ReadonlyMap<string, AddinSheet>>(sheets);
  // Each selection, pick or build bumps this; an answer that arrives after a newer one is dropped.
  const intent = useRef(0);
  const live = useRef(true);

  const store = useCallback((next: ReadonlyMap<string, AddinSheet>) => {
    cache.current = next;
    if (live.current) setSheets(next);
  }, []);

  /** Re-reads every marker; `keep` survives even when the host does not list it (yet). */
  const refresh = useCallback(
    async (keep?: AddinSheet): Promise<ReadonlyMap<string, AddinSheet>> => {
      const list = await host.listAddinSheets();
      const next = new Map(list.map((s) => [s.name, s]));
      if (keep && !next.has(keep.name)) next.set(keep.name, keep);
      store(next);
      return next;
    },
    [host, store],
  );

  useEffect(() => {
    live.current = true;
    refresh().catch(() => undefined);
    return () => {
      live.current = false;
    };
  }, [refresh]);

  // Follows the selection from sheet to sheet (not from cell to cell, so a sheet picked
  // from the list stays while the learner clicks around the sheet they are on). The
  // markers are read again on each move: a sheet renamed or deleted in the workbook moves
  // the selection, and the list must not keep offering a sheet that is gone.
  const selectedSheet = selection?.sheet;
  useEffect(() => {
    if (selectedSheet === undefined) return;
    const mine = ++intent.current;
    refresh().then(
      (map) => {
        if (!live.current || mine !== intent.current) return;
        const sheet = map.get(selectedSheet);
        setActive(isPractice(sheet) ? sheet : null);
      },
      () => undefined,
    );
  }, [selectedSheet, refresh]);

  const choose = useCallback((name: string) => {
    intent.current++;
    const sheet = cache.current.get(name);
    setActive(isPractice(sheet) ? sheet : null);
  }, []);

  const built = useCallback(
    (sheet: AddinSheet) => {
      intent.current++;
      store(new Map([...cache.current, [sheet.name, sheet]]));
      if (isPractice(sheet)) setActive(sheet);
      refresh(sheet).catch(() => undefined);
    },
    [refresh, store],
  );

  return { practiceSheets: [...sheets.values()].filter(isPractice), active, choose, built };
}

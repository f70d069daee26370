/**
 * No silent wrong numbers downstream of a blank. A live formula that reads an empty answer
 * cell would compute with it as 0 (c₄ = 0.961 instead of 0.983) or fail with #VALUE!; so
 * every formula that depends, directly or through other formulas, on a blank is wrapped as
 *
 *   =IF(COUNT(refs)<n,"waiting",formula)
 *
 * where refs are the ranges it reads that hold a blank or another waiting cell and n is how
 * many cells they span. COUNT counts numbers only, so an empty blank and the "waiting" text
 * upstream both keep the cell waiting, and once every blank it reads holds a number the
 * cell computes the walkthrough's own formula from the learner's entries. COUNT and IF are
 * native in Excel, HyperFormula and LibreOffice, so the sheet behaves the same everywhere.
 */
import { t } from '../i18n';
import type { Language, PlanCell } from '../sheets/plan';
import { a1 } from '../sheets/plan';
import { expandRange, referencedRanges } from './addresses';

/** What a cell waiting for a blank shows. */
export function waitingText(language: Language): string {
  return t(language, 'sheets.waiting');
}

/** Addresses of formula cells that depend on any blank, directly or transitively. */
export function waitingCells(cells: readonly PlanCell[], blanks: ReadonlySet<string>): Set<string> {
  const readers = new Map<string, string[]>();
  for (const c of cells) {
    if (!c.formula) continue;
    const at = a1(c.row, c.col);
    for (const ref of referencedRanges(c.formula))
      for (const cell of expandRange(ref)) {
        const list = readers.get(cell);
        if (list) list.push(at);
        else readers.set(cell, [at]);
      }
  }
  const waiting = new Set<string>();
  const queue = [...blanks];
  while (queue.length > 0) {
    const next = queue.pop() as string;
    for (const reader of readers.get(next) ?? []) {
      if (waiting.has(reader) || blanks.has(reader)) continue;
      waiting.add(reader);
      queue.push(reader);
    }
  }
  return waiting;
}

/**
 * The wrapped formula; `pending` holds the blanks and the other waiting cells, `numeric`
 * every cell that holds a number once all is filled in. A range may span gaps (the empty
 * columns between time steps), which COUNT never counts, so n counts only numeric cells.
 */
export function waitingFormula(
  formula: string,
  pending: ReadonlySet<string>,
  language: Language,
  numeric: ReadonlySet<string> = pending,
): string {
  const refs = referencedRanges(formula).filter((r) => expandRange(r).some((a) => pending.has(a)));
  const n = refs.reduce(
    (sum, r) => sum + expandRange(r).filter((a) => numeric.has(a) || pending.has(a)).length,
    0,
  );
  const body = formula.replace(/^=/, '');
  return `=IF(COUNT(${refs.join(',')})<${n},"${waitingText(language)}",${body})`;
}

/** The cells with every dependent of a blank wrapped; other cells are returned as they are. */
export function wrapDependents(
  cells: readonly PlanCell[],
  blanks: ReadonlySet<string>,
  language: Language,
): PlanCell[] {
  const waiting = waitingCells(cells, blanks);
  const pending = new Set([...blanks, ...waiting]);
  const numeric = new Set(
    cells.filter((c) => c.formula || typeof c.value === 'number').map((c) => a1(c.row, c.col)),
  );
  return cells.map((c) => {
    const at = a1(c.row, c.col);
    if (!c.formula || !waiting.has(at)) return c;
    return { ...c, formula: waitingFormula(c.formula, pending, language, numeric) };
  });
}

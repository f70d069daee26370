/** The workbook's selected cell, kept current through the host's selection events. */
import { useEffect, useState } from 'react';
import type { SelectedCell, WorkbookHost } from '../../src/host/host';

export function useSelection(host: WorkbookHost): SelectedCell | null {
  const [selection, setSelection] = useState<SelectedCell | null>(null);
  useEffect(() => {
    let live = true;
    host.getSelection().then(
      (s) => {
        if (live && s) setSelection((current) => current ?? s);
      },
      () => undefined,
    );
    const off = host.onSelectionChanged((s) => setSelection(s));
    return () => {
      live = false;
      off();
    };
  }, [host]);
  return selection;
}

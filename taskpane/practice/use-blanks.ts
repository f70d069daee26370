/**
 * The blank list of a practice sheet, read again whenever `version` changes (the panel
 * bumps it after every action and on every selection change, which is when a learner has
 * just typed into a cell and moved on).
 */
import { useEffect, useState } from 'react';
import type { WorkbookHost } from '../../src/host/host';
import { listBlanks, type BlankList } from '../../src/practice/blanks';

export function useBlanks(host: WorkbookHost, sheet: string | null, version: unknown): BlankList | null {
  const [list, setList] = useState<BlankList | null>(null);
  useEffect(() => {
    if (!sheet) {
      setList(null);
      return;
    }
    let live = true;
    listBlanks(host, sheet).then(
      (l) => live && setList(l),
      () => live && setList(null),
    );
    return () => {
      live = false;
    };
  }, [host, sheet, version]);
  return list;
}

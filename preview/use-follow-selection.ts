/**
 * Selections made elsewhere (the name box, the task pane, the arrow keys) scroll the cell
 * into view: clear of the frozen panes, and by whole rows and columns, as Excel scrolls.
 */
import { useCallback, useEffect, type RefObject } from 'react';
import type { FrozenSplit } from './FrozenPanes';
import { scrollFor, snapScroll } from './frozen-panes';
import type { GridLayout } from './grid-layout';

export function useFollowSelection(
  scroller: RefObject<HTMLDivElement>,
  sel: { row: number; col: number } | null,
  layout: GridLayout,
  frozen: FrozenSplit,
): void {
  const { rectOf, axis, rows } = layout;
  const { extent, paneOf } = frozen;
  const scrollIntoView = useCallback(
    (row: number, col: number) => {
      const el = scroller.current;
      if (!el) return;
      const view = {
        scrollLeft: el.scrollLeft,
        scrollTop: el.scrollTop,
        width: el.clientWidth,
        height: el.clientHeight,
      };
      const to = scrollFor(view, rectOf(row, col), extent, paneOf(row, col));
      if (to.top !== el.scrollTop) el.scrollTop = snapScroll(rows, to.top, extent.height);
      if (to.left !== el.scrollLeft) el.scrollLeft = snapScroll(axis, to.left, extent.width);
    },
    [scroller, rectOf, axis, rows, extent, paneOf],
  );
  useEffect(() => {
    if (sel) scrollIntoView(sel.row, sel.col);
  }, [sel?.row, sel?.col, sel, scrollIntoView]);
}

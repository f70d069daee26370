/**
 * Frozen panes, as Excel and the .xlsx draw the plan's freeze: the rows above and the
 * columns left of the split stay in view while the rest scrolls. The grid splits what is
 * on screen into four panes (main, top rows, left columns, the corner both keep), each
 * cell drawn in exactly one of them.
 */
import type { Freeze } from '../src/host/plan-look';
import { columnAt, type Axis, type VisibleRange } from './geometry';
import type { Rect } from './grid-layout';

export type PaneName = 'main' | 'top' | 'left' | 'corner';

export interface PaneRanges {
  readonly main: VisibleRange;
  readonly top: VisibleRange | null;
  readonly left: VisibleRange | null;
  readonly corner: VisibleRange | null;
}

/** The split, clamped to the sheet; {0, 0} when nothing is frozen. */
export function frozenCounts(freeze: Freeze | null, rowCount: number, colCount: number): Freeze {
  return { rows: Math.min(freeze?.rows ?? 0, rowCount), cols: Math.min(freeze?.cols ?? 0, colCount) };
}

/** What each pane draws of the visible range: the frozen rows and columns always, in full. */
export function paneRanges(range: VisibleRange, split: Freeze): PaneRanges {
  const { rows, cols } = split;
  const main = { ...range, top: Math.max(range.top, rows), left: Math.max(range.left, cols) };
  return {
    main,
    top: rows > 0 ? { top: 0, bottom: rows - 1, left: main.left, right: range.right } : null,
    left: cols > 0 ? { top: main.top, bottom: range.bottom, left: 0, right: cols - 1 } : null,
    corner: rows > 0 && cols > 0 ? { top: 0, bottom: rows - 1, left: 0, right: cols - 1 } : null,
  };
}

/** The pane a cell (or the top-left cell of a merged block) is drawn in. */
export function paneOf(row: number, col: number, split: Freeze): PaneName {
  const inRows = row < split.rows;
  const inCols = col < split.cols;
  if (inRows && inCols) return 'corner';
  if (inRows) return 'top';
  if (inCols) return 'left';
  return 'main';
}

/** The pixels the frozen rows (height) and columns (width) take at the top and left. */
export function frozenExtent(columns: Axis, rows: Axis, split: Freeze): { width: number; height: number } {
  return { width: columns.offsets[split.cols], height: rows.offsets[split.rows] };
}

/**
 * The scroll position that brings a rectangle of the scrolling pane into view beside the
 * frozen band (a cell hidden under the frozen rows counts as out of view); a cell of a
 * frozen row or column is always in view along that axis.
 */
export function scrollFor(
  view: { scrollLeft: number; scrollTop: number; width: number; height: number },
  r: Rect,
  frozen: { width: number; height: number },
  pane: PaneName,
): { left: number; top: number } {
  const along = (pos: number, size: number, scroll: number, viewSize: number, band: number) => {
    if (pos < scroll + band) return Math.max(0, pos - band);
    if (pos + size > scroll + viewSize) return Math.max(0, Math.min(pos - band, pos + size - viewSize));
    return scroll;
  };
  const keepsRow = pane === 'top' || pane === 'corner';
  const keepsCol = pane === 'left' || pane === 'corner';
  return {
    top: keepsRow ? view.scrollTop : along(r.top, r.height, view.scrollTop, view.height, frozen.height),
    left: keepsCol ? view.scrollLeft : along(r.left, r.width, view.scrollLeft, view.width, frozen.width),
  };
}

/**
 * A scroll position moved on to the next whole row or column, so the scrolling pane
 * starts with a whole one beside the frozen band, as Excel scrolls.
 */
export function snapScroll(axis: Axis, scroll: number, band: number): number {
  const o = axis.offsets;
  const x = scroll + band;
  let i = columnAt(axis, x);
  if (o[i] < x && i + 1 < o.length) i++;
  return Math.max(0, o[i] - band);
}

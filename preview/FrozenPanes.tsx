/**
 * Draws the frozen rows and columns over the scrolling cells. Each frozen pane is a
 * zero-sized `position: sticky` layer at the canvas origin inside the scroller: the
 * browser keeps it pinned while the rest scrolls, in step with the scroll itself (no
 * frame of lag from a scroll handler), and its cells keep the canvas's coordinates.
 */
import { Fragment, useMemo, type ReactNode } from 'react';
import type { Freeze } from '../src/host/plan-look';
import type { VisibleRange } from './geometry';
import type { GridLayout } from './grid-layout';
import { frozenCounts, frozenExtent, paneOf, paneRanges, type PaneName } from './frozen-panes';

export interface FrozenSplit {
  readonly split: Freeze;
  readonly extent: { readonly width: number; readonly height: number };
  readonly paneOf: (row: number, col: number) => PaneName;
  /** Whether a pane draws the cell (or merged block) at this top-left corner. */
  readonly owns: (pane: PaneName) => (row: number, col: number) => boolean;
  /** The last column a pane's text may spill into: the split for the frozen columns, else none. */
  readonly spillTo: (pane: PaneName) => number | undefined;
}

/** The sheet's split, the same object until the freeze or the layout changes. */
export function useFrozenSplit(freeze: Freeze | null, layout: GridLayout): FrozenSplit {
  const { rowCount, colCount, axis, rows } = layout;
  const r = freeze?.rows ?? 0;
  const c = freeze?.cols ?? 0;
  return useMemo(() => {
    const split = frozenCounts({ rows: r, cols: c }, rowCount, colCount);
    return {
      split,
      extent: frozenExtent(axis, rows, split),
      paneOf: (row: number, col: number) => paneOf(row, col, split),
      owns: (pane: PaneName) => (row: number, col: number) => paneOf(row, col, split) === pane,
      spillTo: (pane: PaneName) => (pane === 'left' || pane === 'corner' ? split.cols - 1 : undefined),
    };
  }, [r, c, rowCount, colCount, axis, rows]);
}

interface Props {
  readonly frozen: FrozenSplit;
  readonly range: VisibleRange;
  readonly layout: GridLayout;
  /** The cells of one pane's range. */
  readonly render: (range: VisibleRange, pane: PaneName) => ReactNode;
  /** What else a pane holds (the selection outline, the cell editor of a frozen cell). */
  readonly extras: Partial<Record<PaneName, ReactNode[]>>;
}

export function FrozenPanes({ frozen, range, layout, render, extras }: Props) {
  const { extent } = frozen;
  const panes = paneRanges(range, frozen.split);
  const width = layout.axis.offsets[layout.colCount];
  const height = layout.rows.offsets[layout.rowCount];
  // As in Excel, nothing in the frozen rows or columns reaches past the split: a box or a
  // merged block that crosses it (a "What to try" box) is cut there instead of covering
  // the scrolling cells. The layers are 0×0 and overflow, so the clip is an explicit polygon.
  const clipAtSplit = (name: Exclude<PaneName, 'main'>) => {
    const right = name === 'top' ? width : extent.width;
    const bottom = name === 'left' ? height : extent.height;
    if (right <= 0 || bottom <= 0) return undefined;
    return { clipPath: `polygon(0 0, ${right}px 0, ${right}px ${bottom}px, 0 ${bottom}px)` };
  };
  const pane = (name: Exclude<PaneName, 'main'>, range: VisibleRange | null) =>
    range && (
      <div className={`frozen-pane frozen-${name}`} data-pane={name} style={clipAtSplit(name)}>
        {render(range, name)}
        {extras[name]}
        {/* Excel's thin line along the split. */}
        {name !== 'left' && extent.height > 0 && (
          <div className="frozen-split" style={{ left: 0, top: extent.height - 1, width, height: 1 }} />
        )}
        {name !== 'top' && extent.width > 0 && (
          <div className="frozen-split" style={{ left: extent.width - 1, top: 0, width: 1, height }} />
        )}
      </div>
    );
  return (
    <>
      {pane('top', panes.top)}
      {pane('left', panes.left)}
      {pane('corner', panes.corner)}
    </>
  );
}

/** Things drawn over one cell (the selection outline, the editor), sorted into the pane of that cell. */
export function paneExtras(
  frozen: FrozenSplit,
  items: readonly (false | null | undefined | { row: number; col: number; node: ReactNode })[],
): Partial<Record<PaneName, ReactNode[]>> {
  const out: Partial<Record<PaneName, ReactNode[]>> = {};
  items.forEach((item, i) => {
    if (!item) return;
    const pane = frozen.paneOf(item.row, item.col);
    (out[pane] ??= []).push(<Fragment key={i}>{item.node}</Fragment>);
  });
  return out;
}

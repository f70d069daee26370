/** The column letters and row numbers beside the grid, the selected cell's highlighted. */
import type { Freeze } from '../src/host/plan-look';
import type { VisibleRange } from './geometry';
import { columnName } from './geometry';

/**
 * The column letters as the grid's first ARIA row, for screen readers: the visible letters
 * above the grid sit outside it (they stay put while the cells scroll), so they are hidden
 * from assistive technology and this row stands in for them.
 */
export function HeaderRow({ range }: { readonly range: VisibleRange }) {
  const headers: JSX.Element[] = [];
  for (let col = range.left; col <= range.right; col++)
    headers.push(
      <div key={col} role="columnheader" aria-colindex={col + 2}>
        {columnName(col)}
      </div>,
    );
  return (
    <div role="row" aria-rowindex={1} className="sr-only">
      {headers}
    </div>
  );
}
import type { GridLayout } from './grid-layout';

interface HeaderProps {
  readonly layout: GridLayout;
  readonly range: VisibleRange;
  readonly scroll: { readonly left: number; readonly top: number };
  readonly active: number | undefined;
  /** The frozen split: those rows and columns are always drawn, never scrolled. */
  readonly frozen?: Freeze;
}

export function ColumnHeaders({ layout, range, scroll, active, frozen: split }: HeaderProps) {
  const { axis } = layout;
  const frozen = split?.cols ?? 0;
  const headers: JSX.Element[] = [];
  for (const col of headerIndices(range.left, range.right, frozen)) {
    const pinned = col < frozen;
    headers.push(
      <div
        key={col}
        className={`col-header${active === col ? ' active' : ''}${pinned ? ' frozen' : ''}`}
        style={{
          left: axis.offsets[col] - (pinned ? 0 : scroll.left),
          width: axis.offsets[col + 1] - axis.offsets[col],
        }}
      >
        {columnName(col)}
      </div>,
    );
  }
  return (
    <div className="col-headers" aria-hidden="true">
      {headers}
    </div>
  );
}

export function RowHeaders({ layout, range, scroll, active, frozen: split }: HeaderProps) {
  const { rows } = layout;
  const frozen = split?.rows ?? 0;
  const headers: JSX.Element[] = [];
  for (const row of headerIndices(range.top, range.bottom, frozen)) {
    const pinned = row < frozen;
    headers.push(
      <div
        key={row}
        className={`row-header${active === row ? ' active' : ''}${pinned ? ' frozen' : ''}`}
        style={{
          top: rows.offsets[row] - (pinned ? 0 : scroll.top),
          height: rows.offsets[row + 1] - rows.offsets[row],
        }}
      >
        {row + 1}
      </div>,
    );
  }
  return (
    <div className="row-headers" aria-hidden="true">
      {headers}
    </div>
  );
}

/** The frozen indices first (always shown), then the visible scrolling ones. */
function headerIndices(from: number, to: number, frozen: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < frozen; i++) out.push(i);
  for (let i = Math.max(from, frozen); i <= to; i++) out.push(i);
  return out;
}

/** The column letters and row numbers beside the grid, the selected cell's highlighted. */
import type { VisibleRange } from './geometry';
import { columnName } from './geometry';
import type { GridLayout } from './grid-layout';

interface HeaderProps {
  readonly layout: GridLayout;
  readonly range: VisibleRange;
  readonly scroll: { readonly left: number; readonly top: number };
  readonly active: number | undefined;
}

export function ColumnHeaders({ layout, range, scroll, active }: HeaderProps) {
  const { axis } = layout;
  const headers: JSX.Element[] = [];
  for (let col = range.left; col <= range.right; col++) {
    headers.push(
      <div
        key={col}
        className={`col-header${active === col ? ' active' : ''}`}
        style={{ left: axis.offsets[col] - scroll.left, width: axis.offsets[col + 1] - axis.offsets[col] }}
      >
        {columnName(col)}
      </div>,
    );
  }
  return <div className="col-headers">{headers}</div>;
}

export function RowHeaders({ layout, range, scroll, active }: HeaderProps) {
  const { rows } = layout;
  const headers: JSX.Element[] = [];
  for (let row = range.top; row <= range.bottom; row++) {
    headers.push(
      <div
        key={row}
        className={`row-header${active === row ? ' active' : ''}`}
        style={{ top: rows.offsets[row] - scroll.top, height: rows.offsets[row + 1] - rows.offsets[row] }}
      >
        {row + 1}
      </div>,
    );
  }
  return <div className="row-headers">{headers}</div>;
}

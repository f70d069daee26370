/**
 * Kit: the words around the numbers. Row labels down the left edge of a band, captions
 * above each time block's columns, operator symbols down a column, and a sheet note.
 *
 *   rowLabels(b, top, H, indexed('h'));          // h[1], h[2] … in column 0
 *   stepCaptions(b, grid, top, [[PRE, 'z_t'], [VALUE, 'h_t']]);
 *   stepOperators(b, grid, top, H, 'tanh');      // "tanh" in every step's OP column
 */
import type { PlanBuilder } from '../layout';
import { OP, type TimeGrid } from './grid';

/** "name[1]", "name[2]" … */
export function indexed(name: string): (r: number) => string {
  return (r) => `${name}[${r + 1}]`;
}

/** The label of row r of a band, written in column `col` (default the sheet's left edge). */
export function rowLabels(
  b: PlanBuilder,
  top: number,
  count: number,
  name: (r: number) => string,
  col = 0,
): void {
  for (let r = 0; r < count; r++) b.text(top + r, col, name(r), 'label');
}

/** Captions on the line above a band, at the given column offsets of every time block. */
export function stepCaptions(
  b: PlanBuilder,
  grid: TimeGrid,
  top: number,
  pairs: readonly (readonly [number, string])[],
): void {
  for (let t = 0; t < grid.steps; t++)
    for (const [c, text] of pairs) b.text(top - 1, grid.col(t, c), text, 'label');
}

/** Operator symbols down one column, beside `rows` values starting at `top`. */
export function operatorColumn(b: PlanBuilder, top: number, col: number, rows: number, symbol: string): void {
  for (let r = 0; r < rows; r++) b.operator(top + r, col, symbol);
}

/** The operator column (offset `col` of the time block, default OP) of every step. */
export function stepOperators(
  b: PlanBuilder,
  grid: TimeGrid,
  top: number,
  rows: number,
  symbol: string,
  col = OP,
): void {
  for (let t = 0; t < grid.steps; t++) operatorColumn(b, top, grid.col(t, col), rows, symbol);
}

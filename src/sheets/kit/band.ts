/**
 * Kit: a band as one call. `openBand` writes a band's equation, its row labels and the
 * captions above every time block, and returns the first value row; the band's weights
 * and step cells are then written with weights.ts and steps.ts at that row.
 *
 *   const k: SheetKit = { b, grid, cursor, wCol };
 *   const top = openBand(k, { equation: 'h_t = …', rows: H, label: indexed('h'),
 *     captions: [[PRE, 'z_t'], [VALUE, 'h_t']], role: t(lang, 'sheets.roles.rnn.h') });
 */
import type { BandCursor } from './grid';
import { rowLabels, stepCaptions } from './labels';
import { roleLine } from './role-line';
import type { Canvas } from './steps';

/** Everything a part needs to place a band: builder, time grid, band cursor, weight column. */
export interface SheetKit extends Canvas {
  readonly cursor: BandCursor;
  /** First column of the weight area, left of the time blocks. */
  readonly wCol: number;
}

export interface BandHead {
  /** Plain-text equation above the band. */
  readonly equation: string;
  readonly rows: number;
  /** Label of row r in the sheet's left column. */
  readonly label?: (r: number) => string;
  /** Captions above every time block, by column offset. */
  readonly captions?: readonly (readonly [number, string])[];
  /**
   * The band's role in plain words ("fₜ, forget gate: 1 keeps the old memory, 0 erases
   * it"), written on the equation line above the first time block (role-line.ts).
   */
  readonly role?: string;
  /**
   * Column of the role line when the first time block's column would cut a long equation
   * short; a function is asked once the equation is placed (role-column.ts).
   */
  readonly roleCol?: number | ((k: SheetKit) => number);
}

export function openBand(k: SheetKit, head: BandHead): number {
  const equationRow = k.cursor.row;
  const top = k.cursor.band(head.equation, head.rows);
  if (head.role !== undefined) {
    const col = typeof head.roleCol === 'function' ? head.roleCol(k) : (head.roleCol ?? k.grid.col(0));
    roleLine(k.b, { row: equationRow, col }, head.role);
  }
  if (head.label) rowLabels(k.b, top, head.rows, head.label);
  if (head.captions) stepCaptions(k.b, k.grid, top, head.captions);
  return top;
}

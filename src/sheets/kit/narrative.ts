/**
 * Kit: numbers that tell the story. `narrativeRow` is one computed value per time step on
 * a row of its own, with a plain-words caption at its left (∏f: how much of c₁ is still in
 * cₜ; the raw exp(ĩ) beside the stabilised one). `formulaTable` is a small table of
 * formulas with row and column captions (a cost table computed from the sheet's sizes).
 * Every cell carries a trace entry, so the checks that compare a sheet with the core
 * cover these numbers too: a model's evaluate adds the matching entries.
 *
 *   const keep = narrativeRow(b, { row, captionCol: 0, caption: t(lang, 'sheets.lstm.keep'),
 *     steps: T, col: (t) => timeCol(t) + VALUE, role: 'computed', trace: 'f_keep',
 *     flat: 0, tensor: '∏f', equation: '\\prod_{k=2}^{t} f_k', formula: (t) => `PRODUCT(…)` });
 */
import type { PlanBuilder } from '../layout';
import type { CellRole, PlanRange } from '../plan';

export interface NarrativeRow {
  readonly row: number;
  /** Column of the caption (the sheet's left edge, or just left of the first value). */
  readonly captionCol: number;
  readonly caption: string;
  readonly steps: number;
  /** Column of step t's value. */
  col(t: number): number;
  readonly role: CellRole;
  /** Trace tensor of the values: step t is entry (trace, t, flat). */
  readonly trace: string;
  /** Flat index within the trace tensor (default 0: one value per step). */
  readonly flat?: number;
  readonly tensor: string;
  readonly equation: string | ((t: number) => string);
  /** Formula of step t without '='; undefined leaves the step empty (nothing to show yet). */
  formula(t: number): string | undefined;
  readonly numberFormat?: string;
}

/** Writes the caption and the per-step values; returns the address of step t's cell (undefined where empty). */
export function narrativeRow(b: PlanBuilder, n: NarrativeRow): (t: number) => string | undefined {
  b.text(n.row, n.captionCol, n.caption, 'teach');
  const written = new Map<number, string>();
  for (let t = 0; t < n.steps; t++) {
    const f = n.formula(t);
    if (f === undefined) continue;
    const eq = n.equation;
    const block = b.computed({
      top: n.row,
      left: n.col(t),
      rows: 1,
      cols: 1,
      role: n.role,
      formula: () => f,
      trace: n.trace,
      step: t,
      flat: () => n.flat ?? 0,
      tensor: n.tensor,
      equation: typeof eq === 'string' ? eq : eq(t),
      numberFormat: n.numberFormat,
    });
    written.set(t, block.at(0));
  }
  return (t) => written.get(t);
}

/** One formula cell of a table, and the trace entry it equals. */
export interface TableCell {
  readonly formula: string;
  readonly trace: string;
  readonly step?: number;
  readonly flat?: number;
  readonly tensor: string;
  readonly equation: string;
  readonly numberFormat?: string;
}

export interface FormulaTable {
  readonly top: number;
  readonly left: number;
  /** Caption above the table (its first row). */
  readonly title: string;
  /** Column headers, above the value columns (the caption column has none). */
  readonly headers: readonly string[];
  /** Each row: its caption, then one cell per header. */
  readonly rows: readonly { readonly caption: string; readonly cells: readonly TableCell[] }[];
  readonly role?: CellRole;
}

/**
 * Title, headers, then caption + formula cells per row, the values boxed. Returns the
 * A1 address of cell (r, c) and the first free row below the table.
 */
export function formulaTable(
  b: PlanBuilder,
  table: FormulaTable,
): { at(r: number, c: number): string; readonly bottom: number; readonly values: PlanRange } {
  const { top, left } = table;
  b.text(top, left, table.title, 'section');
  table.headers.forEach((h, c) => b.text(top + 1, left + 1 + c, h, 'header'));
  const addresses: string[][] = [];
  table.rows.forEach((row, r) => {
    const y = top + 2 + r;
    b.text(y, left, row.caption, 'teach');
    if (row.cells.length !== table.headers.length)
      throw new Error(
        `table row "${row.caption}" has ${row.cells.length} cells for ${table.headers.length} headers`,
      );
    addresses.push(
      row.cells.map((cell, c) =>
        b
          .computed({
            top: y,
            left: left + 1 + c,
            rows: 1,
            cols: 1,
            role: table.role ?? 'computed',
            formula: () => cell.formula,
            trace: cell.trace,
            step: cell.step ?? 0,
            flat: () => cell.flat ?? 0,
            tensor: cell.tensor,
            equation: cell.equation,
            numberFormat: cell.numberFormat,
            box: false,
          })
          .at(0),
      ),
    );
  });
  const values: PlanRange = {
    top: top + 2,
    left: left + 1,
    bottom: top + 1 + table.rows.length,
    right: left + table.headers.length,
  };
  if (table.rows.length > 0 && table.headers.length > 0) b.box(values);
  return { at: (r, c) => addresses[r][c], bottom: top + 2 + table.rows.length, values };
}

/**
 * A cost table of the Mamba scan and mLSTM sheets: what the model keeps between tokens
 * and the multiply-adds it spends, against attention's, as formulas of the sheet's sizes
 * and of a sequence length the learner may raise (an input cell, parameter `cost_T`,
 * starting at the sheet's T: type 1000 and the T × T side grows by a million). Every
 * value carries trace `cost` at step 0, flat index row·2 + column, which the model's
 * evaluate fills from the closed forms (`costTrace`).
 */
import { t, type MessageKey } from '../i18n';
import type { Trace } from '../core/trace';
import { formulaTable, type TableCell } from './kit/narrative';
import { narrativeLine } from './kit/role-line';
import type { PlanBuilder } from './layout';
import type { Language } from './plan';

/** Trace name of the cost tables' entries. */
export const COST_TRACE = 'cost';

/** One row: the model's formula and attention's, each with its closed form in TeX. */
export interface CostRow {
  readonly caption: MessageKey & `sheets.cost.${string}`;
  readonly model: readonly [formula: string, tex: string];
  readonly attention: readonly [formula: string, tex: string];
}

export interface CostTable {
  readonly top: number;
  readonly left: number;
  /** The sheet's sequence length, where the table's T starts. */
  readonly T: number;
  readonly heading: MessageKey & `sheets.${string}.cost.heading`;
  readonly modelHeader: MessageKey & `sheets.cost.${string}`;
  readonly note: MessageKey & `sheets.cost.${string}Note`;
  /** The rows, given the absolute A1 of the T cell. */
  rows(T: string): readonly CostRow[];
}

/**
 * The absolute A1 of the summary's size number `index` (0 = the first size): writeFrame
 * writes the sizes first, from row 4, their numbers in column B.
 */
export function summaryCell(index: number): string {
  return `$B$${4 + index}`;
}

/** A trace with another's entries added (the cost table's, a sheet's narrative rows). */
export function withTrace(trace: Trace, more: Trace): Trace {
  return {
    ...trace,
    tensors: { ...trace.tensors, ...more.tensors },
    shapes: { ...trace.shapes, ...more.shapes },
  };
}

/** The closed forms as a trace: `values` row-major, two per row (the model's, attention's). */
export function costTrace(values: readonly number[]): Trace {
  return {
    steps: 1,
    tensors: { [COST_TRACE]: [Float64Array.from(values)] },
    shapes: { [COST_TRACE]: [values.length / 2, 2] },
  };
}

function cell([formula, tex]: readonly [string, string], flat: number): TableCell {
  return { formula, trace: COST_TRACE, flat, tensor: tex, equation: tex, numberFormat: '#,##0' };
}

/** The table at `top`, the T input below it, then its note; returns the first free row. */
export function costTable(b: PlanBuilder, lang: Language, c: CostTable): number {
  // The T cell sits below the table; its address is known before it is written.
  const T = `$B$${c.top + 2 + c.rows('').length + 1}`;
  const table = formulaTable(b, {
    top: c.top,
    left: c.left,
    title: t(lang, c.heading),
    headers: [t(lang, c.modelHeader), t(lang, 'sheets.cost.attention')],
    rows: c.rows(T).map((row, r) => ({
      caption: t(lang, row.caption),
      cells: [cell(row.model, 2 * r), cell(row.attention, 2 * r + 1)],
    })),
  });
  b.text(table.bottom, c.left, t(lang, 'sheets.cost.T'), 'teach');
  b.param({
    top: table.bottom,
    left: c.left + 1,
    rows: 1,
    cols: 1,
    role: 'input',
    param: 'cost_T',
    value: () => c.T,
    tensor: 'T',
    numberFormat: 'General',
  });
  narrativeLine(b, { row: table.bottom + 1, col: c.left }, t(lang, c.note));
  return table.bottom + 2;
}

/**
 * The sheet "Check this Excel" types the custom functions into: each probe's name in
 * column A, its formula in B and room below it for the result to spill.
 */
import { a1, type Language, type PlanCell, type SheetPlan } from '../sheets/plan';
import type { FunctionProbe } from './function-probes';

/** The sheet that types every probe: its name in column A, its formula in B, room below for the spill. */
export function probePlan(probes: readonly FunctionProbe[], language: Language): SheetPlan {
  const cells: PlanCell[] = [];
  let row = 0;
  let width = 1;
  for (const probe of probes) {
    cells.push({ row, col: 0, value: probe.id, role: 'label' });
    cells.push({ row, col: 1, formula: probe.formula, role: 'computed' });
    row += probe.expected.length + 1;
    width = Math.max(width, ...probe.expected.map((r) => r.length));
  }
  return {
    baseName: 'Check functions',
    model: 'rnn',
    language,
    config: {},
    rowCount: Math.max(row, 1),
    colCount: 1 + width,
    cells,
    merges: [],
    columnWidths: [{ col: 0, width: 18 }],
    names: [],
    boxes: [],
  };
}

/** Where a probe's result lands: its formula's cell and the cells it spills into, row by row. */
export function probeAddresses(plan: SheetPlan, probes: readonly FunctionProbe[]): string[][] {
  const formulas = plan.cells.filter((c) => c.formula !== undefined);
  return probes.map((probe, k) =>
    probe.expected.flatMap((r, i) => r.map((_, j) => a1(formulas[k].row + i, formulas[k].col + j))),
  );
}

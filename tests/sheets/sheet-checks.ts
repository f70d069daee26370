/**
 * Checks shared by the sheet tests: the harness verdict, native formulas only, and what
 * the formula engine computed for one trace tensor against an independent expectation.
 */
import { expect } from 'vitest';
import type { HyperFormula } from 'hyperformula';
import { ALLOWED_FUNCTIONS, functionsIn } from '../../src/sheets/formulas';
import type { Settings, ModelSpec } from '../../src/sheets/model-spec';
import type { SheetPlan } from '../../src/sheets/plan';
import { loadPlan, runHarness, type HarnessReport } from './evaluate';

export function expectHarnessPasses(report: HarnessReport): void {
  expect(report.initial.failures.slice(0, 5)).toEqual([]);
  expect(report.edited.failures.slice(0, 5)).toEqual([]);
  expect(report.initial.checked).toBe(report.initial.formulaCells);
  expect(report.initial.checked).toBeGreaterThan(0);
  expect(report.edits.length).toBe(2);
}

/** Builds `config`: the plan must pass the harness and use native worksheet functions only. */
export function expectSheetPasses(spec: ModelSpec, config: Settings): SheetPlan {
  const plan = spec.build(config);
  expectHarnessPasses(runHarness(plan, spec));
  expectNativeFormulas(plan);
  return plan;
}

/** Every formula uses only the allowed worksheet functions; LOG (base 10) never appears. */
export function expectNativeFormulas(plan: SheetPlan): void {
  for (const cell of plan.cells) {
    if (cell.formula === undefined) continue;
    for (const fn of functionsIn(cell.formula)) expect(ALLOWED_FUNCTIONS, `${cell.formula}`).toContain(fn);
    expect(cell.formula).not.toMatch(/\bLOG\s*\(/i);
  }
}

/** Engine values of the cells whose trace is `name` at `step`, by flat index. */
export function tensorAt(hf: HyperFormula, plan: SheetPlan, name: string, step: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const cell of plan.cells) {
    const tr = cell.meaning?.trace;
    if (!tr || tr.name !== name || tr.step !== step) continue;
    out.set(tr.flat, hf.getCellValue({ sheet: 0, row: cell.row, col: cell.col }) as number);
  }
  return out;
}

export function close(a: number, b: number, tol = 1e-9): boolean {
  return Math.abs(a - b) <= tol * (1 + Math.abs(b));
}

/**
 * At every step t, the cells whose trace is `name`, as the formula engine computes them,
 * hold `expected(t)`: one value per flat index, no cell missing or extra.
 */
export function expectEngineSteps(
  plan: SheetPlan,
  name: string,
  steps: number,
  expected: (t: number) => ArrayLike<number>,
  tol = 1e-9,
): void {
  const hf = loadPlan(plan);
  try {
    for (let t = 0; t < steps; t++) {
      const want = expected(t);
      const got = tensorAt(hf, plan, name, t);
      expect(got.size, `${name} cells at step ${t}`).toBe(want.length);
      for (const [i, v] of got)
        expect(close(v, want[i], tol), `${name}[${t}][${i}] ${v} vs ${want[i]}`).toBe(true);
    }
  } finally {
    hf.destroy();
  }
}

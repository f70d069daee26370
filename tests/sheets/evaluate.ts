/**
 * The sheet-evaluation harness every builder's test uses. It loads a SheetPlan into a
 * real formula engine (HyperFormula, test-only), rebuilds the parameters from the
 * engine's own input cells, recomputes the model with the core (`spec.evaluate`) and
 * compares EVERY formula cell with its trace entry. Then it edits one input cell and
 * one weight cell in the engine and compares again, so a formula pointing at the wrong
 * cell cannot hide behind values that happen to coincide.
 */
import { HyperFormula, type RawCellContent } from 'hyperformula';
import type { ModelConfig, ModelSpec } from '../../src/sheets/model-spec';
import { a1, type PlanCell, type SheetPlan } from '../../src/sheets/plan';
import { collectParams } from '../../src/sheets/params';
import type { Trace } from '../../src/core/trace';
import { verdictText } from '../../src/sheets/kit/verdict';

export const SHEET_TOLERANCE = 1e-9;

export interface EvaluationReport {
  readonly formulaCells: number;
  readonly checked: number;
  readonly maxError: number;
  readonly failures: string[];
}

export interface HarnessReport {
  readonly initial: EvaluationReport;
  readonly edited: EvaluationReport;
  readonly edits: string[];
}

function closeEnough(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * (1 + Math.abs(b));
}

/** The engine loaded with the plan's numbers and formulas (labels are left out: nothing refers to them). */
export function loadPlan(plan: SheetPlan): HyperFormula {
  const grid: RawCellContent[][] = [];
  for (let r = 0; r < plan.rowCount; r++) grid.push(new Array<RawCellContent>(plan.colCount).fill(null));
  for (const cell of plan.cells) {
    if (cell.formula !== undefined) grid[cell.row][cell.col] = cell.formula;
    else if (typeof cell.value === 'number') grid[cell.row][cell.col] = cell.value;
  }
  return HyperFormula.buildFromArray(grid, { licenseKey: 'gpl-v3', smartRounding: false });
}

function numberAt(hf: HyperFormula, cell: PlanCell): number {
  const v = hf.getCellValue({ sheet: 0, row: cell.row, col: cell.col });
  if (typeof v !== 'number')
    throw new Error(`${a1(cell.row, cell.col)} is not a number: ${JSON.stringify(v)}`);
  return v;
}

/** Compares every formula cell of the engine with the trace recomputed from the engine's parameter cells. */
export function compareWithCore(
  hf: HyperFormula,
  plan: SheetPlan,
  spec: ModelSpec,
  tol = SHEET_TOLERANCE,
): EvaluationReport {
  const config = plan.config as unknown as ModelConfig;
  const params = collectParams(plan.cells, (cell) => numberAt(hf, cell));
  const trace: Trace = spec.evaluate(config, params);
  const failures: string[] = [];
  let checked = 0;
  let maxError = 0;
  let formulaCells = 0;
  for (const cell of plan.cells) {
    if (cell.formula === undefined) continue;
    formulaCells++;
    const where = `${a1(cell.row, cell.col)} ${cell.formula}`;
    const t = cell.meaning?.trace;
    const verdict = cell.meaning?.verdict;
    if (!t && verdict) {
      // A live sentence: the engine's words must be the ones the core's numbers pick.
      const expected = verdictText(verdict, (g) => trace.tensors[g.name]?.[g.step]?.[g.flat]);
      const raw = hf.getCellValue({ sheet: 0, row: cell.row, col: cell.col });
      if (expected === undefined) failures.push(`${where}: trace lacks a gauge of the verdict`);
      else if (raw !== expected)
        failures.push(`${where}: sheet says ${JSON.stringify(raw)}, core ${expected}`);
      else checked++;
      continue;
    }
    if (!t) {
      failures.push(`${where}: formula without a trace meaning`);
      continue;
    }
    const expected = trace.tensors[t.name]?.[t.step]?.[t.flat];
    if (expected === undefined) {
      failures.push(`${where}: trace has no ${t.name}[${t.step}][${t.flat}]`);
      continue;
    }
    const raw = hf.getCellValue({ sheet: 0, row: cell.row, col: cell.col });
    if (typeof raw !== 'number') {
      failures.push(`${where}: engine gave ${JSON.stringify(raw)}`);
      continue;
    }
    checked++;
    const err = Math.abs(raw - expected);
    maxError = Math.max(maxError, err / (1 + Math.abs(expected)));
    if (!closeEnough(raw, expected, tol))
      failures.push(`${where}: sheet ${raw} vs core ${expected} (${t.name}[${t.step}][${t.flat}])`);
  }
  return { formulaCells, checked, maxError, failures };
}

function pickEdits(plan: SheetPlan): PlanCell[] {
  const params = plan.cells.filter((c) => c.meaning?.param);
  const input = params.find((c) => c.role === 'input');
  const weight = params.find((c) => c.role === 'recurrentWeight') ?? params.find((c) => c.role === 'weight');
  return [input, weight].filter((c): c is PlanCell => c !== undefined);
}

/**
 * Full check: the plan as built, then after editing one input and one weight cell.
 * `spec.evaluate` is re-run on the edited values read back from the engine.
 */
export function runHarness(plan: SheetPlan, spec: ModelSpec, tol = SHEET_TOLERANCE): HarnessReport {
  const hf = loadPlan(plan);
  try {
    const initial = compareWithCore(hf, plan, spec, tol);
    const edits: string[] = [];
    for (const cell of pickEdits(plan)) {
      const old = numberAt(hf, cell);
      // A value the seeded init cannot produce, so the edit always changes something.
      const next = old + 0.731;
      hf.setCellContents({ sheet: 0, row: cell.row, col: cell.col }, next);
      edits.push(`${a1(cell.row, cell.col)} ${cell.meaning?.param?.name}: ${old} → ${next}`);
    }
    const edited = compareWithCore(hf, plan, spec, tol);
    return { initial, edited, edits };
  } finally {
    hf.destroy();
  }
}

/**
 * The workbooks the LibreOffice check exports, and how a workbook Calc re-saved is
 * compared with the core. Kept apart from the test so the cases are plain data that
 * can be listed before soffice runs once over all of them.
 */
import ExcelJS from 'exceljs';
import type { Settings, ModelSpec } from '../../src/sheets/model-spec';
import { collectParams } from '../../src/sheets/params';
import { a1, type PlanCell, type SheetPlan } from '../../src/sheets/plan';
import { availableModels } from '../../src/sheets/registry';
import { coreResults } from '../../src/sheets/results';
import { planToXlsx, type XlsxOptions } from '../../src/host/xlsx';

export const LO_TOLERANCE = 1e-9;

export interface LoCase {
  /** File stem, unique: "<model>-<what>". */
  readonly id: string;
  readonly spec: ModelSpec;
  /** The plan as written to the file (edited cells included). */
  readonly plan: SheetPlan;
  readonly options: XlsxOptions;
  /** Cached results the file carries that are wrong for its own cells: Calc must not keep them. */
  readonly staleCache: boolean;
}

function editCell(plan: SheetPlan, target: PlanCell, value: number): SheetPlan {
  return { ...plan, cells: plan.cells.map((c) => (c === target ? { ...c, value } : c)) };
}

/**
 * One input entry and one weight entry moved by an amount the seeded init never
 * produces, while the file keeps the cached results of the unedited plan: only a real
 * recalculation gets the edited numbers right.
 */
function staleCase(spec: ModelSpec): LoCase {
  const plan = spec.build(spec.defaults);
  const params = plan.cells.filter((c) => c.meaning?.param && typeof c.value === 'number');
  const input = params.find((c) => c.role === 'input');
  const weight = params.find((c) => c.role === 'recurrentWeight') ?? params.find((c) => c.role === 'weight');
  let edited = plan;
  for (const cell of [input, weight]) if (cell) edited = editCell(edited, cell, Number(cell.value) + 0.731);
  return {
    id: `${spec.id}-stale-edited`,
    spec,
    plan: edited,
    options: { result: coreResults(plan) },
    staleCache: true,
  };
}

function fresh(spec: ModelSpec, what: string, config: Settings): LoCase | undefined {
  if (spec.validate(config).length > 0) return undefined;
  return { id: `${spec.id}-${what}`, spec, plan: spec.build(config), options: {}, staleCache: false };
}

/**
 * For every registered model: its default sheet, every other variant, PyTorch-style
 * init when the default is hand-style (decimals instead of integers), two stacked
 * layers where the model stacks, the longest sequence where the sheet has levels (a
 * parallel scan), three outputs where a new sheet has one, and the stale-cache case. All but the last carry no
 * cached results at all.
 */
export function libreOfficeCases(): LoCase[] {
  const cases: (LoCase | undefined)[] = [];
  for (const spec of availableModels()) {
    const d = spec.defaults;
    cases.push(fresh(spec, 'default', d));
    for (const v of spec.variants)
      if (v.id !== d.variant) cases.push(fresh(spec, v.id, { ...d, variant: v.id, seed: 2 }));
    if (d.init === 'hand') cases.push(fresh(spec, 'torch', { ...d, init: 'torch', seed: 3 }));
    // A sheet computed level by level (the parallel scan) at its longest: the most levels.
    if (spec.levelled?.(d))
      cases.push(fresh(spec, 'all-levels', { ...d, steps: spec.limits.steps?.max ?? d.steps, seed: 5 }));
    if ((spec.limits.numLayers?.max ?? 1) >= 2)
      cases.push(fresh(spec, 'stacked', { ...d, numLayers: 2, seed: 4 }));
    // Several outputs per step where a new sheet has one (the training sheets' head).
    if ((spec.limits.outputSize?.max ?? 1) >= 2 && 'outputSize' in d && d.outputSize === 1)
      cases.push(fresh(spec, 'outputs', { ...d, outputSize: 3, seed: 6 }));
    cases.push(staleCase(spec));
  }
  return cases.filter((c): c is LoCase => c !== undefined);
}

export function caseBytes(c: LoCase): Promise<Uint8Array> {
  return planToXlsx(c.plan, c.options);
}

export interface LoReport {
  readonly formulaCells: number;
  readonly checked: number;
  readonly maxError: number;
  readonly failures: string[];
  /** Formula cells whose cached result in the file was not what the core computes. */
  readonly staleCells: number;
}

/** A number, or a description of what the cell holds instead. */
function cellNumber(cell: ExcelJS.Cell): number | string {
  if (cell.type === ExcelJS.ValueType.Formula) {
    // `cell.result`, not `cell.value.result`: ExcelJS's value copy drops a result of 0.
    const r: unknown = cell.result;
    return typeof r === 'number' ? r : `result ${JSON.stringify(r)}`;
  }
  return typeof cell.value === 'number' ? cell.value : `value ${JSON.stringify(cell.value)}`;
}

function hasFormula(cell: ExcelJS.Cell): boolean {
  return cell.type === ExcelJS.ValueType.Formula && (cell.formula ?? '').length > 0;
}

/**
 * Reads the parameters back off the re-saved sheet, recomputes the model with the core
 * and compares every formula cell of the plan with its trace entry.
 */
export function compareConverted(ws: ExcelJS.Worksheet, c: LoCase, tol = LO_TOLERANCE): LoReport {
  const at = (cell: PlanCell) => ws.getCell(cell.row + 1, cell.col + 1);
  const failures: string[] = [];
  const params = collectParams(c.plan.cells, (cell) => {
    const v = cellNumber(at(cell));
    if (typeof v !== 'number') {
      failures.push(`${a1(cell.row, cell.col)} (${cell.meaning?.param?.name}) lost its number: ${v}`);
      return NaN;
    }
    return v;
  });
  const trace = c.spec.evaluate(c.plan.config as unknown as Settings, params);
  const cached = c.options.result;
  let formulaCells = 0;
  let checked = 0;
  let maxError = 0;
  let staleCells = 0;
  for (const cell of c.plan.cells) {
    if (cell.formula === undefined) continue;
    formulaCells++;
    const where = `${a1(cell.row, cell.col)} ${cell.formula}`;
    const t = cell.meaning?.trace;
    const expected = t ? trace.tensors[t.name]?.[t.step]?.[t.flat] : undefined;
    if (!t || expected === undefined) {
      failures.push(`${where}: no trace entry to compare with`);
      continue;
    }
    const xc = at(cell);
    if (!hasFormula(xc)) failures.push(`${where}: Calc saved it without its formula`);
    const got = cellNumber(xc);
    if (typeof got !== 'number') {
      failures.push(`${where}: Calc gave ${got}`);
      continue;
    }
    const old = cached?.(cell);
    if (old !== undefined && Math.abs(old - expected) > tol * (1 + Math.abs(expected))) staleCells++;
    checked++;
    const err = Math.abs(got - expected) / (1 + Math.abs(expected));
    maxError = Math.max(maxError, err);
    if (err > tol)
      failures.push(`${where}: Calc ${got} vs core ${expected} (${t.name}[${t.step}][${t.flat}])`);
  }
  return { formulaCells, checked, maxError, failures, staleCells };
}

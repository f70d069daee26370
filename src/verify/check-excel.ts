/**
 * "Check this Excel": every model's walkthrough sheet built at a small size on a
 * temporary sheet, the values this Excel computed read back and compared cell by cell
 * with the core (1e-9), then each custom function typed once into a cell and its result
 * compared with the core the same way. Every sheet the check builds is removed again by
 * the id its build returned, so a sheet of someone else's is never touched, even one that
 * took a temporary sheet's name. It runs on any WorkbookHost: in Excel it turns a user's
 * own Excel into a test run of the add-in; in the preview it checks the preview.
 */
import type { BuildProgress, BuildResult, CellContent, WorkbookHost } from '../host/host';
import type { ModelConfig, ModelSpec } from '../sheets/model-spec';
import { a1, type Language, type PlanCell, type SheetPlan } from '../sheets/plan';
import { availableModels, buildPlan } from '../sheets/registry';
import { coreResults } from '../sheets/results';
import { walkthroughMetadata } from '../practice/plan-for';
import { functionProbes, type FunctionProbe } from './function-probes';

/** Sheet formulas against the core: the project's tolerance, relative above 1. */
export const CHECK_TOLERANCE = 1e-9;
/** The size every size field is brought down to, where its limits allow. */
export const CHECK_SIZE = 2;
/** How many disagreeing cells a report lists for one model or function. */
export const LISTED_MISMATCHES = 5;

export interface CellMismatch {
  readonly address: string;
  readonly expected: number;
  readonly got: CellContent['value'];
}

export interface CheckResult {
  /** A model id ('lstm') or a function name ('LSTM.SEQ'). */
  readonly id: string;
  /** Computed cells compared with the core. */
  readonly compared: number;
  /** How many of them disagree (the first LISTED_MISMATCHES are listed). */
  readonly failed: number;
  readonly mismatches: readonly CellMismatch[];
  /** The largest difference seen, relative above 1 (NaN when a cell held no number). */
  readonly largestError: number;
  /** The step that failed (building, reading, removing), if one did. */
  readonly error?: string;
}

export interface CheckReport {
  readonly models: readonly CheckResult[];
  readonly functions: readonly CheckResult[];
  /** Temporary sheets built and removed. */
  readonly sheetsBuilt: number;
  readonly sheetsRemoved: number;
  /** Sheets the check built but could not remove, with why: the user may delete them. */
  readonly leftBehind: readonly { readonly sheet: string; readonly error: string }[];
  readonly ok: boolean;
}

export interface CheckProgress extends BuildProgress {
  /** What is being checked now: a model id, or 'functions'. */
  readonly current: string;
}

export interface CheckOptions {
  readonly language: Language;
  /** The models to check; all registered ones by default. */
  readonly models?: readonly ModelSpec[];
  /** The function probes; one per custom function by default. */
  readonly probes?: readonly FunctionProbe[];
  readonly onProgress?: (p: CheckProgress) => void;
}

/** The model's default config with every size brought down to CHECK_SIZE within its limits. */
export function smallConfig(spec: ModelSpec, language: Language): ModelConfig {
  const defaults = spec.defaults as ModelConfig & Record<string, unknown>;
  const sizes: Record<string, number> = {};
  for (const [field, limit] of Object.entries(spec.limits)) {
    const value = defaults[field];
    if (limit && typeof value === 'number') sizes[field] = Math.max(limit.min, Math.min(value, CHECK_SIZE));
  }
  return { ...defaults, ...sizes, language } as ModelConfig;
}

function difference(got: CellContent['value'], expected: number): number {
  if (typeof got !== 'number') return Number.NaN;
  return Math.abs(got - expected) / Math.max(1, Math.abs(expected));
}

/** Compares cells read back with the numbers expected at the same addresses. */
export function compareCells(
  id: string,
  read: readonly CellContent[],
  expected: readonly number[],
): CheckResult {
  const mismatches: CellMismatch[] = [];
  let failed = 0;
  let largestError = 0;
  read.forEach((cell, i) => {
    const d = difference(cell.value, expected[i]);
    // NaN (text, an error, an empty cell) is never within tolerance.
    if (!(d <= CHECK_TOLERANCE)) {
      failed++;
      if (mismatches.length < LISTED_MISMATCHES)
        mismatches.push({ address: cell.address, expected: expected[i], got: cell.value });
    }
    largestError = Number.isNaN(d) || Number.isNaN(largestError) ? Number.NaN : Math.max(largestError, d);
  });
  return { id, compared: read.length, failed, mismatches, largestError };
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

function failure(id: string, err: unknown): CheckResult {
  return { id, compared: 0, failed: 0, mismatches: [], largestError: 0, error: messageOf(err) };
}

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
function probeAddresses(plan: SheetPlan, probes: readonly FunctionProbe[]): string[][] {
  const formulas = plan.cells.filter((c) => c.formula !== undefined);
  return probes.map((probe, k) =>
    probe.expected.flatMap((r, i) => r.map((_, j) => a1(formulas[k].row + i, formulas[k].col + j))),
  );
}

/** What Excel shows in a cell whose custom function has not returned yet. */
export const BUSY = '#BUSY!';
/** How long the check waits for custom functions to return, in all. */
export const SETTLE_MS = 10_000;
const SETTLE_STEP_MS = 250;

/**
 * Reads the cells once every custom function among them has returned: Excel computes them
 * asynchronously and shows #BUSY! meanwhile. After SETTLE_MS the cells are taken as they
 * are, and a #BUSY! left is reported as a disagreement.
 */
export async function readSettled(
  host: WorkbookHost,
  sheet: string,
  addresses: readonly string[],
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<CellContent[]> {
  let read = await host.readCells(sheet, addresses);
  for (let waited = 0; waited < SETTLE_MS && read.some((c) => c.value === BUSY); waited += SETTLE_STEP_MS) {
    await wait(SETTLE_STEP_MS);
    read = await host.readCells(sheet, addresses);
  }
  return read;
}

type SheetRun = (
  id: string,
  plan: SheetPlan,
  metadata: Readonly<Record<string, unknown>>,
  compare: (sheet: string) => Promise<void>,
) => Promise<void>;

/** Types every probe on one sheet and compares each result (its spill included) with the core. */
async function checkFunctions(
  host: WorkbookHost,
  probes: readonly FunctionProbe[],
  language: Language,
  onSheet: SheetRun,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const plan = probePlan(probes, language);
  const addresses = probeAddresses(plan, probes);
  try {
    await onSheet('functions', plan, { mode: 'check' }, async (sheet) => {
      const read = await readSettled(host, sheet, addresses.flat());
      let at = 0;
      probes.forEach((probe, k) => {
        const mine = read.slice(at, at + addresses[k].length);
        at += addresses[k].length;
        results.push(compareCells(probe.id, mine, probe.expected.flat()));
      });
    });
  } catch (err) {
    results.push(failure('functions', err));
  }
  return results;
}

export async function checkThisExcel(host: WorkbookHost, options: CheckOptions): Promise<CheckReport> {
  const models = options.models ?? availableModels();
  const probes = options.probes ?? functionProbes();
  const total = models.length + (probes.length > 0 ? 1 : 0);
  let built = 0;
  let removed = 0;
  const leftBehind: { sheet: string; error: string }[] = [];
  // Each build activates its sheet; the user is put back where they were at the end.
  const selected = await host.getSelection().catch(() => null);

  const remove = async (made: BuildResult): Promise<void> => {
    try {
      if (made.sheetId === undefined || !host.removeSheet) throw new Error('the host gave no sheet id');
      await host.removeSheet(made.sheetId);
      removed++;
    } catch (err) {
      leftBehind.push({ sheet: made.sheetName, error: messageOf(err) });
    }
  };
  /** Builds, compares, and always removes what it built, by id; a failed removal is reported, not thrown. */
  const onSheet: SheetRun = async (id, plan, metadata, compare) => {
    options.onProgress?.({ done: built, total, current: id });
    const made = await host.buildSheet(plan, { ...metadata, check: true });
    built++;
    try {
      await compare(made.sheetName);
    } finally {
      await remove(made);
    }
  };

  const modelResults: CheckResult[] = [];
  for (const spec of models) {
    try {
      const config = smallConfig(spec, options.language);
      const plan = buildPlan(config);
      const expectedOf = coreResults(plan);
      const computed = plan.cells.filter((c) => c.formula !== undefined && expectedOf(c) !== undefined);
      await onSheet(spec.id, plan, walkthroughMetadata(config), async (sheet) => {
        const read = await readSettled(
          host,
          sheet,
          computed.map((c) => a1(c.row, c.col)),
        );
        modelResults.push(
          compareCells(
            spec.id,
            read,
            computed.map((c) => expectedOf(c)!),
          ),
        );
      });
    } catch (err) {
      modelResults.push(failure(spec.id, err));
    }
  }

  const functionResults =
    probes.length > 0 ? await checkFunctions(host, probes, options.language, onSheet) : [];
  if (selected) await host.selectCell(selected.sheet, selected.address).catch(() => undefined);
  options.onProgress?.({ done: total, total, current: '' });

  const all = [...modelResults, ...functionResults];
  const ok =
    all.every((r) => r.error === undefined && r.failed === 0 && r.compared > 0) && leftBehind.length === 0;
  return {
    models: modelResults,
    functions: functionResults,
    sheetsBuilt: built,
    sheetsRemoved: removed,
    leftBehind,
    ok,
  };
}

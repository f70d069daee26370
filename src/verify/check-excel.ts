/**
 * "Check this Excel": every model's walkthrough sheet built at a small size on a
 * temporary sheet, the values this Excel computed read back and compared cell by cell
 * with the core (1e-9), then each custom function typed once into a cell and its result
 * compared with the core the same way. Every sheet the check builds is removed again by
 * the id its build returned, so a sheet of someone else's is never touched, even one that
 * took a temporary sheet's name. It runs on any WorkbookHost: in Excel it turns a user's
 * own Excel into a test run of the add-in; in the preview it checks the preview.
 */
import type { BuildProgress, BuildResult, WorkbookHost } from '../host/host';
import type { ModelConfig, ModelSpec } from '../sheets/model-spec';
import { a1, type Language, type SheetPlan } from '../sheets/plan';
import { availableModels, buildPlan } from '../sheets/registry';
import { coreResults } from '../sheets/results';
import { walkthroughMetadata } from '../practice/plan-for';
import { compareCells, readSettled, type CheckResult } from './compare-cells';
import { functionProbes, type FunctionProbe } from './function-probes';
import { probeAddresses, probePlan } from './probe-sheet';

export type { CellMismatch, CheckResult } from './compare-cells';

/** The size every size field is brought down to, where its limits allow. */
export const CHECK_SIZE = 2;
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

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

function failure(id: string, err: unknown): CheckResult {
  return { id, compared: 0, failed: 0, mismatches: [], largestError: 0, error: messageOf(err) };
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

/**
 * Command-line export of a walkthrough sheet to .xlsx:
 *   npm run workbook -- --model lstm --input 3 --hidden 2 --steps 4 --seed 7 --out lstm.xlsx
 * Every option of the task pane is available; problems are reported in one readable
 * message and a non-zero exit code, never a stack trace.
 */
import { existsSync, realpathSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { hasOwn } from '../src/core/own';
import { stackFromStateDict } from '../src/core/state-dict';
import type { CellKind } from '../src/core/stack';
import type { ModelConfig, SizeField, StateDictJson } from '../src/sheets/model-spec';
import { parseConfig } from '../src/sheets/stored-config';
import type { Language, ModelId } from '../src/sheets/plan';
import { SEED_RANGE } from '../src/sheets/limits';
import { MODELS, specFor } from '../src/sheets/registry';
import { coreResults } from '../src/sheets/results';
import { parseStateDictText, stateDictTextProblemText } from '../src/sheets/state-dict-text';
import { planToXlsx } from '../src/host/xlsx';

export const USAGE = `Usage: npm run workbook -- --model <id> [options] --out <file.xlsx>

  --model <id>        ${Object.keys(MODELS).join(' | ')}
  --variant <id>      model variant (e.g. peephole, bidirectional, relu)
  --input <n>         input size I
  --hidden <n>        hidden size H
  --steps <n>         sequence length T
  --seed <n>          random seed (default 1), ${SEED_RANGE.min} to ${SEED_RANGE.max}
  --init <style>      torch | hand
  --lang <code>       en | zh
  --layers <n>        stacked layers (RNN, LSTM, GRU)
  --state <n>         state size N (Mamba)
  --heads <n>         heads (sLSTM)
  --output <n>        output size O (LSTM encoder–decoder, training sheets)
  --target <n>        target steps T_tgt (LSTM encoder–decoder)
  --weights <file>    PyTorch state_dict as JSON; sizes are read from it where possible
  --no-results        leave formula results out (Excel computes them on open)
  --out <file.xlsx>   where to write the workbook (required; never the --weights file)
  --force             overwrite --out when it exists
  --help              this text`;

export class UsageError extends Error {}

function integer(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text.trim())) throw new UsageError(`--${flag} must be a whole number (got "${text}")`);
  return Number(text);
}

function oneOf<T extends string>(
  flag: string,
  text: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (text === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(text))
    throw new UsageError(`--${flag} must be one of ${allowed.join(', ')} (got "${text}")`);
  return text as T;
}

/** Sizes a recurrent state_dict implies, so --weights alone is enough. */
function sizesFromStateDict(model: ModelId, dict: StateDictJson): Record<string, unknown> {
  if (model !== 'rnn' && model !== 'lstm' && model !== 'gru') return {};
  const p = stackFromStateDict(model as CellKind, dict);
  const peephole = hasOwn(dict, 'weight_ci_l0');
  const variant = p.bidirectional ? 'bidirectional' : peephole ? 'peephole' : undefined;
  return {
    inputSize: p.inputSize,
    hiddenSize: p.hiddenSize,
    numLayers: p.numLayers,
    ...(variant ? { variant } : {}),
  };
}

/** What --input and --hidden set where a model names its sizes its own way. */
const INPUT_FIELD: Partial<Record<ModelId, SizeField>> = {
  'mamba-scan': 'channels',
  'mamba-block': 'dModel',
};
const HIDDEN_FIELD: Partial<Record<ModelId, SizeField>> = { 'mamba-block': 'dInner', mlstm: 'headSize' };

/** The real path of `file`, following links; for a file not yet there, its folder's real path. */
function realPath(file: string): string {
  const abs = path.resolve(file);
  if (existsSync(abs)) return realpathSync(abs);
  const dir = path.dirname(abs);
  return existsSync(dir) ? path.join(realpathSync(dir), path.basename(abs)) : abs;
}

/**
 * `--out` must name an .xlsx, never the weights file being read (whatever path reaches
 * it), and an existing file only with --force: a typo must not destroy someone's work.
 */
function checkOut(out: string, weights: string | undefined, force: boolean): void {
  if (!/\.xlsx$/i.test(out)) throw new UsageError(`--out must name an .xlsx file (got "${out}")`);
  if (weights !== undefined && realPath(out) === realPath(weights))
    throw new UsageError(`--out ${out} is the --weights file; choose another name`);
  if (!force && existsSync(out)) throw new UsageError(`--out ${out} exists; add --force to overwrite it`);
}

/** The --weights file as a dict: size and nesting capped, a UTF-8 byte order mark allowed. */
async function readWeights(file: string): Promise<StateDictJson> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read --weights file ${file}`);
  }
  const parsed = parseStateDictText(text);
  if (!parsed.ok) throw new UsageError(`--weights ${file} ${stateDictTextProblemText(parsed.problem)}`);
  return parsed.dict;
}

export interface WorkbookJob {
  readonly config: ModelConfig;
  readonly out: string;
  readonly results: boolean;
  /** Overwrite `out` if it exists (otherwise the write itself refuses an existing file too). */
  readonly force: boolean;
}

export async function parseWorkbookArgs(argv: readonly string[]): Promise<WorkbookJob | 'help'> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        model: { type: 'string' },
        variant: { type: 'string' },
        input: { type: 'string' },
        hidden: { type: 'string' },
        steps: { type: 'string' },
        seed: { type: 'string' },
        init: { type: 'string' },
        lang: { type: 'string' },
        layers: { type: 'string' },
        state: { type: 'string' },
        heads: { type: 'string' },
        output: { type: 'string' },
        target: { type: 'string' },
        weights: { type: 'string' },
        'no-results': { type: 'boolean' },
        out: { type: 'string' },
        force: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  if (!v.model) throw new UsageError('--model is required');
  if (!v.out) throw new UsageError('--out is required (the .xlsx file to write)');
  const spec = (() => {
    try {
      return specFor(v.model);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  })();
  checkOut(v.out, v.weights, v.force === true);
  let stateDict: StateDictJson | undefined;
  let fromDict: Record<string, unknown> = {};
  if (v.weights) {
    stateDict = await readWeights(v.weights);
    try {
      fromDict = sizesFromStateDict(spec.id, stateDict);
    } catch (e) {
      throw new UsageError(`--weights ${v.weights}: ${(e as Error).message}`);
    }
  }
  const d = spec.defaults;
  const sizes: [SizeField | 'seed', string, string | undefined][] = [
    [INPUT_FIELD[spec.id] ?? 'inputSize', 'input', v.input],
    [HIDDEN_FIELD[spec.id] ?? 'hiddenSize', 'hidden', v.hidden],
    ['steps', 'steps', v.steps],
    ['seed', 'seed', v.seed],
    ['numLayers', 'layers', v.layers],
    ['stateSize', 'state', v.state],
    ['heads', 'heads', v.heads],
    ['outputSize', 'output', v.output],
    ['targetSteps', 'target', v.target],
  ];
  const overrides: Record<string, unknown> = {};
  for (const [field, flag, text] of sizes) {
    const n = integer(flag, text);
    if (n !== undefined) overrides[field] = n;
  }
  const seed = overrides.seed as number | undefined;
  if (seed !== undefined && (seed < SEED_RANGE.min || seed > SEED_RANGE.max)) {
    throw new UsageError(`--seed must be from ${SEED_RANGE.min} to ${SEED_RANGE.max} (got ${v.seed})`);
  }
  if (v.variant !== undefined) overrides.variant = v.variant;
  const settings = parseConfig({
    ...d,
    ...fromDict,
    ...overrides,
    language: oneOf<Language>('lang', v.lang, ['en', 'zh']) ?? d.language,
    init: oneOf('init', v.init, ['torch', 'hand'] as const) ?? (stateDict ? 'torch' : d.init),
    ...(stateDict ? { stateDict } : {}),
    model: spec.id,
  });
  if (!settings.ok) throw new UsageError(settings.problem);
  const config = settings.config;
  const problems = spec.validate(config);
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  return { config, out: v.out, results: !v['no-results'], force: v.force === true };
}

export async function runWorkbook(argv: readonly string[]): Promise<string> {
  const job = await parseWorkbookArgs(argv);
  if (job === 'help') return USAGE;
  const plan = specFor(job.config.model).build(job.config);
  const bytes = await planToXlsx(plan, job.results ? { result: coreResults(plan) } : {});
  await writeFile(job.out, bytes, { flag: job.force ? 'w' : 'wx' });
  const formulas = plan.cells.filter((c) => c.formula !== undefined).length;
  return `wrote ${job.out}: sheet "${plan.baseName}", ${plan.cells.length} cells, ${formulas} formulas`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runWorkbook(process.argv.slice(2)).then(
    (message) => console.log(message),
    (e: unknown) => {
      if (e instanceof UsageError) console.error(`workbook: ${e.message}\n\n${USAGE}`);
      else console.error(`workbook: ${(e as Error).message}`);
      process.exitCode = 1;
    },
  );
}

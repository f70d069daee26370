/**
 * Every host operation a practice sheet goes through, run against the strict Excel double
 * (the real Office.js request builder), with the largest real request and response of each
 * recorded. Used by the request-limit test and by the benchmark that writes the table in
 * docs/BENCHMARKS.md.
 */
import { parseConfig } from '../../src/sheets/stored-config';
import { availableModels } from '../../src/sheets/registry';
import { ExcelHost } from '../../src/host/excel-host';
import type { ModelConfig, ModelSpec } from '../../src/sheets/model-spec';
import { checkAndMark, checkPractice } from '../../src/practice/checker';
import { createPracticeSheet } from '../../src/practice/create';
import { fillNextStep } from '../../src/practice/fill-next-step';
import { hintFor } from '../../src/practice/hint';
import type { Difficulty } from '../../src/practice/metadata';
import { resetPractice } from '../../src/practice/reset';
import { reveal } from '../../src/practice/reveal';
import { StrictExcel } from './strict-excel';

export const OPERATIONS = [
  'build',
  'list sheets',
  'hint',
  'check',
  'check + marks',
  'fill next step',
  'reveal one',
  'reveal all',
  'reset',
] as const;
export type Operation = (typeof OPERATIONS)[number];

export interface OperationSize {
  readonly requests: number;
  /** Largest request body, bytes. */
  readonly request: number;
  /** Largest response body, bytes. */
  readonly response: number;
}

/** The largest config the pane allows for `spec` with `variant`. */
export function largestConfig(spec: ModelSpec, variant: string | undefined): ModelConfig {
  const sizes: Record<string, number> = {};
  for (const [field, limit] of Object.entries(spec.limits)) sizes[field] = limit!.max;
  const parsed = parseConfig({ ...spec.defaults, ...sizes, variant });
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.config;
}

/** Every model and variant at the largest sizes the pane allows (the configs it would accept). */
export function* largestCases(): Generator<{
  spec: ModelSpec;
  variant: string | undefined;
  config: ModelConfig;
}> {
  for (const spec of availableModels()) {
    const variants = spec.variants.length > 0 ? spec.variants.map((v) => v.id) : [undefined];
    for (const variant of variants) {
      const config = largestConfig(spec, variant);
      if (spec.validate(config).length === 0) yield { spec, variant, config };
    }
  }
}

/** Runs every operation once on a fresh practice sheet; throws if any request fails. */
export async function measureOperations(
  config: ModelConfig,
  difficulty: Difficulty,
  budget?: { readonly excelMaxBytes: number; readonly hostMaxBytes: number },
): Promise<Map<Operation, OperationSize>> {
  const excel = new StrictExcel(['Sheet1'], { maxBytes: budget?.excelMaxBytes });
  const host = new ExcelHost({
    run: excel.run as never,
    isSetSupported: excel.isSetSupported,
    maxRequestBytes: budget?.hostMaxBytes,
  });
  const sizes = new Map<Operation, OperationSize>();
  const measure = async <T>(op: Operation, action: () => Promise<T>): Promise<T> => {
    const from = excel.requests.length;
    const result = await action();
    const requests = excel.requests.slice(from);
    sizes.set(op, {
      requests: requests.length,
      request: Math.max(0, ...requests.map((r) => r.bytes)),
      response: Math.max(0, ...requests.map((r) => r.responseBytes)),
    });
    return result;
  };
  const { sheetName, answers } = await measure('build', () => createPracticeSheet(host, config, difficulty));
  await measure('list sheets', () => host.listAddinSheets());
  await measure('hint', () => hintFor(host, sheetName, answers[0]));
  await measure('check', () => checkPractice(host, sheetName));
  await measure('fill next step', () => fillNextStep(host, sheetName));
  await measure('reveal one', () =>
    reveal(host, sheetName, answers[answers.length - 1], { confirmed: true }),
  );
  await measure('reveal all', () => reveal(host, sheetName, 'all', { confirmed: true }));
  // Every answer now holds its formula: the marks colour every cell.
  await measure('check + marks', () => checkAndMark(host, sheetName));
  await measure('reset', () => resetPractice(host, sheetName, { confirmed: true }));
  return sizes;
}

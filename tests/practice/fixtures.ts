/** Configs and oracles shared by the practice tests. */
import { loadPlan } from '../sheets/evaluate';
import type { ModelConfig, Settings } from '../../src/sheets/model-spec';
import { parseConfig } from '../../src/sheets/stored-config';
import { parseA1, type SheetPlan } from '../../src/sheets/plan';
import { availableModels, specFor } from '../../src/sheets/registry';

/** Settings spread together in a test, as the typed config they parse to. */
function typed(settings: Settings): ModelConfig {
  const parsed = parseConfig(settings);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.config;
}

/** Every registered model with its defaults, and each of its variants. */
export function allConfigs(): { name: string; config: ModelConfig }[] {
  return availableModels().flatMap((spec) => [
    { name: `${spec.id} default`, config: spec.defaults },
    ...spec.variants.map((v) => ({
      name: `${spec.id} ${v.id}`,
      config: typed({ ...spec.defaults, variant: v.id }),
    })),
  ]);
}

/** A small RNN over a few steps: quick, and enough steps for "next step" to mean something. */
export function rnnConfig(overrides: Partial<Settings> = {}): ModelConfig {
  return typed({
    ...specFor('rnn').defaults,
    inputSize: 2,
    hiddenSize: 2,
    steps: 3,
    init: 'torch',
    ...overrides,
  });
}

/**
 * What the walkthrough's own formulas compute at each address, by a formula engine run
 * over the full plan: the truth the checker must agree with, found without the checker
 * (numbers, and the sentence of a verdict cell).
 * `edit` changes literal cells first (a learner editing an input or a weight).
 */
export function sheetTruth(
  plan: SheetPlan,
  addresses: readonly string[],
  edit: Record<string, number> = {},
): Map<string, number | string> {
  const hf = loadPlan(plan);
  try {
    for (const [address, v] of Object.entries(edit)) hf.setCellContents({ sheet: 0, ...parseA1(address) }, v);
    return new Map(
      addresses.map((a) => {
        const v = hf.getCellValue({ sheet: 0, ...parseA1(a) });
        // A number, or the words of a "what to try" verdict; never an error.
        if (typeof v !== 'number' && typeof v !== 'string') throw new Error(`${a} is ${JSON.stringify(v)}`);
        return [a, v];
      }),
    );
  } finally {
    hf.destroy();
  }
}

/** Configs and oracles shared by the practice tests. */
import { loadPlan } from '../sheets/evaluate';
import type { ModelConfig } from '../../src/sheets/model-spec';
import { parseA1, type SheetPlan } from '../../src/sheets/plan';
import { availableModels, specFor } from '../../src/sheets/registry';

/** Every registered model with its defaults, and each of its variants. */
export function allConfigs(): { name: string; config: ModelConfig }[] {
  return availableModels().flatMap((spec) => [
    { name: `${spec.id} default`, config: spec.defaults },
    ...spec.variants.map((v) => ({
      name: `${spec.id} ${v.id}`,
      config: { ...spec.defaults, variant: v.id },
    })),
  ]);
}

/** A small RNN over a few steps: quick, and enough steps for "next step" to mean something. */
export function rnnConfig(overrides: Partial<ModelConfig> = {}): ModelConfig {
  return { ...specFor('rnn').defaults, inputSize: 2, hiddenSize: 2, steps: 3, init: 'torch', ...overrides };
}

/**
 * What the walkthrough's own formulas compute at each address, by a formula engine run
 * over the full plan: the truth the checker must agree with, found without the checker.
 * `edit` changes literal cells first (a learner editing an input or a weight).
 */
export function sheetTruth(
  plan: SheetPlan,
  addresses: readonly string[],
  edit: Record<string, number> = {},
): Map<string, number> {
  const hf = loadPlan(plan);
  try {
    for (const [address, v] of Object.entries(edit)) hf.setCellContents({ sheet: 0, ...parseA1(address) }, v);
    return new Map(
      addresses.map((a) => {
        const v = hf.getCellValue({ sheet: 0, ...parseA1(a) });
        if (typeof v !== 'number') throw new Error(`${a} is ${JSON.stringify(v)}`);
        return [a, v];
      }),
    );
  } finally {
    hf.destroy();
  }
}

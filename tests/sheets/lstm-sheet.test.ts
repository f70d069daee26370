import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lstmSpec } from '../../src/sheets/lstm-sheet';
import type { ModelConfig } from '../../src/sheets/model-spec';
import { stackToStateDict } from '../../src/core/state-dict';
import { initStack } from '../../src/core/stack';
import { runHarness } from './evaluate';
import { expectSheetMatchesStack, recurrentConfigs } from './recurrent-checks';
import { expectHarnessPasses } from './sheet-checks';

const base = lstmSpec.defaults;

describe('LSTM walkthrough sheet', () => {
  it('every formula equals the core trace, before and after editing an input and a weight', () => {
    expectSheetMatchesStack(lstmSpec, 'lstm', base);
  });

  it('random sizes, variants, layers and init styles all evaluate to the core trace', () => {
    // A peephole sheet has one layer (the spec refuses more).
    const configs = recurrentConfigs(base, ['standard', 'peephole', 'bidirectional']).map((c) =>
      c.variant === 'peephole' ? { ...c, numLayers: 1 } : c,
    );
    fc.assert(
      fc.property(configs, (config) => expectSheetMatchesStack(lstmSpec, 'lstm', config)),
      { numRuns: 10 },
    );
  });

  it('shows the gates in the order forget, input, candidate, cell, output, tanh(c), hidden', () => {
    const plan = lstmSpec.build(base);
    const order: string[] = [];
    for (const c of plan.cells) {
      const name = c.meaning?.trace?.name;
      if (
        c.col === plan.cells.find((x) => x.meaning?.trace?.name === 'h')?.col &&
        name &&
        !order.includes(name)
      )
        order.push(name);
    }
    expect(order.filter((n) => ['f', 'i', 'g', 'c', 'o', 'tanh_c', 'h'].includes(n))).toEqual([
      'f',
      'i',
      'g',
      'c',
      'o',
      'tanh_c',
      'h',
    ]);
  });

  it('loads a PyTorch state_dict and checks it against the requested sizes', () => {
    const dict = stackToStateDict(initStack('lstm', 2, 3, 1, false, 99, 'torch'));
    const config: ModelConfig = { ...base, inputSize: 2, hiddenSize: 3, init: 'torch', stateDict: dict };
    const plan = lstmSpec.build(config);
    const w = plan.cells.find((c) => c.meaning?.param?.name === 'W_ih' && c.meaning.param.flat === 0);
    expect(w?.value).toBe((dict.weight_ih_l0 as number[][])[0][0]);
    expectHarnessPasses(runHarness(plan, lstmSpec));
    expect(lstmSpec.validate({ ...config, hiddenSize: 2 }).join(' ')).toMatch(
      /hidden size 3 but the sheet asks for 2/,
    );
    expect(lstmSpec.validate({ ...config, stateDict: { weight_ih_l0: [[1]] } }).join(' ')).toMatch(
      /state_dict: weight_hh_l0/,
    );
  });

  it('refuses a stacked peephole LSTM and sizes over the limits', () => {
    expect(lstmSpec.validate({ ...base, variant: 'peephole', numLayers: 2 }).join(' ')).toMatch(/one layer/);
    expect(lstmSpec.validate({ ...base, hiddenSize: 64, steps: 32 }).join(' ')).toMatch(/about [\d,]+ cells/);
  });
});

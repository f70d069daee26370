import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rnnSpec } from '../../src/sheets/rnn-sheet';
import type { ModelConfig } from '../../src/sheets/model-spec';
import { runHarness } from './evaluate';
import { expectHarnessPasses, finalOutputMatchesStack } from './recurrent-checks';

const base = rnnSpec.defaults;

describe('RNN walkthrough sheet', () => {
  it('every formula equals the core trace, before and after editing an input and a weight', () => {
    expectHarnessPasses(runHarness(rnnSpec.build(base), rnnSpec));
  });

  it('random sizes, variants, layers and init styles all evaluate to the core trace', () => {
    fc.assert(
      fc.property(
        fc.record({
          inputSize: fc.integer({ min: 1, max: 4 }),
          hiddenSize: fc.integer({ min: 1, max: 4 }),
          steps: fc.integer({ min: 1, max: 4 }),
          seed: fc.integer({ min: 0, max: 10_000 }),
          init: fc.constantFrom('torch' as const, 'hand' as const),
          variant: fc.constantFrom('tanh', 'relu', 'bidirectional', 'bidirectional-relu'),
          numLayers: fc.integer({ min: 1, max: 2 }),
          language: fc.constantFrom('en' as const, 'zh' as const),
        }),
        (over) => {
          const config: ModelConfig = { ...base, ...over };
          const plan = rnnSpec.build(config);
          expectHarnessPasses(runHarness(plan, rnnSpec));
          finalOutputMatchesStack('rnn', config, plan);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('rejects sizes above the limits with the cell count the sheet would have', () => {
    const problems = rnnSpec.validate({ ...base, hiddenSize: 40 });
    expect(problems.join(' ')).toMatch(/hidden size must be between 1 and 16/);
    expect(problems.join(' ')).toMatch(/about [\d,]+ cells/);
    expect(() => rnnSpec.build({ ...base, steps: 100 })).toThrow(/sequence length/);
    expect(rnnSpec.validate({ ...base, variant: 'lstm' }).join(' ')).toMatch(/unknown variant/);
    expect(rnnSpec.validate({ ...base, language: 'zh', hiddenSize: 0 }).join(' ')).toMatch(/隐藏维度/);
  });
});

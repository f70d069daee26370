import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rnnSpec } from '../../src/sheets/rnn-sheet';
import { expectSheetMatchesStack, recurrentConfigs } from './recurrent-checks';

const base = rnnSpec.defaults;

describe('RNN walkthrough sheet', () => {
  it('every formula equals the core trace, before and after editing an input and a weight', () => {
    expectSheetMatchesStack(rnnSpec, 'rnn', base);
  });

  it('random sizes, variants, layers and init styles all evaluate to the core trace', () => {
    const configs = recurrentConfigs(base, ['tanh', 'relu', 'bidirectional', 'bidirectional-relu'], 4);
    fc.assert(
      fc.property(configs, (config) => expectSheetMatchesStack(rnnSpec, 'rnn', config)),
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

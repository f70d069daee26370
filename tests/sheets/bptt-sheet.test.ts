/**
 * The training sheets (rnn-bptt, lstm-bptt) in a real formula engine: every computed
 * cell — forward, backward, contributions, gradients, the SGD step and the new forward
 * pass — equals the core's trace (1e-9), again after editing an input and a weight; the
 * backward band runs right to left; the long-sequence preset shows the RNN's gradient
 * vanishing and the LSTM's cell gradient surviving, on the sheet's own cells.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { lstmBpttSpec, rnnBpttSpec } from '../../src/sheets/bptt-sheet';
import type { ModelSpec } from '../../src/sheets/model-spec';
import { expectSheetPasses } from './sheet-checks';

const specs: [string, ModelSpec][] = [
  ['rnn-bptt', rnnBpttSpec],
  ['lstm-bptt', lstmBpttSpec],
];

describe.each(specs)('%s training sheet', (_name, spec) => {
  it('every formula equals the core trace, before and after edits', () => {
    expectSheetPasses(spec, spec.defaults);
  });

  it('random sizes, seeds, init styles and languages', () => {
    fc.assert(
      fc.property(
        fc.record({
          inputSize: fc.integer({ min: 1, max: 3 }),
          hiddenSize: fc.integer({ min: 1, max: 3 }),
          steps: fc.integer({ min: 1, max: 5 }),
          seed: fc.integer({ min: 0, max: 10_000 }),
          init: fc.constantFrom('torch' as const, 'hand' as const),
          language: fc.constantFrom('en' as const, 'zh' as const),
        }),
        (over) => {
          expectSheetPasses(spec, { ...spec.defaults, ...over });
        },
      ),
      { numRuns: 8 },
    );
  });
});

/**
 * Every gradient of both backward passes against central differences (float64, relative
 * 1e-6) of an independent naive loss, for random sizes, weights, inputs, targets and
 * initial states; the split of dL/dh_t into "from the output" and "from the future"
 * against nudges that reach only the head or only the next step.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lstmBackwardTrace } from '../../../src/core/lstm-backward-trace';
import type { LstmParams } from '../../../src/core/lstm';
import type { RnnParams } from '../../../src/core/rnn';
import { rnnBackwardTrace } from '../../../src/core/rnn-backward-trace';
import { coreLstm, coreRnn, gradientErrors, makeCase } from './cases';
import { fdStates, relativeError } from './fd-reference';

const TOL = 1e-6;

const shapes = fc.record({
  I: fc.integer({ min: 1, max: 4 }),
  H: fc.integer({ min: 1, max: 4 }),
  O: fc.integer({ min: 1, max: 3 }),
  T: fc.integer({ min: 1, max: 6 }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});

function expectAllBelow(errors: Record<string, number>): void {
  for (const [name, e] of Object.entries(errors)) expect(e, name).toBeLessThan(TOL);
}

describe('BPTT against central differences', () => {
  it('RNN (tanh): every parameter, h0 and dL/dh_t', () => {
    fc.assert(
      fc.property(shapes, (s) => expectAllBelow(gradientErrors(makeCase('rnn', s), coreRnn))),
      {
        numRuns: 25,
      },
    );
  });

  it('RNN (relu): every parameter, h0 and dL/dh_t', () => {
    fc.assert(
      fc.property(shapes, (s) => expectAllBelow(gradientErrors(makeCase('rnn', s, 'relu'), coreRnn))),
      { numRuns: 15 },
    );
  });

  it('LSTM: every parameter, h0, c0, dL/dh_t and dL/dc_t', () => {
    fc.assert(
      fc.property(shapes, (s) => expectAllBelow(gradientErrors(makeCase('lstm', s), coreLstm))),
      {
        numRuns: 25,
      },
    );
  });

  it('splits dL/dh_t into the part from the output and the part from the future', () => {
    const shape = { I: 2, H: 3, O: 2, T: 5, seed: 7 };
    for (const kind of ['rnn', 'lstm'] as const) {
      const c = makeCase(kind, shape);
      const { trace } =
        kind === 'rnn'
          ? rnnBackwardTrace(c.p as RnnParams, c.head, c.X, c.Y, c.h0)
          : lstmBackwardTrace(c.p as LstmParams, c.head, c.X, c.Y, c.h0, c.c0);
      const flat = (name: string) => Float64Array.from(trace.tensors[name].flatMap((v) => Array.from(v)));
      expect(relativeError(flat('dh_out'), fdStates(c, 'hOut')), kind).toBeLessThan(TOL);
      expect(relativeError(flat('dh_future'), fdStates(c, 'hRec')), kind).toBeLessThan(TOL);
      expect(relativeError(flat('dh'), fdStates(c, 'h')), kind).toBeLessThan(TOL);
    }
  });
});

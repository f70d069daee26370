/**
 * The long-sequence preset (T = 20, only the last step off target) on the core: the RNN's
 * ‖∂L/∂hₜ‖ at the first step is orders of magnitude below the one at step T − 1, while
 * the LSTM's cell gradient ‖∂L/∂cₜ‖ keeps the same order of magnitude and its ‖∂L/∂hₜ‖
 * stays within a factor 100 — the additive cell path at work.
 */
import { describe, expect, it } from 'vitest';
import type { LstmParams } from '../../../src/core/lstm';
import { lstmBackwardTrace } from '../../../src/core/lstm-backward-trace';
import type { RnnParams } from '../../../src/core/rnn';
import { rnnBackwardTrace } from '../../../src/core/rnn-backward-trace';
import { seededSetup, type BpttKind } from '../../../src/sheets/bptt-model';
import type { TrainingConfig } from '../../../src/sheets/model-spec';

const T = 20;

function norms(kind: BpttKind, seed: number): { dh: number[]; dc: number[] } {
  const config: TrainingConfig = {
    model: `${kind}-bptt`,
    language: 'en',
    inputSize: 2,
    hiddenSize: 2,
    outputSize: 1,
    steps: T,
    seed,
    init: 'torch',
    variant: 'long',
  };
  const s = seededSetup(kind, config);
  const { trace } =
    kind === 'rnn'
      ? rnnBackwardTrace(s.p as RnnParams, s.head, s.X, s.Y, s.h0)
      : lstmBackwardTrace(s.p as LstmParams, s.head, s.X, s.Y, s.h0, s.c0);
  const read = (name: string) => (trace.tensors[name] ?? []).map((v) => v[0]);
  return { dh: read('dh_norm'), dc: read('dc_norm') };
}

describe('the long-sequence preset', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) {
    it(`seed ${seed}: the RNN's gradient vanishes, the LSTM's does not`, () => {
      const rnn = norms('rnn', seed);
      const lstm = norms('lstm', seed);
      // Only the last step has an error: every earlier dh is that error carried back.
      expect(rnn.dh[0] / rnn.dh[T - 2]).toBeLessThan(1e-3);
      expect(lstm.dc[0] / lstm.dc[T - 1]).toBeGreaterThan(0.1);
      expect(lstm.dh[0] / lstm.dh[T - 2]).toBeGreaterThan(1e-2);
    });
  }
});

/**
 * The training sheets (rnn-bptt, lstm-bptt) in a real formula engine: every computed
 * cell — forward, backward, contributions, gradients, the SGD step and the new forward
 * pass — equals the core's trace (1e-9), again after editing an input and a weight; the
 * backward band runs right to left; the long-sequence preset shows the RNN's gradient
 * vanishing and the LSTM's cell gradient surviving, on the sheet's own cells.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lstmBpttSpec, rnnBpttSpec } from '../../src/sheets/bptt-sheet';
import type { ModelSpec } from '../../src/sheets/model-spec';
import { loadPlan } from './evaluate';
import { expectSheetPasses, tensorAt } from './sheet-checks';

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
          outputSize: fc.integer({ min: 1, max: 3 }),
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

describe.each(specs)('%s with several outputs per step', (_name, spec) => {
  for (const O of [2, 3]) {
    it(`O = ${O}: every formula equals the core trace, before and after edits, with O-wide heads`, () => {
      const config = { ...spec.defaults, outputSize: O };
      const plan = expectSheetPasses(spec, config);
      const { steps: T } = config;
      const H = plan.config.hiddenSize as number;
      const count = (f: (m: NonNullable<(typeof plan.cells)[number]['meaning']>) => boolean) =>
        plan.cells.filter((c) => c.meaning !== undefined && f(c.meaning)).length;
      expect(count((m) => m.param?.name === 'W_hy')).toBe(O * H);
      expect(count((m) => m.param?.name === 'b_y')).toBe(O);
      expect(count((m) => m.param?.name === 'y')).toBe(T * O);
      for (const name of ['y_hat', 'dy', 'y_hat_new'])
        expect(count((m) => m.trace?.name === name && m.trace.step === T - 1)).toBe(O);
      expect(count((m) => m.trace?.name === 'grad_W_hy')).toBe(O * H);
      expect(count((m) => m.trace?.name === 'new_b_y')).toBe(O);
      // The sizes line shows O.
      expect(plan.cells.some((c) => c.value === O && c.col === 1)).toBe(true);
    });
  }

  it('the long preset at O = 2 passes too', () => {
    expectSheetPasses(spec, { ...spec.defaults, outputSize: 2, variant: 'long' });
  });

  it('refuses O outside 1 … 4', () => {
    expect(spec.validate({ ...spec.defaults, outputSize: 5 }).join(' ')).toMatch(/4/);
    expect(spec.validate({ ...spec.defaults, outputSize: 0 }).length).toBeGreaterThan(0);
    expect(spec.validate({ ...spec.defaults, outputSize: 4 })).toEqual([]);
  });
});

/** The engine's values of a per-step scalar row (a norm), by step. */
function engineRow(spec: ModelSpec, name: string, T: number): number[] {
  const plan = spec.build({ ...spec.defaults, variant: 'long', steps: T });
  const hf = loadPlan(plan);
  try {
    return Array.from({ length: T }, (_, t) => tensorAt(hf, plan, name, t).get(0)!);
  } finally {
    hf.destroy();
  }
}

describe('long-sequence preset on the sheet', () => {
  const T = 20;

  it('passes the evaluation harness at T = 20 for both models', () => {
    for (const [, spec] of specs) expectSheetPasses(spec, { ...spec.defaults, variant: 'long', steps: T });
  });

  it('the RNN bars shrink by orders of magnitude, the LSTM cell bars do not', () => {
    const rnn = engineRow(rnnBpttSpec, 'dh_norm', T);
    const lstmDh = engineRow(lstmBpttSpec, 'dh_norm', T);
    const lstmDc = engineRow(lstmBpttSpec, 'dc_norm', T);
    expect(rnn[0] / rnn[T - 2]).toBeLessThan(1e-3);
    expect(lstmDc[0] / lstmDc[T - 1]).toBeGreaterThan(0.1);
    expect(lstmDh[0] / lstmDh[T - 2]).toBeGreaterThan(1e-2);
  });

  it('the long variant runs at least 20 steps whatever T it is given, and says so in its summary', () => {
    const plan = rnnBpttSpec.build({ ...rnnBpttSpec.defaults, variant: 'long', steps: 4 });
    const steps = new Set(plan.cells.map((c) => c.meaning?.trace?.step).filter((t) => t !== undefined));
    expect(steps.size).toBe(T);
    expect(plan.config.steps).toBe(4);
    expect(plan.cells.some((c) => c.value === T && c.col === 1)).toBe(true);
  });

  it('the backward band runs right to left: step T at the left, step 1 at the right', () => {
    const plan = rnnBpttSpec.build(rnnBpttSpec.defaults);
    const colOf = (t: number) =>
      plan.cells.find((c) => c.meaning?.trace?.name === 'dh' && c.meaning.trace.step === t)!.col;
    const fwd = (t: number) =>
      plan.cells.find((c) => c.meaning?.trace?.name === 'h' && c.meaning.trace.step === t)!.col;
    const T4 = rnnBpttSpec.defaults.steps;
    for (let t = 0; t + 1 < T4; t++) {
      expect(colOf(t)).toBeGreaterThan(colOf(t + 1));
      expect(fwd(t)).toBeLessThan(fwd(t + 1));
    }
  });
});

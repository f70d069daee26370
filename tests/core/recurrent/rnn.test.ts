import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initRnn, rnnForward, rnnStep, rnnTrace, type RnnParams } from '../../../src/core/rnn';
import { initStack } from '../../../src/core/stack';
import { fromRows, matrix } from '../../../src/core/tensor';
import {
  cellShapeFields,
  dot,
  maxDiff,
  nested,
  refCellOf,
  refRnn,
  testSequence,
  testValues,
} from './reference';

const shapes = fc.record({
  ...cellShapeFields,
  nonlinearity: fc.constantFrom('tanh' as const, 'relu' as const),
});

describe('rnnForward', () => {
  it('equals the plain-array reference for random shapes, seeds, styles and h0', () => {
    fc.assert(
      fc.property(shapes, ({ I, H, T, seed, style, nonlinearity }) => {
        const p = initRnn(I, H, seed, style, nonlinearity);
        const xs = testSequence(seed + 1, T, I, 2);
        const h0 = testValues(seed + 2, H);
        const { output, hN } = rnnForward(p, fromRows(xs), Float64Array.from(h0));
        const ref = refRnn(refCellOf(p), xs, h0, nonlinearity);
        expect(maxDiff(nested(output), ref)).toBeLessThan(1e-12);
        expect(maxDiff([Array.from(hN)], [ref[T - 1]])).toBeLessThan(1e-12);
      }),
      { numRuns: 60 },
    );
  });

  it('matches a case worked by hand (I = 1, H = 1, tanh)', () => {
    const p: RnnParams = {
      inputSize: 1,
      hiddenSize: 1,
      nonlinearity: 'tanh',
      W_ih: fromRows([[0.5]]),
      W_hh: fromRows([[-1]]),
      b_ih: Float64Array.of(0.1),
      b_hh: Float64Array.of(0.2),
    };
    const { output } = rnnForward(p, fromRows([[1], [2]]));
    const h1 = Math.tanh(0.5 * 1 + 0.1 + -1 * 0 + 0.2); // tanh(0.8)
    const h2 = Math.tanh(0.5 * 2 + 0.1 + -1 * h1 + 0.2);
    expect(output.data[0]).toBeCloseTo(0.664036770267849, 14);
    expect(Math.abs(output.data[0] - h1)).toBeLessThan(1e-15);
    expect(Math.abs(output.data[1] - h2)).toBeLessThan(1e-15);
  });

  it('relu clips negative pre-activations to exactly zero and passes positive ones through', () => {
    const p: RnnParams = {
      inputSize: 2,
      hiddenSize: 2,
      nonlinearity: 'relu',
      W_ih: fromRows([
        [1, 0],
        [0, 1],
      ]),
      W_hh: matrix(2, 2),
      b_ih: Float64Array.of(0, 0),
      b_hh: Float64Array.of(0, 0),
    };
    expect(Array.from(rnnForward(p, fromRows([[3, -4]])).output.data)).toEqual([3, 0]);
  });

  it('returns h0 unchanged and an empty output for an empty sequence', () => {
    const p = initRnn(2, 3, 1, 'torch');
    const { output, hN } = rnnForward(p, matrix(0, 2), Float64Array.of(1, 2, 3));
    expect(output.rows).toBe(0);
    expect(Array.from(hN)).toEqual([1, 2, 3]);
  });

  it('names the argument when a size is wrong', () => {
    const p = initRnn(3, 2, 1, 'torch');
    expect(() => rnnForward(p, matrix(4, 2))).toThrow(/X must have 3 columns.*4×2/);
    expect(() => rnnForward(p, matrix(4, 3), Float64Array.of(1))).toThrow(/h0 must have 2 values; got 1/);
    expect(() => rnnStep(p, Float64Array.of(1, 2), Float64Array.of(0, 0))).toThrow(/x must have 3 values/);
  });
});

describe('rnnStep', () => {
  it('stepping one row at a time reproduces the forward pass, also when updating h in place', () => {
    fc.assert(
      fc.property(shapes, ({ I, H, T, seed, style, nonlinearity }) => {
        const p = initRnn(I, H, seed, style, nonlinearity);
        const X = fromRows(testSequence(seed, T, I));
        const { output } = rnnForward(p, X);
        let h: Float64Array = new Float64Array(H);
        const inPlace = new Float64Array(H);
        for (let t = 0; t < T; t++) {
          const x = X.data.slice(t * I, (t + 1) * I);
          h = rnnStep(p, x, h);
          rnnStep(p, x, inPlace, inPlace);
          expect(Array.from(h)).toEqual(Array.from(output.data.subarray(t * H, (t + 1) * H)));
          expect(Array.from(inPlace)).toEqual(Array.from(h));
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe('rnnTrace', () => {
  it('records x, h_prev, pre and h consistent with each other and with the forward pass', () => {
    const I = 3;
    const H = 4;
    const T = 5;
    const p = initRnn(I, H, 42, 'torch');
    const xs = testSequence(7, T, I);
    const h0 = testValues(8, H);
    const trace = rnnTrace(p, fromRows(xs), Float64Array.from(h0));
    const { output } = rnnForward(p, fromRows(xs), Float64Array.from(h0));
    const W_ih = nested(p.W_ih);
    const W_hh = nested(p.W_hh);
    expect(Object.keys(trace.tensors).sort()).toEqual(['h', 'h_prev', 'pre', 'x']);
    expect(trace.steps).toBe(T);
    for (let t = 0; t < T; t++) {
      const { x, h_prev, pre, h } = Object.fromEntries(
        Object.entries(trace.tensors).map(([k, v]) => [k, Array.from(v[t])]),
      );
      expect(x).toEqual(xs[t]);
      expect(h_prev).toEqual(t === 0 ? h0 : Array.from(trace.tensors.h[t - 1]));
      for (let j = 0; j < H; j++) {
        const expected = dot(W_ih[j], x) + p.b_ih[j] + dot(W_hh[j], h_prev) + p.b_hh[j];
        expect(Math.abs(pre[j] - expected)).toBeLessThan(1e-12);
        expect(h[j]).toBe(Math.tanh(pre[j]));
      }
      expect(h).toEqual(Array.from(output.data.subarray(t * H, (t + 1) * H)));
    }
  });
});

describe('initRnn', () => {
  it('torch style stays within ±1/√H and hand style draws integers −2..2', () => {
    const torch = initRnn(5, 9, 3, 'torch');
    const hand = initRnn(5, 9, 3, 'hand');
    for (const t of [torch.W_ih, torch.W_hh])
      for (const v of t.data) expect(Math.abs(v)).toBeLessThanOrEqual(1 / 3);
    for (const v of [...torch.b_ih, ...torch.b_hh]) expect(Math.abs(v)).toBeLessThanOrEqual(1 / 3);
    const all = [...hand.W_ih.data, ...hand.W_hh.data, ...hand.b_ih, ...hand.b_hh];
    for (const v of all) expect([-2, -1, 0, 1, 2]).toContain(v);
    expect(new Set(all).size).toBe(5);
  });

  it('is deterministic per seed, differs across seeds, and equals a one-layer initStack', () => {
    const a = initRnn(3, 4, 11, 'torch', 'relu');
    expect(initRnn(3, 4, 11, 'torch', 'relu')).toEqual(a);
    expect(initRnn(3, 4, 12, 'torch', 'relu').W_ih.data).not.toEqual(a.W_ih.data);
    expect(initStack('rnn', 3, 4, 1, false, 11, 'torch', 'relu').layers[0][0]).toEqual(a);
  });
});

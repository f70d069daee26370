import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initLstm, lstmForward, lstmStep, lstmTrace, type LstmParams } from '../../../src/core/lstm';
import { initStack } from '../../../src/core/stack';
import { fromRows, matrix } from '../../../src/core/tensor';
import {
  cellShapeFields,
  dot,
  logistic,
  maxDiff,
  nested,
  refCellOf,
  refLstm,
  testSequence,
  testValues,
} from './reference';

const shapes = fc.record({
  ...cellShapeFields,
  peephole: fc.boolean(),
});

const rowsOf = (data: Float64Array, H: number) =>
  Array.from({ length: data.length / H }, (_, t) => Array.from(data.subarray(t * H, (t + 1) * H)));

function peepOf(p: LstmParams) {
  return (
    p.peephole && {
      w_ci: Array.from(p.peephole.w_ci),
      w_cf: Array.from(p.peephole.w_cf),
      w_co: Array.from(p.peephole.w_co),
    }
  );
}

describe('lstmForward', () => {
  it('equals the plain-array reference (h, c, final states), with and without peepholes', () => {
    fc.assert(
      fc.property(shapes, ({ I, H, T, seed, style, peephole }) => {
        const p = initLstm(I, H, seed, style, { peephole });
        const xs = testSequence(seed + 1, T, I, 2);
        const h0 = testValues(seed + 2, H);
        const c0 = testValues(seed + 3, H, 3);
        const res = lstmForward(p, fromRows(xs), Float64Array.from(h0), Float64Array.from(c0));
        const ref = refLstm(refCellOf(p), xs, h0, c0, peepOf(p));
        expect(maxDiff(nested(res.output), ref.hs)).toBeLessThan(1e-12);
        expect(maxDiff(nested(res.cells), ref.cs)).toBeLessThan(1e-12);
        expect(
          maxDiff([Array.from(res.hN), Array.from(res.cN)], [ref.hs[T - 1], ref.cs[T - 1]]),
        ).toBeLessThan(1e-12);
      }),
      { numRuns: 60 },
    );
  });

  it('matches a case worked by hand (I = 1, H = 1)', () => {
    // Rows i, f, g, o. Weights chosen so each pre-activation is a round number at t = 1.
    const p: LstmParams = {
      inputSize: 1,
      hiddenSize: 1,
      W_ih: fromRows([[1], [2], [-1], [0.5]]),
      W_hh: fromRows([[0], [0], [0], [0]]),
      b_ih: Float64Array.of(0, -1, 0, 0.5),
      b_hh: Float64Array.of(0, 0, 0, 0),
    };
    const res = lstmForward(p, fromRows([[1]]), Float64Array.of(0), Float64Array.of(2));
    const i = 1 / (1 + Math.exp(-1));
    const f = 1 / (1 + Math.exp(-1));
    const g = Math.tanh(-1);
    const c = f * 2 + i * g;
    const o = 1 / (1 + Math.exp(-1));
    // c = σ(1)·(2 + tanh(−1)) = 0.7310585786300049 × 1.2384058440442351
    expect(res.cells.data[0]).toBeCloseTo(0.9053472161140701, 14);
    expect(Math.abs(res.cells.data[0] - c)).toBeLessThan(1e-15);
    expect(Math.abs(res.output.data[0] - o * Math.tanh(c))).toBeLessThan(1e-15);
  });

  it('a peephole LSTM with zero peephole weights equals the plain LSTM', () => {
    fc.assert(
      fc.property(shapes, ({ I, H, T, seed, style }) => {
        const plain = initLstm(I, H, seed, style);
        const zero = new Float64Array(H);
        const peep: LstmParams = { ...plain, peephole: { w_ci: zero, w_cf: zero, w_co: zero } };
        const X = fromRows(testSequence(seed, T, I));
        const c0 = Float64Array.from(testValues(seed, H));
        const a = lstmForward(plain, X, undefined, c0);
        const b = lstmForward(peep, X, undefined, c0);
        expect(Array.from(b.output.data)).toEqual(Array.from(a.output.data));
        expect(Array.from(b.cells.data)).toEqual(Array.from(a.cells.data));
      }),
      { numRuns: 30 },
    );
  });

  it('peepholes change the result: o sees c_t and i, f see c_{t−1}', () => {
    const base = initLstm(2, 3, 5, 'torch');
    const X = fromRows(testSequence(5, 4, 2));
    const c0 = Float64Array.of(1, -1, 0.5);
    const only = (k: 'w_ci' | 'w_cf' | 'w_co') => {
      const w = { w_ci: new Float64Array(3), w_cf: new Float64Array(3), w_co: new Float64Array(3) };
      w[k].fill(0.7);
      return lstmForward({ ...base, peephole: w }, X, undefined, c0);
    };
    const plain = lstmForward(base, X, undefined, c0);
    for (const k of ['w_ci', 'w_cf', 'w_co'] as const)
      expect(maxDiff(nested(only(k).output), nested(plain.output))).toBeGreaterThan(1e-3);
    // w_co alone leaves every cell state untouched at t = 1 (o does not feed c) …
    expect(Array.from(only('w_co').cells.data.subarray(0, 3))).toEqual(
      Array.from(plain.cells.data.subarray(0, 3)),
    );
    // … and h_1 = σ(pre_o + w_co·c_1)·tanh(c_1) uses the new cell.
    const tr = lstmTrace(base, X, undefined, c0);
    const c1 = Array.from(tr.tensors.c[0]);
    const h1 = Array.from(only('w_co').output.data.subarray(0, 3));
    c1.forEach((c, j) =>
      expect(Math.abs(h1[j] - logistic(tr.tensors.pre_o[0][j] + 0.7 * c) * Math.tanh(c))).toBeLessThan(1e-15),
    );
  });

  it('names the argument when a size is wrong', () => {
    const p = initLstm(2, 3, 1, 'torch');
    expect(() => lstmForward(p, matrix(2, 3))).toThrow(/X must have 2 columns/);
    expect(() => lstmForward(p, matrix(2, 2), undefined, Float64Array.of(1))).toThrow(
      /c0 must have 3 values; got 1/,
    );
    expect(() => lstmStep(p, Float64Array.of(1, 2), new Float64Array(3), new Float64Array(2))).toThrow(
      /c_prev must have 3 values/,
    );
  });
});

describe('lstmStep', () => {
  it('stepping one row at a time reproduces the forward pass and the gates of the reference', () => {
    fc.assert(
      fc.property(shapes, ({ I, H, T, seed, style, peephole }) => {
        const p = initLstm(I, H, seed, style, { peephole });
        const xs = testSequence(seed, T, I);
        const fwd = lstmForward(p, fromRows(xs));
        const ref = refLstm(refCellOf(p), xs, new Array(H).fill(0), new Array(H).fill(0), peepOf(p));
        let h: Float64Array = new Float64Array(H);
        let c: Float64Array = new Float64Array(H);
        for (let t = 0; t < T; t++) {
          const s = lstmStep(p, Float64Array.from(xs[t]), h, c);
          expect(Array.from(s.h)).toEqual(rowsOf(fwd.output.data, H)[t]);
          expect(Array.from(s.c)).toEqual(rowsOf(fwd.cells.data, H)[t]);
          expect(
            maxDiff(
              [s.i, s.f, s.g, s.o].map((v) => Array.from(v)),
              [ref.i[t], ref.f[t], ref.g[t], ref.o[t]],
            ),
          ).toBeLessThan(1e-12);
          h = s.h;
          c = s.c;
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe('lstmTrace', () => {
  it('records the contract names, each entry consistent with the equations and the forward pass', () => {
    const I = 3;
    const H = 2;
    const T = 4;
    const p = initLstm(I, H, 9, 'torch', { peephole: true });
    const xs = testSequence(1, T, I, 2);
    const h0 = Float64Array.from(testValues(2, H));
    const c0 = Float64Array.from(testValues(3, H));
    const tr = lstmTrace(p, fromRows(xs), h0, c0);
    const fwd = lstmForward(p, fromRows(xs), h0, c0);
    const names = [
      'x',
      'h_prev',
      'c_prev',
      'pre_i',
      'pre_f',
      'pre_g',
      'pre_o',
      'i',
      'f',
      'g',
      'o',
      'c',
      'tanh_c',
      'h',
    ];
    expect(Object.keys(tr.tensors).sort()).toEqual([...names].sort());
    const W_ih = nested(p.W_ih);
    const W_hh = nested(p.W_hh);
    const peep = p.peephole!;
    for (let t = 0; t < T; t++) {
      const at = (name: string) => Array.from(tr.tensors[name][t]);
      expect(at('x')).toEqual(xs[t]);
      expect(at('h_prev')).toEqual(t === 0 ? Array.from(h0) : at('h').map((_, j) => tr.tensors.h[t - 1][j]));
      expect(at('c_prev')).toEqual(t === 0 ? Array.from(c0) : Array.from(tr.tensors.c[t - 1]));
      for (let j = 0; j < H; j++) {
        const lin = (k: number) =>
          dot(W_ih[k * H + j], at('x')) +
          p.b_ih[k * H + j] +
          dot(W_hh[k * H + j], at('h_prev')) +
          p.b_hh[k * H + j];
        const cp = at('c_prev')[j];
        expect(Math.abs(at('pre_i')[j] - (lin(0) + peep.w_ci[j] * cp))).toBeLessThan(1e-12);
        expect(Math.abs(at('pre_f')[j] - (lin(1) + peep.w_cf[j] * cp))).toBeLessThan(1e-12);
        expect(Math.abs(at('pre_g')[j] - lin(2))).toBeLessThan(1e-12);
        expect(Math.abs(at('pre_o')[j] - (lin(3) + peep.w_co[j] * at('c')[j]))).toBeLessThan(1e-12);
        expect(Math.abs(at('i')[j] - logistic(at('pre_i')[j]))).toBeLessThan(1e-15);
        expect(Math.abs(at('f')[j] - logistic(at('pre_f')[j]))).toBeLessThan(1e-15);
        expect(at('g')[j]).toBe(Math.tanh(at('pre_g')[j]));
        expect(Math.abs(at('o')[j] - logistic(at('pre_o')[j]))).toBeLessThan(1e-15);
        expect(Math.abs(at('c')[j] - (at('f')[j] * cp + at('i')[j] * at('g')[j]))).toBeLessThan(1e-15);
        expect(at('tanh_c')[j]).toBe(Math.tanh(at('c')[j]));
        expect(Math.abs(at('h')[j] - at('o')[j] * at('tanh_c')[j])).toBeLessThan(1e-15);
      }
      expect(at('h')).toEqual(rowsOf(fwd.output.data, H)[t]);
      expect(at('c')).toEqual(rowsOf(fwd.cells.data, H)[t]);
    }
  });
});

describe('initLstm', () => {
  it('draws the four PyTorch tensors first, so a peephole model shares them with the plain one', () => {
    const plain = initLstm(3, 4, 21, 'torch');
    const peep = initLstm(3, 4, 21, 'torch', { peephole: true });
    expect(peep.W_ih).toEqual(plain.W_ih);
    expect(peep.b_hh).toEqual(plain.b_hh);
    expect(plain.peephole).toBeUndefined();
    for (const v of [...peep.peephole!.w_ci, ...peep.peephole!.w_cf, ...peep.peephole!.w_co])
      expect(Math.abs(v)).toBeLessThanOrEqual(0.5);
    expect(peep.peephole!.w_ci).not.toEqual(peep.peephole!.w_cf);
  });

  it('has PyTorch shapes and equals a one-layer initStack', () => {
    const p = initLstm(3, 4, 21, 'hand');
    expect([p.W_ih.rows, p.W_ih.cols, p.W_hh.rows, p.W_hh.cols, p.b_ih.length, p.b_hh.length]).toEqual([
      16, 3, 16, 4, 16, 16,
    ]);
    for (const v of p.W_hh.data) expect(Number.isInteger(v) && Math.abs(v) <= 2).toBe(true);
    expect(initStack('lstm', 3, 4, 1, false, 21, 'hand').layers[0][0]).toEqual(p);
  });
});

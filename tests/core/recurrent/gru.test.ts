import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gruForward, gruStep, gruTrace, initGru, type GruParams } from '../../../src/core/gru';
import { rnnForward } from '../../../src/core/rnn';
import { initStack } from '../../../src/core/stack';
import { fromRows, matrix, rowBlock } from '../../../src/core/tensor';
import {
  cellShapeFields,
  dot,
  logistic,
  maxDiff,
  nested,
  refCellOf,
  refGru,
  testSequence,
  testValues,
} from './reference';

const shapes = fc.record(cellShapeFields);

/** The same GRU with gate `gate`'s input bias shifted by `shift` (rows r = 0, z = 1, n = 2). */
function shiftBias(p: GruParams, gate: number, shift: number): GruParams {
  const b_ih = Float64Array.from(p.b_ih);
  for (let j = 0; j < p.hiddenSize; j++) b_ih[gate * p.hiddenSize + j] += shift;
  return { ...p, b_ih };
}

// I = 1, H = 1, rows r, z, n.
const tiny: GruParams = {
  inputSize: 1,
  hiddenSize: 1,
  W_ih: fromRows([[1], [-1], [2]]),
  W_hh: fromRows([[0.5], [0.5], [1]]),
  b_ih: Float64Array.of(0, 0, 0.5),
  b_hh: Float64Array.of(0, 0, 0.5),
};

describe('gruForward, worked by hand', () => {
  it('one step: x = 1 from h0 = 1', () => {
    // gi = (1, −1, 2.5), gh = (0.5, 0.5, 1.5)
    const r = 1 / (1 + Math.exp(-(1 + 0.5)));
    const z = 1 / (1 + Math.exp(-(-1 + 0.5)));
    const n = Math.tanh(2.5 + r * 1.5);
    const h = (1 - z) * n + z * 1;
    expect(r).toBeCloseTo(0.8175744761936437, 15);
    expect(z).toBeCloseTo(0.3775406687981454, 15);
    const s = gruStep(tiny, Float64Array.of(1), Float64Array.of(1));
    expect(Math.abs(s.r[0] - r)).toBeLessThan(1e-15);
    expect(Math.abs(s.z[0] - z)).toBeLessThan(1e-15);
    expect(Math.abs(s.n[0] - n)).toBeLessThan(1e-15);
    expect(Math.abs(s.h[0] - h)).toBeLessThan(1e-15);
    expect(s.h[0]).toBeCloseTo(0.9992785394971828, 15);
  });

  it('two steps: x = 1, then x = −1', () => {
    const { output, hN } = gruForward(tiny, fromRows([[1], [-1]]), Float64Array.of(1));
    const h1 = 0.9992785394971828;
    // gi = (−1, 1, −1.5), gh = (0.5·h1, 0.5·h1, h1 + 0.5)
    const r = 1 / (1 + Math.exp(-(-1 + 0.5 * h1)));
    const z = 1 / (1 + Math.exp(-(1 + 0.5 * h1)));
    const n = Math.tanh(-1.5 + r * (h1 + 0.5));
    const h2 = (1 - z) * n + z * h1;
    expect(Math.abs(output.data[0] - h1)).toBeLessThan(1e-15);
    expect(Math.abs(output.data[1] - h2)).toBeLessThan(1e-14);
    expect(hN[0]).toBeCloseTo(0.6832657734457357, 14);
  });

  it('two units: the recurrent matrix mixes units and b_hn sits inside r', () => {
    const p: GruParams = {
      inputSize: 1,
      hiddenSize: 2,
      // rows r1, r2, z1, z2, n1, n2
      W_ih: fromRows([[0], [0], [0], [0], [1], [-1]]),
      W_hh: fromRows([
        [0, 0],
        [0, 0],
        [0, 0],
        [0, 0],
        [0, 2],
        [1, 0],
      ]),
      b_ih: Float64Array.of(0, 0, 0, 0, 0, 0),
      b_hh: Float64Array.of(0, 0, 0, 0, 1, 0),
    };
    // r = z = σ(0) = ½. n1 = tanh(x + ½(2·h2 + 1)), n2 = tanh(−x + ½·h1); h = ½n + ½h.
    const h0 = [0.4, -0.6];
    const x = 0.3;
    const n1 = Math.tanh(0.3 + 0.5 * (2 * -0.6 + 1));
    const n2 = Math.tanh(-0.3 + 0.5 * 0.4);
    const { hN } = gruForward(p, fromRows([[x]]), Float64Array.from(h0));
    expect(Math.abs(hN[0] - (0.5 * n1 + 0.5 * 0.4))).toBeLessThan(1e-15);
    expect(Math.abs(hN[1] - (0.5 * n2 + 0.5 * -0.6))).toBeLessThan(1e-15);
  });
});

describe('gruForward, reductions', () => {
  it('with z forced to 0 and r to 1 it is the tanh RNN built from the n rows', () => {
    fc.assert(
      fc.property(shapes, ({ I, H, T, seed }) => {
        const p = shiftBias(shiftBias(initGru(I, H, seed, 'torch'), 1, -1000), 0, 1000);
        const X = fromRows(testSequence(seed, T, I, 2));
        const h0 = Float64Array.from(testValues(seed + 1, H));
        const rnn = rnnForward(
          {
            inputSize: I,
            hiddenSize: H,
            nonlinearity: 'tanh',
            W_ih: rowBlock(p.W_ih, 2 * H, H),
            W_hh: rowBlock(p.W_hh, 2 * H, H),
            b_ih: p.b_ih.subarray(2 * H),
            b_hh: p.b_hh.subarray(2 * H),
          },
          X,
          h0,
        );
        expect(maxDiff(nested(gruForward(p, X, h0).output), nested(rnn.output))).toBeLessThan(1e-12);
      }),
      { numRuns: 30 },
    );
  });

  it('with z forced to 1 the state never moves from h0', () => {
    fc.assert(
      fc.property(shapes, ({ I, H, T, seed, style }) => {
        const p = shiftBias(initGru(I, H, seed, style), 1, 1000);
        const h0 = Float64Array.from(testValues(seed, H));
        const { output } = gruForward(p, fromRows(testSequence(seed, T, I)), h0);
        for (let t = 0; t < T; t++)
          expect(Array.from(output.data.subarray(t * H, (t + 1) * H))).toEqual(Array.from(h0));
      }),
      { numRuns: 30 },
    );
  });

  it('with r forced to 0 the candidate ignores W_hn and b_hn entirely', () => {
    const p = shiftBias(initGru(3, 4, 8, 'torch'), 0, -1000);
    const X = fromRows(testSequence(8, 6, 3));
    const W_hh = Float64Array.from(p.W_hh.data);
    W_hh.fill(5, 2 * 4 * 4);
    const b_hh = Float64Array.from(p.b_hh);
    b_hh.fill(-3, 2 * 4);
    const changed: GruParams = { ...p, W_hh: { rows: 12, cols: 4, data: W_hh }, b_hh };
    expect(Array.from(gruForward(changed, X).output.data)).toEqual(Array.from(gruForward(p, X).output.data));
  });

  it('moving b_hn into b_in changes the output (they are not interchangeable)', () => {
    const p = initGru(2, 3, 4, 'torch');
    const H = 3;
    const b_ih = Float64Array.from(p.b_ih);
    const b_hh = Float64Array.from(p.b_hh);
    for (let j = 0; j < H; j++) {
      b_hh[2 * H + j] = 0.8;
      b_ih[2 * H + j] = 0;
    }
    const moved = Float64Array.from(b_ih);
    const zeroHn = Float64Array.from(b_hh);
    for (let j = 0; j < H; j++) {
      moved[2 * H + j] = 0.8;
      zeroHn[2 * H + j] = 0;
    }
    const X = fromRows(testSequence(4, 5, 2));
    const a = gruForward({ ...p, b_ih, b_hh }, X).output;
    const b = gruForward({ ...p, b_ih: moved, b_hh: zeroHn }, X).output;
    expect(maxDiff(nested(a), nested(b))).toBeGreaterThan(1e-3);
  });
});

describe('gruForward vs the scalar reference', () => {
  it('agrees to 1e-12 for random shapes, seeds, styles and h0', () => {
    fc.assert(
      fc.property(shapes, ({ I, H, T, seed, style }) => {
        const p = initGru(I, H, seed, style);
        const xs = testSequence(seed + 1, T, I, 2);
        const h0 = testValues(seed + 2, H);
        const { output, hN } = gruForward(p, fromRows(xs), Float64Array.from(h0));
        const ref = refGru(refCellOf(p), xs, h0);
        expect(maxDiff(nested(output), ref)).toBeLessThan(1e-12);
        expect(maxDiff([Array.from(hN)], [ref[T - 1]])).toBeLessThan(1e-12);
      }),
      { numRuns: 60 },
    );
  });

  it('returns h0 for an empty sequence and names a wrong size', () => {
    const p = initGru(2, 3, 1, 'torch');
    expect(Array.from(gruForward(p, matrix(0, 2), Float64Array.of(1, 2, 3)).hN)).toEqual([1, 2, 3]);
    expect(() => gruForward(p, matrix(3, 1))).toThrow(/X must have 2 columns/);
    expect(() => gruStep(p, Float64Array.of(1, 2), Float64Array.of(1))).toThrow(
      /h_prev must have 3 values; got 1/,
    );
  });
});

describe('gruStep and gruTrace', () => {
  it('stepping one row at a time reproduces the forward pass', () => {
    fc.assert(
      fc.property(shapes, ({ I, H, T, seed, style }) => {
        const p = initGru(I, H, seed, style);
        const xs = testSequence(seed, T, I);
        const { output } = gruForward(p, fromRows(xs));
        let h: Float64Array = new Float64Array(H);
        for (let t = 0; t < T; t++) {
          h = gruStep(p, Float64Array.from(xs[t]), h).h;
          expect(Array.from(h)).toEqual(Array.from(output.data.subarray(t * H, (t + 1) * H)));
        }
      }),
      { numRuns: 30 },
    );
  });

  it('records the contract names, each entry consistent with the equations and the forward pass', () => {
    const I = 2;
    const H = 3;
    const T = 4;
    const p = initGru(I, H, 17, 'torch');
    const xs = testSequence(3, T, I, 2);
    const h0 = Float64Array.from(testValues(4, H));
    const tr = gruTrace(p, fromRows(xs), h0);
    const { output } = gruForward(p, fromRows(xs), h0);
    expect(Object.keys(tr.tensors).sort()).toEqual([
      'gh_n',
      'gh_r',
      'gh_z',
      'gi_n',
      'gi_r',
      'gi_z',
      'h',
      'h_prev',
      'n',
      'r',
      'x',
      'z',
    ]);
    const W_ih = nested(p.W_ih);
    const W_hh = nested(p.W_hh);
    for (let t = 0; t < T; t++) {
      const at = (name: string) => Array.from(tr.tensors[name][t]);
      expect(at('x')).toEqual(xs[t]);
      expect(at('h_prev')).toEqual(Array.from(t === 0 ? h0 : tr.tensors.h[t - 1]));
      ['r', 'z', 'n'].forEach((g, k) => {
        for (let j = 0; j < H; j++) {
          expect(
            Math.abs(at(`gi_${g}`)[j] - (dot(W_ih[k * H + j], at('x')) + p.b_ih[k * H + j])),
          ).toBeLessThan(1e-12);
          expect(
            Math.abs(at(`gh_${g}`)[j] - (dot(W_hh[k * H + j], at('h_prev')) + p.b_hh[k * H + j])),
          ).toBeLessThan(1e-12);
        }
      });
      for (let j = 0; j < H; j++) {
        expect(Math.abs(at('r')[j] - logistic(at('gi_r')[j] + at('gh_r')[j]))).toBeLessThan(1e-15);
        expect(Math.abs(at('z')[j] - logistic(at('gi_z')[j] + at('gh_z')[j]))).toBeLessThan(1e-15);
        expect(at('n')[j]).toBe(Math.tanh(at('gi_n')[j] + at('r')[j] * at('gh_n')[j]));
        expect(
          Math.abs(at('h')[j] - ((1 - at('z')[j]) * at('n')[j] + at('z')[j] * at('h_prev')[j])),
        ).toBeLessThan(1e-15);
      }
      expect(at('h')).toEqual(Array.from(output.data.subarray(t * H, (t + 1) * H)));
    }
  });

  it('init has PyTorch shapes, stays in bounds, and equals a one-layer initStack', () => {
    const p = initGru(5, 4, 2, 'torch');
    expect([p.W_ih.rows, p.W_ih.cols, p.W_hh.rows, p.W_hh.cols, p.b_ih.length]).toEqual([12, 5, 12, 4, 12]);
    for (const v of [...p.W_ih.data, ...p.W_hh.data, ...p.b_ih, ...p.b_hh])
      expect(Math.abs(v)).toBeLessThanOrEqual(0.5);
    expect(initStack('gru', 5, 4, 1, false, 2, 'torch').layers[0][0]).toEqual(p);
  });
});

/**
 * The GRU's backward pass, two independent ways: central differences (float64, five-point,
 * relative 1e-6) of a naive GRU loss written here from PyTorch's equations (r multiplies W_hn h +
 * b_hn, so the two biases differ), and TensorFlow.js's automatic differentiation of the
 * same graph in tf ops (float32, 1e-4 relative to the largest entry). One SGD step lowers
 * the loss for a small learning rate and recomputes it with the new tensors.
 */
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { gruBackward } from '../../../src/core/gru-backward';
import { initGru, type GruParams } from '../../../src/core/gru';
import type { OutputHead } from '../../../src/core/output-head';
import { matrix, type Matrix } from '../../../src/core/tensor';
import { testValues } from '../recurrent/reference';
import { centralDifference, nudgeEntry, relativeError } from './fd-reference';

interface GruCase {
  readonly p: GruParams;
  readonly head: OutputHead;
  readonly X: Matrix;
  readonly Y: Matrix;
  readonly h0: Float64Array;
}

function makeGruCase(I: number, H: number, O: number, T: number, seed: number): GruCase {
  const v = (k: number, n: number, scale = 1) => Float64Array.from(testValues(seed + k, n, scale));
  return {
    p: initGru(I, H, seed, 'torch'),
    head: { W_hy: matrix(O, H, v(1, O * H)), b_y: v(2, O, 0.5) },
    X: matrix(T, I, v(3, T * I, 1.5)),
    Y: matrix(T, O, v(4, T * O)),
    h0: v(5, H, 0.8),
  };
}

const logistic = (v: number) => 1 / (1 + Math.exp(-v));

/** The loss from plain loops; `nudge` adds eps to h_t[j] as the next step and the head read it. */
function naiveLoss(c: GruCase, nudge?: { t: number; j: number; eps: number }): number {
  const { p, X, Y, head } = c;
  const H = p.hiddenSize;
  const I = p.inputSize;
  const row = (W: Matrix, r: number, v: ArrayLike<number>, off = 0) => {
    let s = 0;
    for (let k = 0; k < W.cols; k++) s += W.data[r * W.cols + k] * v[off + k];
    return s;
  };
  let h = Array.from(c.h0);
  let L = 0;
  for (let t = 0; t < X.rows; t++) {
    const gi = (k: number, j: number) => row(p.W_ih, k * H + j, X.data, t * I) + p.b_ih[k * H + j];
    const gh = (k: number, j: number) => row(p.W_hh, k * H + j, h) + p.b_hh[k * H + j];
    const next = h.map((hp, j) => {
      const r = logistic(gi(0, j) + gh(0, j));
      const z = logistic(gi(1, j) + gh(1, j));
      const n = Math.tanh(gi(2, j) + r * gh(2, j));
      return (1 - z) * n + z * hp;
    });
    if (nudge && nudge.t === t) next[nudge.j] += nudge.eps;
    for (let k = 0; k < head.W_hy.rows; k++) {
      const e = row(head.W_hy, k, next) + head.b_y[k] - Y.data[t * Y.cols + k];
      L += 0.5 * e * e;
    }
    h = next;
  }
  return L;
}

function fd(c: GruCase, v: Float64Array): Float64Array {
  return Float64Array.from(v, (_, k) => nudgeEntry(v, k, () => naiveLoss(c)));
}

function fdStates(c: GruCase): Float64Array {
  const H = c.p.hiddenSize;
  return Float64Array.from({ length: c.X.rows * H }, (_, k) => {
    const at = { t: Math.floor(k / H), j: k % H };
    return centralDifference((eps) => naiveLoss(c, { ...at, eps }));
  });
}

describe('gruBackward against central differences', () => {
  it('every parameter, h0 and dL/dh_t, for random sizes and values', () => {
    fc.assert(
      fc.property(
        fc.record({
          I: fc.integer({ min: 1, max: 4 }),
          H: fc.integer({ min: 1, max: 4 }),
          O: fc.integer({ min: 1, max: 3 }),
          T: fc.integer({ min: 1, max: 6 }),
          seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        }),
        ({ I, H, O, T, seed }) => {
          const c = makeGruCase(I, H, O, T, seed);
          const r = gruBackward(c.p, c.head, c.X, c.Y, c.h0);
          const g = r.grads;
          expect(Math.abs(r.loss - naiveLoss(c))).toBeLessThan(1e-12 * Math.max(1, r.loss));
          const errors = {
            W_ih: relativeError(g.W_ih.data, fd(c, c.p.W_ih.data)),
            W_hh: relativeError(g.W_hh.data, fd(c, c.p.W_hh.data)),
            b_ih: relativeError(g.b_ih, fd(c, c.p.b_ih as Float64Array)),
            b_hh: relativeError(g.b_hh, fd(c, c.p.b_hh as Float64Array)),
            W_hy: relativeError(g.W_hy.data, fd(c, c.head.W_hy.data)),
            b_y: relativeError(g.b_y, fd(c, c.head.b_y as Float64Array)),
            h0: relativeError(g.h0, fd(c, c.h0)),
            dh: relativeError(r.dh.data, fdStates(c)),
          };
          for (const [name, e] of Object.entries(errors)) expect(e, name).toBeLessThan(1e-6);
        },
      ),
      // The draw on which the two-point quotient at h = 1e-6 once exceeded the bound.
      { numRuns: 25, examples: [[{ I: 4, H: 4, O: 3, T: 5, seed: 573005498 }]] },
    );
  });

  it('the two biases get different gradients (b_hn sits inside r)', () => {
    const c = makeGruCase(2, 3, 2, 4, 11);
    const g = gruBackward(c.p, c.head, c.X, c.Y, c.h0).grads;
    const H = 3;
    // r and z rows: the same; n rows: ∂L/∂b_hn = r ⊙ ∂L/∂b_in, so they differ.
    for (let k = 0; k < 2 * H; k++) expect(g.b_hh[k]).toBeCloseTo(g.b_ih[k], 12);
    expect(Math.abs(g.b_hh[2 * H] - g.b_ih[2 * H])).toBeGreaterThan(1e-6);
  });
});

describe('gruBackward against tfjs automatic differentiation (float32)', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  const mat = (m: Matrix) => tf.tensor2d(Array.from(m.data), [m.rows, m.cols]);
  const row = (v: ArrayLike<number>) => tf.tensor2d(Array.from(v), [1, v.length]);

  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: every parameter and h0`, () => {
      const c = makeGruCase(3, 4, 2, 5, seed);
      const H = c.p.hiddenSize;
      const loss = (
        W_ih: tf.Tensor,
        W_hh: tf.Tensor,
        b_ih: tf.Tensor,
        b_hh: tf.Tensor,
        W_hy: tf.Tensor,
        b_y: tf.Tensor,
        h0: tf.Tensor,
      ) => {
        let h = h0;
        let L: tf.Tensor = tf.scalar(0);
        for (let t = 0; t < c.X.rows; t++) {
          const x = row(c.X.data.subarray(t * c.X.cols, (t + 1) * c.X.cols));
          const [ir, iz, inn] = tf.split(x.matMul(W_ih, false, true).add(b_ih), [H, H, H], 1);
          const [hr, hz, hn] = tf.split(h.matMul(W_hh, false, true).add(b_hh), [H, H, H], 1);
          const r = tf.sigmoid(ir.add(hr));
          const z = tf.sigmoid(iz.add(hz));
          const n = tf.tanh(inn.add(r.mul(hn)));
          h = tf.scalar(1).sub(z).mul(n).add(z.mul(h));
          const e = h
            .matMul(W_hy, false, true)
            .add(b_y)
            .sub(row(c.Y.data.subarray(t * c.Y.cols, (t + 1) * c.Y.cols)));
          L = L.add(e.square().sum().mul(0.5));
        }
        return L as tf.Scalar;
      };
      const args = [
        mat(c.p.W_ih),
        mat(c.p.W_hh),
        row(c.p.b_ih),
        row(c.p.b_hh),
        mat(c.head.W_hy),
        row(c.head.b_y),
        row(c.h0),
      ];
      const { value, grads } = tf.valueAndGrads((...ts: tf.Tensor[]) =>
        loss(ts[0], ts[1], ts[2], ts[3], ts[4], ts[5], ts[6]),
      )(args);
      const ours = gruBackward(c.p, c.head, c.X, c.Y, c.h0);
      expect(Math.abs(ours.loss - value.dataSync()[0])).toBeLessThan(1e-4 * Math.max(1, ours.loss));
      const mine = [
        ours.grads.W_ih.data,
        ours.grads.W_hh.data,
        ours.grads.b_ih,
        ours.grads.b_hh,
        ours.grads.W_hy.data,
        ours.grads.b_y,
        ours.grads.h0,
      ];
      mine.forEach((g, k) => {
        const theirs = grads[k].dataSync();
        const scale = Math.max(1, ...Array.from(g, Math.abs));
        for (let e = 0; e < g.length; e++)
          expect(Math.abs(g[e] - theirs[e]) / scale, `tensor ${k}[${e}]`).toBeLessThan(1e-4);
      });
      tf.dispose([value, ...grads, ...args]);
    });
  }
});

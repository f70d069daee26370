/**
 * Both backward passes against TensorFlow.js's automatic differentiation of the same
 * graph written out in tf ops (float32): tfjs derives every gradient itself, so this checks
 * the hand-written chain rule, the layouts (dW_ih is H × I like W_ih) and the gate order
 * i, f, g, o independently of our reference code. dL/dh_t and dL/dc_t are the gradients
 * with respect to a zero tensor added to h_t and c_t.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Matrix } from '../../../src/core/tensor';
import { coreLstm, coreRnn, makeCase } from './cases';
import type { BpttCase } from './fd-reference';
import type { LstmBackwardResult } from '../../../src/core/lstm-backward';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const TOL = 1e-5;

const mat = (m: Matrix): tf.Tensor2D => tf.tensor2d(Array.from(m.data), [m.rows, m.cols]);
const row = (v: ArrayLike<number>): tf.Tensor2D => tf.tensor2d(Array.from(v), [1, v.length]);

/**
 * The loss as a tf graph of the parameters, h0, zero nudges on every h_t and, for the
 * LSTM, c0 and zero nudges on every c_t (in that order).
 */
function tfLoss(c: BpttCase, ts: tf.Tensor[]): tf.Scalar {
  const [W_ih, W_hh, b_ih, b_hh, W_hy, b_y, h0, ...rest] = ts;
  const T = c.X.rows;
  const H = c.h0.length;
  const nudges = rest.slice(0, T);
  const [c0, ...cellNudges] = rest.slice(T);
  let h = h0;
  let cell = c0;
  let L = tf.scalar(0);
  for (let t = 0; t < T; t++) {
    const x = row(c.X.data.subarray(t * c.X.cols, (t + 1) * c.X.cols));
    const a = x
      .matMul(W_ih, false, true)
      .add(h.matMul(W_hh, false, true))
      .add(b_ih)
      .add(b_hh);
    if (c.kind === 'rnn') {
      h = tf.tanh(a).add(nudges[t]);
    } else {
      const [i, f, g, o] = tf.split(a, [H, H, H, H], 1);
      cell = tf
        .sigmoid(f)
        .mul(cell)
        .add(tf.sigmoid(i).mul(tf.tanh(g)))
        .add(cellNudges[t]);
      h = tf.sigmoid(o).mul(tf.tanh(cell)).add(nudges[t]);
    }
    const yHat = h.matMul(W_hy, false, true).add(b_y);
    const y = row(c.Y.data.subarray(t * c.Y.cols, (t + 1) * c.Y.cols));
    L = L.add(yHat.sub(y).square().sum().mul(0.5));
  }
  return L as tf.Scalar;
}

const nudges = (c: BpttCase): tf.Tensor[] =>
  Array.from({ length: c.X.rows }, () => tf.zeros([1, c.h0.length]));

function tfGradients(c: BpttCase): Float32Array[] {
  return tf.tidy(() => {
    const { p, head } = c;
    const inputs = [
      mat(p.W_ih),
      mat(p.W_hh),
      row(p.b_ih),
      row(p.b_hh),
      mat(head.W_hy),
      row(head.b_y),
      row(c.h0),
      ...nudges(c),
      ...(c.kind === 'lstm' ? [row(c.c0), ...nudges(c)] : []),
    ];
    const grads = tf.grads((...ts: tf.Tensor[]) => tfLoss(c, ts))(inputs);
    return grads.map((g) => g.dataSync() as Float32Array);
  });
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k] - b[k]));
  return m;
}

function compare(c: BpttCase, ours: ReturnType<typeof coreRnn>): void {
  const tfg = tfGradients(c);
  const T = c.X.rows;
  const H = c.h0.length;
  const g = ours.grads;
  const named: [string, ArrayLike<number>][] = [
    ['W_ih', g.W_ih.data],
    ['W_hh', g.W_hh.data],
    ['b_ih', g.b_ih],
    ['b_hh', g.b_hh],
    ['W_hy', g.W_hy.data],
    ['b_y', g.b_y],
    ['h0', g.h0],
  ];
  named.forEach(([name, v], k) => expect(maxAbsDiff(v, tfg[k]), name).toBeLessThan(TOL));
  for (let t = 0; t < T; t++) {
    expect(maxAbsDiff(ours.dh.data.subarray(t * H, (t + 1) * H), tfg[7 + t]), `dh[${t}]`).toBeLessThan(TOL);
  }
  if (c.kind === 'lstm') {
    const l = ours as LstmBackwardResult;
    expect(maxAbsDiff(l.grads.c0, tfg[7 + T]), 'c0').toBeLessThan(TOL);
    for (let t = 0; t < T; t++) {
      expect(maxAbsDiff(l.dc.data.subarray(t * H, (t + 1) * H), tfg[8 + T + t]), `dc[${t}]`).toBeLessThan(
        TOL,
      );
    }
  }
}

describe('BPTT against tfjs automatic differentiation (float32)', () => {
  for (const seed of [1, 2, 3]) {
    it(`RNN, seed ${seed}`, () => {
      const c = makeCase('rnn', { I: 3, H: 4, O: 2, T: 6, seed });
      compare(c, coreRnn(c));
    });
    it(`LSTM, seed ${seed}`, () => {
      const c = makeCase('lstm', { I: 3, H: 4, O: 2, T: 6, seed });
      compare(c, coreLstm(c));
    });
  }
});

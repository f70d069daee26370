/**
 * Small cases with every derivative written out by hand from the chain rule (H = I = O = 1),
 * the SGD step and clipping, and the trace's bookkeeping (contributions sum to the
 * accumulated gradients, norms match, the future part of dh_t is what step t + 1 sent).
 */
import { describe, expect, it } from 'vitest';
import { lstmBackward, lstmSgdStep } from '../../../src/core/lstm-backward';
import type { LstmParams } from '../../../src/core/lstm';
import type { RnnParams } from '../../../src/core/rnn';
import { rnnBackward, rnnSgdStep } from '../../../src/core/rnn-backward';
import { lstmBackwardTrace } from '../../../src/core/lstm-backward-trace';
import { rnnBackwardTrace } from '../../../src/core/rnn-backward-trace';
import { globalNorm } from '../../../src/core/sgd';
import { matrix } from '../../../src/core/tensor';
import { makeCase } from './cases';
import { referenceLoss } from './fd-reference';

const v = (...xs: number[]) => Float64Array.from(xs);
const m = (rows: number, cols: number, ...xs: number[]) => matrix(rows, cols, xs);
const close = (a: number, b: number) => expect(a).toBeCloseTo(b, 12);

describe('hand-derived BPTT', () => {
  it('RNN, two steps, one unit', () => {
    const [w, u, b, vy, cy, h0] = [0.7, -0.4, 0.1, 1.5, -0.2, 0.3];
    const [x1, x2, y1, y2] = [1, -2, 0.5, -0.25];
    const p: RnnParams = {
      inputSize: 1,
      hiddenSize: 1,
      nonlinearity: 'tanh',
      W_ih: m(1, 1, w),
      W_hh: m(1, 1, u),
      b_ih: v(b),
      b_hh: v(0),
    };
    const r = rnnBackward(p, { W_hy: m(1, 1, vy), b_y: v(cy) }, m(2, 1, x1, x2), m(2, 1, y1, y2), v(h0));
    const h1 = Math.tanh(w * x1 + u * h0 + b);
    const h2 = Math.tanh(w * x2 + u * h1 + b);
    const e1 = vy * h1 + cy - y1;
    const e2 = vy * h2 + cy - y2;
    const a2 = e2 * vy * (1 - h2 * h2); // dL/da₂: only the loss at step 2 reaches it
    const dh1 = e1 * vy + a2 * u; // from the output + from the future
    const a1 = dh1 * (1 - h1 * h1);
    close(r.loss, 0.5 * (e1 * e1 + e2 * e2));
    close(r.dh.data[1], e2 * vy);
    close(r.dh.data[0], dh1);
    close(r.grads.W_ih.data[0], a1 * x1 + a2 * x2);
    close(r.grads.W_hh.data[0], a1 * h0 + a2 * h1);
    close(r.grads.b_ih[0], a1 + a2);
    close(r.grads.b_hh[0], a1 + a2);
    close(r.grads.W_hy.data[0], e1 * h1 + e2 * h2);
    close(r.grads.b_y[0], e1 + e2);
    close(r.grads.h0[0], a1 * u);
  });

  it('LSTM, one step, one unit: the four gate rows in order i, f, g, o', () => {
    const W = [0.5, -0.3, 0.8, 0.2];
    const [x, c0, vy, y] = [1.2, 0.6, 2, 0.1];
    const p: LstmParams = {
      inputSize: 1,
      hiddenSize: 1,
      W_ih: m(4, 1, ...W),
      W_hh: m(4, 1, 0, 0, 0, 0),
      b_ih: v(0, 0, 0, 0),
      b_hh: v(0, 0, 0, 0),
    };
    const r = lstmBackward(p, { W_hy: m(1, 1, vy), b_y: v(0) }, m(1, 1, x), m(1, 1, y), v(0), v(c0));
    const s = (z: number) => 1 / (1 + Math.exp(-z));
    const [i, f, g, o] = [s(W[0] * x), s(W[1] * x), Math.tanh(W[2] * x), s(W[3] * x)];
    const c = f * c0 + i * g;
    const tc = Math.tanh(c);
    const e = vy * o * tc - y;
    const dc = e * vy * o * (1 - tc * tc);
    const expected = [
      dc * g * i * (1 - i),
      dc * c0 * f * (1 - f),
      dc * i * (1 - g * g),
      e * vy * tc * o * (1 - o),
    ];
    expected.forEach((d, k) => close(r.grads.W_ih.data[k], d * x));
    expected.forEach((d, k) => close(r.grads.b_hh[k], d));
    close(r.dc.data[0], dc);
    close(r.grads.c0[0], dc * f);
    close(r.grads.h0[0], 0); // W_hh = 0: h₀ reaches nothing
  });
});

describe('one SGD step', () => {
  const c = makeCase('rnn', { I: 2, H: 3, O: 2, T: 5, seed: 3 });
  const p = c.p as RnnParams;

  it('moves every trained tensor by −η·dW and lowers the loss for a small η', () => {
    const lr = 0.01;
    const r = rnnSgdStep(p, c.head, c.X, c.Y, { lr }, c.h0);
    const g = r.before.grads;
    r.params.W_hh.data.forEach((w, k) => close(w, p.W_hh.data[k] - lr * g.W_hh.data[k]));
    r.params.b_y.forEach((w, k) => close(w, c.head.b_y[k] - lr * g.b_y[k]));
    expect(r.scale).toBe(1);
    const moved = { ...c, p: { ...p, ...r.params }, head: r.params };
    close(r.newLoss, referenceLoss(moved));
    expect(r.newLoss).toBeLessThan(r.before.loss);
  });

  it('clips by global norm: the applied step has norm exactly c·η', () => {
    const lr = 0.5;
    const r = rnnSgdStep(p, c.head, c.X, c.Y, { lr, clipNorm: 0.1 }, c.h0);
    expect(r.norm).toBeGreaterThan(0.1);
    close(r.scale, 0.1 / r.norm);
    const keys = ['W_ih', 'W_hh', 'b_ih', 'b_hh', 'W_hy', 'b_y'] as const;
    const before = { ...p, ...c.head };
    const steps = keys.map((k) => {
      const a = r.params[k];
      const b = before[k];
      const ad = a instanceof Float64Array ? a : a.data;
      const bd = b instanceof Float64Array ? b : b.data;
      return Float64Array.from(ad, (w, j) => (bd[j] - w) / lr);
    });
    close(globalNorm(steps), 0.1);
  });

  it('LSTM: the same step through lstmSgdStep', () => {
    const l = makeCase('lstm', { I: 2, H: 2, O: 1, T: 4, seed: 5 });
    const r = lstmSgdStep(l.p as LstmParams, l.head, l.X, l.Y, { lr: 0.01 }, l.h0, l.c0);
    const moved = { ...l, p: { ...l.p, ...r.params }, head: r.params };
    close(r.newLoss, referenceLoss(moved));
    expect(r.newLoss).toBeLessThan(r.before.loss);
  });
});

describe('backward traces', () => {
  for (const kind of ['rnn', 'lstm'] as const) {
    it(`${kind}: step contributions sum to the accumulated gradients; dh_future is step t + 1's dh_prev`, () => {
      const c = makeCase(kind, { I: 2, H: 3, O: 2, T: 5, seed: 9 });
      const { trace, result } =
        kind === 'rnn'
          ? rnnBackwardTrace(c.p as RnnParams, c.head, c.X, c.Y, c.h0)
          : lstmBackwardTrace(c.p as LstmParams, c.head, c.X, c.Y, c.h0, c.c0);
      const T = c.X.rows;
      const tn = trace.tensors;
      for (const [step, acc] of [
        ['dW_ih_step', 'dW_ih_acc'],
        ['dW_hh_step', 'dW_hh_acc'],
        ['dW_hy_step', 'dW_hy_acc'],
      ]) {
        const sum = new Float64Array(tn[acc][0].length);
        for (let t = T - 1; t >= 0; t--) {
          tn[step][t].forEach((x, k) => (sum[k] += x));
          sum.forEach((x, k) => close(x, tn[acc][t][k]));
        }
      }
      result.grads.W_ih.data.forEach((x, k) => close(x, tn.dW_ih_acc[0][k]));
      for (let t = 0; t + 1 < T; t++) tn.dh_future[t].forEach((x, k) => close(x, tn.dh_prev[t + 1][k]));
      tn.dh_norm.forEach((n, t) => close(n[0], Math.hypot(...tn.dh[t])));
      result.grads.h0.forEach((x, k) => close(x, tn.dh_prev[0][k]));
    });
  }
});

/**
 * An independent loss for the backward-pass tests: a naive forward pass written from the
 * equations (textbook logistic, plain loops) that can add ε to one entry of h_t or c_t,
 * or only to the copy of h_t the output head reads ('hOut') or the copy the next step
 * reads ('hRec'). Central differences of it give dL/dh_t, its two parts, and dL/dc_t;
 * nudging a weight in place gives the parameter gradients.
 */
import type { LstmParams } from '../../../src/core/lstm';
import type { OutputHead } from '../../../src/core/output-head';
import type { RnnParams } from '../../../src/core/rnn';
import type { Matrix } from '../../../src/core/tensor';

export interface BpttCase {
  readonly kind: 'rnn' | 'lstm';
  readonly p: RnnParams | LstmParams;
  readonly head: OutputHead;
  readonly X: Matrix;
  readonly Y: Matrix;
  readonly h0: Float64Array;
  readonly c0: Float64Array;
}

export interface Nudge {
  readonly at: 'h' | 'c' | 'hOut' | 'hRec';
  readonly t: number;
  readonly j: number;
  readonly eps: number;
}

const logistic = (v: number): number => 1 / (1 + Math.exp(-v));

function affineRow(W: Matrix, r: number, v: ArrayLike<number>, vOff: number): number {
  let s = 0;
  for (let c = 0; c < W.cols; c++) s += W.data[r * W.cols + c] * v[vOff + c];
  return s;
}

function headLoss(c: BpttCase, t: number, h: number[]): number {
  const { W_hy, b_y } = c.head;
  let L = 0;
  for (let k = 0; k < W_hy.rows; k++) {
    const e = affineRow(W_hy, k, h, 0) + b_y[k] - c.Y.data[t * c.Y.cols + k];
    L += 0.5 * e * e;
  }
  return L;
}

function nudged(v: number[], n: Nudge | undefined, at: Nudge['at'], t: number): number[] {
  const out = v.slice();
  if (n && n.at === at && n.t === t) out[n.j] += n.eps;
  return out;
}

/** Pre-activation row r at step t: W_ih x + b_ih + W_hh h + b_hh. */
function pre(p: RnnParams | LstmParams, X: Matrix, t: number, h: number[], r: number): number {
  return affineRow(p.W_ih, r, X.data, t * X.cols) + p.b_ih[r] + affineRow(p.W_hh, r, h, 0) + p.b_hh[r];
}

export function referenceLoss(c: BpttCase, n?: Nudge): number {
  const H = c.h0.length;
  let h = Array.from(c.h0);
  let cell = Array.from(c.c0);
  let L = 0;
  for (let t = 0; t < c.X.rows; t++) {
    let hNew: number[];
    if (c.kind === 'rnn') {
      const relu = (c.p as RnnParams).nonlinearity === 'relu';
      hNew = h.map((_, j) => {
        const a = pre(c.p, c.X, t, h, j);
        return relu ? Math.max(0, a) : Math.tanh(a);
      });
    } else {
      const gate = (k: number, j: number) => pre(c.p, c.X, t, h, k * H + j);
      const cNew = cell.map(
        (cp, j) => logistic(gate(1, j)) * cp + logistic(gate(0, j)) * Math.tanh(gate(2, j)),
      );
      const cN = nudged(cNew, n, 'c', t);
      hNew = cN.map((cv, j) => logistic(gate(3, j)) * Math.tanh(cv));
      cell = cN;
    }
    const hT = nudged(hNew, n, 'h', t);
    L += headLoss(c, t, nudged(hT, n, 'hOut', t));
    h = nudged(hT, n, 'hRec', t);
  }
  return L;
}

/**
 * Step of the difference quotient. The five-point stencil's truncation error is of order
 * h⁴ (negligible at 1e-4) and rounding in the loss costs about L·1e-16/h, so the worst
 * relative error over a thousand random cases is ~1e-8, well inside the 1e-6 bound. The
 * two-point quotient at h = 1e-6 kept ~L·1e-10 of rounding and broke the bound on rare
 * draws with a large loss. A small h also keeps a ReLU kink out of reach of the nudges.
 */
const STEP = 1e-4;

/** dL/dδ at δ = 0 by the five-point central stencil, for `lossAt(δ)` the loss nudged by δ. */
export function centralDifference(lossAt: (delta: number) => number): number {
  const h = STEP;
  return (8 * (lossAt(h) - lossAt(-h)) - (lossAt(2 * h) - lossAt(-2 * h))) / (12 * h);
}

/** Central difference of the loss in entry k of `v` (a weight or h₀/c₀, nudged in place). */
export function fdEntry(c: BpttCase, v: Float64Array, k: number): number {
  return nudgeEntry(v, k, () => referenceLoss(c));
}

/** The derivative of `loss()` in entry k of `v`, nudging it in place and restoring it. */
export function nudgeEntry(v: Float64Array, k: number, loss: () => number): number {
  const keep = v[k];
  const d = centralDifference((delta) => {
    v[k] = keep + delta;
    return loss();
  });
  v[k] = keep;
  return d;
}

export function fdTensor(c: BpttCase, v: Float64Array): Float64Array {
  return Float64Array.from(v, (_, k) => fdEntry(c, v, k));
}

/** dL/d(state) by step as a T × H array, for one kind of nudge. */
export function fdStates(c: BpttCase, at: Nudge['at']): Float64Array {
  const H = c.h0.length;
  const out = new Float64Array(c.X.rows * H);
  for (let t = 0; t < c.X.rows; t++) {
    for (let j = 0; j < H; j++) {
      out[t * H + j] = centralDifference((eps) => referenceLoss(c, { at, t, j, eps }));
    }
  }
  return out;
}

/**
 * The largest error of `analytic` against `numeric` relative to the numeric value, with
 * a floor so entries near zero (where a central difference keeps ~1e-10 of rounding)
 * are judged on an absolute scale.
 */
export function relativeError(analytic: ArrayLike<number>, numeric: ArrayLike<number>, floor = 1e-3): number {
  if (analytic.length !== numeric.length) return Infinity;
  let worst = 0;
  for (let k = 0; k < numeric.length; k++) {
    const e = Math.abs(analytic[k] - numeric[k]) / Math.max(Math.abs(numeric[k]), floor);
    worst = Math.max(worst, Number.isNaN(e) ? Infinity : e);
  }
  return worst;
}

/**
 * The loops backpropagation through time shares between cells. The time loop only
 * carries the gradient back (∂L/∂h_{t−1} = W_hhᵀ ∂L/∂z_t, a dot product per unit against
 * W_hh transposed once) and files each step's ∂L/∂z_t into a column of a G × T matrix.
 * The weight gradients are then whole-sequence dot products, ∂L/∂W_ih[r, c] =
 * Σ_t ∂L/∂z_t[r]·x_t[c]: contiguous rows with four running sums, as fast as the forward
 * pass's kernels, instead of T rank-one updates that read and write every gradient entry
 * at every step.
 */
import { zeroHeadGradients, type HeadGradients, type OutputHead } from './output-head';
import { dotAt } from './recurrent-common';
import { matrix, transpose, type Matrix, type Vector } from './tensor';

/**
 * out[c] = Σ_r W[r, c]·a[r] given Wᵀ (so each output is a contiguous dot product). Two
 * outputs share each load of `a` (six loads per four multiply-adds instead of eight); an
 * odd last output is a plain dot product.
 */
export function transposedProductInto(out: Float64Array, WT: Matrix, a: Float64Array): void {
  const n = WT.cols;
  const w = WT.data;
  let c = 0;
  for (; c + 1 < out.length; c += 2) {
    const r0 = c * n;
    const r1 = r0 + n;
    // Even and odd terms in their own sums, so four additions are in flight at once.
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    const even = n - (n % 2);
    for (let k = 0; k < even; k += 2) {
      const a0 = a[k];
      const a1 = a[k + 1];
      s0 += w[r0 + k] * a0;
      s1 += w[r1 + k] * a0;
      s2 += w[r0 + k + 1] * a1;
      s3 += w[r1 + k + 1] * a1;
    }
    if (even < n) {
      s0 += w[r0 + even] * a[even];
      s1 += w[r1 + even] * a[even];
    }
    out[c] = s0 + s2;
    out[c + 1] = s1 + s3;
  }
  if (c < out.length) out[c] = dotAt(w, c * n, a, 0, n);
}

/**
 * The previous states as columns: an H × T matrix whose column t is h_{t−1} (h₀ for t = 0),
 * read from the T × H state matrix of the forward pass.
 */
export function previousStatesT(states: Matrix, h0: Float64Array): Matrix {
  const T = states.rows;
  const H = states.cols;
  const out = matrix(H, T);
  for (let j = 0; j < H; j++) {
    out.data[j * T] = T > 0 ? h0[j] : 0;
    for (let t = 1; t < T; t++) out.data[j * T + t] = states.data[(t - 1) * H + j];
  }
  return out;
}

/**
 * dW[r, c] = Σ_t daT[r, t]·vT[c, t] for every entry: both operands are rows of length T.
 * Two rows of daT meet two rows of vT in one pass (four sums from four loads a step, where
 * one dot product at a time needs two loads a multiply-add); an odd last row or column
 * falls back to the plain dot product.
 */
export function sequenceProductInto(dW: Matrix, daT: Matrix, vT: Matrix): void {
  const T = daT.cols;
  const C = dW.cols;
  const a = daT.data;
  const v = vT.data;
  const out = dW.data;
  let r = 0;
  for (; r + 1 < dW.rows; r += 2) {
    let c = 0;
    for (; c + 1 < C; c += 2) {
      const [s00, s01, s10, s11] = blockDot(a, r * T, v, c * T, T);
      out[r * C + c] = s00;
      out[r * C + c + 1] = s01;
      out[(r + 1) * C + c] = s10;
      out[(r + 1) * C + c + 1] = s11;
    }
    if (c < C) {
      out[r * C + c] = dotAt(a, r * T, v, c * T, T);
      out[(r + 1) * C + c] = dotAt(a, (r + 1) * T, v, c * T, T);
    }
  }
  if (r < dW.rows) for (let c = 0; c < C; c++) out[r * C + c] = dotAt(a, r * T, v, c * T, T);
}

const block = new Float64Array(4);

/** The four dot products of rows (a0, a0 + n) of `a` with rows (v0, v0 + n) of `v`, into a shared buffer. */
function blockDot(a: Float64Array, a0: number, v: Float64Array, v0: number, n: number): Float64Array {
  let s00 = 0;
  let s01 = 0;
  let s10 = 0;
  let s11 = 0;
  const a1 = a0 + n;
  const v1 = v0 + n;
  for (let t = 0; t < n; t++) {
    const x0 = a[a0 + t];
    const x1 = a[a1 + t];
    const y0 = v[v0 + t];
    const y1 = v[v1 + t];
    s00 += x0 * y0;
    s01 += x0 * y1;
    s10 += x1 * y0;
    s11 += x1 * y1;
  }
  block[0] = s00;
  block[1] = s01;
  block[2] = s10;
  block[3] = s11;
  return block;
}

/** What every cell's BPTT returns: its weight gradients (PyTorch layouts), ∂L/∂h₀ and the head's. */
export interface CellGradients extends HeadGradients {
  readonly W_ih: Matrix;
  readonly W_hh: Matrix;
  readonly b_ih: Vector;
  readonly b_hh: Vector;
  /** dL/dh₀ */
  readonly h0: Vector;
}

/** Zero gradients of a cell whose W_ih has `rows` rows (gates × H), with its head. */
export function zeroCellGradients(rows: number, I: number, H: number, head: OutputHead): CellGradients {
  return {
    ...zeroHeadGradients(head),
    W_ih: matrix(rows, I),
    W_hh: matrix(rows, H),
    b_ih: new Float64Array(rows),
    b_hh: new Float64Array(rows),
    h0: new Float64Array(H),
  };
}

/** The cell's weight gradients from the G × T matrix of ∂L/∂z_t; db_ih = db_hh = Σ_t ∂L/∂z_t. */
export function cellWeightGradients(
  grads: CellGradients,
  daT: Matrix,
  X: Matrix,
  states: Matrix,
  h0: Float64Array,
): void {
  sequenceProductInto(grads.W_ih, daT, transpose(X));
  sequenceProductInto(grads.W_hh, daT, previousStatesT(states, h0));
  rowSumsInto(grads.b_ih, daT);
  grads.b_hh.set(grads.b_ih);
}

/** out[r] = Σ_t m[r, t]: a bias gradient from its G × T matrix of per-step gradients. */
export function rowSumsInto(out: Float64Array, m: Matrix): void {
  const T = m.cols;
  for (let r = 0; r < m.rows; r++) {
    let s = 0;
    for (let t = 0; t < T; t++) s += m.data[r * T + t];
    out[r] = s;
  }
}

/**
 * The end of backward step t: ∂L/∂z_t (`da`) filed as column t of the G × T matrix the
 * weight gradients are summed from, and W_hhᵀ·∂L/∂z_t sent back into `dhPrev`.
 */
export function fileAndSendBack(
  daT: Matrix,
  t: number,
  da: Float64Array,
  WhhT: Matrix,
  dhPrev: Float64Array,
): void {
  setColumn(daT, t, da);
  transposedProductInto(dhPrev, WhhT, da);
}

/** Column t of a G × T matrix from a vector of G values. */
export function setColumn(m: Matrix, t: number, v: Float64Array): void {
  for (let r = 0; r < m.rows; r++) m.data[r * m.cols + t] = v[r];
}

/** √(Σ v²) of v[off … off + n). */
export function norm2At(v: Float64Array, off: number, n: number): number {
  let s = 0;
  for (let k = 0; k < n; k++) s += v[off + k] * v[off + k];
  return Math.sqrt(s);
}

/**
 * The loops backpropagation through time shares between cells. The time loop only
 * carries the gradient back (∂L/∂h_{t−1} = W_hhᵀ ∂L/∂z_t, a dot product per unit against
 * W_hh transposed once) and files each step's ∂L/∂z_t into a column of a G × T matrix.
 * The weight gradients are then whole-sequence dot products, ∂L/∂W_ih[r, c] =
 * Σ_t ∂L/∂z_t[r]·x_t[c]: contiguous rows with four running sums, as fast as the forward
 * pass's kernels, instead of T rank-one updates that read and write every gradient entry
 * at every step.
 */
import { dotAt } from './recurrent-common';
import { matrix, transpose, type Matrix } from './tensor';

/** out[c] = Σ_r W[r, c]·a[r] given Wᵀ (so each output is one contiguous dot product). */
export function transposedProductInto(out: Float64Array, WT: Matrix, a: Float64Array): void {
  const n = WT.cols;
  for (let c = 0; c < out.length; c++) out[c] = dotAt(WT.data, c * n, a, 0, n);
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

/** dW[r, c] = Σ_t daT[r, t]·vT[c, t] for every entry: both operands are rows of length T. */
export function sequenceProductInto(dW: Matrix, daT: Matrix, vT: Matrix): void {
  const T = daT.cols;
  for (let r = 0; r < dW.rows; r++)
    for (let c = 0; c < dW.cols; c++) dW.data[r * dW.cols + c] = dotAt(daT.data, r * T, vT.data, c * T, T);
}

/** The cell's weight gradients from the G × T matrix of ∂L/∂z_t; db_ih = db_hh = Σ_t ∂L/∂z_t. */
export function cellWeightGradients(
  grads: {
    readonly W_ih: Matrix;
    readonly W_hh: Matrix;
    readonly b_ih: Float64Array;
    readonly b_hh: Float64Array;
  },
  daT: Matrix,
  X: Matrix,
  states: Matrix,
  h0: Float64Array,
): void {
  sequenceProductInto(grads.W_ih, daT, transpose(X));
  sequenceProductInto(grads.W_hh, daT, previousStatesT(states, h0));
  const T = daT.cols;
  for (let r = 0; r < daT.rows; r++) {
    let s = 0;
    for (let t = 0; t < T; t++) s += daT.data[r * T + t];
    grads.b_ih[r] = s;
    grads.b_hh[r] = s;
  }
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

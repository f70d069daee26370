/**
 * The loops backpropagation through time shares between cells: rank-one updates of a
 * weight gradient and products with a transposed weight. Each reads its operands at
 * offsets so a backward pass can point into its T-row state matrices without views, and
 * each writes into caller-owned buffers so the time loop allocates nothing.
 */
import type { Matrix } from './tensor';

/**
 * One row block of a recurrent weight, backwards: for every row r < W.rows,
 *   dW[r, ·] += a[r]·v[vOff …],   back[·] += a[r]·W[r, ·].
 * Fusing the gradient and the back-propagated vector reads each row of W and dW once per
 * step instead of twice, and keeps both inner loops free of a running sum so V8 can
 * overlap their iterations.
 */
export function backThroughAffine(
  dW: Matrix,
  W: Matrix,
  a: Float64Array,
  v: Float64Array,
  vOff: number,
  back: Float64Array | null,
): void {
  const n = W.cols;
  const w = W.data;
  const d = dW.data;
  for (let r = 0; r < W.rows; r++) {
    const ar = a[r];
    if (ar === 0) continue;
    const base = r * n;
    for (let c = 0; c < n; c++) d[base + c] += ar * v[vOff + c];
    if (back) for (let c = 0; c < n; c++) back[c] += ar * w[base + c];
  }
}

/** acc[k] += v[vOff + k] for k < acc.length. */
export function addInto(acc: Float64Array, v: Float64Array, vOff: number): void {
  for (let k = 0; k < acc.length; k++) acc[k] += v[vOff + k];
}

/** √(Σ v²) of v[off … off + n). */
export function norm2At(v: Float64Array, off: number, n: number): number {
  let s = 0;
  for (let k = 0; k < n; k++) s += v[off + k] * v[off + k];
  return Math.sqrt(s);
}

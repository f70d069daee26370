/**
 * What the recurrent cells (RNN, LSTM, GRU) share: argument checks and the fused affine
 * kernels of their time loops.
 *
 * The checks exist because scripts call the core directly (the custom functions validate
 * ranges first): a wrong size must fail with a message naming the argument rather than
 * read past a buffer and yield NaN.
 */
import type { Matrix, Vector } from './tensor';

export function checkSequence(X: Matrix, inputSize: number): void {
  if (X.cols !== inputSize) {
    throw new RangeError(`X must have ${inputSize} columns (one time step per row, I = ${inputSize}); got ${X.rows}×${X.cols}`);
  }
}

export function checkVector(name: string, v: Vector, size: number): void {
  if (v.length !== size) throw new RangeError(`${name} must have ${size} values; got ${v.length}`);
}

/** The state to start from: a copy of `given` after checking it, or zeros. */
export function initialState(name: string, given: Vector | undefined, size: number): Float64Array {
  if (given === undefined) return new Float64Array(size);
  checkVector(name, given, size);
  return Float64Array.from(given);
}

/**
 * b_ih + b_hh once per pass: the two biases only ever appear summed, and summing them
 * inside the time loop would add H·gates additions per step for nothing.
 */
export function biasSum(b_ih: Vector, b_hh: Vector): Float64Array {
  const out = new Float64Array(b_ih.length);
  for (let k = 0; k < out.length; k++) out[k] = b_ih[k] + b_hh[k];
  return out;
}

/**
 * out[r] = b[r] + Σ_c W_ih[r, c]·x[xOff + c] + Σ_c W_hh[r, c]·h[hOff + c].
 * Both products in one pass over `out`, reading x and h at offsets so a forward pass can
 * point into its input and output matrices without making a view per step.
 */
export function twoInputAffineInto(
  out: Float64Array,
  W_ih: Matrix,
  x: Float64Array,
  xOff: number,
  W_hh: Matrix,
  h: Float64Array,
  hOff: number,
  b: Float64Array,
): void {
  const wi = W_ih.data;
  const wh = W_hh.data;
  const ni = W_ih.cols;
  const nh = W_hh.cols;
  for (let r = 0; r < out.length; r++) {
    let s = b[r];
    const bi = r * ni;
    for (let c = 0; c < ni; c++) s += wi[bi + c] * x[xOff + c];
    const bh = r * nh;
    for (let c = 0; c < nh; c++) s += wh[bh + c] * h[hOff + c];
    out[r] = s;
  }
}

/** out[r] = b[r] + Σ_c W[r, c]·v[off + c]. */
export function affineInto(out: Float64Array, W: Matrix, v: Float64Array, off: number, b: Float64Array): void {
  const w = W.data;
  const n = W.cols;
  for (let r = 0; r < out.length; r++) {
    let s = b[r];
    const base = r * n;
    for (let c = 0; c < n; c++) s += w[base + c] * v[off + c];
    out[r] = s;
  }
}

/**
 * What the recurrent cells (RNN, LSTM, GRU) share: argument checks and the fused affine
 * kernels of their time loops.
 *
 * The checks exist because scripts call the core directly (the custom functions validate
 * ranges first): a wrong size must fail with a message naming the argument rather than
 * read past a buffer and yield NaN.
 */
import { matrix, type Matrix, type Vector } from './tensor';
import { TraceRecorder, type Trace } from './trace';

/**
 * A vector inside a larger buffer, `data[off …]`. A forward pass points its slots at rows
 * of its input and output matrices and moves them each step, so a step reads and writes
 * in place without making a view (the time loops allocate nothing).
 */
export interface Slot {
  data: Float64Array;
  off: number;
}

export function slot(data: Float64Array, off = 0): Slot {
  return { data, off };
}

/** Points `s` at `data[off …]`. */
export function point(s: Slot, data: Float64Array, off: number): void {
  s.data = data;
  s.off = off;
}

/** Row t of a sequence whose rows are `width` long, at step t (slot `s` moved there). */
export function toRow(s: Slot, t: number, width: number): void {
  s.off = t * width;
}

export function checkSequence(X: Matrix, inputSize: number): void {
  if (X.cols !== inputSize) {
    throw new RangeError(
      `X must have ${inputSize} columns (one time step per row, I = ${inputSize}); got ${X.rows}×${X.cols}`,
    );
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
 * Σ_k w[wOff + k]·v[vOff + k] for k < n with four independent partial sums. A single
 * running sum makes every addition wait for the previous one; four chains let the CPU
 * overlap them, which measured about twice as fast in V8 at H = 64. The summation order
 * differs from a left-to-right loop only in the last bits (≈1e-16 relative).
 */
export function dotAt(w: Float64Array, wOff: number, v: Float64Array, vOff: number, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  for (; k + 3 < n; k += 4) {
    s0 += w[wOff + k] * v[vOff + k];
    s1 += w[wOff + k + 1] * v[vOff + k + 1];
    s2 += w[wOff + k + 2] * v[vOff + k + 2];
    s3 += w[wOff + k + 3] * v[vOff + k + 3];
  }
  for (; k < n; k++) s0 += w[wOff + k] * v[vOff + k];
  return s0 + s1 + (s2 + s3);
}

/**
 * out[r] = b[r] + Σ_c W_ih[r, c]·x[xOff + c] + Σ_c W_hh[r, c]·h[hOff + c].
 * Reads x and h at offsets so a forward pass can point into its input and output
 * matrices without making a view per step.
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
  const ni = W_ih.cols;
  const nh = W_hh.cols;
  for (let r = 0; r < out.length; r++) {
    out[r] = b[r] + dotAt(W_ih.data, r * ni, x, xOff, ni) + dotAt(W_hh.data, r * nh, h, hOff, nh);
  }
}

/** out[r] = b[r] + Σ_c W[r, c]·v[off + c]. */
export function affineInto(
  out: Float64Array,
  W: Matrix,
  v: Float64Array,
  off: number,
  b: Float64Array,
): void {
  const n = W.cols;
  for (let r = 0; r < out.length; r++) out[r] = b[r] + dotAt(W.data, r * n, v, off, n);
}

/** Where a one-state cell (RNN, GRU) reads x_t and h_{t−1} and writes h_t. */
export interface StateSlots {
  readonly x: Slot;
  readonly hPrev: Slot;
  readonly h: Slot;
}

/** The sizes of a cell's parameters. */
export interface CellSizes {
  readonly inputSize: number;
  readonly hiddenSize: number;
}

/**
 * A PyTorch recurrent cell's weights, named as in its state_dict: W_ih (gH × I) and W_hh
 * (gH × H) stack the g gate blocks by rows, each with its bias.
 */
export interface TorchCellParams extends CellSizes {
  readonly W_ih: Matrix;
  readonly W_hh: Matrix;
  readonly b_ih: Vector;
  readonly b_hh: Vector;
}

/**
 * Runs a one-state cell over the rows of X (checked against its sizes): row t of the
 * output is h_t, and the next step reads it in place as h_{t−1}, so the loop allocates
 * nothing. Returns the output and h_T.
 */
export function runOneState(
  p: CellSizes,
  X: Matrix,
  h0: Vector | undefined,
  step: (io: StateSlots) => void,
): { output: Matrix; hN: Float64Array } {
  checkSequence(X, p.inputSize);
  const H = p.hiddenSize;
  const T = X.rows;
  const start = initialState('h0', h0, H);
  const output = matrix(T, H);
  const out = output.data;
  const io = { x: slot(X.data), hPrev: slot(start), h: slot(out) };
  for (let t = 0; t < T; t++) {
    toRow(io.x, t, X.cols);
    toRow(io.h, t, H);
    if (t > 0) point(io.hPrev, out, (t - 1) * H);
    step(io);
  }
  return { output, hN: T === 0 ? start : out.slice((T - 1) * H, T * H) };
}

/**
 * Every intermediate of a one-state cell by step: x and h_prev, what `record` adds from
 * the cell's scratch after step t, then h. Each step writes a fresh h, so the recorded
 * vectors stay as they were.
 */
export function traceOneState(
  p: CellSizes,
  X: Matrix,
  h0: Vector | undefined,
  step: (io: StateSlots) => void,
  record: (rec: TraceRecorder, t: number) => void,
): Trace {
  checkSequence(X, p.inputSize);
  const H = p.hiddenSize;
  const T = X.rows;
  const I = X.cols;
  const rec = new TraceRecorder(T);
  let hPrev = initialState('h0', h0, H);
  for (let t = 0; t < T; t++) {
    const h = new Float64Array(H);
    step({ x: slot(X.data, t * I), hPrev: slot(hPrev), h: slot(h) });
    rec.record('x', t, X.data.subarray(t * I, (t + 1) * I));
    rec.record('h_prev', t, hPrev);
    record(rec, t);
    rec.record('h', t, h);
    hPrev = h;
  }
  return rec.finish();
}

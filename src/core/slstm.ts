/**
 * sLSTM, the scalar-memory cell of xLSTM (Beck et al. 2024).
 *
 * Pre-activations are stacked i, f, z, o: pre = W x + R h_{t−1} + b with R block-diagonal
 * per head. The input gate is exponential, so the cell keeps a stabiliser m in log space:
 *   log f = logσ(f̃) ('sigmoid' forget) or f̃ ('exp' forget)
 *   m_t   = max(log f + m_{t−1}, ĩ)            (m_0 = −∞, hence m_1 = ĩ_1)
 *   i′    = exp(ĩ − m_t),  f′ = exp(log f + m_{t−1} − m_t)
 *   c_t   = f′ c_{t−1} + i′ tanh(z̃),  n_t = f′ n_{t−1} + i′,  h_t = σ(õ) ⊙ c_t / n_t
 * Both c and n carry the same factor exp(−m_t), so h equals the unstabilised model's.
 */
import { logSigmoid, sigmoid } from './activations';
import { createRng, drawMatrix, drawVector, type InitStyle } from './random';
import { matrix, matVecInto, type Matrix } from './tensor';
import { TraceRecorder, type Trace } from './trace';

export type SlstmForget = 'sigmoid' | 'exp';

export interface SlstmParams {
  readonly inputSize: number;
  readonly hiddenSize: number;
  readonly numHeads: number;
  readonly forget: SlstmForget;
  /** (4H × I), rows i, f, z, o. */
  readonly W: Matrix;
  /** (4H × H), rows i, f, z, o; zero outside each gate's per-head diagonal blocks. */
  readonly R: Matrix;
  /** (4H). */
  readonly b: Float64Array;
}

export interface SlstmState {
  readonly h: Float64Array;
  readonly c: Float64Array;
  readonly n: Float64Array;
  /** Stabiliser per unit; −∞ before the first step. */
  readonly m: Float64Array;
}

function checkPositiveInt(name: string, v: number): void {
  if (!Number.isInteger(v) || v < 1) throw new RangeError(`${name} must be a positive integer; got ${v}`);
}

/** True when hidden units `r` and `c` belong to the same head. */
export function sameHead(hiddenSize: number, numHeads: number, r: number, c: number): boolean {
  const headSize = hiddenSize / numHeads;
  return Math.floor(r / headSize) === Math.floor(c / headSize);
}

/**
 * Seeded params in state_dict order W, R, b. R is drawn in full and then masked, so the
 * stream position (and therefore W and b) does not depend on the number of heads: a
 * learner who changes only `heads` sees only R's off-block entries turn to zero.
 */
export function initSlstm(
  inputSize: number,
  hiddenSize: number,
  numHeads: number,
  seed: number,
  style: InitStyle,
  forget: SlstmForget = 'sigmoid',
): SlstmParams {
  checkPositiveInt('inputSize', inputSize);
  checkPositiveInt('hiddenSize', hiddenSize);
  checkPositiveInt('numHeads', numHeads);
  if (hiddenSize % numHeads !== 0) {
    throw new RangeError(`hiddenSize (${hiddenSize}) must be a multiple of numHeads (${numHeads})`);
  }
  const H = hiddenSize;
  const rng = createRng(seed);
  const bound = 1 / Math.sqrt(H);
  const W = drawMatrix(rng, 4 * H, inputSize, style, bound);
  const R = drawMatrix(rng, 4 * H, H, style, bound);
  for (let r = 0; r < 4 * H; r++) {
    for (let c = 0; c < H; c++) if (!sameHead(H, numHeads, r % H, c)) R.data[r * H + c] = 0;
  }
  const b = drawVector(rng, 4 * H, style, bound);
  return { inputSize, hiddenSize, numHeads, forget, W, R, b };
}

export function slstmInitialState(hiddenSize: number): SlstmState {
  return {
    h: new Float64Array(hiddenSize),
    c: new Float64Array(hiddenSize),
    n: new Float64Array(hiddenSize),
    m: new Float64Array(hiddenSize).fill(-Infinity),
  };
}

function copyState(s: SlstmState): SlstmState {
  return {
    h: Float64Array.from(s.h),
    c: Float64Array.from(s.c),
    n: Float64Array.from(s.n),
    m: Float64Array.from(s.m),
  };
}

function checkState(p: SlstmParams, s: SlstmState): void {
  const H = p.hiddenSize;
  for (const key of ['h', 'c', 'n', 'm'] as const) {
    if (s[key].length !== H) throw new RangeError(`state.${key} must have ${H} values; got ${s[key].length}`);
  }
}

/** Per-step intermediates, kept in reusable buffers so the time loop allocates nothing. */
interface Scratch {
  readonly pre: Float64Array;
  readonly logF: Float64Array;
  readonly iStab: Float64Array;
  readonly fStab: Float64Array;
  readonly z: Float64Array;
  readonly o: Float64Array;
}

function scratch(H: number): Scratch {
  return {
    pre: new Float64Array(4 * H),
    logF: new Float64Array(H),
    iStab: new Float64Array(H),
    fStab: new Float64Array(H),
    z: new Float64Array(H),
    o: new Float64Array(H),
  };
}

/**
 * One step from `prev` into `next` (they may be the same object: all of h_{t−1} is used
 * before any unit is written). R is applied in full rather than per block so that the
 * core agrees with a sheet whose learner has typed into an off-block cell.
 */
function stepInto(
  p: SlstmParams,
  x: ArrayLike<number>,
  xOffset: number,
  prev: SlstmState,
  next: SlstmState,
  s: Scratch,
): void {
  const H = p.hiddenSize;
  const { pre, logF, iStab, fStab, z, o } = s;
  matVecInto(pre, p.W, x, false, 0, xOffset);
  matVecInto(pre, p.R, prev.h, true);
  const b = p.b;
  for (let r = 0; r < 4 * H; r++) pre[r] += b[r];
  const expForget = p.forget === 'exp';
  for (let u = 0; u < H; u++) {
    const iPre = pre[u];
    const fPre = pre[H + u];
    const lf = expForget ? fPre : logSigmoid(fPre);
    const mPrev = prev.m[u];
    // Before the first step m is −∞ and there is no memory to forget: f′ must be 0, and
    // computing it as exp(−∞ − ĩ) would turn into NaN if ĩ were −∞ as well.
    const fresh = mPrev === -Infinity;
    const m = fresh ? iPre : Math.max(lf + mPrev, iPre);
    const is = Math.exp(iPre - m);
    const fs = fresh ? 0 : Math.exp(lf + mPrev - m);
    const zu = Math.tanh(pre[2 * H + u]);
    const ou = sigmoid(pre[3 * H + u]);
    const c = fs * prev.c[u] + is * zu;
    const n = fs * prev.n[u] + is;
    next.c[u] = c;
    next.n[u] = n;
    next.m[u] = m;
    next.h[u] = (ou * c) / n;
    logF[u] = lf;
    iStab[u] = is;
    fStab[u] = fs;
    z[u] = zu;
    o[u] = ou;
  }
}

/** One step; returns a new state and leaves `state` untouched. */
export function slstmStep(p: SlstmParams, x: ArrayLike<number>, state: SlstmState): SlstmState {
  if (x.length !== p.inputSize) throw new RangeError(`x must have ${p.inputSize} values; got ${x.length}`);
  checkState(p, state);
  const next = slstmInitialState(p.hiddenSize);
  stepInto(p, x, 0, state, next, scratch(p.hiddenSize));
  return next;
}

function checkInput(p: SlstmParams, X: Matrix): void {
  if (X.cols !== p.inputSize)
    throw new RangeError(`X must have ${p.inputSize} columns (input size); got ${X.cols}`);
}

/** Runs the sequence X (T × I); output row t is h_t. */
export function slstmForward(
  p: SlstmParams,
  X: Matrix,
  state0?: SlstmState,
): { output: Matrix; state: SlstmState } {
  checkInput(p, X);
  const H = p.hiddenSize;
  const state = state0 ? copyState(state0) : slstmInitialState(H);
  checkState(p, state);
  const s = scratch(H);
  const output = matrix(X.rows, H);
  for (let t = 0; t < X.rows; t++) {
    stepInto(p, X.data, t * X.cols, state, state, s);
    output.data.set(state.h, t * H);
  }
  return { output, state };
}

/** Every intermediate by step, under the names in docs/CORE-API.md. */
export function slstmTrace(p: SlstmParams, X: Matrix, state0?: SlstmState): Trace {
  checkInput(p, X);
  const H = p.hiddenSize;
  const state = state0 ? copyState(state0) : slstmInitialState(H);
  checkState(p, state);
  const s = scratch(H);
  const rec = new TraceRecorder(X.rows);
  for (let t = 0; t < X.rows; t++) {
    rec.record('x', t, X.data.subarray(t * X.cols, (t + 1) * X.cols));
    rec.record('h_prev', t, state.h);
    stepInto(p, X.data, t * X.cols, state, state, s);
    rec.record('pre_i', t, s.pre.subarray(0, H));
    rec.record('pre_f', t, s.pre.subarray(H, 2 * H));
    rec.record('pre_z', t, s.pre.subarray(2 * H, 3 * H));
    rec.record('pre_o', t, s.pre.subarray(3 * H, 4 * H));
    rec.record('log_f', t, s.logF);
    rec.record('m', t, state.m);
    rec.record('i_stab', t, s.iStab);
    rec.record('f_stab', t, s.fStab);
    rec.record('z', t, s.z);
    rec.record('o', t, s.o);
    rec.record('c', t, state.c);
    rec.record('n', t, state.n);
    rec.record('h', t, state.h);
  }
  return rec.finish();
}

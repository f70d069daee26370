/**
 * The GRU cell with PyTorch's nn.GRU names and layout: rows of W_ih (3H × I), W_hh (3H × H),
 * b_ih, b_hh stacked r, z, n.
 *   r = σ(W_ir x + b_ir + W_hr h + b_hr), z = σ(W_iz x + b_iz + W_hz h + b_hz),
 *   n = tanh(W_in x + b_in + r⊙(W_hn h + b_hn)), h_t = (1 − z)⊙n + z⊙h_{t−1}.
 * b_hn is multiplied by r, so unlike the LSTM's the two biases cannot be summed.
 */
import { sigmoid } from './activations';
import { createRng, drawMatrix, drawVector, type InitStyle, type Rng } from './random';
import {
  affineInto,
  checkSequence,
  checkVector,
  slot,
  initialState,
  runOneState,
  type StateSlots,
} from './recurrent-common';
import type { Matrix, Vector } from './tensor';
import { TraceRecorder, type Trace } from './trace';

export interface GruParams {
  readonly inputSize: number;
  readonly hiddenSize: number;
  /** 3H × I, rows r, z, n */
  readonly W_ih: Matrix;
  /** 3H × H, rows r, z, n */
  readonly W_hh: Matrix;
  readonly b_ih: Vector;
  readonly b_hh: Vector;
}

export interface GruStepResult {
  readonly h: Float64Array;
  readonly r: Float64Array;
  readonly z: Float64Array;
  readonly n: Float64Array;
}

export interface GruOutput {
  /** T × H: h_t in row t. */
  readonly output: Matrix;
  readonly hN: Vector;
}

/** One layer-direction drawn from `rng` in state_dict order, bound 1/√H. */
export function drawGru(rng: Rng, I: number, H: number, style: InitStyle): GruParams {
  const bound = 1 / Math.sqrt(H);
  return {
    inputSize: I,
    hiddenSize: H,
    W_ih: drawMatrix(rng, 3 * H, I, style, bound),
    W_hh: drawMatrix(rng, 3 * H, H, style, bound),
    b_ih: drawVector(rng, 3 * H, style, bound),
    b_hh: drawVector(rng, 3 * H, style, bound),
  };
}

export function initGru(I: number, H: number, seed: number, style: InitStyle): GruParams {
  return drawGru(createRng(seed), I, H, style);
}

/** Where one step reads x_t and h_{t−1} and writes h_t (h may be hPrev's own cells). */
type GruSlots = StateSlots;

/**
 * Buffers a pass reuses: gi (3H) = W_ih x + b_ih and gh (3H) = W_hh h + b_hh, kept apart
 * because r multiplies gh_n only, and act (3H) receiving r, z, n.
 */
export interface GruScratch {
  readonly gi: Float64Array;
  readonly gh: Float64Array;
  readonly act: Float64Array;
}

export function gruScratch(H: number): GruScratch {
  return { gi: new Float64Array(3 * H), gh: new Float64Array(3 * H), act: new Float64Array(3 * H) };
}

/** One step into `io.h`; exported for the backward pass, which keeps every step's gates and gh_n. */
export function gruCellInto(p: GruParams, io: GruSlots, s: GruScratch): void {
  const { gi, gh, act } = s;
  const hPrev = io.hPrev.data;
  const hOff = io.hPrev.off;
  affineInto(gi, p.W_ih, io.x.data, io.x.off, p.b_ih);
  affineInto(gh, p.W_hh, hPrev, hOff, p.b_hh);
  const H = p.hiddenSize;
  for (let j = 0; j < H; j++) {
    const r = sigmoid(gi[j] + gh[j]);
    const z = sigmoid(gi[H + j] + gh[H + j]);
    const n = Math.tanh(gi[2 * H + j] + r * gh[2 * H + j]);
    act[j] = r;
    act[H + j] = z;
    act[2 * H + j] = n;
    io.h.data[io.h.off + j] = (1 - z) * n + z * hPrev[hOff + j];
  }
}

export function gruStep(p: GruParams, x: Vector, hPrev: Vector): GruStepResult {
  const H = p.hiddenSize;
  checkVector('x', x, p.inputSize);
  checkVector('h_prev', hPrev, H);
  const s = gruScratch(H);
  const h = new Float64Array(H);
  gruCellInto(p, { x: slot(x), hPrev: slot(hPrev), h: slot(h) }, s);
  const act = s.act;
  return { h, r: act.slice(0, H), z: act.slice(H, 2 * H), n: act.slice(2 * H) };
}

export function gruForward(p: GruParams, X: Matrix, h0?: Vector): GruOutput {
  checkSequence(X, p.inputSize);
  const H = p.hiddenSize;
  const s = gruScratch(H);
  return runOneState(X, H, h0, (io) => gruCellInto(p, io, s));
}

/**
 * Every intermediate by step: x, h_prev, gi_r, gi_z, gi_n (W_i· x + b_i·), gh_r, gh_z,
 * gh_n (W_h· h + b_h·), r, z, n, h.
 */
export function gruTrace(p: GruParams, X: Matrix, h0?: Vector): Trace {
  checkSequence(X, p.inputSize);
  const H = p.hiddenSize;
  const I = p.inputSize;
  const T = X.rows;
  const rec = new TraceRecorder(T);
  const s = gruScratch(H);
  const { gi, gh, act } = s;
  let hPrev = initialState('h0', h0, H);
  const gates = ['r', 'z', 'n'] as const;
  for (let t = 0; t < T; t++) {
    const h = new Float64Array(H);
    gruCellInto(p, { x: slot(X.data, t * I), hPrev: slot(hPrev), h: slot(h) }, s);
    rec.record('x', t, X.data.subarray(t * I, (t + 1) * I));
    rec.record('h_prev', t, hPrev);
    gates.forEach((gate, k) => rec.record(`gi_${gate}`, t, gi.subarray(k * H, (k + 1) * H)));
    gates.forEach((gate, k) => rec.record(`gh_${gate}`, t, gh.subarray(k * H, (k + 1) * H)));
    gates.forEach((gate, k) => rec.record(gate, t, act.subarray(k * H, (k + 1) * H)));
    rec.record('h', t, h);
    hPrev = h;
  }
  return rec.finish();
}

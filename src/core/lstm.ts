/**
 * The LSTM cell with PyTorch's nn.LSTM names and layout: the rows of W_ih (4H × I),
 * W_hh (4H × H), b_ih and b_hh are stacked i, f, g, o.
 *   i = σ(·), f = σ(·), g = tanh(·), c_t = f⊙c_{t−1} + i⊙g, o = σ(·), h_t = o⊙tanh(c_t).
 * Optional peephole connections (Gers & Schmidhuber): i and f also see c_{t−1} through
 * the diagonal weights w_ci, w_cf; o sees the new c_t through w_co.
 */
import { sigmoid } from './activations';
import { createRng, drawMatrix, drawVector, type InitStyle, type Rng } from './random';
import {
  biasSum,
  checkSequence,
  checkVector,
  initialState,
  point,
  slot,
  toRow,
  twoInputAffineInto,
  type Slot,
} from './recurrent-common';
import { matrix, type Matrix, type Vector } from './tensor';
import { TraceRecorder, type Trace } from './trace';

export interface LstmPeephole {
  readonly w_ci: Vector;
  readonly w_cf: Vector;
  readonly w_co: Vector;
}

export interface LstmParams {
  readonly inputSize: number;
  readonly hiddenSize: number;
  /** 4H × I, rows i, f, g, o */
  readonly W_ih: Matrix;
  /** 4H × H, rows i, f, g, o */
  readonly W_hh: Matrix;
  readonly b_ih: Vector;
  readonly b_hh: Vector;
  readonly peephole?: LstmPeephole;
}

export interface LstmInitOptions {
  readonly peephole?: boolean;
}

export interface LstmStepResult {
  readonly h: Float64Array;
  readonly c: Float64Array;
  readonly i: Float64Array;
  readonly f: Float64Array;
  readonly g: Float64Array;
  readonly o: Float64Array;
}

export interface LstmOutput {
  /** T × H: h_t in row t. */
  readonly output: Matrix;
  /** T × H: c_t in row t. */
  readonly cells: Matrix;
  readonly hN: Vector;
  readonly cN: Vector;
}

/**
 * One layer-direction drawn from `rng` in state_dict order: weight_ih, weight_hh, bias_ih,
 * bias_hh, then (peephole only) w_ci, w_cf, w_co, all with PyTorch's bound 1/√H.
 */
export function drawLstm(
  rng: Rng,
  I: number,
  H: number,
  style: InitStyle,
  options: LstmInitOptions = {},
): LstmParams {
  const bound = 1 / Math.sqrt(H);
  const base = {
    inputSize: I,
    hiddenSize: H,
    W_ih: drawMatrix(rng, 4 * H, I, style, bound),
    W_hh: drawMatrix(rng, 4 * H, H, style, bound),
    b_ih: drawVector(rng, 4 * H, style, bound),
    b_hh: drawVector(rng, 4 * H, style, bound),
  };
  if (!options.peephole) return base;
  const w_ci = drawVector(rng, H, style, bound);
  const w_cf = drawVector(rng, H, style, bound);
  const w_co = drawVector(rng, H, style, bound);
  return { ...base, peephole: { w_ci, w_cf, w_co } };
}

export function initLstm(
  I: number,
  H: number,
  seed: number,
  style: InitStyle,
  options: LstmInitOptions = {},
): LstmParams {
  return drawLstm(createRng(seed), I, H, style, options);
}

/** Where one step reads x_t, h_{t−1}, c_{t−1} and writes h_t, c_t. */
export interface LstmSlots {
  readonly x: Slot;
  readonly hPrev: Slot;
  readonly cPrev: Slot;
  readonly h: Slot;
  readonly c: Slot;
}

/**
 * Buffers a pass reuses: the summed bias, `pre` (4H) the full activation arguments
 * (peephole terms included) and `act` (4H) the gates, both in i, f, g, o order.
 */
export interface LstmScratch {
  readonly bias: Float64Array;
  readonly pre: Float64Array;
  readonly act: Float64Array;
}

export function lstmScratch(p: LstmParams): LstmScratch {
  const H = p.hiddenSize;
  return { bias: biasSum(p.b_ih, p.b_hh), pre: new Float64Array(4 * H), act: new Float64Array(4 * H) };
}

/**
 * One step: the gates from x and h_{t−1}, then c_t and h_t. Exported for the backward
 * pass, which keeps every step's gates.
 */
export function lstmCellInto(p: LstmParams, io: LstmSlots, s: LstmScratch): void {
  const { pre, act } = s;
  twoInputAffineInto(pre, p.W_ih, io.x.data, io.x.off, p.W_hh, io.hPrev.data, io.hPrev.off, s.bias);
  const H = p.hiddenSize;
  const peep = p.peephole;
  const cPrev = io.cPrev.data;
  const cOff = io.cPrev.off;
  for (let j = 0; j < H; j++) {
    const cp = cPrev[cOff + j];
    let pi = pre[j];
    let pf = pre[H + j];
    const pg = pre[2 * H + j];
    let po = pre[3 * H + j];
    if (peep) {
      pi += peep.w_ci[j] * cp;
      pf += peep.w_cf[j] * cp;
    }
    const i = sigmoid(pi);
    const f = sigmoid(pf);
    const g = Math.tanh(pg);
    const c = f * cp + i * g;
    // The output gate looks at the cell it is about to expose, c_t, not c_{t−1}.
    if (peep) po += peep.w_co[j] * c;
    const o = sigmoid(po);
    pre[j] = pi;
    pre[H + j] = pf;
    pre[3 * H + j] = po;
    act[j] = i;
    act[H + j] = f;
    act[2 * H + j] = g;
    act[3 * H + j] = o;
    io.c.data[io.c.off + j] = c;
    io.h.data[io.h.off + j] = o * Math.tanh(c);
  }
}

export function lstmStep(p: LstmParams, x: Vector, hPrev: Vector, cPrev: Vector): LstmStepResult {
  const H = p.hiddenSize;
  checkVector('x', x, p.inputSize);
  checkVector('h_prev', hPrev, H);
  checkVector('c_prev', cPrev, H);
  const h = new Float64Array(H);
  const c = new Float64Array(H);
  const s = lstmScratch(p);
  const io = { x: slot(x), hPrev: slot(hPrev), cPrev: slot(cPrev), h: slot(h), c: slot(c) };
  lstmCellInto(p, io, s);
  const act = s.act;
  return {
    h,
    c,
    i: act.slice(0, H),
    f: act.slice(H, 2 * H),
    g: act.slice(2 * H, 3 * H),
    o: act.slice(3 * H),
  };
}

/** A whole pass: h and c by step (T × H), the start states, and the gates (T × 4H, i f g o) when kept. */
export interface LstmRun {
  readonly output: Matrix;
  readonly cells: Matrix;
  readonly h0: Float64Array;
  readonly c0: Float64Array;
  readonly gates?: Matrix;
}

/**
 * The forward loop. `keepGates` also files every step's gates, which backpropagation
 * through time reads; the forward pass alone keeps none.
 */
export function lstmRun(p: LstmParams, X: Matrix, h0?: Vector, c0?: Vector, keepGates = false): LstmRun {
  checkSequence(X, p.inputSize);
  const H = p.hiddenSize;
  const T = X.rows;
  const hStart = initialState('h0', h0, H);
  const cStart = initialState('c0', c0, H);
  const output = matrix(T, H);
  const cells = matrix(T, H);
  const gates = keepGates ? matrix(T, 4 * H) : undefined;
  const hs = output.data;
  const cs = cells.data;
  const s = lstmScratch(p);
  const io = { x: slot(X.data), hPrev: slot(hStart), cPrev: slot(cStart), h: slot(hs), c: slot(cs) };
  // Rows t − 1 of output and cells are the previous states: no per-step copies or views.
  for (let t = 0; t < T; t++) {
    toRow(io.x, t, p.inputSize);
    toRow(io.h, t, H);
    toRow(io.c, t, H);
    if (t > 0) {
      point(io.hPrev, hs, (t - 1) * H);
      point(io.cPrev, cs, (t - 1) * H);
    }
    lstmCellInto(p, io, s);
    if (gates) gates.data.set(s.act, t * 4 * H);
  }
  return { output, cells, h0: hStart, c0: cStart, gates };
}

export function lstmForward(p: LstmParams, X: Matrix, h0?: Vector, c0?: Vector): LstmOutput {
  const { output, cells, h0: hStart, c0: cStart } = lstmRun(p, X, h0, c0);
  const H = p.hiddenSize;
  const T = X.rows;
  if (T === 0) return { output, cells, hN: hStart, cN: cStart };
  return { output, cells, hN: output.data.slice((T - 1) * H), cN: cells.data.slice((T - 1) * H) };
}

/**
 * Every intermediate by step: x, h_prev, c_prev, pre_i, pre_f, pre_g, pre_o (full
 * activation arguments, peephole terms included), i, f, g, o, c, tanh_c, h.
 */
export function lstmTrace(p: LstmParams, X: Matrix, h0?: Vector, c0?: Vector): Trace {
  checkSequence(X, p.inputSize);
  const H = p.hiddenSize;
  const I = p.inputSize;
  const T = X.rows;
  const rec = new TraceRecorder(T);
  const s = lstmScratch(p);
  const { pre, act } = s;
  let hPrev = initialState('h0', h0, H);
  let cPrev = initialState('c0', c0, H);
  const gates = ['i', 'f', 'g', 'o'] as const;
  for (let t = 0; t < T; t++) {
    const h = new Float64Array(H);
    const c = new Float64Array(H);
    lstmCellInto(
      p,
      { x: slot(X.data, t * I), hPrev: slot(hPrev), cPrev: slot(cPrev), h: slot(h), c: slot(c) },
      s,
    );
    rec.record('x', t, X.data.subarray(t * I, (t + 1) * I));
    rec.record('h_prev', t, hPrev);
    rec.record('c_prev', t, cPrev);
    gates.forEach((gate, k) => rec.record(`pre_${gate}`, t, pre.subarray(k * H, (k + 1) * H)));
    gates.forEach((gate, k) => rec.record(gate, t, act.subarray(k * H, (k + 1) * H)));
    rec.record('c', t, c);
    rec.record('tanh_c', t, c.map(Math.tanh));
    rec.record('h', t, h);
    hPrev = h;
    cPrev = c;
  }
  return rec.finish();
}

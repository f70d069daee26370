/**
 * Backpropagation through time for the LSTM (PyTorch layout, gate rows i, f, g, o) with
 * an output head ŷ_t = W_hy h_t + b_y and loss L = ½ Σ_t Σ_k (ŷ_tk − y_tk)².
 *
 * Backwards from t = T − 1 to 0, with da_{T} = 0 and dc_{T} = 0:
 *   dh_t = W_hyᵀ dŷ_t + W_hhᵀ da_{t+1}
 *   do = dh_t ⊙ tanh c_t
 *   dc_t = dh_t ⊙ o ⊙ (1 − tanh² c_t) + dc_{t+1} ⊙ f_{t+1}   (the additive cell path)
 *   di = dc_t ⊙ g, df = dc_t ⊙ c_{t−1}, dg = dc_t ⊙ i
 *   da_i = di ⊙ i(1 − i), da_f = df ⊙ f(1 − f), da_g = dg ⊙ (1 − g²), da_o = do ⊙ o(1 − o)
 *   dW_ih += da x_tᵀ, dW_hh += da h_{t−1}ᵀ, db_ih = db_hh += da
 * and dh₀ = W_hhᵀ da_0, dc₀ = dc_0 ⊙ f_0.
 */
import { cellWeightGradients, setColumn, transposedProductInto } from './backward-kernels';
import { lstmCellInto, lstmScratch, type LstmParams } from './lstm';
import {
  headBackwardStep,
  outputError,
  outputHeadForward,
  squaredErrorLoss,
  zeroHeadGradients,
  type HeadGradients,
  type OutputHead,
} from './output-head';
import { checkSequence, initialState, point, slot, toRow } from './recurrent-common';
import { sgdStep, type SgdOptions, type SgdResult } from './sgd';
import { matrix, transpose, type Matrix, type Vector } from './tensor';

export interface LstmGradients extends HeadGradients {
  readonly W_ih: Matrix;
  readonly W_hh: Matrix;
  readonly b_ih: Vector;
  readonly b_hh: Vector;
  readonly h0: Vector;
  readonly c0: Vector;
}

/** The forward states the backward pass needs: h, c and the four gates (T × 4H, i f g o). */
export interface LstmForwardStates {
  readonly states: Matrix;
  readonly cells: Matrix;
  readonly gates: Matrix;
  readonly h0: Float64Array;
  readonly c0: Float64Array;
}

export interface LstmBackwardResult {
  readonly loss: number;
  readonly yHat: Matrix;
  readonly forward: LstmForwardStates;
  /** T × H: the total dL/dh_t. */
  readonly dh: Matrix;
  /** T × H: the total dL/dc_t. */
  readonly dc: Matrix;
  readonly grads: LstmGradients;
}

/**
 * The buffers of the step just processed (see RnnBackwardStep: the weight gradients are
 * summed after the loop); `dGate` is d/d(i, f, g, o).
 */
export interface LstmBackwardStep {
  dhOut: Float64Array;
  dhFuture: Float64Array;
  dhPrev: Float64Array;
  readonly dh: Float64Array;
  readonly dcFuture: Float64Array;
  readonly dc: Float64Array;
  readonly dGate: Float64Array;
  readonly da: Float64Array;
  readonly dY: Matrix;
  readonly grads: LstmGradients;
}

/** The forward pass keeping every step's gates. */
export function lstmForwardStates(p: LstmParams, X: Matrix, h0?: Vector, c0?: Vector): LstmForwardStates {
  if (p.peephole) throw new RangeError('BPTT is for the LSTM without peepholes');
  checkSequence(X, p.inputSize);
  const H = p.hiddenSize;
  const I = p.inputSize;
  const T = X.rows;
  const hStart = initialState('h0', h0, H);
  const cStart = initialState('c0', c0, H);
  const states = matrix(T, H);
  const cells = matrix(T, H);
  const gates = matrix(T, 4 * H);
  const s = lstmScratch(p);
  const hs = states.data;
  const cs = cells.data;
  const io = { x: slot(X.data), hPrev: slot(hStart), cPrev: slot(cStart), h: slot(hs), c: slot(cs) };
  for (let t = 0; t < T; t++) {
    toRow(io.x, t, I);
    toRow(io.h, t, H);
    toRow(io.c, t, H);
    if (t > 0) {
      point(io.hPrev, hs, (t - 1) * H);
      point(io.cPrev, cs, (t - 1) * H);
    }
    lstmCellInto(p, io, s);
    gates.data.set(s.act, t * 4 * H);
  }
  return { states, cells, gates, h0: hStart, c0: cStart };
}

export function zeroLstmGradients(p: LstmParams, head: OutputHead): LstmGradients {
  const H = p.hiddenSize;
  return {
    ...zeroHeadGradients(head),
    W_ih: matrix(4 * H, p.inputSize),
    W_hh: matrix(4 * H, H),
    b_ih: new Float64Array(4 * H),
    b_hh: new Float64Array(4 * H),
    h0: new Float64Array(H),
    c0: new Float64Array(H),
  };
}

function newStep(H: number, dY: Matrix, grads: LstmGradients): LstmBackwardStep {
  const v = (n: number) => new Float64Array(n);
  return {
    dhOut: v(H),
    dhFuture: v(H),
    dhPrev: v(H),
    dh: v(H),
    dcFuture: v(H),
    dc: v(H),
    dGate: v(4 * H),
    da: v(4 * H),
    dY,
    grads,
  };
}

/**
 * Step t's cell, backwards: from dh_t (already in s.dh) and dc_{t+1} ⊙ f_{t+1} (in
 * s.dcFuture) to dc_t, the gate derivatives (d/di, d/df, d/dg, d/do in dGate) and the
 * pre-activation derivatives da.
 */
function cellBackward(f: LstmForwardStates, t: number, s: LstmBackwardStep): void {
  const H = s.dh.length;
  const g4 = f.gates.data;
  const cs = f.cells.data;
  for (let j = 0; j < H; j++) {
    const gi = g4[t * 4 * H + j];
    const gf = g4[t * 4 * H + H + j];
    const gg = g4[t * 4 * H + 2 * H + j];
    const go = g4[t * 4 * H + 3 * H + j];
    const tc = Math.tanh(cs[t * H + j]);
    const cPrev = t > 0 ? cs[(t - 1) * H + j] : f.c0[j];
    const dh = s.dh[j];
    const dc = dh * go * (1 - tc * tc) + s.dcFuture[j];
    s.dc[j] = dc;
    s.dGate[j] = dc * gg;
    s.dGate[H + j] = dc * cPrev;
    s.dGate[2 * H + j] = dc * gi;
    s.dGate[3 * H + j] = dh * tc;
    s.da[j] = s.dGate[j] * gi * (1 - gi);
    s.da[H + j] = s.dGate[H + j] * gf * (1 - gf);
    s.da[2 * H + j] = s.dGate[2 * H + j] * (1 - gg * gg);
    s.da[3 * H + j] = s.dGate[3 * H + j] * go * (1 - go);
  }
}

/**
 * The whole pass. `observe` (the trace) sees each step's buffers once they are final;
 * without it the time loop allocates nothing.
 */
export function lstmBackward(
  p: LstmParams,
  head: OutputHead,
  X: Matrix,
  Y: Matrix,
  h0?: Vector,
  c0?: Vector,
  observe?: (t: number, step: LstmBackwardStep) => void,
): LstmBackwardResult {
  const H = p.hiddenSize;
  const T = X.rows;
  const forward = lstmForwardStates(p, X, h0, c0);
  const { states, gates } = forward;
  const yHat = outputHeadForward(head, states);
  const { dY, loss } = outputError(yHat, Y);
  const grads = zeroLstmGradients(p, head);
  const dh = matrix(T, H);
  const dc = matrix(T, H);
  const s = newStep(H, dY, grads);
  const daT = matrix(4 * H, T);
  const WhhT = transpose(p.W_hh);
  for (let t = T - 1; t >= 0; t--) {
    headBackwardStep(head, grads, dY, t, states, s.dhOut);
    for (let j = 0; j < H; j++) s.dh[j] = s.dhOut[j] + s.dhFuture[j];
    cellBackward(forward, t, s);
    dh.data.set(s.dh, t * H);
    dc.data.set(s.dc, t * H);
    setColumn(daT, t, s.da);
    transposedProductInto(s.dhPrev, WhhT, s.da);
    if (observe) observe(t, s);
    // The additive path: dc_t reaches c_{t−1} multiplied by f_t alone.
    for (let j = 0; j < H; j++) s.dcFuture[j] = s.dc[j] * gates.data[t * 4 * H + H + j];
    const back = s.dhPrev;
    s.dhPrev = s.dhFuture;
    s.dhFuture = back;
  }
  cellWeightGradients(grads, daT, X, states, forward.h0);
  grads.h0.set(s.dhFuture);
  grads.c0.set(s.dcFuture);
  return { loss, yHat, forward, dh, dc, grads };
}

/** The trained tensors of an LSTM with its head, by PyTorch name. */
export type LstmTrained = Pick<LstmParams, 'W_ih' | 'W_hh' | 'b_ih' | 'b_hh'> & OutputHead;

export function lstmLoss(
  p: LstmParams,
  head: OutputHead,
  X: Matrix,
  Y: Matrix,
  h0?: Vector,
  c0?: Vector,
): number {
  return squaredErrorLoss(outputHeadForward(head, lstmForwardStates(p, X, h0, c0).states), Y);
}

export interface LstmSgdResult extends SgdResult<LstmTrained> {
  readonly before: LstmBackwardResult;
  readonly newLoss: number;
}

/** One gradient step on every trained tensor and the loss it leads to. */
export function lstmSgdStep(
  p: LstmParams,
  head: OutputHead,
  X: Matrix,
  Y: Matrix,
  options: SgdOptions,
  h0?: Vector,
  c0?: Vector,
): LstmSgdResult {
  const before = lstmBackward(p, head, X, Y, h0, c0);
  const { W_ih, W_hh, b_ih, b_hh, W_hy, b_y } = before.grads;
  const trained: LstmTrained = { W_ih: p.W_ih, W_hh: p.W_hh, b_ih: p.b_ih, b_hh: p.b_hh, ...head };
  const step = sgdStep(trained, { W_ih, W_hh, b_ih, b_hh, W_hy, b_y }, options);
  const q = step.params;
  const newLoss = lstmLoss({ ...p, ...q }, q, X, Y, h0, c0);
  return { ...step, before, newLoss };
}

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
import {
  cellWeightGradients,
  fileAndSendBack,
  zeroCellGradients,
  type CellGradients,
} from './backward-kernels';
import { lstmRun, type LstmParams } from './lstm';
import { headBackwardStep, headLoss, headPass, type OutputHead } from './output-head';
import { cellSgdStep, type CellTrained, type SgdOptions, type SgdResult } from './sgd';
import { matrix, transpose, type Matrix, type Vector } from './tensor';

export interface LstmGradients extends CellGradients {
  /** dL/dc₀ */
  readonly c0: Vector;
}

/** What an LSTM's BPTT reads: the cell, its head, X (T × I), the targets Y (T × O), h₀ and c₀. */
export type LstmBpttInput = [p: LstmParams, head: OutputHead, X: Matrix, Y: Matrix, h0?: Vector, c0?: Vector];

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
  const run = lstmRun(p, X, h0, c0, true);
  return { states: run.output, cells: run.cells, gates: run.gates as Matrix, h0: run.h0, c0: run.c0 };
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
  ...[p, head, X, Y, h0, c0, observe]: [
    ...LstmBpttInput,
    observe?: (t: number, step: LstmBackwardStep) => void,
  ]
): LstmBackwardResult {
  const H = p.hiddenSize;
  const T = X.rows;
  const forward = lstmForwardStates(p, X, h0, c0);
  const { states, gates } = forward;
  const { yHat, dY, loss } = headPass(head, states, Y);
  const grads = { ...zeroCellGradients(4 * H, p.inputSize, H, head), c0: new Float64Array(H) };
  const dh = matrix(T, H);
  const dc = matrix(T, H);
  const s = newStep(H, dY, grads);
  const daT = matrix(4 * H, T);
  const WhhT = transpose(p.W_hh);
  const headStep = { head, grads, dY, states, dhOut: s.dhOut };
  for (let t = T - 1; t >= 0; t--) {
    headBackwardStep(headStep, t);
    for (let j = 0; j < H; j++) s.dh[j] = s.dhOut[j] + s.dhFuture[j];
    cellBackward(forward, t, s);
    dh.data.set(s.dh, t * H);
    dc.data.set(s.dc, t * H);
    fileAndSendBack(daT, t, s.da, WhhT, s.dhPrev);
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
export type LstmTrained = CellTrained;

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
  const lossWith = (q: LstmTrained) => headLoss(q, lstmForwardStates({ ...p, ...q }, X, h0, c0).states, Y);
  return { ...cellSgdStep(p, head, before.grads, options, lossWith), before };
}

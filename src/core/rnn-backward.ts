/**
 * Backpropagation through time for the vanilla RNN with an output head
 * ŷ_t = W_hy h_t + b_y and loss L = ½ Σ_t Σ_k (ŷ_tk − y_tk)². Gradients come out in
 * PyTorch's layouts (dW_ih is H × I like W_ih).
 *
 * Backwards from t = T − 1 to 0:
 *   dŷ_t = ŷ_t − y_t
 *   dh_t = W_hyᵀ dŷ_t (from the output) + W_hhᵀ da_{t+1} (from the future; 0 at T − 1)
 *   da_t = dh_t ⊙ (1 − h_t²)   (tanh′; relu′ is [a_t > 0])
 *   dW_ih += da_t x_tᵀ, dW_hh += da_t h_{t−1}ᵀ, db_ih = db_hh += da_t
 * and dh₀ = W_hhᵀ da_0.
 */
import {
  cellWeightGradients,
  fileAndSendBack,
  zeroCellGradients,
  type CellGradients,
} from './backward-kernels';
import { headBackwardStep, headLoss, headPass, type OutputHead } from './output-head';
import { initialState } from './recurrent-common';
import { rnnForward, type RnnParams } from './rnn';
import { cellSgdStep, type CellTrained, type SgdOptions, type SgdResult } from './sgd';
import { matrix, transpose, type Matrix, type Vector } from './tensor';

export type RnnGradients = CellGradients;

export interface RnnBackwardResult {
  readonly loss: number;
  /** T × O */
  readonly yHat: Matrix;
  /** T × H: h_t in row t. */
  readonly states: Matrix;
  /** T × H: the total dL/dh_t in row t. */
  readonly dh: Matrix;
  readonly grads: RnnGradients;
}

/**
 * The buffers of the step just processed, handed to an observer (the trace): `dhPrev`
 * is what step t sends back into h_{t−1} (dh₀ at t = 0). The weight gradients are summed
 * over the whole sequence after the time loop, so `grads` holds only the head's (its
 * sums over steps ≥ t) while the loop runs.
 */
export interface RnnBackwardStep {
  dhOut: Float64Array;
  dhFuture: Float64Array;
  dh: Float64Array;
  da: Float64Array;
  dhPrev: Float64Array;
  readonly dY: Matrix;
  readonly grads: RnnGradients;
}

/**
 * The whole pass. `observe` (the trace) sees every step's buffers after they are final;
 * without it the time loop allocates nothing.
 */
export function rnnBackward(
  p: RnnParams,
  head: OutputHead,
  X: Matrix,
  Y: Matrix,
  h0?: Vector,
  observe?: (t: number, step: RnnBackwardStep) => void,
): RnnBackwardResult {
  const H = p.hiddenSize;
  const T = X.rows;
  const start = initialState('h0', h0, H);
  const states = rnnForward(p, X, start).output;
  const { yHat, dY, loss } = headPass(head, states, Y);
  const grads = zeroCellGradients(H, p.inputSize, H, head);
  const dh = matrix(T, H);
  const step: RnnBackwardStep = {
    dhOut: new Float64Array(H),
    dhFuture: new Float64Array(H),
    dh: new Float64Array(H),
    da: new Float64Array(H),
    dhPrev: new Float64Array(H),
    dY,
    grads,
  };
  const { dhOut, da } = step;
  const hs = states.data;
  const relu = p.nonlinearity === 'relu';
  const daT = matrix(H, T);
  const WhhT = transpose(p.W_hh);
  const headStep = { head, grads, dY, states, dhOut };
  for (let t = T - 1; t >= 0; t--) {
    headBackwardStep(headStep, t);
    const { dhFuture, dhPrev } = step;
    for (let j = 0; j < H; j++) {
      const g = dhOut[j] + dhFuture[j];
      const h = hs[t * H + j];
      step.dh[j] = g;
      dh.data[t * H + j] = g;
      da[j] = relu ? (h > 0 ? g : 0) : g * (1 - h * h);
    }
    fileAndSendBack(daT, t, da, WhhT, dhPrev);
    if (observe) observe(t, step);
    // What step t sent back is step t − 1's gradient from the future: swap, not copy.
    step.dhFuture = dhPrev;
    step.dhPrev = dhFuture;
  }
  cellWeightGradients(grads, daT, X, states, start);
  grads.h0.set(step.dhFuture);
  return { loss, yHat, states, dh, grads };
}

/** The trained tensors of an RNN with its head, by PyTorch name. */
export type RnnTrained = CellTrained;

export interface RnnSgdResult extends SgdResult<RnnTrained> {
  readonly before: RnnBackwardResult;
  /** The loss recomputed with the new weights. */
  readonly newLoss: number;
}

/** One gradient step on every trained tensor and the loss it leads to. */
export function rnnSgdStep(
  p: RnnParams,
  head: OutputHead,
  X: Matrix,
  Y: Matrix,
  options: SgdOptions,
  h0?: Vector,
): RnnSgdResult {
  const before = rnnBackward(p, head, X, Y, h0);
  const lossWith = (q: RnnTrained) => headLoss(q, rnnForward({ ...p, ...q }, X, h0).output, Y);
  return { ...cellSgdStep(p, head, before.grads, options, lossWith), before };
}

/**
 * Backpropagation through time for PyTorch's GRU (rows r, z, n) with an output head
 * ŷ_t = W_hy h_t + b_y and loss L = ½ Σ_t Σ_k (ŷ_tk − y_tk)². The GRU keeps its two
 * pre-activations apart, gi = W_ih x + b_ih and gh = W_hh h + b_hh, because r multiplies
 * gh_n only; so its input side and hidden side get different gradients.
 *
 * Backwards from t = T − 1 to 0, with dh_t = W_hyᵀ dŷ_t + (what step t + 1 sent back):
 *   dn = dh ⊙ (1 − z), dz = dh ⊙ (h_{t−1} − n)
 *   da_n = dn ⊙ (1 − n²)                       (n = tanh(gi_n + r ⊙ gh_n))
 *   da_r = da_n ⊙ gh_n ⊙ r(1 − r), da_z = dz ⊙ z(1 − z)
 *   ∂L/∂gi = [da_r, da_z, da_n]:  dW_ih += ∂L/∂gi x_tᵀ,  db_ih += ∂L/∂gi
 *   ∂L/∂gh = [da_r, da_z, da_n ⊙ r]:  dW_hh += ∂L/∂gh h_{t−1}ᵀ,  db_hh += ∂L/∂gh
 *   dh_{t−1} = dh ⊙ z + W_hhᵀ ∂L/∂gh
 * and dh₀ is what step 0 sends back.
 */
import {
  previousStatesT,
  rowSumsInto,
  sequenceProductInto,
  setColumn,
  transposedProductInto,
  zeroCellGradients,
  type CellGradients,
} from './backward-kernels';
import { gruCellInto, gruScratch, type GruParams } from './gru';
import { headBackwardStep, headPass, type OutputHead } from './output-head';
import { checkSequence, initialState, runOneState } from './recurrent-common';
import { matrix, transpose, type Matrix, type Vector } from './tensor';

export type GruGradients = CellGradients;

/** The forward states the backward pass needs: h, the gates r, z, n (T × 3H) and gh_n (T × H). */
export interface GruForwardStates {
  readonly states: Matrix;
  readonly gates: Matrix;
  readonly ghn: Matrix;
  readonly h0: Float64Array;
}

export interface GruBackwardResult {
  readonly loss: number;
  readonly yHat: Matrix;
  readonly forward: GruForwardStates;
  /** T × H: the total dL/dh_t. */
  readonly dh: Matrix;
  readonly grads: GruGradients;
}

/** The forward pass keeping every step's gates and W_hn h + b_hn. */
export function gruForwardStates(p: GruParams, X: Matrix, h0?: Vector): GruForwardStates {
  checkSequence(X, p.inputSize);
  const H = p.hiddenSize;
  const s = gruScratch(H);
  const gates = matrix(X.rows, 3 * H);
  const ghn = matrix(X.rows, H);
  let t = 0;
  const run = runOneState(X, H, h0, (io) => {
    gruCellInto(p, io, s);
    gates.data.set(s.act, t * 3 * H);
    for (let j = 0; j < H; j++) ghn.data[t * H + j] = s.gh[2 * H + j];
    t++;
  });
  return { states: run.output, gates, ghn, h0: initialState('h0', h0, H) };
}

/** Step t's cell, backwards: from dh_t to ∂L/∂gi, ∂L/∂gh and the part of dh_{t−1} through z. */
function cellBackward(
  f: GruForwardStates,
  t: number,
  dh: Float64Array,
  gi: Float64Array,
  gh: Float64Array,
  direct: Float64Array,
): void {
  const H = dh.length;
  const g = f.gates.data;
  const row = t * 3 * H;
  // h_{t−1}: row t − 1 of the states, or h₀ at the first step.
  const hp = t > 0 ? f.states.data : f.h0;
  const hOff = t > 0 ? (t - 1) * H : 0;
  for (let j = 0; j < H; j++) {
    const r = g[row + j];
    const z = g[row + H + j];
    const n = g[row + 2 * H + j];
    const dn = dh[j] * (1 - z);
    const dan = dn * (1 - n * n);
    const dar = dan * f.ghn.data[t * H + j] * r * (1 - r);
    const daz = dh[j] * (hp[hOff + j] - n) * z * (1 - z);
    gi[j] = dar;
    gi[H + j] = daz;
    gi[2 * H + j] = dan;
    gh[j] = dar;
    gh[H + j] = daz;
    gh[2 * H + j] = dan * r;
    direct[j] = dh[j] * z;
  }
}

/** The whole pass; the time loop allocates nothing. */
export function gruBackward(
  p: GruParams,
  head: OutputHead,
  X: Matrix,
  Y: Matrix,
  h0?: Vector,
): GruBackwardResult {
  const H = p.hiddenSize;
  const T = X.rows;
  const forward = gruForwardStates(p, X, h0);
  const { states } = forward;
  const { yHat, dY, loss } = headPass(head, states, Y);
  const grads = zeroCellGradients(3 * H, p.inputSize, H, head);
  const dh = matrix(T, H);
  const v = () => new Float64Array(H);
  const dhOut = v();
  const dhNow = v();
  const direct = v();
  let dhFuture = v();
  let dhPrev = v();
  const gi = new Float64Array(3 * H);
  const gh = new Float64Array(3 * H);
  const giT = matrix(3 * H, T);
  const ghT = matrix(3 * H, T);
  const WhhT = transpose(p.W_hh);
  const headStep = { head, grads, dY, states, dhOut };
  for (let t = T - 1; t >= 0; t--) {
    headBackwardStep(headStep, t);
    for (let j = 0; j < H; j++) dhNow[j] = dhOut[j] + dhFuture[j];
    dh.data.set(dhNow, t * H);
    cellBackward(forward, t, dhNow, gi, gh, direct);
    setColumn(giT, t, gi);
    setColumn(ghT, t, gh);
    transposedProductInto(dhPrev, WhhT, gh);
    for (let j = 0; j < H; j++) dhPrev[j] += direct[j];
    // What step t sent back is step t − 1's gradient from the future: swap, not copy.
    const back = dhPrev;
    dhPrev = dhFuture;
    dhFuture = back;
  }
  sequenceProductInto(grads.W_ih, giT, transpose(X));
  sequenceProductInto(grads.W_hh, ghT, previousStatesT(states, forward.h0));
  rowSumsInto(grads.b_ih, giT);
  rowSumsInto(grads.b_hh, ghT);
  grads.h0.set(dhFuture);
  return { loss, yHat, forward, dh, grads };
}

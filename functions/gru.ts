/**
 * GRU.STEP and GRU.SEQ: PyTorch's nn.GRU cell, rows stacked r, z, n, with b_hn inside
 * the reset gate (so b_ih and b_hh are not interchangeable).
 */
import { gruForward, gruStep as coreGruStep } from '../src/core/gru';
import { readOption, resultColumns, resultRows } from './args';
import { checkCost, checkInputs } from './cost';
import { readSequenceCall, readStartState, readStepCall, sequenceSizes } from './recurrent-args';

export const GRU_STEP_OUTPUTS = ['h', 'gates'] as const;

/** GRU.STEP → h (H×1), or "gates": the H×3 block [r z n]. */
export function gruStep(
  x: unknown,
  h_prev: unknown,
  W_ih: unknown,
  W_hh: unknown,
  b_ih?: unknown,
  b_hh?: unknown,
  output?: unknown,
): number[][] {
  const inputs = checkInputs('GRU.STEP', [x, h_prev, W_ih, W_hh, b_ih, b_hh]);
  const call = readStepCall(3, x, { h_prev }, { W_ih, W_hh, b_ih, b_hh });
  const out = readOption('output', output, GRU_STEP_OUTPUTS, 'h');
  const outCols = out === 'gates' ? 3 : 1;
  checkCost('GRU.STEP', { I: call.weights.inputSize, H: call.weights.hiddenSize, outCols }, inputs);
  const r = coreGruStep(call.weights, call.x, call.states[0]);
  return resultColumns('GRU.STEP', out === 'gates' ? [r.r, r.z, r.n] : [r.h]);
}

/** GRU.SEQ → T×H, h_t in row t. */
export function gruSeq(
  X: unknown,
  W_ih: unknown,
  W_hh: unknown,
  b_ih?: unknown,
  b_hh?: unknown,
  h0?: unknown,
): number[][] {
  const inputs = checkInputs('GRU.SEQ', [X, W_ih, W_hh, b_ih, b_hh, h0]);
  const { X: Xm, weights } = readSequenceCall(3, X, { W_ih, W_hh, b_ih, b_hh });
  const start = readStartState('h0', h0, weights.hiddenSize);
  checkCost('GRU.SEQ', sequenceSizes(Xm, weights), inputs);
  return resultRows('GRU.SEQ', gruForward(weights, Xm, start).output);
}

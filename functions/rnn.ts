/**
 * RNN.STEP and RNN.SEQ: PyTorch's nn.RNN cell, h = tanh|relu(W_ih x + b_ih + W_hh h + b_hh).
 */
import { rnnForward, rnnStep as coreRnnStep, type Nonlinearity, type RnnParams } from '../src/core/rnn';
import { readOption, resultColumns, resultRows } from './args';
import { checkCost, checkInputs } from './cost';
import {
  readSequenceCall,
  sequenceSizes,
  readStartState,
  readStepCall,
  type CellWeights,
} from './recurrent-args';

export const NONLINEARITIES: readonly Nonlinearity[] = ['tanh', 'relu'];

function params(w: CellWeights, nonlinearity: unknown): RnnParams {
  return { ...w, nonlinearity: readOption('nonlinearity', nonlinearity, NONLINEARITIES, 'tanh') };
}

/** RNN.STEP → h (H×1). */
export function rnnStep(
  x: unknown,
  h_prev: unknown,
  W_ih: unknown,
  W_hh: unknown,
  b_ih?: unknown,
  b_hh?: unknown,
  nonlinearity?: unknown,
): number[][] {
  const inputs = checkInputs('RNN.STEP', [x, h_prev, W_ih, W_hh, b_ih, b_hh]);
  const call = readStepCall(1, x, { h_prev }, { W_ih, W_hh, b_ih, b_hh });
  const p = params(call.weights, nonlinearity);
  checkCost('RNN.STEP', { I: p.inputSize, H: p.hiddenSize }, inputs);
  return resultColumns('RNN.STEP', [coreRnnStep(p, call.x, call.states[0])]);
}

/** RNN.SEQ → T×H, h_t in row t. */
export function rnnSeq(
  X: unknown,
  W_ih: unknown,
  W_hh: unknown,
  b_ih?: unknown,
  b_hh?: unknown,
  h0?: unknown,
  nonlinearity?: unknown,
): number[][] {
  const inputs = checkInputs('RNN.SEQ', [X, W_ih, W_hh, b_ih, b_hh, h0]);
  const { X: Xm, weights } = readSequenceCall(1, X, { W_ih, W_hh, b_ih, b_hh });
  const p = params(weights, nonlinearity);
  const start = readStartState('h0', h0, p.hiddenSize);
  checkCost('RNN.SEQ', sequenceSizes(Xm, weights), inputs);
  return resultRows('RNN.SEQ', rnnForward(p, Xm, start).output);
}

/**
 * RNN.STEP and RNN.SEQ: PyTorch's nn.RNN cell, h = tanh|relu(W_ih x + b_ih + W_hh h + b_hh).
 */
import { rnnForward, rnnStep as coreRnnStep, type Nonlinearity, type RnnParams } from '../src/core/rnn';
import { readOption, readOptionalVector, resultColumns, resultRows } from './args';
import {
  checkRecurrentWork,
  hiddenSizeOf,
  readWhh,
  readCellWeights,
  readSequence,
  readStepInput,
  readStepState,
  type CellWeights,
} from './recurrent-args';

export const NONLINEARITIES: readonly Nonlinearity[] = ['tanh', 'relu'];

function params(w: CellWeights, nonlinearity: unknown): RnnParams {
  return {
    inputSize: w.I,
    hiddenSize: w.H,
    nonlinearity: readOption('nonlinearity', nonlinearity, NONLINEARITIES, 'tanh'),
    W_ih: w.W_ih,
    W_hh: w.W_hh,
    b_ih: w.b_ih,
    b_hh: w.b_hh,
  };
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
  const xv = readStepInput(x);
  const h = readStepState('h_prev', h_prev);
  const p = params(readCellWeights(1, xv.length, h.length, W_ih, readWhh(W_hh, 1), b_ih, b_hh), nonlinearity);
  return resultColumns('RNN.STEP', [coreRnnStep(p, xv, h)]);
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
  const Xm = readSequence('X', X);
  const whh = readWhh(W_hh, 1);
  const H = hiddenSizeOf(whh);
  const p = params(readCellWeights(1, Xm.cols, H, W_ih, whh, b_ih, b_hh), nonlinearity);
  const start = readOptionalVector('h0', h0, H, `H = ${H}`);
  checkRecurrentWork('RNN.SEQ', Xm.rows, 1, Xm.cols, H);
  return resultRows('RNN.SEQ', rnnForward(p, Xm, start).output);
}

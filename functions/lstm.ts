/**
 * LSTM.STEP and LSTM.SEQ: PyTorch's nn.LSTM cell, rows of the weights stacked i, f, g, o.
 */
import { lstmForward, lstmStep as coreLstmStep } from '../src/core/lstm';
import { readOption, resultColumns, resultRows } from './args';
import { checkCost, checkInputs } from './cost';
import { readSequenceCall, readStartState, readStepCall, sequenceSizes } from './recurrent-args';

export const LSTM_STEP_OUTPUTS = ['state', 'h', 'c', 'gates'] as const;
export const LSTM_SEQ_OUTPUTS = ['h', 'c'] as const;

/**
 * LSTM.STEP → by default the H×2 block [h c] (the next call's h_prev and c_prev);
 * "h" or "c" alone (H×1); "gates" the H×4 block [i f g o].
 */
export function lstmStep(
  x: unknown,
  h_prev: unknown,
  c_prev: unknown,
  W_ih: unknown,
  W_hh: unknown,
  b_ih?: unknown,
  b_hh?: unknown,
  output?: unknown,
): number[][] {
  const inputs = checkInputs('LSTM.STEP', [x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh]);
  const call = readStepCall(4, x, { h_prev, c_prev }, { W_ih, W_hh, b_ih, b_hh });
  const out = readOption('output', output, LSTM_STEP_OUTPUTS, 'state');
  const outCols = out === 'gates' ? 4 : out === 'state' ? 2 : 1;
  checkCost('LSTM.STEP', { I: call.weights.inputSize, H: call.weights.hiddenSize, outCols }, inputs);
  const [h, c] = call.states;
  const r = coreLstmStep(call.weights, call.x, h, c);
  const fn = 'LSTM.STEP';
  if (out === 'h') return resultColumns(fn, [r.h]);
  if (out === 'c') return resultColumns(fn, [r.c]);
  if (out === 'gates') return resultColumns(fn, [r.i, r.f, r.g, r.o]);
  return resultColumns(fn, [r.h, r.c]);
}

/** LSTM.SEQ → T×H: h_t (default) or c_t ("c") in row t. */
export function lstmSeq(
  X: unknown,
  W_ih: unknown,
  W_hh: unknown,
  b_ih?: unknown,
  b_hh?: unknown,
  h0?: unknown,
  c0?: unknown,
  output?: unknown,
): number[][] {
  const inputs = checkInputs('LSTM.SEQ', [X, W_ih, W_hh, b_ih, b_hh, h0, c0]);
  const { X: Xm, weights } = readSequenceCall(4, X, { W_ih, W_hh, b_ih, b_hh });
  const hStart = readStartState('h0', h0, weights.hiddenSize);
  const cStart = readStartState('c0', c0, weights.hiddenSize);
  const out = readOption('output', output, LSTM_SEQ_OUTPUTS, 'h');
  checkCost('LSTM.SEQ', sequenceSizes(Xm, weights), inputs);
  const r = lstmForward(weights, Xm, hStart, cStart);
  return resultRows('LSTM.SEQ', out === 'c' ? r.cells : r.output);
}

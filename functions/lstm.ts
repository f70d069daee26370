/**
 * LSTM.STEP and LSTM.SEQ: PyTorch's nn.LSTM cell, rows of the weights stacked i, f, g, o.
 */
import { lstmForward, lstmStep as coreLstmStep, type LstmParams } from '../src/core/lstm';
import { readOption, readOptionalVector, resultColumns, resultRows } from './args';
import { invalidValue } from './errors';
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

export const LSTM_STEP_OUTPUTS = ['state', 'h', 'c', 'gates'] as const;
export const LSTM_SEQ_OUTPUTS = ['h', 'c'] as const;

function params(w: CellWeights): LstmParams {
  return { inputSize: w.I, hiddenSize: w.H, W_ih: w.W_ih, W_hh: w.W_hh, b_ih: w.b_ih, b_hh: w.b_hh };
}

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
  const xv = readStepInput(x);
  const h = readStepState('h_prev', h_prev);
  const c = readStepState('c_prev', c_prev);
  if (c.length !== h.length) {
    throw invalidValue(`c_prev must hold ${h.length} values (H, the length of h_prev); got ${c.length}`);
  }
  const p = params(readCellWeights(4, xv.length, h.length, W_ih, readWhh(W_hh, 4), b_ih, b_hh));
  const out = readOption('output', output, LSTM_STEP_OUTPUTS, 'state');
  const r = coreLstmStep(p, xv, h, c);
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
  const Xm = readSequence('X', X);
  const whh = readWhh(W_hh, 4);
  const H = hiddenSizeOf(whh);
  const p = params(readCellWeights(4, Xm.cols, H, W_ih, whh, b_ih, b_hh));
  const hStart = readOptionalVector('h0', h0, H, `H = ${H}`);
  const cStart = readOptionalVector('c0', c0, H, `H = ${H}`);
  const out = readOption('output', output, LSTM_SEQ_OUTPUTS, 'h');
  checkRecurrentWork('LSTM.SEQ', Xm.rows, 4, Xm.cols, H);
  const r = lstmForward(p, Xm, hStart, cStart);
  return resultRows('LSTM.SEQ', out === 'c' ? r.cells : r.output);
}

/**
 * GRU.STEP and GRU.SEQ: PyTorch's nn.GRU cell, rows stacked r, z, n, with b_hn inside
 * the reset gate (so b_ih and b_hh are not interchangeable).
 */
import { gruForward, gruStep as coreGruStep, type GruParams } from '../src/core/gru';
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

export const GRU_STEP_OUTPUTS = ['h', 'gates'] as const;

function params(w: CellWeights): GruParams {
  return { inputSize: w.I, hiddenSize: w.H, W_ih: w.W_ih, W_hh: w.W_hh, b_ih: w.b_ih, b_hh: w.b_hh };
}

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
  const xv = readStepInput(x);
  const h = readStepState('h_prev', h_prev);
  const p = params(readCellWeights(3, xv.length, h.length, W_ih, readWhh(W_hh, 3), b_ih, b_hh));
  const out = readOption('output', output, GRU_STEP_OUTPUTS, 'h');
  const r = coreGruStep(p, xv, h);
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
  const Xm = readSequence('X', X);
  const whh = readWhh(W_hh, 3);
  const H = hiddenSizeOf(whh);
  const p = params(readCellWeights(3, Xm.cols, H, W_ih, whh, b_ih, b_hh));
  const start = readOptionalVector('h0', h0, H, `H = ${H}`);
  checkRecurrentWork('GRU.SEQ', Xm.rows, 3, Xm.cols, H);
  return resultRows('GRU.SEQ', gruForward(p, Xm, start).output);
}

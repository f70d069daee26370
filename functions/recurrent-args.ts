/**
 * Reading the weights shared by RNN, LSTM and GRU (PyTorch names and layout): W_ih
 * (G·H × I), W_hh (G·H × H), optional b_ih and b_hh (G·H), where G is the number of
 * gate blocks stacked in the rows (1, 4 for i f g o, 3 for r z n).
 */
import type { Matrix } from '../src/core/tensor';
import {
  checkSize,
  checkWork,
  expectShape,
  readMatrix,
  readOptionalVector,
  readShaped,
  readVector,
} from './args';

export interface CellWeights {
  readonly I: number;
  readonly H: number;
  readonly W_ih: Matrix;
  readonly W_hh: Matrix;
  readonly b_ih: Float64Array;
  readonly b_hh: Float64Array;
}

function rowsText(gates: number): string {
  return gates === 1 ? 'H' : `${gates}·H`;
}

export function readCellWeights(
  gates: number,
  I: number,
  H: number,
  W_ih: unknown,
  W_hh: Matrix,
  b_ih: unknown,
  b_hh: unknown,
): CellWeights {
  const given = `H = ${H}, I = ${I}`;
  const G = rowsText(gates);
  const w_hh = expectShape('W_hh', W_hh, gates * H, H, `${G} × H`, `H = ${H}`);
  const w_ih = readShaped('W_ih', W_ih, gates * H, I, `${G} × I`, given);
  const lengthText = `${G} for H = ${H}`;
  return {
    I,
    H,
    W_ih: w_ih,
    W_hh: w_hh,
    b_ih: readOptionalVector('b_ih', b_ih, gates * H, lengthText),
    b_hh: readOptionalVector('b_hh', b_hh, gates * H, lengthText),
  };
}

/** A step's input vector x: its length is I. */
export function readStepInput(x: unknown): Float64Array {
  const v = readVector('x', x);
  checkSize('I', v.length, 'the length of x');
  return v;
}

/** A step's previous hidden state: its length is H. */
export function readStepState(name: string, value: unknown): Float64Array {
  const v = readVector(name, value);
  checkSize('H', v.length, `the length of ${name}`);
  return v;
}

/** X (T×I, one time step per row). */
export function readSequence(name: string, value: unknown, featureSymbol = 'I'): Matrix {
  const X = readMatrix(name, value, `T×${featureSymbol}, one time step per row`);
  checkSize(featureSymbol, X.cols, `the columns of ${name}`);
  return X;
}

/** W_hh as a matrix; its shape is checked by `readCellWeights` once H is known. */
export function readWhh(W_hh: unknown, gates: number): Matrix {
  return readMatrix('W_hh', W_hh, `${rowsText(gates)} × H`);
}

/**
 * H for a sequence call: W_hh's column count (W_hh is G·H × H). Its rows are checked
 * later against that H, so the message can state the full expected shape.
 */
export function hiddenSizeOf(W_hh: Matrix): number {
  return checkSize('H', W_hh.cols, 'the columns of W_hh');
}

/** Cost of a recurrent pass: T steps, G·H rows dotted with I + H values. */
export function checkRecurrentWork(fn: string, T: number, gates: number, I: number, H: number): void {
  checkWork(fn, T * gates * H * (I + H));
}

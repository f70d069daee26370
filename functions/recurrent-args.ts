/**
 * Reading the arguments shared by RNN, LSTM and GRU (PyTorch names and layout): W_ih
 * (G·H × I), W_hh (G·H × H), optional b_ih and b_hh (G·H), where G is the number of
 * gate blocks stacked in the rows (1, 4 for i f g o, 3 for r z n).
 */
import type { Matrix } from '../src/core/tensor';
import { checkSize, expectShape, readMatrix, readOptionalVector, readShaped, readVector } from './args';
import { invalidValue } from './errors';

/** The weights as a cell's params: the fields the RNN, LSTM and GRU params all share. */
export interface CellWeights {
  readonly inputSize: number;
  readonly hiddenSize: number;
  readonly W_ih: Matrix;
  readonly W_hh: Matrix;
  readonly b_ih: Float64Array;
  readonly b_hh: Float64Array;
}

/** The weight arguments as the caller passed them (biases may be omitted). */
export interface WeightArgs {
  readonly W_ih: unknown;
  readonly W_hh: unknown;
  readonly b_ih?: unknown;
  readonly b_hh?: unknown;
}

function rowsText(gates: number): string {
  return gates === 1 ? 'H' : `${gates}·H`;
}

/**
 * W_hh as a matrix; its shape is checked by `readCellWeights` once H is known. A
 * `prefix` names the weights of one of several cells in a call ("enc_W_hh").
 */
export function readWhh(W_hh: unknown, gates: number, prefix = ''): Matrix {
  return readMatrix(`${prefix}W_hh`, W_hh, `${rowsText(gates)} × H`);
}

/** The weights of a cell with input size I and hidden size H, named with `prefix`. */
export function readCellWeights(
  gates: number,
  I: number,
  H: number,
  args: WeightArgs,
  W_hh: Matrix,
  prefix = '',
  inputSymbol = 'I',
): CellWeights {
  const given = `H = ${H}, ${inputSymbol} = ${I}`;
  const G = rowsText(gates);
  const w_hh = expectShape(`${prefix}W_hh`, W_hh, gates * H, H, `${G} × H`, `H = ${H}`);
  const w_ih = readShaped(`${prefix}W_ih`, args.W_ih, gates * H, I, `${G} × ${inputSymbol}`, given);
  const lengthText = `${G} for H = ${H}`;
  return {
    inputSize: I,
    hiddenSize: H,
    W_ih: w_ih,
    W_hh: w_hh,
    b_ih: readOptionalVector(`${prefix}b_ih`, args.b_ih, gates * H, lengthText),
    b_hh: readOptionalVector(`${prefix}b_hh`, args.b_hh, gates * H, lengthText),
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

export interface StepCall {
  readonly x: Float64Array;
  /** The previous states in the order given, each of length H. */
  readonly states: readonly Float64Array[];
  readonly weights: CellWeights;
}

/**
 * The arguments of a recurrent STEP call: x, then the previous states (the first one,
 * h_prev, sets H; the others, like LSTM's c_prev, must match it), then the weights.
 * They are read in the order of the call's parameters so the first bad one is reported.
 */
export function readStepCall(
  gates: number,
  x: unknown,
  states: Readonly<Record<string, unknown>>,
  weights: WeightArgs,
): StepCall {
  const xv = readStepInput(x);
  const [first, ...others] = Object.keys(states);
  const h = readStepState(first, states[first]);
  const rest = others.map((name) => {
    const v = readStepState(name, states[name]);
    if (v.length !== h.length) {
      throw invalidValue(`${name} must hold ${h.length} values (H, the length of ${first}); got ${v.length}`);
    }
    return v;
  });
  const W_hh = readWhh(weights.W_hh, gates);
  return { x: xv, states: [h, ...rest], weights: readCellWeights(gates, xv.length, h.length, weights, W_hh) };
}

/** X (T×I, one time step per row). */
export function readSequence(name: string, value: unknown, featureSymbol = 'I'): Matrix {
  const X = readMatrix(name, value, `T×${featureSymbol}, one time step per row`);
  checkSize(featureSymbol, X.cols, `the columns of ${name}`);
  return X;
}

export interface SequenceCall {
  readonly X: Matrix;
  readonly weights: CellWeights;
}

/**
 * The sequence X and the weights of a recurrent SEQ call. H comes from W_hh's column
 * count (W_hh is G·H × H); its rows are checked against that H afterwards, so the
 * message can state the full expected shape.
 */
export function readSequenceCall(gates: number, X: unknown, weights: WeightArgs): SequenceCall {
  const Xm = readSequence('X', X);
  const W_hh = readWhh(weights.W_hh, gates);
  const H = checkSize('H', W_hh.cols, 'the columns of W_hh');
  return { X: Xm, weights: readCellWeights(gates, Xm.cols, H, weights, W_hh) };
}

/** An optional starting state (h0, c0) of length H; omitted means zeros. */
export function readStartState(name: string, value: unknown, H: number): Float64Array {
  return readOptionalVector(name, value, H, `H = ${H}`);
}

/** The sizes of a recurrent SEQ call, for its cost entry. */
export function sequenceSizes(X: Matrix, w: CellWeights): { T: number; I: number; H: number } {
  return { T: X.rows, I: w.inputSize, H: w.hiddenSize };
}

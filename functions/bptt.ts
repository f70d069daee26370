/**
 * RNN.BPTT, GRU.BPTT and LSTM.BPTT: the loss L = ½ Σ (ŷ − y)² of a recurrent layer with an output
 * head ŷ_t = W_hy h_t + b_y, or one of its gradients by backpropagation through time, in
 * the layout of the parameter it belongs to (vectors as a column).
 */
import type { CellGradients } from '../src/core/backward-kernels';
import { gruBackward } from '../src/core/gru-backward';
import { lstmBackward } from '../src/core/lstm-backward';
import type { OutputHead } from '../src/core/output-head';
import { rnnBackward } from '../src/core/rnn-backward';
import type { Matrix } from '../src/core/tensor';
import {
  checkSize,
  expectShape,
  readMatrix,
  readOption,
  readVector,
  resultColumns,
  resultRows,
} from './args';
import { checkCost, checkInputs } from './cost';
import { invalidValue } from './errors';
import { readSequenceCall, readStartState, type CellWeights, type WeightArgs } from './recurrent-args';

export const RNN_BPTT_OUTPUTS = ['loss', 'W_ih', 'W_hh', 'b_ih', 'b_hh', 'W_hy', 'b_y', 'h0', 'dh'] as const;
export const LSTM_BPTT_OUTPUTS = [...RNN_BPTT_OUTPUTS, 'c0', 'dc'] as const;

interface BpttCall {
  readonly X: Matrix;
  readonly Y: Matrix;
  readonly weights: CellWeights;
  readonly head: OutputHead;
}

/**
 * X, Y, the cell's weights and the head, read in the order of the parameters so the first
 * bad one is reported; Y's shape is checked last, once T (rows of X) and O (rows of W_hy)
 * are known, so its message can state both.
 */
function readBpttCall(
  gates: number,
  X: unknown,
  Y: unknown,
  w: WeightArgs,
  W_hy: unknown,
  b_y: unknown,
): BpttCall {
  const call = readSequenceCall(gates, X, w);
  const Ym = readMatrix('Y', Y, 'T×O, one target row per step');
  const H = call.weights.hiddenSize;
  const Wm = readMatrix('W_hy', W_hy, 'O × H');
  const O = checkSize('O', Wm.rows, 'the rows of W_hy');
  const head = {
    W_hy: expectShape('W_hy', Wm, O, H, 'O × H', `O = ${O} (its rows), H = ${H}`),
    b_y: readVector('b_y', b_y, O, `O = ${O}, the rows of W_hy`),
  };
  const T = call.X.rows;
  if (Ym.rows !== T || Ym.cols !== O) {
    throw invalidValue(
      `Y must be ${T}×${O} (T × O: T = ${T} the rows of X, O = ${O} the rows of W_hy); got ${Ym.rows}×${Ym.cols}`,
    );
  }
  return { X: call.X, Y: Ym, weights: call.weights, head };
}

/** The cost model's sizes of a call: T, I, H, O and the shape of the output asked for. */
function bpttSizes(c: BpttCall, out: string) {
  const { inputSize: I, hiddenSize: H, W_ih } = c.weights;
  const T = c.X.rows;
  const O = c.head.W_hy.rows;
  const G = W_ih.rows;
  const shapes: Record<string, [number, number]> = {
    loss: [1, 1],
    W_ih: [G, I],
    W_hh: [G, H],
    b_ih: [G, 1],
    b_hh: [G, 1],
    W_hy: [O, H],
    b_y: [O, 1],
    h0: [H, 1],
    c0: [H, 1],
    dh: [T, H],
    dc: [T, H],
  };
  const [rows, cols] = shapes[out];
  return { T, I, H, O, rows, cols };
}

type Gradients = Record<string, Matrix | Float64Array>;

function result(fn: string, loss: number, grads: Gradients, out: string): number[][] {
  if (out === 'loss') return resultColumns(fn, [[loss]]);
  const g = grads[out];
  return g instanceof Float64Array ? resultColumns(fn, [g]) : resultRows(fn, g);
}

/** The arguments of RNN.BPTT and GRU.BPTT, in the order the cell reads them. */
type OneStateArgs = [
  X: unknown,
  Y: unknown,
  W_ih: unknown,
  W_hh: unknown,
  b_ih: unknown,
  b_hh: unknown,
  W_hy: unknown,
  b_y: unknown,
  h0?: unknown,
  output?: unknown,
];

type OneStateBackward = (
  w: CellWeights,
  head: OutputHead,
  X: Matrix,
  Y: Matrix,
  h0: Float64Array | undefined,
) => { loss: number; grads: CellGradients; dh: Matrix };

/** A cell with one state (RNN, GRU; `gates` weight rows per unit): read, check the cost, run, pick. */
function oneStateBptt(
  fn: 'RNN.BPTT' | 'GRU.BPTT',
  gates: number,
  args: OneStateArgs,
  backward: OneStateBackward,
): number[][] {
  const [X, Y, W_ih, W_hh, b_ih, b_hh, W_hy, b_y, h0, output] = args;
  const inputs = checkInputs(fn, [X, Y, W_ih, W_hh, b_ih, b_hh, W_hy, b_y, h0]);
  const c = readBpttCall(gates, X, Y, { W_ih, W_hh, b_ih, b_hh }, W_hy, b_y);
  const start = readStartState('h0', h0, c.weights.hiddenSize);
  const out = readOption('output', output, RNN_BPTT_OUTPUTS, 'loss');
  checkCost(fn, bpttSizes(c, out), inputs);
  const r = backward(c.weights, c.head, c.X, c.Y, start);
  return result(fn, r.loss, { ...r.grads, dh: r.dh }, out);
}

/** RNN.BPTT → the loss (1×1) or the gradient named by `output`. */
export function rnnBptt(...args: OneStateArgs): number[][] {
  return oneStateBptt('RNN.BPTT', 1, args, (w, ...rest) =>
    rnnBackward({ ...w, nonlinearity: 'tanh' }, ...rest),
  );
}

/** GRU.BPTT → the loss or the gradient named by `output` (W_ih, W_hh and the biases 3H rows: r, z, n). */
export function gruBptt(...args: OneStateArgs): number[][] {
  return oneStateBptt('GRU.BPTT', 3, args, gruBackward);
}

/** LSTM.BPTT → the loss (1×1) or the gradient named by `output`. */
export function lstmBptt(
  X: unknown,
  Y: unknown,
  W_ih: unknown,
  W_hh: unknown,
  b_ih: unknown,
  b_hh: unknown,
  W_hy: unknown,
  b_y: unknown,
  h0?: unknown,
  c0?: unknown,
  output?: unknown,
): number[][] {
  const fn = 'LSTM.BPTT';
  const inputs = checkInputs(fn, [X, Y, W_ih, W_hh, b_ih, b_hh, W_hy, b_y, h0, c0]);
  const c = readBpttCall(4, X, Y, { W_ih, W_hh, b_ih, b_hh }, W_hy, b_y);
  const hStart = readStartState('h0', h0, c.weights.hiddenSize);
  const cStart = readStartState('c0', c0, c.weights.hiddenSize);
  const out = readOption('output', output, LSTM_BPTT_OUTPUTS, 'loss');
  checkCost(fn, bpttSizes(c, out), inputs);
  const r = lstmBackward(c.weights, c.head, c.X, c.Y, hStart, cStart);
  return result(fn, r.loss, { ...r.grads, dh: r.dh, dc: r.dc }, out);
}

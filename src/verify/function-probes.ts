/**
 * One call of each custom function, typed into a cell by "Check this Excel", with the
 * result the core computes for the same arguments. The arguments are array constants
 * ({1,2;3,4}) of small seeded weights, so a probe needs no other cell; the expected
 * numbers come from the core modules directly, not through functions/ (the code Excel
 * runs), so a wrong adapter, a wrong registration or a host that coerces arguments
 * differently shows up as a mismatch.
 */
import { sigmoid, silu, softplus } from '../core/activations';
import { gruForward, gruStep, initGru } from '../core/gru';
import { gruBackward } from '../core/gru-backward';
import { initLstm, lstmForward, lstmStep } from '../core/lstm';
import { discretize, scanStep, selectiveScan } from '../core/mamba-scan';
import { initLstmSeq2seq, lstmSeq2seqForward } from '../core/lstm-seq2seq';
import { lstmBackward } from '../core/lstm-backward';
import { initMamba, mambaBlockForward } from '../core/mamba-block';
import { mlstmInitialState, mlstmRecurrent, mlstmStep, type MlstmSequence } from '../core/mlstm';
import { rnnBackward } from '../core/rnn-backward';
import { initMatrix } from '../core/random';
import { initRnn, rnnForward, rnnStep } from '../core/rnn';
import { initSlstm, slstmForward, slstmInitialState, slstmStep } from '../core/slstm';
import { fromRows, matrix, toRows, vector, type Matrix } from '../core/tensor';

export interface FunctionProbe {
  /** The function's name as typed, e.g. 'LSTM.SEQ'. */
  readonly id: string;
  /** The formula typed into the cell ('=…'). */
  readonly formula: string;
  /** What the core computes; the cell's result spills to this shape. */
  readonly expected: readonly (readonly number[])[];
}

/**
 * An Excel array constant: columns split by ',', rows by ';' (Office.js formulas are
 * always in this invariant form). Excel keeps 15 significant digits of a typed number;
 * the literals here are short (hand-style weights) but for ln(n) in the Mamba block's
 * A_log, whose 17th digit moves its result by about 1e-16, far inside the tolerance.
 */
function lit(m: Matrix | readonly (readonly number[])[]): string {
  const rows = 'data' in m ? toRows(m) : m;
  return `{${rows.map((r) => r.map((x) => String(x)).join(',')).join(';')}}`;
}

const column = (v: ArrayLike<number>): number[][] => Array.from(v, (x) => [x]);
const call = (id: string, args: readonly string[]) => `=${id}(${args.join(',')})`;

/** Three steps of two features, the sequence every recurrent probe reads. */
const X = fromRows([
  [0.5, -1],
  [1, 0.25],
  [-0.5, 2],
]);
const x0 = Array.from(X.data.slice(0, 2));

/** A recurrent cell's four weights as PyTorch names them, in the order every function takes them. */
function weights(p: { W_ih: Matrix; W_hh: Matrix; b_ih: Float64Array; b_hh: Float64Array }): string[] {
  return [lit(p.W_ih), lit(p.W_hh), lit([Array.from(p.b_ih)]), lit([Array.from(p.b_hh)])];
}
const hPrev = [0.25, -0.5];

function elementwise(): FunctionProbe[] {
  const xs = [[-2, 0, 1.5]];
  const each = (f: (x: number) => number) => [xs[0].map(f)];
  return [
    { id: 'NN.SIGMOID', formula: call('NN.SIGMOID', [lit(xs)]), expected: each(sigmoid) },
    { id: 'NN.SOFTPLUS', formula: call('NN.SOFTPLUS', [lit(xs)]), expected: each(softplus) },
    { id: 'NN.SILU', formula: call('NN.SILU', [lit(xs)]), expected: each(silu) },
    {
      id: 'NN.INIT',
      formula: call('NN.INIT', ['2', '3', '7', '"hand"']),
      expected: toRows(initMatrix(2, 3, 7, 'hand')),
    },
  ];
}

function recurrent(): FunctionProbe[] {
  const rnn = initRnn(2, 2, 11, 'hand');
  const lstm = initLstm(2, 2, 12, 'hand');
  const gru = initGru(2, 2, 13, 'hand');
  const step = lstmStep(lstm, vector(x0), vector(hPrev), vector([0.5, 0.5]));
  return [
    {
      id: 'RNN.STEP',
      formula: call('RNN.STEP', [lit([x0]), lit([hPrev]), ...weights(rnn)]),
      expected: column(rnnStep(rnn, vector(x0), vector(hPrev))),
    },
    {
      id: 'RNN.SEQ',
      formula: call('RNN.SEQ', [lit(X), ...weights(rnn)]),
      expected: toRows(rnnForward(rnn, X).output),
    },
    {
      id: 'LSTM.STEP',
      formula: call('LSTM.STEP', [lit([x0]), lit([hPrev]), lit([[0.5, 0.5]]), ...weights(lstm)]),
      expected: Array.from(step.h, (h, i) => [h, step.c[i]]),
    },
    {
      id: 'LSTM.SEQ',
      formula: call('LSTM.SEQ', [lit(X), ...weights(lstm)]),
      expected: toRows(lstmForward(lstm, X).output),
    },
    {
      id: 'GRU.STEP',
      formula: call('GRU.STEP', [lit([x0]), lit([hPrev]), ...weights(gru)]),
      expected: column(gruStep(gru, vector(x0), vector(hPrev)).h),
    },
    {
      id: 'GRU.SEQ',
      formula: call('GRU.SEQ', [lit(X), ...weights(gru)]),
      expected: toRows(gruForward(gru, X).output),
    },
  ];
}

function mamba(): FunctionProbe[] {
  // Two channels, two states, three tokens (U is X); Δ positive, A negative.
  const A = fromRows([
    [-1, -2],
    [-0.5, -1.5],
  ]);
  const delta = fromRows([
    [0.5, 1],
    [0.25, 0.75],
    [1, 0.5],
  ]);
  const B = fromRows([
    [1, 0.5],
    [-1, 2],
    [0.5, 0.5],
  ]);
  const C = fromRows([
    [0.5, -1],
    [1, 1],
    [2, -0.5],
  ]);
  const D = vector([0.5, -0.25]);
  const first = (m: Matrix) => vector(m.data.slice(0, m.cols));
  const stepped = scanStep(first(X), matrix(2, 2), first(delta), A, first(B), first(C), D, 'zoh');
  const scanned = selectiveScan({ u: X, delta, A, B, C, D, method: 'zoh' });
  const d = discretize(0.5, -1, 2, 'zoh');
  return [
    {
      id: 'MAMBA.DISCRETIZE',
      formula: call('MAMBA.DISCRETIZE', ['0.5', '-1', '2', '"zoh"', '"Bbar"']),
      expected: [[d.bBar]],
    },
    {
      id: 'MAMBA.STEP',
      formula: call('MAMBA.STEP', [
        lit([x0]),
        lit(matrix(2, 2)),
        lit([Array.from(first(delta))]),
        lit(A),
        lit([Array.from(first(B))]),
        lit([Array.from(first(C))]),
        lit([Array.from(D)]),
      ]),
      expected: toRows(stepped.h),
    },
    {
      id: 'MAMBA.SCAN',
      formula: call('MAMBA.SCAN', [lit(X), lit(delta), lit(A), lit(B), lit(C), lit([Array.from(D)])]),
      expected: toRows(scanned.y),
    },
  ];
}

function xlstm(): FunctionProbe[] {
  const s = initSlstm(2, 2, 1, 14, 'hand');
  const seq: MlstmSequence = {
    Q: X,
    K: fromRows([
      [1, 0],
      [0.5, -0.5],
      [-1, 1],
    ]),
    V: fromRows([[2], [-1], [0.5]]),
    iPre: vector([0, 1, -1]),
    fPre: vector([1, 0.5, 2]),
  };
  const sState = slstmStep(s, x0, {
    ...slstmInitialState(2),
    h: vector(hPrev),
    c: vector([0.5, 1]),
    n: vector([1, 1]),
    m: vector([0, 0]),
  });
  const mStep = mlstmStep({ q: x0, k: [1, 0], v: [2], iPre: 0.5, fPre: 1 }, mlstmInitialState(2, 1));
  const m = (form: string) => [
    lit(seq.Q),
    lit(seq.K),
    lit(seq.V),
    lit(column(seq.iPre)),
    lit(column(seq.fPre)),
    form,
  ];
  return [
    {
      id: 'SLSTM.SEQ',
      formula: call('SLSTM.SEQ', [lit(X), lit(s.W), lit(s.R), lit([Array.from(s.b)])]),
      expected: toRows(slstmForward(s, X).output),
    },
    {
      id: 'SLSTM.STEP',
      formula: call('SLSTM.STEP', [
        lit([x0]),
        lit([hPrev]),
        lit([[0.5, 1]]),
        lit([[1, 1]]),
        lit([[0, 0]]),
        lit(s.W),
        lit(s.R),
        lit([Array.from(s.b)]),
      ]),
      expected: Array.from(sState.h, (h, i) => [h, sState.c[i], sState.n[i], sState.m[i]]),
    },
    {
      id: 'MLSTM.SEQ',
      formula: call('MLSTM.SEQ', m('"recurrent"')),
      expected: toRows(mlstmRecurrent(seq).H),
    },
    {
      id: 'MLSTM.STEP',
      formula: call('MLSTM.STEP', [
        lit([x0]),
        lit([[1, 0]]),
        '2',
        '0.5',
        '1',
        lit(matrix(1, 2)),
        lit([[0, 0]]),
        '0',
      ]),
      expected: column(mStep.h),
    },
  ];
}

/** Training and the larger models: a gradient, an encoder–decoder, a whole Mamba block. */
function composite(): FunctionProbe[] {
  const Y = fromRows([[1], [-0.5], [0.25]]);
  const head = { W_hy: fromRows([[1, -1]]), b_y: vector([0.5]) };
  const headArgs = [lit(head.W_hy), lit([Array.from(head.b_y)])];
  const rnn = initRnn(2, 2, 21, 'hand');
  const lstm = initLstm(2, 2, 22, 'hand');
  const gru = initGru(2, 2, 25, 'hand');
  const s2s = initLstmSeq2seq(2, 2, 1, 23, 'hand');
  const block = initMamba({ dModel: 2, dState: 2 }, 24, 'hand');
  return [
    {
      id: 'RNN.BPTT',
      formula: call('RNN.BPTT', [lit(X), lit(Y), ...weights(rnn), ...headArgs, '', '"W_hh"']),
      expected: toRows(rnnBackward(rnn, head, X, Y).grads.W_hh),
    },
    {
      id: 'LSTM.BPTT',
      formula: call('LSTM.BPTT', [lit(X), lit(Y), ...weights(lstm), ...headArgs]),
      expected: [[lstmBackward(lstm, head, X, Y).loss]],
    },
    {
      id: 'GRU.BPTT',
      formula: call('GRU.BPTT', [lit(X), lit(Y), ...weights(gru), ...headArgs, '', '"b_hh"']),
      expected: column(gruBackward(gru, head, X, Y).grads.b_hh),
    },
    {
      id: 'LSTM.SEQ2SEQ',
      formula: call('LSTM.SEQ2SEQ', [
        lit(X),
        lit(Y),
        ...weights(s2s.encoder),
        ...weights(s2s.decoder),
        lit(s2s.W_hy),
        lit([Array.from(s2s.b_y)]),
      ]),
      expected: toRows(lstmSeq2seqForward(s2s, X, Y).yHat),
    },
    {
      id: 'MAMBA.BLOCK',
      formula: call('MAMBA.BLOCK', [
        lit(X),
        lit(block.in_proj),
        lit(block.conv_w),
        lit([Array.from(block.conv_b)]),
        lit(block.x_proj),
        lit(block.dt_proj_w),
        lit([Array.from(block.dt_proj_b)]),
        lit(block.A_log),
        lit([Array.from(block.D)]),
        lit(block.out_proj),
        '"zoh"',
      ]),
      expected: toRows(mambaBlockForward(block, X, 'zoh')),
    },
  ];
}

/** Every probe, one per custom function, in the order the check types them. */
export function functionProbes(): FunctionProbe[] {
  return [...elementwise(), ...recurrent(), ...mamba(), ...xlstm(), ...composite()];
}

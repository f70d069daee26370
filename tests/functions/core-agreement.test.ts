/**
 * Every custom function returns exactly the core's numbers (toEqual on the raw doubles,
 * no tolerance) on random inputs, whichever way a vector is given (row or column) and
 * whether optional arguments are passed or omitted (null, as Excel sends them).
 */
import { describe, expect, it } from 'vitest';
import { sigmoid, silu, softplus } from '../../src/core/activations';
import { gruForward, gruStep as coreGruStep } from '../../src/core/gru';
import { lstmForward, lstmStep as coreLstmStep } from '../../src/core/lstm';
import { lstmSeq2seqForward } from '../../src/core/lstm-seq2seq';
import { mambaBlockForward, initMamba } from '../../src/core/mamba-block';
import { discretize, scanStep, selectiveScan } from '../../src/core/mamba-scan';
import { mlstmParallel, mlstmRecurrent, mlstmStep as coreMlstmStep } from '../../src/core/mlstm';
import { initMatrix } from '../../src/core/random';
import { rnnForward, rnnStep as coreRnnStep } from '../../src/core/rnn';
import { slstmForward, slstmInitialState, slstmStep as coreSlstmStep } from '../../src/core/slstm';
import { gruSeq, gruStep } from '../../functions/gru';
import { lstmSeq, lstmStep } from '../../functions/lstm';
import { lstmSeq2seq } from '../../functions/lstm-seq2seq';
import { mambaBlock, mambaDiscretize, mambaScan, mambaStep } from '../../functions/mamba';
import { nnInit, nnSigmoid, nnSilu, nnSoftplus } from '../../functions/nn';
import { rnnSeq, rnnStep } from '../../functions/rnn';
import { mlstmSeq, mlstmStep, slstmSeq, slstmStep } from '../../functions/xlstm';
import {
  asColumn,
  asRow,
  columnsOf,
  flat,
  randomRange,
  randomSource,
  rowsOf,
  toMatrix,
  type Range,
} from './fixtures';

const SEEDS = [1, 2, 3, 4, 5, 6];

function sizes(rand: () => number, max = 5): number {
  return 1 + Math.floor(rand() * max);
}

/** Alternates the orientation of a vector by seed, so both forms are exercised. */
function orient(seed: number, v: ArrayLike<number>): Range {
  return seed % 2 === 0 ? asColumn(v) : asRow(v);
}

/**
 * Random weights of a cell with `gates` blocks stacked in the rows, as the ranges a caller
 * passes (b_ih a column and b_hh a row, so both forms are read) and as the core params
 * they stand for, with and without the biases.
 */
function randomCell(rand: () => number, gates: number, I: number, H: number) {
  const W_ih = randomRange(rand, gates * H, I);
  const W_hh = randomRange(rand, gates * H, H);
  const b_ih = randomRange(rand, gates * H, 1);
  const b_hh = randomRange(rand, 1, gates * H);
  const p = {
    inputSize: I,
    hiddenSize: H,
    W_ih: toMatrix(W_ih),
    W_hh: toMatrix(W_hh),
    b_ih: flat(b_ih),
    b_hh: flat(b_hh),
  };
  const bare = { ...p, b_ih: new Float64Array(gates * H), b_hh: new Float64Array(gates * H) };
  return { W_ih, W_hh, b_ih, b_hh, p, bare };
}

describe('NN functions', () => {
  it('apply the core activations cell by cell, keeping the shape', () => {
    const rand = randomSource(7);
    const x = randomRange(rand, 3, 4, 30);
    expect(nnSigmoid(x)).toEqual(x.map((r) => r.map(sigmoid)));
    expect(nnSoftplus(x)).toEqual(x.map((r) => r.map(softplus)));
    expect(nnSilu(x)).toEqual(x.map((r) => r.map(silu)));
    expect(nnSigmoid(2)).toEqual([[sigmoid(2)]]);
  });

  it('NN.INIT equals initMatrix for both styles, torch by default', () => {
    expect(nnInit(4, 3, 42, null)).toEqual(rowsOf(initMatrix(4, 3, 42, 'torch')));
    expect(nnInit(4, 3, 42, 'hand')).toEqual(rowsOf(initMatrix(4, 3, 42, 'hand')));
    expect(nnInit(2, 5, 7, 'TORCH')).toEqual(rowsOf(initMatrix(2, 5, 7, 'torch')));
  });
});

describe('RNN', () => {
  it.each(SEEDS)('RNN.STEP and RNN.SEQ equal the core (seed %i)', (seed) => {
    const rand = randomSource(seed);
    const I = sizes(rand);
    const H = sizes(rand);
    const T = sizes(rand, 8);
    const cell = randomCell(rand, 1, I, H);
    const { W_ih, W_hh, b_ih, b_hh } = cell;
    const x = flat(randomRange(rand, 1, I));
    const h = flat(randomRange(rand, H, 1));
    const X = randomRange(rand, T, I);
    const h0 = flat(randomRange(rand, 1, H));
    for (const nonlinearity of ['tanh', 'relu'] as const) {
      const p = { ...cell.p, nonlinearity };
      expect(rnnStep(orient(seed, x), orient(seed + 1, h), W_ih, W_hh, b_ih, b_hh, nonlinearity)).toEqual(
        asColumn(coreRnnStep(p, x, h)),
      );
      expect(rnnSeq(X, W_ih, W_hh, b_ih, b_hh, orient(seed, h0), nonlinearity)).toEqual(
        rowsOf(rnnForward(p, toMatrix(X), h0).output),
      );
    }
    const bare = { ...cell.bare, nonlinearity: 'tanh' as const };
    expect(rnnStep(asRow(x), asColumn(h), W_ih, W_hh, null, null, null)).toEqual(
      asColumn(coreRnnStep(bare, x, h)),
    );
    expect(rnnSeq(X, W_ih, W_hh)).toEqual(rowsOf(rnnForward(bare, toMatrix(X)).output));
  });
});

describe('LSTM', () => {
  it.each(SEEDS)('LSTM.STEP in every output form and LSTM.SEQ equal the core (seed %i)', (seed) => {
    const rand = randomSource(seed);
    const I = sizes(rand);
    const H = sizes(rand);
    const T = sizes(rand, 8);
    const { W_ih, W_hh, b_ih, b_hh, p, bare } = randomCell(rand, 4, I, H);
    const x = flat(randomRange(rand, 1, I, 2));
    const h = flat(randomRange(rand, 1, H));
    const c = flat(randomRange(rand, 1, H));
    const r = coreLstmStep(p, x, h, c);
    const args = [orient(seed, x), orient(seed + 1, h), orient(seed, c), W_ih, W_hh, b_ih, b_hh] as const;
    expect(lstmStep(...args)).toEqual(columnsOf(r.h, r.c));
    expect(lstmStep(...args, null)).toEqual(columnsOf(r.h, r.c));
    expect(lstmStep(...args, 'h')).toEqual(columnsOf(r.h));
    expect(lstmStep(...args, 'c')).toEqual(columnsOf(r.c));
    expect(lstmStep(...args, 'gates')).toEqual(columnsOf(r.i, r.f, r.g, r.o));

    const X = randomRange(rand, T, I);
    const h0 = flat(randomRange(rand, 1, H));
    const c0 = flat(randomRange(rand, 1, H));
    const f = lstmForward(p, toMatrix(X), h0, c0);
    expect(lstmSeq(X, W_ih, W_hh, b_ih, b_hh, orient(seed, h0), orient(seed, c0))).toEqual(rowsOf(f.output));
    expect(lstmSeq(X, W_ih, W_hh, b_ih, b_hh, asRow(h0), asColumn(c0), 'c')).toEqual(rowsOf(f.cells));

    expect(lstmSeq(X, W_ih, W_hh, null, null, null, null, null)).toEqual(
      rowsOf(lstmForward(bare, toMatrix(X)).output),
    );
    const rb = coreLstmStep(bare, x, h, c);
    expect(lstmStep(asRow(x), asRow(h), asRow(c), W_ih, W_hh)).toEqual(columnsOf(rb.h, rb.c));
  });

  it.each(SEEDS)(
    'LSTM.SEQ2SEQ equals the core encoder–decoder, biases given or omitted (seed %i)',
    (seed) => {
      const rand = randomSource(seed);
      const [I, H, Oin, O] = [sizes(rand), sizes(rand), sizes(rand), sizes(rand)];
      const enc = randomCell(rand, 4, I, H);
      const dec = randomCell(rand, 4, Oin, H);
      const X = randomRange(rand, sizes(rand, 8), I);
      const Y = randomRange(rand, sizes(rand, 8), Oin);
      const W_hy = randomRange(rand, O, H);
      const b_y = flat(randomRange(rand, 1, O));
      const head = { W_hy: toMatrix(W_hy), b_y };
      const full = lstmSeq2seqForward({ encoder: enc.p, decoder: dec.p, ...head }, toMatrix(X), toMatrix(Y));
      const e = [enc.W_ih, enc.W_hh] as const;
      const d = [dec.W_ih, dec.W_hh] as const;
      expect(
        lstmSeq2seq(
          X,
          Y,
          ...e,
          enc.b_ih,
          enc.b_hh,
          dec.W_ih,
          dec.W_hh,
          dec.b_ih,
          dec.b_hh,
          W_hy,
          orient(seed, b_y),
        ),
      ).toEqual(rowsOf(full.yHat));
      const bare = lstmSeq2seqForward(
        { encoder: enc.bare, decoder: dec.bare, W_hy: head.W_hy, b_y: new Float64Array(O) },
        toMatrix(X),
        toMatrix(Y),
      );
      expect(lstmSeq2seq(X, Y, ...e, null, null, ...d, null, null, W_hy, null)).toEqual(rowsOf(bare.yHat));
    },
  );
});

describe('GRU', () => {
  it.each(SEEDS)('GRU.STEP (h and gates) and GRU.SEQ equal the core (seed %i)', (seed) => {
    const rand = randomSource(seed);
    const I = sizes(rand);
    const H = sizes(rand);
    const T = sizes(rand, 8);
    const { W_ih, W_hh, b_ih, b_hh, p, bare } = randomCell(rand, 3, I, H);
    const x = flat(randomRange(rand, 1, I));
    const h = flat(randomRange(rand, 1, H));
    const r = coreGruStep(p, x, h);
    expect(gruStep(orient(seed, x), orient(seed + 1, h), W_ih, W_hh, b_ih, b_hh)).toEqual(asColumn(r.h));
    expect(gruStep(orient(seed, x), orient(seed, h), W_ih, W_hh, b_ih, b_hh, 'gates')).toEqual(
      columnsOf(r.r, r.z, r.n),
    );
    const X = randomRange(rand, T, I);
    const h0 = flat(randomRange(rand, 1, H));
    expect(gruSeq(X, W_ih, W_hh, b_ih, b_hh, orient(seed, h0))).toEqual(
      rowsOf(gruForward(p, toMatrix(X), h0).output),
    );
    expect(gruSeq(X, W_ih, W_hh, null, null, null)).toEqual(rowsOf(gruForward(bare, toMatrix(X)).output));
  });
});

describe('Mamba', () => {
  it.each(SEEDS)('MAMBA.DISCRETIZE broadcasts a Δ column, an A block and a B row (seed %i)', (seed) => {
    const rand = randomSource(seed);
    const D = sizes(rand);
    const N = sizes(rand);
    const delta = randomRange(rand, D, 1, 0.5, 0.5);
    const A = randomRange(rand, D, N, 1, -1.5);
    const B = randomRange(rand, 1, N);
    for (const method of ['zoh', 'euler'] as const) {
      const expected = (which: 'aBar' | 'bBar'): Range =>
        A.map((row, d) => row.map((a, n) => discretize(delta[d][0], a, B[0][n], method)[which]));
      expect(mambaDiscretize(delta, A, B, method)).toEqual(expected('aBar'));
      expect(mambaDiscretize(delta, A, B, method, 'Bbar')).toEqual(expected('bBar'));
    }
    expect(mambaDiscretize(delta, A, B, null, null)).toEqual(mambaDiscretize(delta, A, B, 'zoh', 'Abar'));
    expect(mambaDiscretize(0.1, -2, 3, 'zoh', 'bbar')).toEqual([[discretize(0.1, -2, 3, 'zoh').bBar]]);
  });

  it.each(SEEDS)('MAMBA.STEP and MAMBA.SCAN equal the core (seed %i)', (seed) => {
    const rand = randomSource(seed);
    const D = sizes(rand);
    const N = sizes(rand);
    const T = sizes(rand, 8);
    const u = flat(randomRange(rand, 1, D));
    const hPrev = randomRange(rand, D, N);
    const delta = flat(randomRange(rand, 1, D, 0.5, 0.5));
    const A = randomRange(rand, D, N, 1, -1.5);
    const B = flat(randomRange(rand, 1, N));
    const C = flat(randomRange(rand, 1, N));
    const skip = flat(randomRange(rand, 1, D));
    for (const method of ['zoh', 'euler'] as const) {
      const r = scanStep(u, toMatrix(hPrev), delta, toMatrix(A), B, C, skip, method);
      const args = [
        orient(seed, u),
        hPrev,
        orient(seed + 1, delta),
        A,
        orient(seed, B),
        orient(seed + 1, C),
        orient(seed, skip),
        method,
      ] as const;
      expect(mambaStep(...args)).toEqual(rowsOf(r.h));
      expect(mambaStep(...args, 'y')).toEqual(asColumn(r.y));
    }
    const noSkip = scanStep(u, toMatrix(hPrev), delta, toMatrix(A), B, C, undefined, 'zoh');
    expect(mambaStep(asRow(u), hPrev, asRow(delta), A, asRow(B), asRow(C), null, null, 'y')).toEqual(
      asColumn(noSkip.y),
    );

    const U = randomRange(rand, T, D);
    const Delta = randomRange(rand, T, D, 0.5, 0.5);
    const Bs = randomRange(rand, T, N);
    const Cs = randomRange(rand, T, N);
    const Z = randomRange(rand, T, D);
    const inputs = {
      u: toMatrix(U),
      delta: toMatrix(Delta),
      A: toMatrix(A),
      B: toMatrix(Bs),
      C: toMatrix(Cs),
    };
    const full = selectiveScan({ ...inputs, D: skip, z: toMatrix(Z), method: 'euler' });
    expect(mambaScan(U, Delta, A, Bs, Cs, orient(seed, skip), Z, 'euler')).toEqual(rowsOf(full.y));
    expect(mambaScan(U, Delta, A, Bs, Cs, orient(seed, skip), Z, 'euler', 'state')).toEqual(rowsOf(full.hN));
    const plain = selectiveScan({ ...inputs, method: 'zoh' });
    expect(mambaScan(U, Delta, A, Bs, Cs, null, null, null, null)).toEqual(rowsOf(plain.y));
  });

  it.each([1, 2, 3])('MAMBA.BLOCK equals mambaBlockForward on seeded weights (seed %i)', (seed) => {
    const rand = randomSource(seed);
    const dModel = sizes(rand, 4);
    const p = initMamba(
      { dModel, dState: sizes(rand, 4), dInner: sizes(rand, 6), dtRank: sizes(rand, 2) },
      seed,
      'torch',
    );
    const X = randomRange(rand, sizes(rand, 9), dModel);
    const args = [
      X,
      rowsOf(p.in_proj),
      rowsOf(p.conv_w),
      asColumn(p.conv_b),
      rowsOf(p.x_proj),
      rowsOf(p.dt_proj_w),
      asRow(p.dt_proj_b),
      rowsOf(p.A_log),
      asColumn(p.D),
      rowsOf(p.out_proj),
    ] as const;
    expect(mambaBlock(...args)).toEqual(rowsOf(mambaBlockForward(p, toMatrix(X), 'zoh')));
    expect(mambaBlock(...args, 'euler')).toEqual(rowsOf(mambaBlockForward(p, toMatrix(X), 'euler')));
  });
});

describe('xLSTM', () => {
  it.each(SEEDS)('SLSTM.STEP (every output) and SLSTM.SEQ equal the core (seed %i)', (seed) => {
    const rand = randomSource(seed);
    const I = sizes(rand);
    const H = sizes(rand);
    const T = sizes(rand, 8);
    const W = randomRange(rand, 4 * H, I);
    const R = randomRange(rand, 4 * H, H);
    const b = randomRange(rand, 4 * H, 1);
    const state = {
      h: flat(randomRange(rand, 1, H)),
      c: flat(randomRange(rand, 1, H)),
      n: flat(randomRange(rand, 1, H, 0.5, 1.5)),
      m: flat(randomRange(rand, 1, H)),
    };
    const x = flat(randomRange(rand, 1, I));
    for (const forget of ['sigmoid', 'exp'] as const) {
      const p = {
        inputSize: I,
        hiddenSize: H,
        numHeads: 1,
        forget,
        W: toMatrix(W),
        R: toMatrix(R),
        b: flat(b),
      };
      const s = coreSlstmStep(p, x, state);
      const args = [
        orient(seed, x),
        orient(seed, state.h),
        orient(seed + 1, state.c),
        orient(seed, state.n),
        orient(seed + 1, state.m),
        W,
        R,
        b,
        forget,
      ] as const;
      expect(slstmStep(...args)).toEqual(columnsOf(s.h, s.c, s.n, s.m));
      for (const key of ['h', 'c', 'n', 'm'] as const)
        expect(slstmStep(...args, key)).toEqual(asColumn(s[key]));
      const X = randomRange(rand, T, I);
      expect(slstmSeq(X, W, R, b, forget)).toEqual(rowsOf(slstmForward(p, toMatrix(X)).output));
    }
  });

  it('SLSTM.STEP from zeros with m_prev = −1E300 reproduces the −∞ start exactly', () => {
    const rand = randomSource(11);
    const I = 3;
    const H = 2;
    const W = randomRange(rand, 4 * H, I);
    const R = randomRange(rand, 4 * H, H);
    const b = randomRange(rand, 4 * H, 1);
    const x = flat(randomRange(rand, 1, I));
    const p = {
      inputSize: I,
      hiddenSize: H,
      numHeads: 1,
      forget: 'sigmoid' as const,
      W: toMatrix(W),
      R: toMatrix(R),
      b: flat(b),
    };
    const s = coreSlstmStep(p, x, slstmInitialState(H));
    const zeros = [[0, 0]];
    expect(slstmStep(asRow(x), zeros, zeros, zeros, [[-1e300, -1e300]], W, R, b)).toEqual(
      columnsOf(s.h, s.c, s.n, s.m),
    );
  });

  it.each(SEEDS)('MLSTM.STEP (every output) and MLSTM.SEQ in both forms equal the core (seed %i)', (seed) => {
    const rand = randomSource(seed);
    const dk = sizes(rand);
    const dv = sizes(rand);
    const T = sizes(rand, 8);
    const q = flat(randomRange(rand, 1, dk));
    const k = flat(randomRange(rand, 1, dk));
    const v = flat(randomRange(rand, 1, dv));
    const C = randomRange(rand, dv, dk);
    const n = flat(randomRange(rand, 1, dk));
    const m = rand() - 0.5;
    const iPre = 2 * rand() - 1;
    const fPre = 2 * rand() - 1;
    const r = coreMlstmStep({ q, k, v, iPre, fPre }, { C: toMatrix(C), n, m });
    const args = [
      orient(seed, q),
      orient(seed + 1, k),
      orient(seed, v),
      iPre,
      [[fPre]],
      C,
      orient(seed, n),
      [[m]],
    ] as const;
    expect(mlstmStep(...args)).toEqual(asColumn(r.h));
    expect(mlstmStep(...args, null)).toEqual(asColumn(r.h));
    expect(mlstmStep(...args, 'C')).toEqual(rowsOf(r.state.C));
    expect(mlstmStep(...args, 'n')).toEqual(asColumn(r.state.n));
    expect(mlstmStep(...args, 'm')).toEqual([[r.state.m]]);

    const Q = randomRange(rand, T, dk);
    const K = randomRange(rand, T, dk);
    const V = randomRange(rand, T, dv);
    const I_pre = flat(randomRange(rand, 1, T, 3));
    const F_pre = flat(randomRange(rand, 1, T, 3));
    const seq = { Q: toMatrix(Q), K: toMatrix(K), V: toMatrix(V), iPre: I_pre, fPre: F_pre };
    expect(mlstmSeq(Q, K, V, orient(seed, I_pre), orient(seed + 1, F_pre))).toEqual(
      rowsOf(mlstmRecurrent(seq).H),
    );
    expect(mlstmSeq(Q, K, V, asColumn(I_pre), asColumn(F_pre), 'parallel')).toEqual(
      rowsOf(mlstmParallel(seq)),
    );
  });
});

/**
 * The messages a learner reads for the commonest mistakes: each names the argument, the
 * expected shape (with where its sizes come from) and what was given.
 */
import { describe, expect, it } from 'vitest';
import { FunctionError } from '../../functions/errors';
import { gruSeq } from '../../functions/gru';
import { lstmSeq, lstmStep } from '../../functions/lstm';
import { lstmSeq2seq } from '../../functions/lstm-seq2seq';
import { mambaDiscretize, mambaScan } from '../../functions/mamba';
import { nnInit, nnSigmoid } from '../../functions/nn';
import { rnnSeq, rnnStep } from '../../functions/rnn';
import { mlstmSeq, slstmSeq } from '../../functions/xlstm';

function zeros(rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
}

function failure(f: () => unknown): FunctionError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(FunctionError);
    return e as FunctionError;
  }
  throw new Error('expected the call to fail');
}

describe('error messages', () => {
  it('a wrong W_hh shape states the expected shape, its formula and H', () => {
    const e = failure(() => lstmStep([[1, 2, 3]], [[0, 0]], [[0, 0]], zeros(8, 3), zeros(6, 2)));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toBe('W_hh must be 8×2 (4·H × H) for H = 2; got 6×2');
  });

  it('transposed weights get a hint about PyTorch layout', () => {
    const e = failure(() => lstmSeq(zeros(5, 3), zeros(3, 8), zeros(8, 2)));
    expect(e.message).toBe(
      'W_ih must be 8×3 (4·H × I) for H = 2, I = 3; got 3×8; it looks transposed (matrices are out × in, as in PyTorch)',
    );
  });

  it('LSTM.SEQ2SEQ names the encoder, decoder or head argument and its shape', () => {
    const X = zeros(4, 3);
    const Y = zeros(2, 1);
    const call = (over: Record<string, unknown>) => {
      const a = {
        enc_W_ih: zeros(8, 3),
        enc_W_hh: zeros(8, 2),
        dec_W_ih: zeros(8, 1),
        dec_W_hh: zeros(8, 2),
        W_hy: zeros(1, 2),
        b_y: [[0]],
        ...over,
      };
      return failure(() =>
        lstmSeq2seq(
          X,
          Y,
          a.enc_W_ih,
          a.enc_W_hh,
          null,
          null,
          a.dec_W_ih,
          a.dec_W_hh,
          null,
          null,
          a.W_hy,
          a.b_y,
        ),
      ).message;
    };
    expect(call({ enc_W_ih: zeros(8, 2) })).toBe('enc_W_ih must be 8×3 (4·H × I) for H = 2, I = 3; got 8×2');
    expect(call({ dec_W_hh: zeros(12, 3) })).toBe(
      "dec_W_hh must be 8×2 (4·H × H) for H = 2 (the encoder's hidden size, from enc_W_hh); got 12×3",
    );
    expect(call({ dec_W_ih: zeros(8, 2) })).toBe(
      'dec_W_ih must be 8×1 (4·H × O_in) for H = 2, O_in = 1; got 8×2',
    );
    expect(call({ W_hy: zeros(2, 1) })).toBe(
      'W_hy must have 2 columns (O × H, H = 2 from enc_W_hh); got 2×1; it looks transposed (matrices are out × in, as in PyTorch)',
    );
    expect(call({ b_y: [[0, 0]] })).toBe('b_y must hold 1 values (O = 1, the rows of W_hy); got 2');
  });

  it('text, booleans and blanks are named with their position', () => {
    const X = zeros(3, 2) as unknown[][];
    X[2][1] = 'abc';
    expect(failure(() => rnnSeq(X, zeros(2, 2), zeros(2, 2))).message).toBe(
      'X has the text "abc" at row 3, column 2; every cell must hold a number',
    );
    X[2][1] = true;
    expect(failure(() => rnnSeq(X, zeros(2, 2), zeros(2, 2))).message).toMatch(
      /^X has TRUE at row 3, column 2/,
    );
    X[2][1] = '';
    const e = failure(() => rnnSeq(X, zeros(2, 2), zeros(2, 2)));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toMatch(/^X has a blank cell at row 3, column 2/);
  });

  it('NaN and ±∞ give #VALUE! (the one error Excel shows a message with) naming the argument and the cell', () => {
    const e = failure(() => gruSeq(zeros(2, 1), [[1], [Number.POSITIVE_INFINITY], [0]], zeros(3, 1)));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toBe('W_ih has a non-finite number (NaN or ±∞) at row 2, column 1');
  });

  it('an unknown option lists the allowed values', () => {
    const e = failure(() => lstmStep(1, 0, 0, zeros(4, 1), zeros(4, 1), null, null, 'hidden'));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toBe('output must be one of "state", "h", "c", "gates"; got the text "hidden"');
    expect(failure(() => mambaDiscretize(1, -1, 1, 'rk4')).message).toBe(
      'method must be one of "zoh", "euler"; got the text "rk4"',
    );
  });

  it('a vector given as a block, or of the wrong length, says so', () => {
    expect(failure(() => rnnStep(zeros(2, 2), [[0]], zeros(1, 4), zeros(1, 1))).message).toBe(
      'x must be a row or a column of numbers; got 2×2',
    );
    expect(failure(() => rnnSeq(zeros(4, 2), zeros(2, 2), zeros(2, 2), [[1, 2, 3]])).message).toBe(
      'b_ih must hold 2 values (H for H = 2); got 3',
    );
    expect(
      failure(() => mlstmSeq(zeros(4, 2), zeros(4, 2), zeros(4, 1), [[0, 0, 0]], [[0, 0, 0, 0]])).message,
    ).toBe('I_pre must hold 4 values (one per step, T = 4); got 3');
  });

  it('Mamba: negative step sizes and mismatched B are explained', () => {
    const e = failure(() => mambaScan(zeros(2, 1), [[0.1], [-0.2]], [[-1, -2]], zeros(2, 2), zeros(2, 2)));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toMatch(
      /^Delta must be ≥ 0 \(a step size; apply NN.SOFTPLUS to raw values\); row 2, column 1 is -0.2/,
    );
    expect(
      failure(() => mambaScan(zeros(2, 1), zeros(2, 1), [[-1, -2]], zeros(3, 2), zeros(2, 2))).message,
    ).toBe('B must be 2×2 (T × N) for T = 2 (the rows of U), N = 2 (the columns of A); got 3×2');
    expect(failure(() => mambaDiscretize([[1], [2]], [[1, 2, 3]], [[1, 2]])).message).toMatch(
      /^delta, A and B must broadcast/,
    );
  });

  it('missing required arguments and bad NN.INIT sizes are named', () => {
    expect(failure(() => slstmSeq(zeros(2, 1), zeros(4, 1), zeros(4, 1), null)).message).toBe(
      'b is missing; expected a row or a column of 4 values (4·H for H = 1)',
    );
    expect(failure(() => nnInit(0, 3, 1)).message).toBe('rows must be a whole number from 1 to 16384; got 0');
    expect(failure(() => nnInit(2, 2.5, 1)).message).toBe(
      'cols must be a whole number from 1 to 16384; got 2.5',
    );
  });

  it('overflowing results give #NUM!, and oversized calls are refused rather than run', () => {
    const e = failure(() => mambaDiscretize(1000, 1000, 1));
    expect(e.code).toBe('#NUM!');
    expect(e.message).toBe(
      'MAMBA.DISCRETIZE: the result is not finite at row 1, column 1 (overflow); scale the inputs down',
    );
    const big = failure(() => nnSigmoid(zeros(100_001, 1)));
    expect(big.message).toBe('x is too large (100001×1); at most 100000 rows and 16384 columns');
    const work = failure(() =>
      mlstmSeq(
        zeros(40_000, 1),
        zeros(40_000, 1),
        zeros(40_000, 1),
        zeros(40_000, 1),
        zeros(40_000, 1),
        'parallel',
      ),
    );
    expect(work.message).toBe(
      'MLSTM.SEQ would need about 1.4e+10 multiply-adds of work for T = 40000, d_k = 1, d_v = 1 (exp, log and tanh count as about 13 each); at most 2.0e+7 per call',
    );
  });
});

/**
 * RNN.BPTT, GRU.BPTT and LSTM.BPTT: every output equals the core's backward pass exactly (toEqual
 * on the raw doubles), vectors come back as columns, options are case-insensitive, and
 * bad shapes are reported naming the argument and the expected shape.
 */
import { describe, expect, it } from 'vitest';
import { lstmBackward } from '../../src/core/lstm-backward';
import { rnnBackward } from '../../src/core/rnn-backward';
import type { Matrix } from '../../src/core/tensor';
import { gruBptt, LSTM_BPTT_OUTPUTS, lstmBptt, RNN_BPTT_OUTPUTS, rnnBptt } from '../../functions/bptt';
import { gruBackward } from '../../src/core/gru-backward';
import { FunctionError } from '../../functions/errors';
import { asColumn, asRow, flat, randomRange, randomSource, rowsOf, toMatrix, type Range } from './fixtures';

function expected(g: Matrix | Float64Array): Range {
  return g instanceof Float64Array ? asColumn(g) : rowsOf(g);
}

function randomCall(seed: number, gates: number) {
  const rand = randomSource(seed);
  const [I, H, O, T] = [2 + (seed % 3), 1 + (seed % 4), 1 + (seed % 2), 3 + seed];
  const r = (rows: number, cols: number) => randomRange(rand, rows, cols);
  return {
    X: r(T, I),
    Y: r(T, O),
    W_ih: r(gates * H, I),
    W_hh: r(gates * H, H),
    b_ih: r(gates * H, 1),
    b_hh: r(1, gates * H),
    W_hy: r(O, H),
    b_y: r(1, O),
    h0: r(1, H),
    c0: r(H, 1),
  };
}

function coreArgs(a: ReturnType<typeof randomCall>, gates: number) {
  const H = a.W_hh[0].length;
  const p = {
    inputSize: a.X[0].length,
    hiddenSize: H,
    W_ih: toMatrix(a.W_ih),
    W_hh: toMatrix(a.W_hh),
    b_ih: flat(a.b_ih),
    b_hh: flat(a.b_hh),
  };
  expect(p.W_ih.rows).toBe(gates * H);
  return { p, head: { W_hy: toMatrix(a.W_hy), b_y: flat(a.b_y) }, X: toMatrix(a.X), Y: toMatrix(a.Y) };
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

describe('RNN.BPTT', () => {
  it.each([1, 2, 3, 4])('every output equals the core (seed %i)', (seed) => {
    const a = randomCall(seed, 1);
    const c = coreArgs(a, 1);
    const r = rnnBackward({ ...c.p, nonlinearity: 'tanh' }, c.head, c.X, c.Y, flat(a.h0));
    const call = (out: string | null) =>
      rnnBptt(a.X, a.Y, a.W_ih, a.W_hh, a.b_ih, a.b_hh, a.W_hy, a.b_y, a.h0, out);
    expect(call(null)).toEqual([[r.loss]]);
    const all: Record<string, Matrix | Float64Array> = { ...r.grads, dh: r.dh };
    for (const out of RNN_BPTT_OUTPUTS.filter((o) => o !== 'loss'))
      expect(call(out), out).toEqual(expected(all[out]));
    expect(call('w_HH')).toEqual(expected(r.grads.W_hh));
  });

  it('an omitted h0 starts from zeros', () => {
    const a = randomCall(5, 1);
    const c = coreArgs(a, 1);
    const r = rnnBackward({ ...c.p, nonlinearity: 'tanh' }, c.head, c.X, c.Y);
    expect(rnnBptt(a.X, a.Y, a.W_ih, a.W_hh, a.b_ih, a.b_hh, a.W_hy, a.b_y, null, 'h0')).toEqual(
      asColumn(r.grads.h0),
    );
  });

  it('states what Y, W_hy and b_y must be', () => {
    const a = randomCall(2, 1); // I = 4, H = 3, O = 1, T = 5
    const call = (Y: Range, W_hy: Range, b_y: Range, output: unknown = null) =>
      rnnBptt(a.X, Y, a.W_ih, a.W_hh, a.b_ih, a.b_hh, W_hy, b_y, null, output);
    expect(failure(() => call(asRow([1, 2]), a.W_hy, a.b_y)).message).toBe(
      'Y must be 5×1 (T × O: T = 5 the rows of X, O = 1 the rows of W_hy); got 1×2',
    );
    expect(failure(() => call(a.Y, [[1, 2]], a.b_y)).message).toBe(
      'W_hy must be 1×3 (O × H) for O = 1 (its rows), H = 3; got 1×2',
    );
    expect(failure(() => call(a.Y, a.W_hy, asRow([1, 2]))).message).toBe(
      'b_y must hold 1 values (O = 1, the rows of W_hy); got 2',
    );
    expect(failure(() => call(a.Y, a.W_hy, a.b_y, 'dc')).message).toMatch(
      /^output must be one of "loss", "W_ih"/,
    );
  });
});

describe('LSTM.BPTT', () => {
  it.each([1, 2, 3])('every output equals the core (seed %i)', (seed) => {
    const a = randomCall(seed, 4);
    const c = coreArgs(a, 4);
    const r = lstmBackward(c.p, c.head, c.X, c.Y, flat(a.h0), flat(a.c0));
    const call = (out: string | null) =>
      lstmBptt(a.X, a.Y, a.W_ih, a.W_hh, a.b_ih, a.b_hh, a.W_hy, a.b_y, a.h0, a.c0, out);
    expect(call(null)).toEqual([[r.loss]]);
    const all: Record<string, Matrix | Float64Array> = { ...r.grads, dh: r.dh, dc: r.dc };
    for (const out of LSTM_BPTT_OUTPUTS.filter((o) => o !== 'loss'))
      expect(call(out), out).toEqual(expected(all[out]));
  });

  it('names W_hh with the LSTM shape, and c0 with H', () => {
    const a = randomCall(1, 4); // H = 2
    expect(failure(() => lstmBptt(a.X, a.Y, a.W_ih, [[1, 2]], a.b_ih, a.b_hh, a.W_hy, a.b_y)).message).toBe(
      'W_hh must be 8×2 (4·H × H) for H = 2; got 1×2',
    );
    expect(
      failure(() => lstmBptt(a.X, a.Y, a.W_ih, a.W_hh, a.b_ih, a.b_hh, a.W_hy, a.b_y, null, [[1, 2, 3]]))
        .message,
    ).toBe('c0 must hold 2 values (H = 2); got 3');
  });
});

describe('GRU.BPTT', () => {
  it.each([1, 2, 3])('every output equals the core (seed %i)', (seed) => {
    const a = randomCall(seed, 3);
    const c = coreArgs(a, 3);
    const r = gruBackward(c.p, c.head, c.X, c.Y, flat(a.h0));
    const call = (out: string | null) =>
      gruBptt(a.X, a.Y, a.W_ih, a.W_hh, a.b_ih, a.b_hh, a.W_hy, a.b_y, a.h0, out);
    expect(call(null)).toEqual([[r.loss]]);
    const all: Record<string, Matrix | Float64Array> = { ...r.grads, dh: r.dh };
    for (const out of RNN_BPTT_OUTPUTS.filter((o) => o !== 'loss'))
      expect(call(out), out).toEqual(expected(all[out]));
  });

  it('names W_hh and b_hh with the GRU shape, and offers no cell state', () => {
    const a = randomCall(1, 3); // H = 2
    expect(failure(() => gruBptt(a.X, a.Y, a.W_ih, [[1, 2]], a.b_ih, a.b_hh, a.W_hy, a.b_y)).message).toBe(
      'W_hh must be 6×2 (3·H × H) for H = 2; got 1×2',
    );
    expect(failure(() => gruBptt(a.X, a.Y, a.W_ih, a.W_hh, a.b_ih, [[1, 2]], a.W_hy, a.b_y)).message).toMatch(
      /^b_hh must hold 6 values/,
    );
    expect(
      failure(() => gruBptt(a.X, a.Y, a.W_ih, a.W_hh, a.b_ih, a.b_hh, a.W_hy, a.b_y, null, 'dc')).message,
    ).toMatch(/^output must be one of "loss", "W_ih"/);
  });
});

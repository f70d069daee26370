/**
 * Fuzzing every custom function with fast-check: well-formed arguments for random sizes,
 * then often one argument spoiled (wrong shape, a text/boolean/blank cell, NaN, ±∞, huge
 * values, a non-range). Whatever comes in, a call either returns a non-empty rectangular
 * array of finite numbers or throws the function error (#VALUE!/#NUM!) with a message;
 * never anything else. 21 functions × 600 runs = 12,600 cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gruBptt, lstmBptt, rnnBptt } from '../../functions/bptt';
import { isFunctionError } from '../../functions/errors';
import { gruSeq, gruStep } from '../../functions/gru';
import { lstmSeq, lstmStep } from '../../functions/lstm';
import { lstmSeq2seq } from '../../functions/lstm-seq2seq';
import { mambaBlock, mambaDiscretize, mambaScan, mambaStep } from '../../functions/mamba';
import { nnInit, nnSigmoid, nnSilu, nnSoftplus } from '../../functions/nn';
import { rnnSeq, rnnStep } from '../../functions/rnn';
import { mlstmSeq, mlstmStep, slstmSeq, slstmStep } from '../../functions/xlstm';

const RUNS_PER_FUNCTION = 600;

interface Sizes {
  T: number;
  I: number;
  H: number;
  D: number;
  N: number;
  K: number;
  R: number;
}
type Dim = (s: Sizes) => number;

type Spec =
  | { kind: 'mat'; rows: Dim; cols: Dim; optional?: boolean; nonneg?: boolean }
  | { kind: 'vec'; len: Dim; optional?: boolean; nonneg?: boolean }
  | { kind: 'scalar' }
  | { kind: 'option'; values: readonly string[] }
  | { kind: 'int'; min: number; max: number };

const mat = (rows: Dim, cols: Dim, extra: { optional?: boolean; nonneg?: boolean } = {}): Spec => ({
  kind: 'mat',
  rows,
  cols,
  ...extra,
});
const vec = (len: Dim, extra: { optional?: boolean; nonneg?: boolean } = {}): Spec => ({
  kind: 'vec',
  len,
  ...extra,
});
const opt = (...values: string[]): Spec => ({ kind: 'option', values });
const scalar: Spec = { kind: 'scalar' };
const int = (min: number, max: number): Spec => ({ kind: 'int', min, max });

const T: Dim = (s) => s.T;
const I: Dim = (s) => s.I;
const H: Dim = (s) => s.H;
const D: Dim = (s) => s.D;
const N: Dim = (s) => s.N;
const times =
  (k: number, d: Dim): Dim =>
  (s) =>
    k * d(s);
const one: Dim = () => 1;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFn = (...args: any[]) => unknown;

const CASES: [string, AnyFn, Spec[]][] = [
  ['NN.SIGMOID', nnSigmoid, [mat(T, I)]],
  ['NN.SOFTPLUS', nnSoftplus, [mat(T, I)]],
  ['NN.SILU', nnSilu, [mat(T, I)]],
  ['NN.INIT', nnInit, [int(1, 6), int(1, 6), int(-5, 1000), opt('torch', 'hand')]],
  [
    'RNN.STEP',
    rnnStep,
    [
      vec(I),
      vec(H),
      mat(H, I),
      mat(H, H),
      vec(H, { optional: true }),
      vec(H, { optional: true }),
      opt('tanh', 'relu'),
    ],
  ],
  [
    'RNN.SEQ',
    rnnSeq,
    [
      mat(T, I),
      mat(H, I),
      mat(H, H),
      vec(H, { optional: true }),
      vec(H, { optional: true }),
      vec(H, { optional: true }),
      opt('tanh', 'relu'),
    ],
  ],
  [
    'LSTM.STEP',
    lstmStep,
    [
      vec(I),
      vec(H),
      vec(H),
      mat(times(4, H), I),
      mat(times(4, H), H),
      vec(times(4, H), { optional: true }),
      vec(times(4, H), { optional: true }),
      opt('state', 'h', 'c', 'gates'),
    ],
  ],
  [
    'LSTM.SEQ',
    lstmSeq,
    [
      mat(T, I),
      mat(times(4, H), I),
      mat(times(4, H), H),
      vec(times(4, H), { optional: true }),
      vec(times(4, H), { optional: true }),
      vec(H, { optional: true }),
      vec(H, { optional: true }),
      opt('h', 'c'),
    ],
  ],
  [
    'RNN.BPTT',
    rnnBptt,
    // N stands for the output size O.
    [
      mat(T, I),
      mat(T, N),
      mat(H, I),
      mat(H, H),
      vec(H),
      vec(H),
      mat(N, H),
      vec(N),
      vec(H, { optional: true }),
      opt('loss', 'W_ih', 'W_hh', 'b_ih', 'b_hh', 'W_hy', 'b_y', 'h0', 'dh'),
    ],
  ],
  [
    'GRU.BPTT',
    gruBptt,
    [
      mat(T, I),
      mat(T, N),
      mat(times(3, H), I),
      mat(times(3, H), H),
      vec(times(3, H)),
      vec(times(3, H)),
      mat(N, H),
      vec(N),
      vec(H, { optional: true }),
      opt('loss', 'W_ih', 'W_hh', 'b_ih', 'b_hh', 'W_hy', 'b_y', 'h0', 'dh'),
    ],
  ],
  [
    'LSTM.BPTT',
    lstmBptt,
    [
      mat(T, I),
      mat(T, N),
      mat(times(4, H), I),
      mat(times(4, H), H),
      vec(times(4, H)),
      vec(times(4, H)),
      mat(N, H),
      vec(N),
      vec(H, { optional: true }),
      vec(H, { optional: true }),
      opt('loss', 'W_ih', 'W_hh', 'b_ih', 'b_hh', 'W_hy', 'b_y', 'h0', 'c0', 'dh', 'dc'),
    ],
  ],
  [
    'GRU.STEP',
    gruStep,
    [
      vec(I),
      vec(H),
      mat(times(3, H), I),
      mat(times(3, H), H),
      vec(times(3, H), { optional: true }),
      vec(times(3, H), { optional: true }),
      opt('h', 'gates'),
    ],
  ],
  [
    'GRU.SEQ',
    gruSeq,
    [
      mat(T, I),
      mat(times(3, H), I),
      mat(times(3, H), H),
      vec(times(3, H), { optional: true }),
      vec(times(3, H), { optional: true }),
      vec(H, { optional: true }),
    ],
  ],
  [
    'MAMBA.DISCRETIZE',
    mambaDiscretize,
    [mat(D, one, { nonneg: true }), mat(D, N), mat(one, N), opt('zoh', 'euler'), opt('Abar', 'Bbar')],
  ],
  [
    'MAMBA.STEP',
    mambaStep,
    [
      vec(D),
      mat(D, N),
      vec(D, { nonneg: true }),
      mat(D, N),
      vec(N),
      vec(N),
      vec(D, { optional: true }),
      opt('zoh', 'euler'),
      opt('state', 'y'),
    ],
  ],
  [
    'MAMBA.SCAN',
    mambaScan,
    [
      mat(T, D),
      mat(T, D, { nonneg: true }),
      mat(D, N),
      mat(T, N),
      mat(T, N),
      vec(D, { optional: true }),
      mat(T, D, { optional: true }),
      opt('zoh', 'euler'),
      opt('y', 'state'),
    ],
  ],
  [
    'MAMBA.BLOCK',
    mambaBlock,
    [
      mat(T, I),
      mat(times(2, D), I),
      mat(D, (s) => s.K),
      vec(D),
      mat((s) => s.R + 2 * s.N, D),
      mat(D, (s) => s.R),
      vec(D),
      mat(D, N),
      vec(D),
      mat(I, D),
      opt('zoh', 'euler'),
    ],
  ],
  [
    'SLSTM.STEP',
    slstmStep,
    [
      vec(I),
      vec(H),
      vec(H),
      vec(H, { nonneg: true }),
      vec(H),
      mat(times(4, H), I),
      mat(times(4, H), H),
      vec(times(4, H)),
      opt('sigmoid', 'exp'),
      opt('state', 'h', 'c', 'n', 'm'),
    ],
  ],
  [
    'SLSTM.SEQ',
    slstmSeq,
    [mat(T, I), mat(times(4, H), I), mat(times(4, H), H), vec(times(4, H)), opt('sigmoid', 'exp')],
  ],
  [
    'MLSTM.STEP',
    mlstmStep,
    [vec(I), vec(I), vec(H), scalar, scalar, mat(H, I), vec(I), scalar, opt('h', 'C', 'n', 'm')],
  ],
  [
    // T_src = T, T_tgt = K, decoder input O_in = N, output O = D.
    'LSTM.SEQ2SEQ',
    lstmSeq2seq,
    [
      mat(T, I),
      mat((s) => s.K, N),
      mat(times(4, H), I),
      mat(times(4, H), H),
      vec(times(4, H), { optional: true }),
      vec(times(4, H), { optional: true }),
      mat(times(4, H), N),
      mat(times(4, H), H),
      vec(times(4, H), { optional: true }),
      vec(times(4, H), { optional: true }),
      mat(D, H),
      vec(D, { optional: true }),
    ],
  ],
  ['MLSTM.SEQ', mlstmSeq, [mat(T, I), mat(T, I), mat(T, H), vec(T), vec(T), opt('recurrent', 'parallel')]],
];

const sizesArb: fc.Arbitrary<Sizes> = fc.record({
  T: fc.integer({ min: 1, max: 5 }),
  I: fc.integer({ min: 1, max: 3 }),
  H: fc.integer({ min: 1, max: 3 }),
  D: fc.integer({ min: 1, max: 3 }),
  N: fc.integer({ min: 1, max: 3 }),
  K: fc.integer({ min: 1, max: 4 }),
  R: fc.integer({ min: 1, max: 2 }),
});

/** Mostly ordinary values, sometimes huge ones that may overflow a result. */
function cellArb(nonneg: boolean): fc.Arbitrary<number> {
  const ordinary = fc.double({ min: nonneg ? 0 : -4, max: 4, noNaN: true });
  const huge = fc
    .tuple(fc.constantFrom(1e150, 1e308, 700, 5e3), fc.boolean())
    .map(([v, negate]) => (negate && !nonneg ? -v : v));
  return fc.oneof({ arbitrary: ordinary, weight: 12 }, { arbitrary: huge, weight: 1 });
}

function rangeArb(rows: number, cols: number, nonneg = false): fc.Arbitrary<number[][]> {
  return fc.array(fc.array(cellArb(nonneg), { minLength: cols, maxLength: cols }), {
    minLength: rows,
    maxLength: rows,
  });
}

function validArb(spec: Spec, s: Sizes): fc.Arbitrary<unknown> {
  switch (spec.kind) {
    case 'mat': {
      const arb = rangeArb(spec.rows(s), spec.cols(s), spec.nonneg);
      return spec.optional ? fc.oneof(arb, fc.constantFrom(null, undefined)) : arb;
    }
    case 'vec': {
      const n = spec.len(s);
      const arb = fc.oneof(rangeArb(1, n, spec.nonneg), rangeArb(n, 1, spec.nonneg));
      return spec.optional ? fc.oneof(arb, fc.constantFrom(null, undefined)) : arb;
    }
    case 'scalar':
      return fc.oneof(cellArb(false), rangeArb(1, 1));
    case 'option':
      return fc.oneof(
        fc.constantFrom(...spec.values),
        fc.constantFrom(null, undefined, ''),
        fc.constantFrom(...spec.values).map((v) => ` ${v.toUpperCase()} `),
      );
    case 'int':
      return fc.integer({ min: spec.min, max: spec.max });
  }
}

const badCell = fc.oneof(
  fc.constantFrom<unknown>(
    Number.NaN,
    Infinity,
    -Infinity,
    null,
    undefined,
    '',
    true,
    false,
    1e308,
    -1e308,
    -0,
  ),
  fc.string({ maxLength: 6 }),
  fc.object({ maxDepth: 0 }),
);

/** A value that is not a proper argument at all, or a range of the wrong shape. */
const garbage: fc.Arbitrary<unknown> = fc.oneof(
  badCell,
  fc.array(fc.array(fc.oneof(cellArb(false), badCell), { maxLength: 4 }), { maxLength: 4 }),
  fc.array(fc.oneof(cellArb(false), badCell), { maxLength: 4 }),
  fc.integer({ min: 0, max: 5 }).chain((r) => fc.integer({ min: 0, max: 5 }).chain((c) => rangeArb(r, c))),
);

type Mutation =
  | { kind: 'none' }
  | { kind: 'replace'; index: number; value: unknown }
  | { kind: 'poke'; index: number; r: number; c: number; value: unknown };

function mutationArb(count: number): fc.Arbitrary<Mutation> {
  const index = fc.integer({ min: 0, max: count - 1 });
  return fc.oneof(
    { arbitrary: fc.constant<Mutation>({ kind: 'none' }), weight: 3 },
    { arbitrary: fc.record({ kind: fc.constant('replace' as const), index, value: garbage }), weight: 2 },
    {
      arbitrary: fc.record({
        kind: fc.constant('poke' as const),
        index,
        r: fc.nat(),
        c: fc.nat(),
        value: badCell,
      }),
      weight: 2,
    },
  );
}

function mutate(args: unknown[], m: Mutation): unknown[] {
  if (m.kind === 'none') return args;
  const out = args.slice();
  if (m.kind === 'replace') {
    out[m.index] = m.value;
    return out;
  }
  const target = out[m.index];
  if (!Array.isArray(target) || target.length === 0 || !Array.isArray(target[0])) {
    out[m.index] = m.value;
    return out;
  }
  const rows = (target as unknown[][]).map((row) => row.slice());
  const r = m.r % rows.length;
  if (rows[r].length > 0) rows[r][m.c % rows[r].length] = m.value;
  out[m.index] = rows;
  return out;
}

function checkOutcome(fn: AnyFn, args: unknown[]): 'ok' | 'error' {
  let result: unknown;
  try {
    result = fn(...args);
  } catch (e) {
    if (!isFunctionError(e)) throw new Error(`threw something other than the function error: ${String(e)}`);
    if (e.code !== '#VALUE!' && e.code !== '#NUM!') throw new Error(`unexpected code ${String(e.code)}`);
    if (typeof e.message !== 'string' || e.message.trim() === '') throw new Error('empty error message');
    return 'error';
  }
  if (!Array.isArray(result) || result.length === 0) throw new Error('result is not a non-empty array');
  const cols = (result[0] as unknown[]).length;
  if (cols === 0) throw new Error('result has an empty row');
  for (const row of result) {
    if (!Array.isArray(row) || row.length !== cols) throw new Error('result is not rectangular');
    for (const v of row)
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`result holds ${String(v)}`);
  }
  return 'ok';
}

describe('fuzzing every custom function', () => {
  it.each(CASES)('%s returns finite numbers or throws the function error', (_name, fn, specs) => {
    const outcomes = { ok: 0, error: 0 };
    const arb = sizesArb.chain((s) =>
      fc.tuple(fc.tuple(...specs.map((spec) => validArb(spec, s))), mutationArb(specs.length)),
    );
    fc.assert(
      fc.property(arb, ([args, mutation]) => {
        outcomes[checkOutcome(fn, mutate(args, mutation))]++;
      }),
      { numRuns: RUNS_PER_FUNCTION, seed: 20240611 },
    );
    // Both paths must be exercised, or the property says little.
    expect(outcomes.ok).toBeGreaterThan(RUNS_PER_FUNCTION / 10);
    expect(outcomes.error).toBeGreaterThan(RUNS_PER_FUNCTION / 10);
  });
});

/**
 * The shapes the limits benchmark tries, per custom function. Each family fixes every
 * size but one and lets that one grow (`n`); the benchmark finds the largest n the
 * function's limits accept (shape limits, input cells, the cost model) and runs that call.
 * Several families per function cover the different ways to be expensive: a long
 * sequence of small vectors, one step of huge matrices, and the shapes in between.
 * A new function adds its families here and its Excel wrapper in limits-probe.ts.
 */
import { MAX_RANGE_COLS, MAX_SIZE, MAX_STEPS } from '../../functions/args';
import type { CostedFunction, SizesOf } from '../../functions/cost';

/** How a probe fills an argument: small signed values, positive step sizes, negative A. */
export type Fill = 'w' | 'pos' | 'neg';

/** A range argument by shape, or a literal (a number, an option string, or omitted). */
export type ArgSpec =
  { readonly rows: number; readonly cols: number; readonly fill?: Fill } | string | number | null;

export interface LimitCase<F extends CostedFunction = CostedFunction> {
  readonly fn: F;
  readonly family: string;
  /** Largest n worth trying (the size limits: MAX_SIZE for a model size, MAX_STEPS for T). */
  readonly maxN: number;
  readonly sizes: (n: number) => SizesOf<F>;
  readonly args: (n: number) => ArgSpec[];
}

const r = (rows: number, cols: number, fill: Fill = 'w'): ArgSpec => ({ rows, cols, fill });

function define<F extends CostedFunction>(c: LimitCase<F>): LimitCase {
  return c as unknown as LimitCase;
}

const elementwise = (['NN.SIGMOID', 'NN.SOFTPLUS', 'NN.SILU'] as const).flatMap((fn) =>
  [1, 64, MAX_RANGE_COLS].map((cols) =>
    define({
      fn,
      family: `rows = n, cols = ${cols}`,
      maxN: MAX_STEPS,
      sizes: (n) => ({ rows: n, cols }),
      args: (n) => [r(n, cols)],
    }),
  ),
);

const init = [1, 256, 16_384].map((cols) =>
  define({
    fn: 'NN.INIT',
    family: `rows = n, cols = ${cols}`,
    maxN: 16_384,
    sizes: (n) => ({ rows: n, cols }),
    args: (n) => [n, cols, 7, 'torch'],
  }),
);

/** RNN/LSTM/GRU: G gate blocks. */
function recurrent(step: CostedFunction, seq: CostedFunction, G: number, cStates: number): LimitCase[] {
  const stepArgs = (I: number, H: number): ArgSpec[] => [
    r(1, I),
    ...Array.from({ length: 1 + cStates }, () => r(1, H)),
    r(G * H, I),
    r(G * H, H),
  ];
  const outCols = step === 'LSTM.STEP' ? 2 : 1;
  const steps = [
    { family: 'I = H = n', IH: (n: number) => [n, n] },
    { family: 'I = n, H = 1', IH: (n: number) => [n, 1] },
    { family: 'I = 1, H = n', IH: (n: number) => [1, n] },
  ].map(({ family, IH }) =>
    define({
      fn: step as 'RNN.STEP',
      family,
      maxN: MAX_SIZE,
      sizes: (n) => ({ I: IH(n)[0], H: IH(n)[1], outCols }) as SizesOf<'RNN.STEP'>,
      args: (n) => stepArgs(IH(n)[0], IH(n)[1]),
    }),
  );
  const seqs = [
    [1, 1],
    [16, 16],
    [256, 64],
  ].map(([I, H]) =>
    define({
      fn: seq as 'RNN.SEQ',
      family: `T = n, I = ${I}, H = ${H}`,
      maxN: MAX_STEPS,
      sizes: (n) => ({ T: n, I, H }),
      args: (n) => [r(n, I), r(G * H, I), r(G * H, H)],
    }),
  );
  const wide = define({
    fn: seq as 'RNN.SEQ',
    family: 'T = 64, I = H = n',
    maxN: MAX_SIZE,
    sizes: (n) => ({ T: 64, I: n, H: n }),
    args: (n) => [r(64, n), r(G * n, n), r(G * n, n)],
  });
  return [...steps, ...seqs, wide];
}

/** RNN.BPTT / GRU.BPTT / LSTM.BPTT: a long sequence of small vectors, and a short one of wide ones. */
function bptt(fn: 'RNN.BPTT' | 'GRU.BPTT' | 'LSTM.BPTT', G: number): LimitCase[] {
  const args = (T: number, I: number, H: number, O: number): ArgSpec[] => [
    r(T, I),
    r(T, O),
    r(G * H, I),
    r(G * H, H),
    r(1, G * H),
    r(1, G * H),
    r(O, H),
    r(1, O),
    null,
    ...(G === 4 ? [null] : []),
    'W_hh',
  ];
  const long = [
    [1, 1, 1],
    [16, 16, 4],
  ].map(([I, H, O]) =>
    define({
      fn,
      family: `T = n, I = ${I}, H = ${H}, O = ${O}`,
      maxN: MAX_STEPS,
      sizes: (n) => ({ T: n, I, H, O, rows: G * H, cols: H }),
      args: (n) => args(n, I, H, O),
    }),
  );
  const wide = define({
    fn,
    family: 'T = 64, I = H = n, O = 1',
    maxN: MAX_SIZE,
    sizes: (n) => ({ T: 64, I: n, H: n, O: 1, rows: G * n, cols: n }),
    args: (n) => args(64, n, n, 1),
  });
  return [...long, wide];
}

/** The encoder–decoder: a long source, a long target, and wide states. */
const seq2seq = [
  { family: 'T_src = n, T_tgt = 8, I = H = O = 16', maxN: MAX_STEPS, sizes: (n: number) => [n, 8, 16, 16] },
  { family: 'T_src = 8, T_tgt = n, I = H = O = 16', maxN: MAX_STEPS, sizes: (n: number) => [8, n, 16, 16] },
  { family: 'T_src = T_tgt = 16, I = O = n, H = 16', maxN: MAX_SIZE, sizes: (n: number) => [16, 16, n, 16] },
  { family: 'T_src = T_tgt = 16, I = O = 16, H = n', maxN: MAX_SIZE, sizes: (n: number) => [16, 16, 16, n] },
].map(({ family, maxN, sizes }) =>
  define({
    fn: 'LSTM.SEQ2SEQ',
    family,
    maxN,
    sizes: (n) => {
      const [Ts, Tt, IO, H] = sizes(n);
      return { Ts, I: IO, H, Tt, Oin: IO, O: IO };
    },
    args: (n) => {
      const [Ts, Tt, IO, H] = sizes(n);
      return [
        r(Ts, IO),
        r(Tt, IO),
        r(4 * H, IO),
        r(4 * H, H),
        null,
        null,
        r(4 * H, IO),
        r(4 * H, H),
        null,
        null,
        r(IO, H),
      ];
    },
  }),
);

const discretize = [
  { family: 'delta n×1, A 1×1, B 1×n', args: (n: number) => [r(n, 1, 'pos'), r(1, 1, 'neg'), r(1, n)] },
  {
    family: `delta n×1, A 1×1, B 1×${MAX_RANGE_COLS}`,
    args: (n: number) => [r(n, 1, 'pos'), r(1, 1, 'neg'), r(1, MAX_RANGE_COLS)],
    cols: MAX_RANGE_COLS,
  },
].map(({ family, args, cols }) =>
  define({
    fn: 'MAMBA.DISCRETIZE',
    family,
    maxN: MAX_STEPS,
    sizes: (n) => ({ rows: n, cols: cols ?? n }),
    args,
  }),
);

const mambaStep = [
  { family: 'D = N = n', DN: (n: number) => [n, n] },
  { family: 'D = n, N = 1', DN: (n: number) => [n, 1] },
  { family: 'D = 1, N = n', DN: (n: number) => [1, n] },
].map(({ family, DN }) =>
  define({
    fn: 'MAMBA.STEP',
    family,
    maxN: MAX_SIZE,
    sizes: (n) => ({ D: DN(n)[0], N: DN(n)[1], y: 0 }),
    args: (n) => {
      const [D, N] = DN(n);
      return [r(1, D), r(D, N), r(1, D, 'pos'), r(D, N, 'neg'), r(1, N), r(1, N)];
    },
  }),
);

const scanArgs = (T: number, D: number, N: number): ArgSpec[] => [
  r(T, D),
  r(T, D, 'pos'),
  r(D, N, 'neg'),
  r(T, N),
  r(T, N),
  r(1, D),
  r(T, D),
];
const scan = [
  ...[
    [1, 1],
    [16, 16],
    [256, 16],
  ].map(([D, N]) =>
    define({
      fn: 'MAMBA.SCAN',
      family: `T = n, D = ${D}, N = ${N}`,
      maxN: MAX_STEPS,
      sizes: (n) => ({ T: n, D, N, state: 0 }),
      args: (n) => scanArgs(n, D, N),
    }),
  ),
  define({
    fn: 'MAMBA.SCAN',
    family: 'T = 396, D = N = n',
    maxN: MAX_SIZE,
    sizes: (n) => ({ T: 396, D: n, N: n, state: 0 }),
    args: (n) => scanArgs(396, n, n),
  }),
];

interface BlockShape {
  readonly T: number;
  readonly dm: number;
  readonly E: number;
  readonly N: number;
  readonly R: number;
  readonly K: number;
}

const blockArgs = ({ T, dm, E, N, R, K }: BlockShape): ArgSpec[] => [
  r(T, dm),
  r(2 * E, dm),
  r(E, K),
  r(1, E),
  r(R + 2 * N, E),
  r(E, R),
  r(1, E),
  r(E, N),
  r(1, E),
  r(dm, E),
];
const block = [
  {
    family: 'T = n, d_model = 1, d_inner = 2, N = 1',
    shape: (n: number) => ({ T: n, dm: 1, E: 2, N: 1, R: 1, K: 4 }),
  },
  {
    family: 'T = n, d_model = 16, d_inner = 32, N = 16',
    shape: (n: number) => ({ T: n, dm: 16, E: 32, N: 16, R: 1, K: 4 }),
  },
  {
    family: 'T = 1000, d_inner = n, d_model = 4, N = 1',
    shape: (n: number) => ({ T: 1000, dm: 4, E: n, N: 1, R: 1, K: 4 }),
  },
  {
    family: 'T = 4, d_inner = 2·d_model = n, N = 16',
    shape: (n: number) => ({ T: 4, dm: Math.max(1, n >> 1), E: n, N: 16, R: 4, K: 4 }),
  },
].map(({ family, shape }) =>
  define({
    fn: 'MAMBA.BLOCK',
    family,
    maxN: family.startsWith('T = n') ? MAX_STEPS : MAX_SIZE,
    sizes: (n) => {
      const s = shape(n);
      return { T: s.T, d_model: s.dm, d_inner: s.E, N: s.N, dt_rank: s.R, d_conv: s.K };
    },
    args: (n) => blockArgs(shape(n)),
  }),
);

const slstmStep = define({
  fn: 'SLSTM.STEP',
  family: 'I = H = n',
  maxN: MAX_SIZE,
  sizes: (n) => ({ I: n, H: n, outCols: 4 }),
  args: (n) => [r(1, n), r(1, n), r(1, n), r(1, n), r(1, n), r(4 * n, n), r(4 * n, n), r(1, 4 * n)],
});
const slstmSeq = [
  [1, 1],
  [16, 16],
].map(([I, H]) =>
  define({
    fn: 'SLSTM.SEQ',
    family: `T = n, I = ${I}, H = ${H}`,
    maxN: MAX_STEPS,
    sizes: (n) => ({ T: n, I, H }),
    args: (n) => [r(n, I), r(4 * H, I), r(4 * H, H), r(1, 4 * H)],
  }),
);

const mlstmStep = define({
  fn: 'MLSTM.STEP',
  family: 'd_k = d_v = n, output C',
  maxN: MAX_SIZE,
  sizes: (n) => ({ d_k: n, d_v: n, outRows: n, outCols: n }),
  args: (n) => [r(1, n), r(1, n), r(1, n), 0, 0, r(n, n), r(1, n), 0, 'C'],
});
const mlstmSeq = [
  { form: 'recurrent', dk: 1, dv: 1 },
  { form: 'recurrent', dk: 64, dv: 64 },
  { form: 'parallel', dk: 1, dv: 1 },
  { form: 'parallel', dk: 64, dv: 64 },
].map(({ form, dk, dv }) =>
  define({
    fn: 'MLSTM.SEQ',
    family: `${form}, T = n, d_k = ${dk}, d_v = ${dv}`,
    maxN: MAX_STEPS,
    sizes: (n) => ({ T: n, d_k: dk, d_v: dv, parallel: form === 'parallel' ? 1 : 0 }),
    args: (n) => [r(n, dk), r(n, dk), r(n, dv), r(n, 1), r(n, 1), form],
  }),
);

export const LIMIT_CASES: readonly LimitCase[] = [
  ...elementwise,
  ...init,
  ...recurrent('RNN.STEP', 'RNN.SEQ', 1, 0),
  ...recurrent('LSTM.STEP', 'LSTM.SEQ', 4, 1),
  ...seq2seq,
  ...recurrent('GRU.STEP', 'GRU.SEQ', 3, 0),
  ...bptt('RNN.BPTT', 1),
  ...bptt('GRU.BPTT', 3),
  ...bptt('LSTM.BPTT', 4),
  ...discretize,
  ...mambaStep,
  ...scan,
  ...block,
  slstmStep,
  ...slstmSeq,
  mlstmStep,
  ...mlstmSeq,
];

/** Calls the issue measured as freezing or crashing the add-in, which must now be refused at once. */
export const REFUSED_CASES: readonly {
  readonly label: string;
  readonly fn: CostedFunction;
  readonly args: ArgSpec[];
}[] = [
  {
    label: 'MAMBA.DISCRETIZE delta 10,000×1, B 1×10,000',
    fn: 'MAMBA.DISCRETIZE',
    args: [r(10_000, 1, 'pos'), r(1, 1, 'neg'), r(1, 10_000)],
  },
  {
    label: 'MAMBA.DISCRETIZE delta 100,000×1, B 1×16,384',
    fn: 'MAMBA.DISCRETIZE',
    args: [r(100_000, 1, 'pos'), r(1, 1, 'neg'), r(1, 16_384)],
  },
  {
    label: 'MAMBA.SCAN T = 396, D = N = 794',
    fn: 'MAMBA.SCAN',
    args: scanArgs(396, 794, 794),
  },
  {
    label: 'MAMBA.BLOCK T = 17,000, d_inner = 4,096, N = 1',
    fn: 'MAMBA.BLOCK',
    args: blockArgs({ T: 17_000, dm: 1, E: 4096, N: 1, R: 1, K: 4 }),
  },
  {
    label: 'MAMBA.BLOCK T = 100,000, d_inner = 714, N = 1',
    fn: 'MAMBA.BLOCK',
    args: blockArgs({ T: 100_000, dm: 1, E: 714, N: 1, R: 1, K: 4 }),
  },
  {
    label: 'MLSTM.SEQ parallel, T = 12,909, d = 1',
    fn: 'MLSTM.SEQ',
    args: [r(12_909, 1), r(12_909, 1), r(12_909, 1), r(12_909, 1), r(12_909, 1), 'parallel'],
  },
];

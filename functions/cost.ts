/**
 * What a custom function call will cost, from its sizes alone, checked before any work.
 * The functions share one JavaScript runtime with the task pane, so a call that runs for
 * seconds freezes the pane and one that exhausts memory ends the add-in. Every function
 * states its cost here, in one entry: the multiply-adds and the exp/log/tanh calls it
 * makes (weighed by what they cost in V8), the numbers it holds besides its input copies
 * and its result, and the shape of its result. `checkCost` refuses a call over any limit
 * with #VALUE! naming the limit and the call's sizes.
 *
 * Adding a function (RNN.BPTT, LSTM.SEQ2SEQ …) is one entry in FUNCTION_COSTS: a function
 * from the sizes the adapter has read (named as in its messages: T, I, H …) to a `Cost`.
 * The adapter then calls `checkInputs(name, [its arguments])` first thing and
 * `checkCost(name, sizes, inputs)` once the sizes are known, before computing. The
 * worst case its limits allow is then timed by `npm run bench -- limits`, which must
 * list it in tools/bench/limits-cases.ts.
 */
import { invalidValue } from './errors';

/*
 * Weights, in multiply-adds (one step of a Float64Array dot product). Measured with
 * `npm run bench -- op-weights` (tools/bench/op-weights.bench.ts: each operation over 2²⁰
 * values, median of 9 interleaved runs, Node 20 on the 2-core development machine), then
 * rounded up: exp 12.7, expm1 13.9, log1p 14.0, tanh 14.2, a division 0.9, reading an
 * argument cell (type check and copy) 4.8, writing a result cell (finite check, number[][])
 * 7.9 multiply-adds.
 */
export const COST_MULTIPLY_ADD = 1;
export const COST_EXP = 13;
export const COST_EXPM1 = 14;
export const COST_LOG = 14;
export const COST_TANH = 15;
export const COST_DIVISION = 1;
export const COST_READ_CELL = 5;
export const COST_WRITE_CELL = 8;
/*
 * Overheads the micro-benchmark does not see, estimated from the limits benchmark's
 * one-column cases (a 100,000-step sequence of 1-wide vectors): each row of a range read
 * or written (an array of its own in Excel's number[][]), and each time step of a
 * sequence function (its function calls and loop set-up).
 */
export const COST_ROW = 40;
export const COST_STEP = 40;

/**
 * Most work one call may do, in multiply-adds after weighing. Chosen with
 * `npm run bench -- limits` so that every function's worst case answers within one
 * second on the development machine under load (docs/BENCHMARKS.md).
 */
export const MAX_WORK = 2e7;
/** Most cells all of a call's range arguments may hold together (2²², like NN.INIT's result). */
export const MAX_INPUT_CELLS = 4_194_304;
/** Largest result a function returns: 2²² cells (NN.INIT's limit, which every function now shares). */
export const MAX_RESULT_CELLS = 4_194_304;
/** Most memory a call may hold: its input copies, intermediates and result. */
export const MAX_HELD_BYTES = 256 * 1024 * 1024;

/** What one call does and holds, as its cost entry states it. */
export interface Cost {
  readonly multiplyAdds?: number;
  readonly exp?: number;
  readonly expm1?: number;
  readonly log?: number;
  readonly tanh?: number;
  readonly divisions?: number;
  /** Time steps of a sequence function, each with a fixed overhead. */
  readonly steps?: number;
  /** Float64 numbers held at once besides the input copies and the result (states, intermediates). */
  readonly held?: number;
  /** The result's rows and columns. */
  readonly result: readonly [number, number];
}

type Sizes = Readonly<Record<string, number>>;

/** A BPTT call: sequence, model and output sizes, and the shape of the output asked for. */
interface BpttSizes {
  readonly T: number;
  readonly I: number;
  readonly H: number;
  readonly O: number;
  readonly rows: number;
  readonly cols: number;
}

/** σ(x) = 1/(1 + e^−x): one exp, one division. */
const SIGMOID = { exp: 1, divisions: 1 };

/** A recurrent cell with `gates` blocks of H rows: the matrix work of T steps. */
function cellWork(gates: number, T: number, I: number, H: number): number {
  return T * gates * H * (I + H);
}

/**
 * One entry per function. `held` counts the numbers that stay allocated while the call
 * runs; a result is held twice (the core's Float64Array and Excel's number[][]), which
 * `estimateCost` adds itself.
 */
export const FUNCTION_COSTS = {
  'NN.SIGMOID': ({ rows, cols }: { rows: number; cols: number }): Cost => ({
    exp: rows * cols * SIGMOID.exp,
    divisions: rows * cols * SIGMOID.divisions,
    result: [rows, cols],
  }),
  'NN.SOFTPLUS': ({ rows, cols }: { rows: number; cols: number }): Cost => ({
    exp: rows * cols,
    log: rows * cols,
    result: [rows, cols],
  }),
  'NN.SILU': ({ rows, cols }: { rows: number; cols: number }): Cost => ({
    exp: rows * cols,
    divisions: rows * cols,
    multiplyAdds: rows * cols,
    result: [rows, cols],
  }),
  // The seeded stream: a few integer operations and one division per value.
  'NN.INIT': ({ rows, cols }: { rows: number; cols: number }): Cost => ({
    multiplyAdds: 4 * rows * cols,
    result: [rows, cols],
  }),
  'RNN.STEP': ({ I, H }: { I: number; H: number }): Cost => ({
    multiplyAdds: cellWork(1, 1, I, H),
    tanh: H,
    held: 2 * H,
    result: [H, 1],
  }),
  'RNN.SEQ': ({ T, I, H }: { T: number; I: number; H: number }): Cost => ({
    steps: T,
    multiplyAdds: cellWork(1, T, I, H),
    tanh: T * H,
    held: 2 * H,
    result: [T, H],
  }),
  'LSTM.STEP': ({ I, H, outCols }: { I: number; H: number; outCols: number }): Cost => ({
    multiplyAdds: cellWork(4, 1, I, H),
    exp: 3 * H,
    divisions: 3 * H,
    tanh: 2 * H,
    held: 10 * H,
    result: [H, outCols],
  }),
  'LSTM.SEQ': ({ T, I, H }: { T: number; I: number; H: number }): Cost => ({
    steps: T,
    multiplyAdds: cellWork(4, T, I, H),
    exp: 3 * T * H,
    divisions: 3 * T * H,
    tanh: 2 * T * H,
    // h and c are both kept for every step (the "c" output), one of them returned.
    held: T * H + 8 * H,
    result: [T, H],
  }),
  'RNN.BPTT': ({ T, I, H, O, rows, cols }: BpttSizes): Cost => ({
    // Forward, ∂L/∂h_{t−1} = W_hhᵀ·∂L/∂z_t per step, the weight gradients as dot products
    // over the sequence; the head three times over (ŷ, ∂L/∂W_hy, W_hyᵀ·(ŷ − y)).
    multiplyAdds: cellWork(1, T, I, H) * 2 + T * H * H + 3 * T * O * H + 4 * T * H,
    tanh: T * H,
    // States, ∂L/∂h, ∂L/∂z and the transposed inputs and previous states, kept per step.
    held: T * (4 * H + I + 2 * O) + H * (H + I),
    result: [rows, cols],
  }),
  // As RNN.BPTT with three gate rows per unit (r, z, n): two σ and one tanh per unit and step
  // forward, the input and hidden sides' gradients kept apart (3H each) for the weight sums.
  'GRU.BPTT': ({ T, I, H, O, rows, cols }: BpttSizes): Cost => ({
    multiplyAdds: cellWork(3, T, I, H) * 2 + 3 * T * H * H + 3 * T * O * H + 16 * T * H,
    exp: 2 * T * H,
    divisions: 2 * T * H,
    tanh: T * H,
    // Gates (3H), gh_n, h, ∂L/∂h, both sides' ∂L/∂z (3H each), the transposed inputs and previous states.
    held: T * (12 * H + I + 2 * O) + 3 * H * (H + I),
    result: [rows, cols],
  }),
  'LSTM.BPTT': ({ T, I, H, O, rows, cols }: BpttSizes): Cost => ({
    multiplyAdds: cellWork(4, T, I, H) * 2 + 4 * T * H * H + 3 * T * O * H + 20 * T * H,
    exp: 3 * T * H,
    divisions: 3 * T * H,
    tanh: 3 * T * H,
    // Gates and ∂L/∂z (4H each), h, c, ∂L/∂h, ∂L/∂c, the transposed inputs and previous states.
    held: T * (14 * H + I + 2 * O) + 4 * H * (H + I),
    result: [rows, cols],
  }),
  // Encoder over T_src steps, decoder over T_tgt steps (input O_in), then the O × H head per decoder step.
  'LSTM.SEQ2SEQ': ({
    Ts,
    I,
    H,
    Tt,
    Oin,
    O,
  }: {
    Ts: number;
    I: number;
    H: number;
    Tt: number;
    Oin: number;
    O: number;
  }): Cost => ({
    multiplyAdds: cellWork(4, Ts, I, H) + cellWork(4, Tt, Oin, H) + Tt * O * H,
    exp: 3 * (Ts + Tt) * H,
    divisions: 3 * (Ts + Tt) * H,
    tanh: 2 * (Ts + Tt) * H,
    // Both LSTMs keep h and c for every step; ŷ is the result.
    held: 2 * (Ts + Tt) * H + 8 * H,
    result: [Tt, O],
  }),
  'GRU.STEP': ({ I, H, outCols }: { I: number; H: number; outCols: number }): Cost => ({
    multiplyAdds: cellWork(3, 1, I, H),
    exp: 2 * H,
    divisions: 2 * H,
    tanh: H,
    held: 10 * H,
    result: [H, outCols],
  }),
  'GRU.SEQ': ({ T, I, H }: { T: number; I: number; H: number }): Cost => ({
    steps: T,
    multiplyAdds: cellWork(3, T, I, H),
    exp: 2 * T * H,
    divisions: 2 * T * H,
    tanh: T * H,
    held: 10 * H,
    result: [T, H],
  }),
  // Per cell: Ā = exp(Δa) and B̄ = Δ·expm1(Δa)/(Δa)·b.
  'MAMBA.DISCRETIZE': ({ rows, cols }: { rows: number; cols: number }): Cost => ({
    exp: rows * cols,
    expm1: rows * cols,
    divisions: rows * cols,
    multiplyAdds: 3 * rows * cols,
    result: [rows, cols],
  }),
  'MAMBA.STEP': ({ D, N, y }: { D: number; N: number; y: number }): Cost => ({
    exp: D * N,
    expm1: D * N,
    divisions: D * N,
    multiplyAdds: 5 * D * N,
    held: D * N,
    result: y ? [D, 1] : [D, N],
  }),
  'MAMBA.SCAN': ({ T, D, N, state }: { T: number; D: number; N: number; state: number }): Cost => ({
    steps: T,
    exp: T * D * (N + 1),
    expm1: T * D * N,
    divisions: T * D * (N + 1),
    multiplyAdds: 5 * T * D * N,
    held: T * D + D * N,
    result: state ? [D, N] : [T, D],
  }),
  'MAMBA.BLOCK': ({
    T,
    d_model: dModel,
    d_inner: dInner,
    N,
    dt_rank: dtRank,
    d_conv: dConv,
  }: MambaBlockSizes): Cost => ({
    steps: T,
    // in_proj (2·d_inner × d_model) and out_proj, the convolution, x_proj, dt_proj and the scan.
    multiplyAdds: T * dInner * (3 * dModel + dConv + (dtRank + 2 * N) + dtRank + 5 * N + 3) + dInner * N,
    // SiLU of the convolution and of z, softplus of Δ, exp(ΔA) per state; A = −exp(A_log).
    exp: T * dInner * (3 + N) + dInner * N,
    expm1: T * dInner * N,
    log: T * dInner,
    divisions: T * dInner * (2 + N),
    // The streamed pass holds h, A, the convolution window and one token's intermediates.
    held: 2 * dInner * N + dInner * (dConv + 6) + dtRank + 2 * N,
    result: [T, dModel],
  }),
  'SLSTM.STEP': ({ I, H, outCols }: { I: number; H: number; outCols: number }): Cost => ({
    multiplyAdds: cellWork(4, 1, I, H),
    exp: 4 * H,
    log: H,
    tanh: 2 * H,
    divisions: 3 * H,
    held: 14 * H,
    result: [H, outCols],
  }),
  'SLSTM.SEQ': ({ T, I, H }: { T: number; I: number; H: number }): Cost => ({
    steps: T,
    multiplyAdds: cellWork(4, T, I, H),
    exp: 4 * T * H,
    log: T * H,
    tanh: 2 * T * H,
    divisions: 3 * T * H,
    held: 14 * H,
    result: [T, H],
  }),
  'MLSTM.STEP': ({ d_k: dk, d_v: dv, outRows, outCols }: MlstmStepSizes): Cost => ({
    multiplyAdds: 3 * dv * dk + 3 * dk + dv,
    exp: 4,
    log: 1,
    divisions: dv + dk,
    held: 2 * dv * dk + 3 * dk + 3 * dv,
    result: [outRows, outCols],
  }),
  'MLSTM.SEQ': ({ T, d_k: dk, d_v: dv, parallel }: MlstmSeqSizes): Cost =>
    parallel
      ? {
          // Row t looks back over every s ≤ t: its decay, q·k and the weighted sum of v.
          steps: T,
          multiplyAdds: ((T * (T + 1)) / 2) * (dk + dv + 3),
          exp: (T * (T + 1)) / 2 + 2 * T,
          log: T,
          divisions: T * dv,
          held: 4 * T + 4 * dv,
          result: [T, dv],
        }
      : {
          steps: T,
          multiplyAdds: T * (3 * dv * dk + 3 * dk + dv),
          exp: 4 * T,
          log: T,
          divisions: T * (dv + dk),
          held: dv * dk + 3 * dk + 3 * dv,
          result: [T, dv],
        },
} satisfies Record<string, (sizes: never) => Cost>;

interface MlstmStepSizes {
  readonly d_k: number;
  readonly d_v: number;
  readonly outRows: number;
  readonly outCols: number;
}

interface MlstmSeqSizes {
  readonly T: number;
  readonly d_k: number;
  readonly d_v: number;
  /** 1 for the parallel form, 0 for the recurrent one. */
  readonly parallel: number;
}

/** Named as the function's messages name them. */
export interface MambaBlockSizes {
  readonly T: number;
  readonly d_model: number;
  readonly d_inner: number;
  readonly N: number;
  readonly dt_rank: number;
  readonly d_conv: number;
}

export type CostedFunction = keyof typeof FUNCTION_COSTS;
export type SizesOf<F extends CostedFunction> = Parameters<(typeof FUNCTION_COSTS)[F]>[0];

/** A call's cost in the units the limits use. */
export interface CallCost {
  /** Weighed work in multiply-adds, reading the inputs and writing the result included. */
  readonly work: number;
  /** Bytes held at the peak: input copies, intermediates, the result twice. */
  readonly bytes: number;
  readonly resultRows: number;
  readonly resultCols: number;
}

export function weighedWork(c: Cost): number {
  return (
    (c.multiplyAdds ?? 0) * COST_MULTIPLY_ADD +
    (c.exp ?? 0) * COST_EXP +
    (c.expm1 ?? 0) * COST_EXPM1 +
    (c.log ?? 0) * COST_LOG +
    (c.tanh ?? 0) * COST_TANH +
    (c.divisions ?? 0) * COST_DIVISION +
    (c.steps ?? 0) * COST_STEP
  );
}

/** What a call's range arguments hold: cells, and rows (each a separate array in Excel's number[][]). */
export interface InputSize {
  readonly cells: number;
  readonly rows: number;
}

export function estimateCost<F extends CostedFunction>(
  fn: F,
  sizes: SizesOf<F>,
  inputs: InputSize,
): CallCost {
  const c = (FUNCTION_COSTS[fn] as (s: SizesOf<F>) => Cost)(sizes);
  const [resultRows, resultCols] = c.result;
  const resultCells = resultRows * resultCols;
  return {
    work:
      weighedWork(c) +
      inputs.cells * COST_READ_CELL +
      resultCells * COST_WRITE_CELL +
      (inputs.rows + resultRows) * COST_ROW,
    bytes: 8 * (inputs.cells + (c.held ?? 0) + 2 * resultCells),
    resultRows,
    resultCols,
  };
}

/** Size fields that pick an output or a form rather than measure anything. */
const FLAGS = new Set(['outRows', 'outCols', 'state', 'parallel', 'y']);

function sizesText(sizes: Sizes): string {
  return Object.entries(sizes)
    .filter(([k]) => !FLAGS.has(k))
    .map(([k, v]) => `${k} = ${v}`)
    .join(', ');
}

function grouped(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/**
 * Refuses a call whose result, work or memory is over its limit, before any work; the
 * message names the limit and the call's size. Returns the estimate for callers that
 * report it (the limits benchmark).
 */
export function checkCost<F extends CostedFunction>(fn: F, sizes: SizesOf<F>, inputs: InputSize): CallCost {
  const cost = estimateCost(fn, sizes, inputs);
  const cells = cost.resultRows * cost.resultCols;
  const given = sizesText(sizes as Sizes);
  const forGiven = given ? ` for ${given}` : '';
  if (cells > MAX_RESULT_CELLS) {
    throw invalidValue(
      `${fn} would return ${cost.resultRows}×${cost.resultCols} = ${grouped(cells)} cells${forGiven}; at most ${grouped(MAX_RESULT_CELLS)}`,
    );
  }
  if (cost.work > MAX_WORK) {
    throw invalidValue(
      `${fn} would need about ${cost.work.toExponential(1)} multiply-adds of work${forGiven} (exp, log and tanh count as about 13 each); at most ${MAX_WORK.toExponential(1)} per call`,
    );
  }
  if (cost.bytes > MAX_HELD_BYTES) {
    throw invalidValue(
      `${fn} would hold about ${grouped(cost.bytes / 2 ** 20)} MB${forGiven}; at most ${grouped(MAX_HELD_BYTES / 2 ** 20)} MB per call`,
    );
  }
  return cost;
}

/**
 * Cells in a range argument as Excel (or a Node caller) passed it, without reading them:
 * a number is 1, a flat array one row, an array of rows its row count times the first
 * row's length (a ragged range is refused later, when it is read).
 */
export function rawCells(value: unknown): number {
  if (!Array.isArray(value)) return value === null || value === undefined ? 0 : 1;
  if (value.length === 0) return 0;
  const first: unknown = value[0];
  return Array.isArray(first) ? value.length * first.length : value.length;
}

/** Rows of a range argument as passed: an array of rows has its length, anything else one. */
export function rawRows(value: unknown): number {
  if (!Array.isArray(value)) return value === null || value === undefined ? 0 : 1;
  return Array.isArray(value[0]) ? value.length : 1;
}

/**
 * Refuses a call whose range arguments together hold more than MAX_INPUT_CELLS, before
 * any of them is copied. Returns their size, which `checkCost` counts as input copies.
 */
export function checkInputs(fn: string, args: readonly unknown[]): InputSize {
  let cells = 0;
  let rows = 0;
  for (const a of args) {
    cells += rawCells(a);
    rows += rawRows(a);
  }
  if (cells > MAX_INPUT_CELLS) {
    throw invalidValue(
      `${fn}: the arguments hold ${grouped(cells)} cells in all; at most ${grouped(MAX_INPUT_CELLS)} per call`,
    );
  }
  return { cells, rows };
}

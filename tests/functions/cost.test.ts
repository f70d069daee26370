/**
 * The cost model refuses, before any work and without allocating, the calls that froze or
 * crashed the add-in, naming the limit and the call's sizes; it has one entry for every
 * custom function; and its estimates are sound where they can be counted exactly.
 */
import { describe, expect, it } from 'vitest';
import { performance } from 'node:perf_hooks';
import {
  checkCost,
  checkInputs,
  estimateCost,
  FUNCTION_COSTS,
  MAX_INPUT_CELLS,
  MAX_RESULT_CELLS,
  MAX_WORK,
  weighedWork,
} from '../../functions/cost';
import { FunctionError } from '../../functions/errors';
import { mambaBlock, mambaDiscretize, mambaScan } from '../../functions/mamba';
import { nnInit, nnSigmoid } from '../../functions/nn';
import { mlstmSeq } from '../../functions/xlstm';
import * as excel from '../../functions/functions';
import { readFileSync } from 'node:fs';

const filled = (rows: number, cols: number, v = 0.1): number[][] =>
  Array.from({ length: rows }, () => new Array<number>(cols).fill(v));

/** The error `run` throws, with the time it took and the ArrayBuffer and heap bytes it left allocated. */
function refusal(run: () => unknown): { error: FunctionError; ms: number; buffers: number; heap: number } {
  global.gc?.();
  const before = process.memoryUsage();
  const start = performance.now();
  let error: unknown;
  try {
    run();
  } catch (e) {
    error = e;
  }
  const ms = performance.now() - start;
  const after = process.memoryUsage();
  expect(error).toBeInstanceOf(FunctionError);
  return {
    error: error as FunctionError,
    ms,
    buffers: after.arrayBuffers - before.arrayBuffers,
    heap: after.heapUsed - before.heapUsed,
  };
}

const MB = 2 ** 20;

describe('cost model refusals', () => {
  it('MAMBA.DISCRETIZE 10,000×1 with 1×10,000: refused from the shapes, nothing of the 800 MB result allocated', () => {
    const delta = filled(10_000, 1, 0.5);
    const B = filled(1, 10_000);
    const r = refusal(() => mambaDiscretize(delta, -1, B));
    expect(r.error.code).toBe('#VALUE!');
    expect(r.error.message).toBe(
      `MAMBA.DISCRETIZE would return 10000×10000 = 100,000,000 cells for rows = 10000, cols = 10000; at most 4,194,304`,
    );
    expect(r.buffers).toBeLessThan(1 * MB); // the input copies are 160 KB; the result would be 800 MB
    expect(r.heap).toBeLessThan(32 * MB);
    expect(r.ms).toBeLessThan(500);
  });

  it('MAMBA.SCAN T = 396, D = N = 794 counts its exp and expm1 calls, not 4 multiply-adds per step', () => {
    const T = 396;
    const D = 794;
    const r = refusal(() =>
      mambaScan(filled(T, D), filled(T, D, 0.05), filled(D, D, -1), filled(T, D), filled(T, D)),
    );
    expect(r.error.message).toMatch(
      /^MAMBA.SCAN would need about 8\.3e\+9 multiply-adds of work for T = 396, D = 794, N = 794 .*; at most 2\.0e\+7 per call$/,
    );
    expect(r.buffers).toBeLessThan(16 * MB); // input copies only (≈ 5 MB)
  });

  it('MAMBA.BLOCK T = 17,000, d_inner = 4096 is refused before the block allocates anything', () => {
    const E = 4096;
    const r = refusal(() =>
      mambaBlock(
        filled(17_000, 1),
        filled(2 * E, 1),
        filled(E, 4),
        filled(1, E),
        filled(3, E),
        filled(E, 1),
        filled(1, E),
        filled(E, 1),
        filled(1, E),
        filled(1, E),
      ),
    );
    expect(r.error.message).toMatch(
      /^MAMBA.BLOCK would need about .* for T = 17000, d_model = 1, d_inner = 4096, N = 1, dt_rank = 1, d_conv = 4 /,
    );
    expect(r.buffers).toBeLessThan(2 * MB);
  });

  it('MLSTM.SEQ parallel at T = 12,909 is refused: its work grows with T²', () => {
    const T = 12_909;
    const col = filled(T, 1);
    const r = refusal(() => mlstmSeq(col, col, col, col, col, 'parallel'));
    expect(r.error.message).toContain(
      'MLSTM.SEQ would need about 1.5e+9 multiply-adds of work for T = 12909',
    );
    expect(
      mlstmSeq(
        col.slice(0, 200),
        col.slice(0, 200),
        col.slice(0, 200),
        col.slice(0, 200),
        col.slice(0, 200),
        'parallel',
      ),
    ).toHaveLength(200);
  });

  it('refuses too many input cells before copying any, and caps every result like NN.INIT', () => {
    const huge = new Array<number>(MAX_INPUT_CELLS + 1); // holey: a length without the numbers
    const r = refusal(() => nnSigmoid(huge));
    expect(r.error.message).toBe(
      `NN.SIGMOID: the arguments hold 4,194,305 cells in all; at most 4,194,304 per call`,
    );
    expect(r.buffers).toBeLessThan(MB);
    expect(() => nnInit(4096, 1025, 1)).toThrow(
      `NN.INIT would return 4096×1025 = 4,198,400 cells for rows = 4096, cols = 1025; at most 4,194,304`,
    );
    expect(nnInit(1024, 1024, 1)).toHaveLength(1024);
  });
});

describe('cost model entries', () => {
  it('has one entry for every custom function the add-in registers', () => {
    const source = readFileSync('functions/functions.ts', 'utf8');
    const registered = [...source.matchAll(/@customfunction ([A-Z0-9.]+)/g)].map((m) => m[1]).sort();
    expect(Object.keys(FUNCTION_COSTS).sort()).toEqual(registered);
    expect(Object.keys(excel).filter((k) => k.startsWith('excel'))).toHaveLength(registered.length);
  });

  it('weighs a call by what it computes: exp-heavy work costs more than the same count of multiply-adds', () => {
    const inputs = { cells: 0, rows: 0 };
    const sig = estimateCost('NN.SIGMOID', { rows: 1000, cols: 1000 }, inputs);
    const init = estimateCost('NN.INIT', { rows: 1000, cols: 1000 }, inputs);
    expect(sig.work).toBeGreaterThan(init.work);
    const sigmoidOps = weighedWork(FUNCTION_COSTS['NN.SIGMOID']({ rows: 1000, cols: 1000 }));
    const initOps = weighedWork(FUNCTION_COSTS['NN.INIT']({ rows: 1000, cols: 1000 }));
    expect(sigmoidOps).toBeGreaterThan(3 * initOps);
    // A result is held twice (Float64Array and number[][]), 8 bytes a number.
    expect(sig.bytes).toBe(8 * 2 * 1e6);
    // LSTM's work scales with T·4H·(I + H).
    const a = estimateCost('LSTM.SEQ', { T: 100, I: 8, H: 8 }, inputs).work;
    const b = estimateCost('LSTM.SEQ', { T: 200, I: 8, H: 8 }, inputs).work;
    expect(b / a).toBeCloseTo(2, 1);
  });

  it('checkCost names each limit it enforces', () => {
    const none = { cells: 0, rows: 0 };
    expect(() => checkCost('RNN.SEQ', { T: 100_000, I: 4096, H: 4096 }, none)).toThrow(
      `RNN.SEQ would return 100000×4096 = 409,600,000 cells for T = 100000, I = 4096, H = 4096; at most ${MAX_RESULT_CELLS.toLocaleString('en-US')}`,
    );
    expect(() => checkCost('RNN.SEQ', { T: 1000, I: 4096, H: 64 }, none)).toThrow(
      new RegExp(`at most ${MAX_WORK.toExponential(1).replace('+', '\\+')} per call$`),
    );
    expect(checkInputs('X', [filled(3, 4), 7, null, [1, 2, 3]])).toEqual({ cells: 16, rows: 5 });
  });
});

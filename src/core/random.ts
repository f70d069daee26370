/**
 * Seeded, platform-independent random numbers. A seed must give the same weights in
 * Node, every browser and Excel's JS runtime, so this uses integer-only mulberry32
 * (Math.imul) rather than Math.random.
 */
import { matrix, type Matrix } from './tensor';

export type InitStyle = 'torch' | 'hand';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
}

export function createRng(seed: number): Rng {
  let a = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  return {
    next(): number {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/**
 * One value: `torch` draws U(−bound, bound) as PyTorch's default RNN/Linear init does;
 * `hand` draws an integer in −2..2 so a learner can multiply it in their head.
 */
export function drawValue(rng: Rng, style: InitStyle, bound: number): number {
  if (style === 'hand') return Math.floor(rng.next() * 5) - 2;
  return (2 * rng.next() - 1) * bound;
}

export function drawMatrix(rng: Rng, rows: number, cols: number, style: InitStyle, bound: number): Matrix {
  const m = matrix(rows, cols);
  for (let i = 0; i < m.data.length; i++) m.data[i] = drawValue(rng, style, bound);
  return m;
}

export function drawVector(rng: Rng, n: number, style: InitStyle, bound: number): Float64Array {
  return drawMatrix(rng, 1, n, style, bound).data;
}

/** What NN.INIT returns: a fresh stream for `seed`, torch bound 1/√cols. */
export function initMatrix(rows: number, cols: number, seed: number, style: InitStyle): Matrix {
  return drawMatrix(createRng(seed), rows, cols, style, 1 / Math.sqrt(Math.max(cols, 1)));
}

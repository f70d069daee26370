/** Inputs and agreement checks shared by the benchmark modules. */
import { matrix, type Matrix } from '../../src/core/tensor';

/** A rows × cols matrix of values drawn uniformly from [lo, hi) by `next` (a seeded generator). */
export function randomMatrix(rows: number, cols: number, next: () => number, lo = -1, hi = 1): Matrix {
  const m = matrix(rows, cols);
  for (let i = 0; i < m.data.length; i++) m.data[i] = lo + (hi - lo) * next();
  return m;
}

/** Largest absolute difference of two outputs; ∞ when their lengths differ. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k] - b[k]));
  return a.length === b.length ? m : Infinity;
}

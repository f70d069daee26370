/**
 * The BPTT kernels against plain loops: the whole-sequence weight gradients at every parity of
 * rows and columns (the 2 × 2 blocked pass and its edges), and Wᵀ·a two outputs at a time.
 */
import { describe, expect, it } from 'vitest';
import { sequenceProductInto, transposedProductInto } from '../../../src/core/backward-kernels';
import { createRng } from '../../../src/core/random';
import { matrix, type Matrix } from '../../../src/core/tensor';

function random(rows: number, cols: number, seed: number): Matrix {
  const rng = createRng(seed);
  const m = matrix(rows, cols);
  for (let k = 0; k < m.data.length; k++) m.data[k] = rng.next() * 2 - 1;
  return m;
}

describe('sequenceProductInto', () => {
  for (const [R, C, T] of [
    [1, 1, 1],
    [2, 2, 5],
    [3, 2, 7],
    [2, 3, 4],
    [5, 7, 13],
    [4, 6, 1000],
  ]) {
    it(`${R} × ${C} over ${T} steps equals Σ_t a[r, t]·v[c, t]`, () => {
      const a = random(R, T, R * 100 + C);
      const v = random(C, T, T + 7);
      const dW = matrix(R, C);
      dW.data.fill(Number.NaN);
      sequenceProductInto(dW, a, v);
      for (let r = 0; r < R; r++)
        for (let c = 0; c < C; c++) {
          let s = 0;
          for (let t = 0; t < T; t++) s += a.data[r * T + t] * v.data[c * T + t];
          expect(Math.abs(dW.data[r * C + c] - s)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(s)));
        }
    });
  }
});

describe('transposedProductInto', () => {
  for (const [rows, cols] of [
    [1, 1],
    [2, 3],
    [3, 2],
    [5, 8],
    [64, 256],
  ]) {
    it(`Wᵀ·a for W ${rows} × ${cols} equals Σ_r W[r, c]·a[r]`, () => {
      const W = random(rows, cols, rows + cols);
      const a = random(1, rows, 99).data;
      const WT = matrix(cols, rows);
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < cols; c++) WT.data[c * rows + r] = W.data[r * cols + c];
      const out = new Float64Array(cols).fill(Number.NaN);
      transposedProductInto(out, WT, a);
      for (let c = 0; c < cols; c++) {
        let s = 0;
        for (let r = 0; r < rows; r++) s += W.data[r * cols + c] * a[r];
        expect(Math.abs(out[c] - s)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(s)));
      }
    });
  }
});

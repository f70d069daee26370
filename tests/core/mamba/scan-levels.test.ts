/**
 * The Hillis–Steele levels the scan sheet shows: each level from the one before by the
 * associative operator, ⌈log₂T⌉ levels, and the last one equal to the sequential state.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { selectiveScanTrace } from '../../../src/core/mamba-scan';
import { scanLevelsTrace } from '../../../src/core/mamba-scan-levels';
import { hillisSteeleLevels, linearRecurrenceScan, scanDepth } from '../../../src/core/parallel-scan';
import { firstMismatch, scanCase } from './arbitraries';

const TOL = 1e-12;

describe('Hillis–Steele levels', () => {
  it('depth is ⌈log₂T⌉', () => {
    expect([0, 1, 2, 3, 4, 5, 8, 9, 16, 17].map(scanDepth)).toEqual([0, 0, 1, 2, 2, 3, 3, 4, 4, 5]);
  });

  it('level k combines step t with step t − 2^(k−1) of level k − 1, written out by hand for T = 3', () => {
    const a = Float64Array.of(0.5, 0.25, 2);
    const b = Float64Array.of(1, 3, -1);
    const [l0, l1, l2] = hillisSteeleLevels(a, b, 3, 1);
    expect(Array.from(l0.b)).toEqual([1, 3, -1]);
    // Level 1: (a₁a₀, a₁b₀ + b₁) and (a₂a₁, a₂b₁ + b₂).
    expect(Array.from(l1.a)).toEqual([0.5, 0.125, 0.5]);
    expect(Array.from(l1.b)).toEqual([1, 0.25 * 1 + 3, 2 * 3 - 1]);
    // Level 2 (stride 2): step 2 takes step 0 of level 1.
    expect(Array.from(l2.b)).toEqual([1, 3.25, 0.5 * 1 + 5]);
    // h by the recurrence: h₀ = 1, h₁ = 0.25 + 3, h₂ = 2·3.25 − 1.
    expect(l2.b[2]).toBe(2 * 3.25 - 1);
  });

  it('the last level equals the Brent–Kung scan and the plain recurrence for every length 0..40', () => {
    for (let T = 0; T <= 40; T++) {
      const W = 2;
      const a = Float64Array.from({ length: T * W }, (_, i) => 0.2 + 0.7 * Math.abs(Math.sin(i + 2)));
      const b = Float64Array.from({ length: T * W }, (_, i) => Math.cos(5 * i));
      const levels = hillisSteeleLevels(a, b, T, W);
      expect(levels.length).toBe(scanDepth(T) + 1);
      const bk = { a: a.slice(), b: b.slice() };
      linearRecurrenceScan(bk.a, bk.b, T, W);
      const h = [0, 0];
      const want: number[] = [];
      for (let t = 0; t < T; t++)
        for (let k = 0; k < W; k++) want.push((h[k] = a[t * W + k] * h[k] + b[t * W + k]));
      const last = levels[levels.length - 1];
      expect(firstMismatch(last.b, want, TOL)).toBeNull();
      expect(firstMismatch(last.b, bk.b, TOL)).toBeNull();
      expect(firstMismatch(last.a, bk.a, TOL)).toBeNull();
    }
  });

  it('on random scans the trace has every level, its last b equals the sequential h, and the check is ~0', () => {
    fc.assert(
      fc.property(scanCase({ maxT: 9 }), ({ T, inputs }) => {
        const seq = selectiveScanTrace(inputs);
        const trace = scanLevelsTrace(inputs, seq);
        const L = scanDepth(T);
        expect(trace.tensors[`scan_b_l${L + 1}`]).toBeUndefined();
        for (let t = 0; t < T; t++) {
          expect(firstMismatch(trace.tensors[`scan_b_l${L}`][t], seq.tensors.h[t], TOL)).toBeNull();
          expect(firstMismatch(trace.tensors.scan_a_l0[t], seq.tensors.Abar[t], TOL)).toBeNull();
          expect(firstMismatch(trace.tensors.scan_b_l0[t], seq.tensors.Bu[t], TOL)).toBeNull();
        }
        expect(trace.tensors.scan_check[0][0]).toBeLessThan(TOL);
      }),
      { numRuns: 100 },
    );
  });
});

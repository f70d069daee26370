/**
 * The raw (unstabilised) xLSTM states the sheets show beside the stabilised ones: the
 * stabilised states are the raw ones times exp(−m_t), so h comes out the same, and a
 * hand-worked first step gives the raw values themselves.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initMlstm, mlstmProject, mlstmTrace } from '../../../src/core/mlstm';
import { initSlstm, slstmTrace } from '../../../src/core/slstm';
import { matrix } from '../../../src/core/tensor';
import type { Trace } from '../../../src/core/trace';
import { mlstmUnstabilisedTrace, slstmUnstabilisedTrace } from '../../../src/core/xlstm-unstabilised';

const close = (a: number, b: number, tol = 1e-12) => Math.abs(a - b) <= tol * (1 + Math.abs(b));

function slstmGates(tr: Trace) {
  const { pre_i, log_f, z, o } = tr.tensors;
  return { preI: pre_i, logF: log_f, z, o };
}

function mlstmGates(tr: Trace) {
  const s = (name: string) => tr.tensors[name].map((v) => v[0]);
  const { q, k_scaled, v, o } = tr.tensors;
  return { preI: s('i_pre'), logF: s('log_f'), q, k: k_scaled, v, o };
}

function inputs(T: number, I: number, seed: number): ReturnType<typeof matrix> {
  return matrix(
    T,
    I,
    Array.from({ length: T * I }, (_, i) => Math.sin(seed + 1.7 * i) * 2),
  );
}

describe('sLSTM without the stabiliser', () => {
  it('the first step by hand: c̄ = exp(ĩ) z, n̄ = exp(ĩ), h̄ = o z', () => {
    const tr = slstmUnstabilisedTrace({
      preI: [Float64Array.of(10)],
      logF: [Float64Array.of(-0.5)],
      z: [Float64Array.of(0.25)],
      o: [Float64Array.of(0.8)],
    });
    expect(tr.tensors.raw_i[0][0]).toBe(Math.exp(10));
    expect(tr.tensors.raw_c[0][0]).toBe(Math.exp(10) * 0.25);
    expect(close(tr.tensors.raw_h[0][0], 0.8 * 0.25)).toBe(true);
  });

  it('raw c and n are the stabilised ones times exp(m), and h is the same', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.constantFrom('sigmoid', 'exp'), (seed, forget) => {
        const p = initSlstm(2, 4, 2, seed, 'torch', forget as 'sigmoid' | 'exp');
        const tr = slstmTrace(p, inputs(5, 2, seed));
        const raw = slstmUnstabilisedTrace(slstmGates(tr));
        for (let t = 0; t < 5; t++)
          for (let r = 0; r < 4; r++) {
            const scale = Math.exp(tr.tensors.m[t][r]);
            expect(close(raw.tensors.raw_c[t][r], tr.tensors.c[t][r] * scale, 1e-11)).toBe(true);
            expect(close(raw.tensors.raw_n[t][r], tr.tensors.n[t][r] * scale, 1e-11)).toBe(true);
            expect(close(raw.tensors.raw_h[t][r], tr.tensors.h[t][r])).toBe(true);
          }
      }),
      { numRuns: 20 },
    );
  });
});

describe('mLSTM without the stabiliser', () => {
  it('the first step by hand: C̄ = exp(ĩ) v kᵀ, and the floor is 1', () => {
    const tr = mlstmUnstabilisedTrace({
      preI: [2],
      logF: [-0.1],
      q: [Float64Array.of(1, 0)],
      k: [Float64Array.of(0.5, -1)],
      v: [Float64Array.of(3, 2)],
      o: [Float64Array.of(1, 0.5)],
    });
    const e = Math.exp(2);
    expect(Array.from(tr.tensors.raw_C[0])).toEqual([e * 3 * 0.5, -e * 3, e * 2 * 0.5, -e * 2]);
    expect(tr.tensors.raw_nq[0][0]).toBe(e * 0.5);
    // |n̄ᵀq| = 3.69 > 1: h = o ⊙ C̄q / n̄ᵀq = o ⊙ v.
    expect(close(tr.tensors.raw_h[0][0], 3)).toBe(true);
    expect(close(tr.tensors.raw_h[0][1], 0.5 * 2)).toBe(true);
  });

  it('raw C and n are the stabilised ones times exp(m) (m₀ = 0), and h is the same', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 4 }), (seed, d) => {
        const tr = mlstmTrace(mlstmProject(initMlstm(3, d, seed, 'hand'), inputs(5, 3, seed)));
        const raw = mlstmUnstabilisedTrace(mlstmGates(tr));
        for (let t = 0; t < 5; t++) {
          const scale = Math.exp(tr.tensors.m[t][0]);
          for (let j = 0; j < d * d; j++)
            expect(close(raw.tensors.raw_C[t][j], tr.tensors.C[t][j] * scale, 1e-11)).toBe(true);
          for (let j = 0; j < d; j++) {
            expect(close(raw.tensors.raw_n[t][j], tr.tensors.n[t][j] * scale, 1e-11)).toBe(true);
            expect(close(raw.tensors.raw_h[t][j], tr.tensors.h[t][j], 1e-11)).toBe(true);
          }
        }
      }),
      { numRuns: 20 },
    );
  });
});

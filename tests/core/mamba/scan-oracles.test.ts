/**
 * The scan against two closed forms computed here with plain loops: the convolution
 * kernel of the time-invariant case, and the materialized sum of the selective case.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { selectiveScan, selectiveScanTrace, type Discretization } from '../../../src/core/mamba-scan';
import { at, firstMismatch, mat, scanCase, siluRef, type ScanCase } from './arbitraries';

const TOL = 1e-12;

/** Ā and B̄ of one (Δ, a, b) straight from their definitions (a is kept away from 0 here). */
function disc(delta: number, a: number, b: number, method: Discretization): [number, number] {
  const aBar = Math.exp(delta * a);
  return [aBar, method === 'zoh' ? ((aBar - 1) / a) * b : delta * b];
}

describe('time-invariant scan = convolution with K_k = C Ā^k B̄', () => {
  it('holds for random constant Δ, B, C', () => {
    fc.assert(
      fc.property(scanCase({ maxT: 16 }), ({ T, D, N, inputs }: ScanCase) => {
        // Freeze Δ, B and C at their first token so the system is linear time-invariant.
        const delta = mat(
          T,
          D,
          Array.from({ length: T * D }, (_, i) => inputs.delta.data[i % D]),
        );
        const B = mat(
          T,
          N,
          Array.from({ length: T * N }, (_, i) => inputs.B.data[i % N]),
        );
        const C = mat(
          T,
          N,
          Array.from({ length: T * N }, (_, i) => inputs.C.data[i % N]),
        );
        const { y } = selectiveScan({ ...inputs, delta, B, C });
        const want: number[] = [];
        for (let t = 0; t < T; t++) {
          for (let d = 0; d < D; d++) {
            let s = inputs.D ? inputs.D[d] * at(inputs.u, t, d) : 0;
            for (let k = 0; k <= t; k++) {
              let K = 0;
              for (let n = 0; n < N; n++) {
                const [aBar, bBar] = disc(at(delta, 0, d), at(inputs.A, d, n), at(B, 0, n), inputs.method);
                K += at(C, 0, n) * aBar ** k * bBar;
              }
              s += K * at(inputs.u, t - k, d);
            }
            want.push(s);
          }
        }
        expect(firstMismatch(y.data, want, TOL)).toBeNull();
      }),
    );
  });

  it('gives the hand-worked impulse response of Ā = ½, B̄ = ½, C = 2 (zoh, Δ = ln 2, a = −1)', () => {
    const T = 5;
    const u = mat(T, 1, [1, 0, 0, 0, 0]);
    const { y } = selectiveScan({
      u,
      delta: mat(T, 1, Array(T).fill(Math.LN2)),
      A: mat(1, 1, [-1]),
      B: mat(T, 1, Array(T).fill(1)),
      C: mat(T, 1, Array(T).fill(2)),
      method: 'zoh',
    });
    // K_k = 2 · (½)^k · ½
    expect(firstMismatch(y.data, [1, 0.5, 0.25, 0.125, 0.0625], 1e-15)).toBeNull();
  });
});

/** h_t and y_t as explicit sums over earlier tokens, no recurrence. */
function materialized({ T, D, N, inputs }: ScanCase): { h: number[][]; y: number[]; out: number[] } {
  const { u, delta, A, B, C, z, h0, method } = inputs;
  const h: number[][] = [];
  const y: number[] = [];
  const out: number[] = [];
  for (let t = 0; t < T; t++) {
    const ht: number[] = [];
    for (let d = 0; d < D; d++) {
      let yt = inputs.D ? inputs.D[d] * at(u, t, d) : 0;
      for (let n = 0; n < N; n++) {
        const a = at(A, d, n);
        // Π_{r=0..t} Ā_r applied to h0, then Σ_{s≤t} (Π_{r=s+1..t} Ā_r) B̄_s u_s.
        let prodAll = 1;
        for (let r = 0; r <= t; r++) prodAll *= Math.exp(at(delta, r, d) * a);
        let hv = h0 ? prodAll * at(h0, d, n) : 0;
        for (let s = 0; s <= t; s++) {
          let prod = 1;
          for (let r = s + 1; r <= t; r++) prod *= Math.exp(at(delta, r, d) * a);
          hv += prod * disc(at(delta, s, d), a, at(B, s, n), method)[1] * at(u, s, d);
        }
        ht.push(hv);
        yt += at(C, t, n) * hv;
      }
      y.push(yt);
      out.push(z ? yt * siluRef(at(z, t, d)) : yt);
    }
    h.push(ht);
  }
  return { h, y, out };
}

describe('selective scan = its materialized sum', () => {
  it('output and final state, with gate, skip and initial state', () => {
    fc.assert(
      fc.property(scanCase({ withGate: true, withH0: true }), (c) => {
        const want = materialized(c);
        const { y, hN } = selectiveScan(c.inputs);
        expect(firstMismatch(y.data, want.out, TOL)).toBeNull();
        expect(firstMismatch(hN.data, want.h[c.T - 1], TOL)).toBeNull();
      }),
    );
  });

  it('without skip, gate or initial state', () => {
    fc.assert(
      fc.property(scanCase({ withSkip: false }), (c) => {
        expect(firstMismatch(selectiveScan(c.inputs).y.data, materialized(c).out, TOL)).toBeNull();
      }),
    );
  });

  it('the trace shows every h_t, y_t (after the skip), the gate and out of the closed form', () => {
    fc.assert(
      fc.property(scanCase({ withGate: true, withH0: true }), (c) => {
        const want = materialized(c);
        const tr = selectiveScanTrace(c.inputs);
        expect(tr.steps).toBe(c.T);
        expect(tr.shapes.h).toEqual([c.D, c.N]);
        expect(tr.shapes.Abar).toEqual([c.D, c.N]);
        for (let t = 0; t < c.T; t++) {
          expect(firstMismatch(tr.tensors.h[t], want.h[t], TOL)).toBeNull();
          expect(firstMismatch(tr.tensors.y[t], want.y.slice(t * c.D, (t + 1) * c.D), TOL)).toBeNull();
          expect(firstMismatch(tr.tensors.out[t], want.out.slice(t * c.D, (t + 1) * c.D), TOL)).toBeNull();
          for (let d = 0; d < c.D; d++) {
            expect(tr.tensors.gate[t][d]).toBeCloseTo(siluRef(at(c.inputs.z!, t, d)), 14);
            // Ch is y before the skip.
            const skip = c.inputs.D![d] * at(c.inputs.u, t, d);
            expect(tr.tensors.Ch[t][d] + skip).toBeCloseTo(tr.tensors.y[t][d], 12);
            for (let n = 0; n < c.N; n++) {
              const k = d * c.N + n;
              const [aBar, bBar] = disc(
                at(c.inputs.delta, t, d),
                at(c.inputs.A, d, n),
                at(c.inputs.B, t, n),
                c.inputs.method,
              );
              expect(tr.tensors.Abar[t][k]).toBeCloseTo(aBar, 14);
              expect(tr.tensors.Bbar[t][k]).toBeCloseTo(bBar, 13);
              expect(tr.tensors.Bu[t][k]).toBeCloseTo(bBar * at(c.inputs.u, t, d), 13);
            }
          }
        }
      }),
    );
  });

  it('the trace has no gate entry when there is no z, and out is then y', () => {
    fc.assert(
      fc.property(scanCase({ maxT: 4 }), (c) => {
        const tr = selectiveScanTrace(c.inputs);
        expect(tr.tensors.gate).toBeUndefined();
        for (let t = 0; t < c.T; t++)
          expect(Array.from(tr.tensors.out[t])).toEqual(Array.from(tr.tensors.y[t]));
      }),
      { numRuns: 20 },
    );
  });
});

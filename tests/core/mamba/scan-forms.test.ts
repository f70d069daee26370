/** The three ways of running the scan (whole sequence, token by token, parallel prefix) agree. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parallelScan, scanStep, selectiveScan } from '../../../src/core/mamba-scan';
import { linearRecurrenceScan } from '../../../src/core/parallel-scan';
import { at, firstMismatch, mat, scanCase, siluRef } from './arbitraries';

const TOL = 1e-12;

describe('token by token', () => {
  it('scanStep repeated over the tokens gives the full-sequence output and state', () => {
    fc.assert(
      fc.property(scanCase({ withGate: true, withH0: true }), ({ T, D, N, inputs }) => {
        const full = selectiveScan(inputs);
        let h = inputs.h0 ?? mat(D, N, new Array(D * N).fill(0));
        const row = (m: { data: Float64Array }, t: number, w: number) => m.data.slice(t * w, (t + 1) * w);
        for (let t = 0; t < T; t++) {
          const r = scanStep(
            {
              u: row(inputs.u, t, D),
              delta: row(inputs.delta, t, D),
              B: row(inputs.B, t, N),
              C: row(inputs.C, t, N),
            },
            h,
            { A: inputs.A, D: inputs.D, method: inputs.method },
          );
          const gatedY = Array.from(r.y, (v, d) => v * siluRef(at(inputs.z!, t, d)));
          expect(firstMismatch(gatedY, row(full.y, t, D), TOL)).toBeNull();
          h = r.h;
        }
        expect(firstMismatch(h.data, full.hN.data, TOL)).toBeNull();
      }),
    );
  });

  it('scanStep does not modify the previous state it is given', () => {
    const hPrev = mat(1, 2, [0.5, -0.25]);
    scanStep(
      {
        u: Float64Array.of(1),
        delta: Float64Array.of(0.3),
        B: Float64Array.of(1, 1),
        C: Float64Array.of(1, 1),
      },
      hPrev,
      { A: mat(1, 2, [-1, -2]), method: 'zoh' },
    );
    expect(Array.from(hPrev.data)).toEqual([0.5, -0.25]);
  });

  it('splitting the sequence and passing hN on as h0 changes nothing', () => {
    fc.assert(
      fc.property(scanCase({ maxT: 14, withGate: true }), fc.nat(), ({ T, D, N, inputs }, cut0) => {
        const cut = cut0 % (T + 1);
        const part = (m: { data: Float64Array } | undefined, w: number, from: number, to: number) =>
          m && mat(to - from, w, Array.from(m.data.subarray(from * w, to * w)));
        const slice = (from: number, to: number) => ({
          ...inputs,
          u: part(inputs.u, D, from, to)!,
          delta: part(inputs.delta, D, from, to)!,
          B: part(inputs.B, N, from, to)!,
          C: part(inputs.C, N, from, to)!,
          z: part(inputs.z, D, from, to),
        });
        const first = selectiveScan(slice(0, cut));
        const second = selectiveScan({ ...slice(cut, T), h0: first.hN });
        const full = selectiveScan(inputs);
        expect(firstMismatch([...first.y.data, ...second.y.data], full.y.data, TOL)).toBeNull();
        expect(firstMismatch(second.hN.data, full.hN.data, TOL)).toBeNull();
      }),
    );
  });
});

describe('parallel (associative) scan', () => {
  it('equals the sequential scan to 1e-12 relative', () => {
    fc.assert(
      fc.property(scanCase({ maxT: 40, withGate: true, withH0: true }), ({ inputs }) => {
        const seq = selectiveScan(inputs);
        const par = parallelScan(inputs);
        expect(firstMismatch(par.y.data, seq.y.data, TOL)).toBeNull();
        expect(firstMismatch(par.hN.data, seq.hN.data, TOL)).toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  it('linearRecurrenceScan equals the plain recurrence for every length 0..70', () => {
    for (let T = 0; T <= 70; T++) {
      const W = 3;
      const a = Float64Array.from({ length: T * W }, (_, i) => 0.3 + 0.6 * Math.abs(Math.sin(i + 1)));
      const b = Float64Array.from({ length: T * W }, (_, i) => Math.cos(3 * i));
      const want: number[] = [];
      const h = [0, 0, 0];
      for (let t = 0; t < T; t++) {
        for (let k = 0; k < W; k++) {
          h[k] = a[t * W + k] * h[k] + b[t * W + k];
          want.push(h[k]);
        }
      }
      const prodWant: number[] = [];
      const p = [1, 1, 1];
      for (let t = 0; t < T; t++) for (let k = 0; k < W; k++) prodWant.push((p[k] *= a[t * W + k]));
      linearRecurrenceScan(a, b, T, W);
      expect(firstMismatch(b, want, TOL), `T = ${T}`).toBeNull();
      expect(firstMismatch(a, prodWant, TOL), `T = ${T}`).toBeNull();
    }
  });

  it('with no tokens returns no output and hN = h0', () => {
    const inputs = {
      u: mat(0, 2, []),
      delta: mat(0, 2, []),
      A: mat(2, 1, [-1, -2]),
      B: mat(0, 1, []),
      C: mat(0, 1, []),
      h0: mat(2, 1, [0.5, 2]),
      method: 'zoh' as const,
    };
    for (const r of [parallelScan(inputs), selectiveScan(inputs)]) {
      expect(r.y.rows).toBe(0);
      expect(Array.from(r.hN.data)).toEqual([0.5, 2]);
    }
  });
});

describe('input checks', () => {
  it('names the argument and both shapes when a shape is wrong', () => {
    const ok = {
      u: mat(3, 2, [1, 2, 3, 4, 5, 6]),
      delta: mat(3, 2, [1, 1, 1, 1, 1, 1]),
      A: mat(2, 2, [-1, -2, -1, -2]),
      B: mat(3, 2, [1, 1, 1, 1, 1, 1]),
      C: mat(3, 2, [1, 1, 1, 1, 1, 1]),
      method: 'zoh' as const,
    };
    expect(() => selectiveScan(ok)).not.toThrow();
    expect(() => selectiveScan({ ...ok, B: mat(2, 2, [1, 1, 1, 1]) })).toThrow(
      'B must be 3×2 (T × N); got 2×2',
    );
    expect(() => parallelScan({ ...ok, delta: mat(3, 1, [1, 1, 1]) })).toThrow('delta must be 3×2');
    expect(() => selectiveScan({ ...ok, D: Float64Array.of(1) })).toThrow('D must have 2 values');
    expect(() => selectiveScan({ ...ok, h0: mat(1, 2, [0, 0]) })).toThrow('h0 must be 2×2');
  });
});

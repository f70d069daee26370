/**
 * fast-check generators for scan inputs, and plain-array helpers the oracles use. Kept
 * apart from the code under test: the oracles here see only numbers and nested arrays.
 */
import fc from 'fast-check';
import type { Matrix } from '../../../src/core/tensor';
import type { Discretization, ScanInputs } from '../../../src/core/mamba-scan';

export function mat(rows: number, cols: number, values: readonly number[]): Matrix {
  return { rows, cols, data: Float64Array.from(values) };
}

/** Element (r, c) of a row-major matrix, so oracles read matrices as plain 2-D tables. */
export function at(m: Matrix, r: number, c: number): number {
  return m.data[r * m.cols + c];
}

function doubles(n: number, min: number, max: number): fc.Arbitrary<number[]> {
  return fc.array(fc.double({ min, max, noNaN: true, noDefaultInfinity: true }), {
    minLength: n,
    maxLength: n,
  });
}

export interface ScanCase {
  readonly T: number;
  readonly D: number;
  readonly N: number;
  readonly inputs: ScanInputs;
}

export interface ScanCaseOptions {
  readonly maxT?: number;
  readonly withGate?: boolean;
  readonly withH0?: boolean;
  readonly withSkip?: boolean;
}

/**
 * Random shapes and values in the ranges a trained Mamba sees: Δ in (0, 1.5], A negative
 * (−3 … −0.05), |u|, |B|, |C|, |z| ≤ 2.
 */
export function scanCase(opts: ScanCaseOptions = {}): fc.Arbitrary<ScanCase> {
  const sizes = fc.record({
    T: fc.integer({ min: 1, max: opts.maxT ?? 12 }),
    D: fc.integer({ min: 1, max: 4 }),
    N: fc.integer({ min: 1, max: 4 }),
    method: fc.constantFrom<Discretization>('zoh', 'euler'),
  });
  return sizes.chain(({ T, D, N, method }) =>
    fc
      .record({
        u: doubles(T * D, -2, 2),
        delta: doubles(T * D, 1e-3, 1.5),
        A: doubles(D * N, -3, -0.05),
        B: doubles(T * N, -2, 2),
        C: doubles(T * N, -2, 2),
        skip: doubles(D, -2, 2),
        z: doubles(T * D, -2, 2),
        h0: doubles(D * N, -1, 1),
      })
      .map((v) => ({
        T,
        D,
        N,
        inputs: {
          u: mat(T, D, v.u),
          delta: mat(T, D, v.delta),
          A: mat(D, N, v.A),
          B: mat(T, N, v.B),
          C: mat(T, N, v.C),
          D: opts.withSkip === false ? undefined : Float64Array.from(v.skip),
          z: opts.withGate ? mat(T, D, v.z) : undefined,
          h0: opts.withH0 ? mat(D, N, v.h0) : undefined,
          method,
        },
      })),
  );
}

/** |a − b| ≤ tol · max(1, |a|, |b|): relative for large values, absolute near zero. */
export function close(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Index and values of the first entry where two arrays differ beyond `tol`, or null. */
export function firstMismatch(
  got: ArrayLike<number>,
  want: ArrayLike<number>,
  tol: number,
): { i: number; got: number; want: number } | null {
  if (got.length !== want.length) return { i: -1, got: got.length, want: want.length };
  for (let i = 0; i < got.length; i++)
    if (!close(got[i], want[i], tol)) return { i, got: got[i], want: want[i] };
  return null;
}

/** SiLU written out as x / (1 + e^−x), a different form from the core's tanh one. */
export function siluRef(x: number): number {
  return x / (1 + Math.exp(-x));
}

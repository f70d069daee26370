/**
 * Inputs for the custom-function tests: seeded random ranges in Excel's form (number[][]),
 * and conversions between the forms a vector may take (row, column, core Float64Array).
 */
import { fromRows, type Matrix } from '../../src/core/tensor';

/** A small xorshift generator, separate from the core's so the tests do not lean on it. */
export function randomSource(seed: number): () => number {
  let s = (seed * 2654435761) >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

export type Range = number[][];

export function randomRange(rand: () => number, rows: number, cols: number, scale = 1, offset = 0): Range {
  return Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => offset + scale * (2 * rand() - 1)),
  );
}

export function asColumn(v: ArrayLike<number>): Range {
  return Array.from(v, (x) => [x]);
}

export function asRow(v: ArrayLike<number>): Range {
  return [Array.from(v)];
}

/** The values of a row or column range, in order. */
export function flat(r: Range): Float64Array {
  return Float64Array.from(r.flat());
}

export function toMatrix(r: Range): Matrix {
  return fromRows(r);
}

/** A core matrix as rows (Excel's form). */
export function rowsOf(m: Matrix): Range {
  return Array.from({ length: m.rows }, (_, i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
}

/** Vectors as the columns of an n×k range. */
export function columnsOf(...vs: ArrayLike<number>[]): Range {
  return Array.from({ length: vs[0].length }, (_, r) => vs.map((v) => v[r]));
}

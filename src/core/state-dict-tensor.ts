/**
 * Reading tensors out of a PyTorch state_dict exported as JSON. Every shape problem is
 * reported with the tensor's name and both shapes, because that is what a user pasting
 * weights needs to fix their export.
 */
import { matrix, type Matrix } from './tensor';

export type StateDict = Record<string, unknown>;

export class ShapeError extends Error {
  constructor(
    readonly tensor: string,
    readonly expected: readonly number[],
    readonly got: readonly number[] | string,
  ) {
    super(
      `${tensor} must have shape (${expected.join(', ')}); got ${typeof got === 'string' ? got : `(${got.join(', ')})`}`,
    );
    this.name = 'ShapeError';
  }
}

/** Shape of a nested JSON array, or a description of why it is not a numeric tensor. */
export function shapeOf(value: unknown): number[] | string {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : 'a non-finite number';
  if (!Array.isArray(value)) return value === undefined ? 'nothing (missing)' : `a ${typeof value}`;
  if (value.length === 0) return [0];
  const inner = shapeOf(value[0]);
  if (typeof inner === 'string') return inner;
  for (let i = 1; i < value.length; i++) {
    const s = shapeOf(value[i]);
    if (typeof s === 'string') return s;
    if (s.length !== inner.length || s.some((d, k) => d !== inner[k])) return 'a ragged array';
  }
  return [value.length, ...inner];
}

function flatten(value: unknown, out: number[]): void {
  if (Array.isArray(value)) for (const v of value) flatten(v, out);
  else out.push(value as number);
}

/**
 * The tensor `name` as a matrix (rows × cols), accepting any shape whose dimensions
 * multiply out the same way PyTorch's view would only when `accept` lists it.
 */
export function readTensor(dict: StateDict, name: string, expected: readonly number[]): Float64Array {
  const value = dict[name];
  const got = shapeOf(value);
  if (typeof got === 'string' || got.length !== expected.length || got.some((d, k) => d !== expected[k])) {
    throw new ShapeError(name, expected, got);
  }
  const flat: number[] = [];
  flatten(value, flat);
  return Float64Array.from(flat);
}

export function readMatrix(dict: StateDict, name: string, rows: number, cols: number): Matrix {
  return matrix(rows, cols, readTensor(dict, name, [rows, cols]));
}

/** Nested arrays for JSON export. */
export function matrixToJson(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < m.rows; r++) out.push(Array.from(m.data.subarray(r * m.cols, (r + 1) * m.cols)));
  return out;
}

/**
 * Turning what Excel (or a Node caller) passes into checked core tensors. Ranges arrive
 * as `any[][]` so that a stray text cell can be reported with the argument's name and
 * its position, instead of Excel rejecting the call with a bare #VALUE!. Every problem
 * becomes a function error whose message names the argument and the shape it expects.
 */
import { matrix, type Matrix } from '../src/core/tensor';
import { invalidNumber, invalidValue } from './errors';

/** Longest sequence a function accepts (rows of X). */
export const MAX_STEPS = 100_000;
/** Largest model dimension (I, H, D, N, d…) a function accepts. */
export const MAX_SIZE = 4096;
/** Excel's own sheet width; no range argument can be wider. */
export const MAX_RANGE_COLS = 16_384;

/** "row 2, column 3" (1-based, relative to the argument's range). */
function at(r: number, c: number): string {
  return `row ${r + 1}, column ${c + 1}`;
}

function describeCell(v: unknown): string {
  if (v === null || v === undefined || v === '') return 'a blank cell';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return `the text "${v.length > 20 ? `${v.slice(0, 20)}…` : v}"`;
  return `a ${typeof v} value`;
}

function shapeText(m: { rows: number; cols: number }): string {
  return `${m.rows}×${m.cols}`;
}

/**
 * A range of numbers as a matrix. Accepts a 2-D array (Excel's form), and for Node
 * callers also a single number (1×1) or a flat array (one row).
 */
export function readMatrix(name: string, value: unknown, expected: string): Matrix {
  if (value === null || value === undefined) throw invalidValue(`${name} is missing; expected ${expected}`);
  if (typeof value === 'number') return readRows(name, [[value]], expected);
  if (!Array.isArray(value))
    throw invalidValue(`${name} must be a range of numbers (${expected}); got ${describeCell(value)}`);
  if (value.length === 0) throw invalidValue(`${name} is empty; expected ${expected}`);
  const nested = value.map((r) => Array.isArray(r));
  if (nested.every((n) => !n)) return readRows(name, [value], expected);
  if (!nested.every((n) => n)) throw invalidValue(`${name} mixes numbers and rows; expected ${expected}`);
  return readRows(name, value as unknown[][], expected);
}

function readRows(name: string, rows: unknown[][], expected: string): Matrix {
  const nRows = rows.length;
  const nCols = rows[0].length;
  if (nCols === 0) throw invalidValue(`${name} is empty; expected ${expected}`);
  if (nRows > MAX_STEPS || nCols > MAX_RANGE_COLS) {
    throw invalidValue(
      `${name} is too large (${nRows}×${nCols}); at most ${MAX_STEPS} rows and ${MAX_RANGE_COLS} columns`,
    );
  }
  const m = matrix(nRows, nCols);
  for (let r = 0; r < nRows; r++) {
    const row = rows[r];
    if (row.length !== nCols) {
      throw invalidValue(
        `${name} has rows of different lengths (row 1 has ${nCols} values, row ${r + 1} has ${row.length})`,
      );
    }
    for (let c = 0; c < nCols; c++) {
      const v = row[c];
      if (typeof v !== 'number') {
        throw invalidValue(`${name} has ${describeCell(v)} at ${at(r, c)}; every cell must hold a number`);
      }
      // #VALUE!, not #NUM!: Excel shows a custom function's message only with #VALUE! and #N/A.
      if (!Number.isFinite(v))
        throw invalidValue(`${name} has a non-finite number (NaN or ±∞) at ${at(r, c)}`);
      m.data[r * nCols + c] = v;
    }
  }
  return m;
}

/** null/undefined (an omitted optional argument) or an empty Node array. */
export function isOmitted(value: unknown): boolean {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}

/**
 * A vector given as a single row or a single column. `length`, when known, is checked
 * with `lengthText` explaining where the number comes from ("4·H for H = 2").
 */
export function readVector(name: string, value: unknown, length?: number, lengthText?: string): Float64Array {
  const what =
    length === undefined
      ? 'a row or a column of numbers'
      : `a row or a column of ${length} values${lengthText ? ` (${lengthText})` : ''}`;
  const m = readMatrix(name, value, what);
  if (m.rows !== 1 && m.cols !== 1) throw invalidValue(`${name} must be ${what}; got ${shapeText(m)}`);
  if (length !== undefined && m.data.length !== length) {
    throw invalidValue(
      `${name} must hold ${length} values${lengthText ? ` (${lengthText})` : ''}; got ${m.data.length}`,
    );
  }
  return m.data;
}

/** An optional vector: omitted means `fallback` (zeros unless given). */
export function readOptionalVector(
  name: string,
  value: unknown,
  length: number,
  lengthText: string,
  fallback?: Float64Array,
): Float64Array {
  if (isOmitted(value)) return fallback ?? new Float64Array(length);
  return readVector(name, value, length, lengthText);
}

/**
 * Checks a matrix against its expected shape: "W_hh must be 8×2 (4·H × H) for H = 2;
 * got 6×2". A swapped shape gets a hint, the commonest mistake when pasting weights.
 */
export function expectShape(
  name: string,
  m: Matrix,
  rows: number,
  cols: number,
  formula: string,
  given: string,
): Matrix {
  if (m.rows === rows && m.cols === cols) return m;
  const transposed =
    m.rows === cols && m.cols === rows ? '; it looks transposed (matrices are out × in, as in PyTorch)' : '';
  throw invalidValue(
    `${name} must be ${rows}×${cols} (${formula}) for ${given}; got ${shapeText(m)}${transposed}`,
  );
}

/** A matrix of the given shape. */
export function readShaped(
  name: string,
  value: unknown,
  rows: number,
  cols: number,
  formula: string,
  given: string,
): Matrix {
  return expectShape(
    name,
    readMatrix(name, value, `${rows}×${cols} (${formula})`),
    rows,
    cols,
    formula,
    given,
  );
}

/** A model size read off an argument's shape, kept within MAX_SIZE. */
export function checkSize(symbol: string, value: number, source: string): number {
  if (value > MAX_SIZE)
    throw invalidValue(`${symbol} = ${value} (from ${source}) is too large; at most ${MAX_SIZE}`);
  return value;
}

/**
 * An option string: omitted means the default; matching ignores case and surrounding
 * spaces; anything else lists the allowed values.
 */
export function readOption<T extends string>(
  name: string,
  value: unknown,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === ''))
    return fallback;
  const list = allowed.map((a) => `"${a}"`).join(', ');
  if (typeof value !== 'string')
    throw invalidValue(`${name} must be one of ${list}; got ${describeCell(value)}`);
  const key = value.trim().toLowerCase();
  const found = allowed.find((a) => a.toLowerCase() === key);
  if (found === undefined) throw invalidValue(`${name} must be one of ${list}; got ${describeCell(value)}`);
  return found;
}

/** A whole number in [min, max]; Node callers may pass a 1×1 range. */
export function readInteger(name: string, value: unknown, min: number, max: number): number {
  let v = value;
  if (Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1) v = v[0][0];
  if (v === null || v === undefined)
    throw invalidValue(`${name} is missing; expected a whole number from ${min} to ${max}`);
  if (typeof v !== 'number')
    throw invalidValue(`${name} must be a whole number from ${min} to ${max}; got ${describeCell(v)}`);
  if (!Number.isFinite(v)) throw invalidValue(`${name} must be a finite whole number; got ${v}`);
  if (!Number.isInteger(v) || v < min || v > max) {
    throw invalidValue(`${name} must be a whole number from ${min} to ${max}; got ${v}`);
  }
  return v;
}

/** Rows of a matrix as Excel's 2-D result; any non-finite value becomes #NUM!. */
export function resultRows(fn: string, m: Matrix): number[][] {
  const out: number[][] = new Array(m.rows);
  for (let r = 0; r < m.rows; r++) {
    const row = new Array<number>(m.cols);
    for (let c = 0; c < m.cols; c++) {
      const v = m.data[r * m.cols + c];
      if (!Number.isFinite(v)) {
        throw invalidNumber(
          `${fn}: the result is not finite at ${at(r, c)} (overflow); scale the inputs down`,
        );
      }
      row[c] = v;
    }
    out[r] = row;
  }
  return out;
}

/** Vectors side by side as columns (an H×k block), e.g. LSTM.STEP's [h c]. */
export function resultColumns(fn: string, columns: readonly ArrayLike<number>[]): number[][] {
  const rows = columns[0].length;
  const m = matrix(rows, columns.length);
  columns.forEach((col, c) => {
    for (let r = 0; r < rows; r++) m.data[r * columns.length + c] = col[r];
  });
  return resultRows(fn, m);
}

/** Time-indexed rows (T of them, each a vector) as a T×n result. */
export function resultFromRowList(fn: string, list: readonly ArrayLike<number>[]): number[][] {
  const cols = list[0].length;
  const m = matrix(list.length, cols);
  list.forEach((v, r) => m.data.set(v, r * cols));
  return resultRows(fn, m);
}

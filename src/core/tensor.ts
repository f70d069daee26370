/**
 * Dense float64 tensors. Matrices are row-major so that `data[r * cols + c]`
 * matches PyTorch's (out × in) weight layout and a row is one contiguous slice.
 */

export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

export type Vector = Float64Array;

export function matrix(rows: number, cols: number, data?: ArrayLike<number>): Matrix {
  const buf = new Float64Array(rows * cols);
  if (data) {
    if (data.length !== rows * cols) {
      throw new RangeError(`matrix(${rows}, ${cols}) needs ${rows * cols} values, got ${data.length}`);
    }
    buf.set(data);
  }
  return { rows, cols, data: buf };
}

export function fromRows(rows: readonly (readonly number[])[]): Matrix {
  const r = rows.length;
  const c = r === 0 ? 0 : rows[0].length;
  const m = matrix(r, c);
  for (let i = 0; i < r; i++) {
    if (rows[i].length !== c) throw new RangeError(`row ${i} has ${rows[i].length} values, expected ${c}`);
    m.data.set(rows[i], i * c);
  }
  return m;
}

export function toRows(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}

export function row(m: Matrix, i: number): Float64Array {
  return m.data.subarray(i * m.cols, (i + 1) * m.cols);
}

export function get(m: Matrix, r: number, c: number): number {
  return m.data[r * m.cols + c];
}

/** Rows [start, start + count) as a view sharing storage (PyTorch's gate chunks). */
export function rowBlock(m: Matrix, start: number, count: number): Matrix {
  return { rows: count, cols: m.cols, data: m.data.subarray(start * m.cols, (start + count) * m.cols) };
}

/** mᵀ as a new matrix (the backward pass reads weights and inputs by column). */
export function transpose(m: Matrix): Matrix {
  const t = matrix(m.cols, m.rows);
  for (let i = 0; i < m.rows; i++)
    for (let j = 0; j < m.cols; j++) t.data[j * m.rows + i] = m.data[i * m.cols + j];
  return t;
}

/**
 * out[outOffset + r] (+)= Σ_c m[r, c] · x[xOffset + c]. Writes into a caller-owned
 * buffer so recurrent hot loops allocate nothing per time step.
 */
export function matVecInto(
  out: Float64Array,
  m: Matrix,
  x: ArrayLike<number>,
  accumulate = false,
  outOffset = 0,
  xOffset = 0,
): Float64Array {
  const { rows, cols, data } = m;
  for (let r = 0; r < rows; r++) {
    let s = 0;
    const base = r * cols;
    for (let c = 0; c < cols; c++) s += data[base + c] * x[xOffset + c];
    out[outOffset + r] = accumulate ? out[outOffset + r] + s : s;
  }
  return out;
}

export function vector(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values as ArrayLike<number>);
}

export function zeros(n: number): Float64Array {
  return new Float64Array(n);
}

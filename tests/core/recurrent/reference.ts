/**
 * Plain number[] reference implementations of the recurrent cells, written from the
 * equations (not from the core's kernels) so the tests compare two derivations.
 * Deliberately naive: per-gate weight slices, the textbook logistic 1/(1 + e^−x), new
 * arrays everywhere.
 */
import fc from 'fast-check';
import type { GruParams } from '../../../src/core/gru';
import type { LstmParams } from '../../../src/core/lstm';
import type { RnnParams } from '../../../src/core/rnn';
import type { Matrix } from '../../../src/core/tensor';

export type Vec = number[];
export type Mat = number[][];

export const logistic = (v: number): number => 1 / (1 + Math.exp(-v));

export function nested(m: Matrix): Mat {
  const out: Mat = [];
  for (let r = 0; r < m.rows; r++) {
    const line: Vec = [];
    for (let c = 0; c < m.cols; c++) line.push(m.data[r * m.cols + c]);
    out.push(line);
  }
  return out;
}

export function dot(a: Vec, b: Vec): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k] * b[k];
  return s;
}

/** W[rowStart + j] · v for j < count: one gate's block of a stacked weight. */
function gateProduct(W: Mat, rowStart: number, count: number, v: Vec): Vec {
  const out: Vec = [];
  for (let j = 0; j < count; j++) out.push(dot(W[rowStart + j], v));
  return out;
}

export interface RefCell {
  W_ih: Mat;
  W_hh: Mat;
  b_ih: Vec;
  b_hh: Vec;
}

export function refCellOf(p: RnnParams | LstmParams | GruParams): RefCell {
  return { W_ih: nested(p.W_ih), W_hh: nested(p.W_hh), b_ih: Array.from(p.b_ih), b_hh: Array.from(p.b_hh) };
}

/** Hidden states h_1 … h_T of an Elman RNN. */
export function refRnn(cell: RefCell, xs: Mat, h0: Vec, act: 'tanh' | 'relu'): Mat {
  const H = h0.length;
  let h = h0.slice();
  const hs: Mat = [];
  for (const x of xs) {
    const a = gateProduct(cell.W_ih, 0, H, x);
    const b = gateProduct(cell.W_hh, 0, H, h);
    h = a.map((v, j) => {
      const s = v + cell.b_ih[j] + b[j] + cell.b_hh[j];
      return act === 'tanh' ? Math.tanh(s) : Math.max(0, s);
    });
    hs.push(h);
  }
  return hs;
}

export interface RefPeephole {
  w_ci: Vec;
  w_cf: Vec;
  w_co: Vec;
}

export interface RefLstmSteps {
  hs: Mat;
  cs: Mat;
  i: Mat;
  f: Mat;
  g: Mat;
  o: Mat;
}

export function refLstm(cell: RefCell, xs: Mat, h0: Vec, c0: Vec, peep?: RefPeephole): RefLstmSteps {
  const H = h0.length;
  let h = h0.slice();
  let c = c0.slice();
  const res: RefLstmSteps = { hs: [], cs: [], i: [], f: [], g: [], o: [] };
  // Gate k's pre-activation for unit j, biases from the same row block.
  const gate = (k: number, x: Vec, hPrev: Vec): Vec => {
    const a = gateProduct(cell.W_ih, k * H, H, x);
    const b = gateProduct(cell.W_hh, k * H, H, hPrev);
    return a.map((v, j) => v + b[j] + cell.b_ih[k * H + j] + cell.b_hh[k * H + j]);
  };
  for (const x of xs) {
    const zi = gate(0, x, h);
    const zf = gate(1, x, h);
    const zg = gate(2, x, h);
    const zo = gate(3, x, h);
    const i = zi.map((v, j) => logistic(v + (peep ? peep.w_ci[j] * c[j] : 0)));
    const f = zf.map((v, j) => logistic(v + (peep ? peep.w_cf[j] * c[j] : 0)));
    const g = zg.map(Math.tanh);
    const cNew = c.map((cp, j) => f[j] * cp + i[j] * g[j]);
    const o = zo.map((v, j) => logistic(v + (peep ? peep.w_co[j] * cNew[j] : 0)));
    h = cNew.map((cv, j) => o[j] * Math.tanh(cv));
    c = cNew;
    res.hs.push(h);
    res.cs.push(c);
    res.i.push(i);
    res.f.push(f);
    res.g.push(g);
    res.o.push(o);
  }
  return res;
}

/** PyTorch's GRU: the reset gate scales (W_hn h + b_hn), after the product. */
export function refGru(cell: RefCell, xs: Mat, h0: Vec): Mat {
  const H = h0.length;
  let h = h0.slice();
  const hs: Mat = [];
  for (const x of xs) {
    const next: Vec = [];
    for (let j = 0; j < H; j++) {
      const gi = (k: number) => dot(cell.W_ih[k * H + j], x) + cell.b_ih[k * H + j];
      const gh = (k: number) => dot(cell.W_hh[k * H + j], h) + cell.b_hh[k * H + j];
      const r = logistic(gi(0) + gh(0));
      const z = logistic(gi(1) + gh(1));
      const n = Math.tanh(gi(2) + r * gh(2));
      next.push((1 - z) * n + z * h[j]);
    }
    h = next;
    hs.push(h);
  }
  return hs;
}

/** Maximum absolute difference between two equally shaped nested arrays. */
export function maxDiff(a: Mat, b: Mat): number {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let t = 0; t < a.length; t++) {
    if (a[t].length !== b[t].length) return Infinity;
    for (let j = 0; j < a[t].length; j++) m = Math.max(m, Math.abs(a[t][j] - b[t][j]));
  }
  return m;
}

/** A deterministic stream of test inputs in (−scale, scale), independent of random.ts. */
export function testValues(seed: number, count: number, scale = 1): number[] {
  let s = (seed * 2654435761 + 12345) >>> 0;
  const out: number[] = [];
  for (let k = 0; k < count; k++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out.push(((s / 4294967296) * 2 - 1) * scale);
  }
  return out;
}

export function testSequence(seed: number, T: number, I: number, scale = 1): Mat {
  const v = testValues(seed, T * I, scale);
  return Array.from({ length: T }, (_, t) => v.slice(t * I, (t + 1) * I));
}

/** The random sizes, seed and init style every cell's property tests draw (a cell adds its own options). */
export const cellShapeFields = {
  I: fc.integer({ min: 1, max: 6 }),
  H: fc.integer({ min: 1, max: 6 }),
  T: fc.integer({ min: 1, max: 9 }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  style: fc.constantFrom('torch' as const, 'hand' as const),
};

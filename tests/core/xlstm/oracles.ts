/**
 * Reference implementations written straight from the unstabilised xLSTM equations
 * (plain exp gates, no m), with plain number arrays and their own helpers, so that the
 * tests compare the core against a derivation that shares none of its code.
 */

export type Vec = number[];
export type Mat = number[][];

/** A flat row-major array as rows of `cols` numbers. */
export function rowsOfFlat(data: ArrayLike<number>, cols: number): Mat {
  return Array.from({ length: data.length / cols }, (_, r) =>
    Array.from({ length: cols }, (_, c) => data[r * cols + c]),
  );
}

/** Small deterministic generator for test data (xorshift32), independent of src/core/random. */
export function makeRand(seed: number): (lo: number, hi: number) => number {
  let s = (seed | 0) ^ 0x5bd1e995 || 1;
  return (lo, hi) => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return lo + ((s >>> 0) / 4294967296) * (hi - lo);
  };
}

export function randMat(
  rand: (lo: number, hi: number) => number,
  rows: number,
  cols: number,
  lo: number,
  hi: number,
): Mat {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => rand(lo, hi)));
}

export const sig = (x: number): number => 1 / (1 + Math.exp(-x));

export function dot(a: Vec, b: Vec): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** sLSTM without a stabiliser: i = exp(ĩ), f = σ(f̃) or exp(f̃); h starts at h0 (zeros by default), c and n at zeros. */
export function naiveSlstm(W: Mat, R: Mat, b: Vec, forget: 'sigmoid' | 'exp', X: Mat, h0?: Vec): Mat {
  const H = R[0].length;
  let h: Vec = h0 ?? new Array<number>(H).fill(0);
  const c: Vec = new Array<number>(H).fill(0);
  const n: Vec = new Array<number>(H).fill(0);
  const out: Mat = [];
  for (const x of X) {
    const pre = W.map((w, r) => dot(w, x) + dot(R[r], h) + b[r]);
    const next: Vec = [];
    for (let u = 0; u < H; u++) {
      const i = Math.exp(pre[u]);
      const f = forget === 'sigmoid' ? sig(pre[H + u]) : Math.exp(pre[H + u]);
      c[u] = f * c[u] + i * Math.tanh(pre[2 * H + u]);
      n[u] = f * n[u] + i;
      next.push((sig(pre[3 * H + u]) * c[u]) / n[u]);
    }
    h = next;
    out.push(h);
  }
  return out;
}

/** mLSTM without a stabiliser: C += exp(ĩ) v kᵀ/√d, normaliser max(|nᵀq|, 1). */
export function naiveMlstm(Q: Mat, K: Mat, V: Mat, iPre: Vec, fPre: Vec, oPre?: Mat): Mat {
  const dk = Q[0].length;
  const dv = V[0].length;
  const C: Mat = Array.from({ length: dv }, () => new Array<number>(dk).fill(0));
  const n: Vec = new Array<number>(dk).fill(0);
  const out: Mat = [];
  for (let t = 0; t < Q.length; t++) {
    const i = Math.exp(iPre[t]);
    const f = sig(fPre[t]);
    const k = K[t].map((x) => x / Math.sqrt(dk));
    for (let a = 0; a < dv; a++) for (let j = 0; j < dk; j++) C[a][j] = f * C[a][j] + i * V[t][a] * k[j];
    for (let j = 0; j < dk; j++) n[j] = f * n[j] + i * k[j];
    const denom = Math.max(Math.abs(dot(n, Q[t])), 1);
    out.push(C.map((row, a) => ((oPre ? sig(oPre[t][a]) : 1) * dot(row, Q[t])) / denom));
  }
  return out;
}

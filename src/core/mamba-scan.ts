/**
 * The selective state-space scan (S6) at the heart of Mamba, per channel d and state n:
 *
 *   Ā = exp(Δ_t,d · A_d,n),  B̄ = zoh: (exp(ΔA) − 1)/A · B_t,n  |  euler: Δ · B_t,n
 *   h_t = Ā ⊙ h_{t−1} + B̄ · u_t,d,   y_t,d = Σ_n C_t,n h_t,d,n + D_d u_t,d,   out = y ⊙ SiLU(z)
 *
 * Δ, B and C change with every token (that is what "selective" means); B and C are shared
 * across channels, Δ and A are not. Three ways to compute it, all equal: `selectiveScan`
 * (sequential, what a CPU does), `scanStep` (one token, what a sheet column shows) and
 * `parallelScan` (associative prefix scan, what the GPU kernel does).
 */
import { silu } from './activations';
import { linearRecurrenceScan } from './parallel-scan';
import { matrix, type Matrix, type Vector } from './tensor';
import { TraceRecorder, type Trace } from './trace';

export type Discretization = 'zoh' | 'euler';

export interface ScanInputs {
  /** Input sequence, one token per row: T × D channels. */
  readonly u: Matrix;
  /** Step sizes Δ, T × D, already positive (softplus applied by the caller). */
  readonly delta: Matrix;
  /** Continuous-time state matrix, diagonal per channel: D × N (negative for stability). */
  readonly A: Matrix;
  /** Input projection per token, shared by all channels: T × N. */
  readonly B: Matrix;
  /** Output projection per token, shared by all channels: T × N. */
  readonly C: Matrix;
  /** Skip connection weight per channel (absent: no skip). */
  readonly D?: Vector;
  /** Gate input, T × D; when present the output is y ⊙ SiLU(z). */
  readonly z?: Matrix;
  /** Initial state D × N (absent: zeros). */
  readonly h0?: Matrix;
  readonly method: Discretization;
}

export interface ScanResult {
  /** T × D: y after the D skip, times SiLU(z) when z is given (mamba_ssm's `out`). */
  readonly y: Matrix;
  /** Final state D × N. */
  readonly hN: Matrix;
}

/**
 * (e^x − 1)/x, with the limit 1 at x = 0. expm1 keeps full relative precision for tiny x,
 * where e^x − 1 would cancel down to noise; that is what keeps zoh's B̄ smooth as A → 0.
 */
function expm1OverX(x: number): number {
  return x === 0 ? 1 : Math.expm1(x) / x;
}

/**
 * B̄'s factor for one (Δ, a): zoh's exact (exp(Δa) − 1)/a written as Δ·(e^x − 1)/x with
 * x = Δa, so it tends to Δ (the Euler value) as a → 0 instead of dividing 0 by 0.
 */
export function bBarFactor(delta: number, a: number, method: Discretization): number {
  return method === 'euler' ? delta : delta * expm1OverX(delta * a);
}

/** Discretizes one (Δ, a, b) triple: Ā = exp(Δa) for both methods; B̄ as labelled. */
export function discretize(
  delta: number,
  a: number,
  b: number,
  method: Discretization,
): { aBar: number; bBar: number } {
  return { aBar: Math.exp(delta * a), bBar: bBarFactor(delta, a, method) * b };
}

/** Where `discretizeInto` writes Ā and B̄ of one channel (N values each, from `off`). */
interface Discretized {
  readonly aBar: Float64Array;
  readonly bBar: Float64Array;
  off: number;
}

/**
 * Ā = exp(Δ_{t,d} A_d) and B̄ (by `inp.method`, before multiplying by u) of token t and
 * channel d, for every state n, for the parallel scan's pairs and the trace (the
 * sequential scan makes the same values in its update loop). Called per channel so the
 * N values are still in cache when they are read.
 */
function discretizeInto(inp: ScanInputs, t: number, d: number, out: Discretized): void {
  const { delta, A, B, method } = inp;
  const D = delta.cols;
  const N = A.cols;
  const { aBar, bBar, off } = out;
  const dt = delta.data[t * D + d];
  for (let n = 0; n < N; n++) {
    const a = A.data[d * N + n];
    aBar[off + n] = Math.exp(dt * a);
    bBar[off + n] = bBarFactor(dt, a, method) * B.data[t * N + n];
  }
}

function checkShape(name: string, m: Matrix | undefined, rows: number, cols: number, what: string): void {
  if (m && (m.rows !== rows || m.cols !== cols)) {
    throw new RangeError(`${name} must be ${rows}×${cols} (${what}); got ${m.rows}×${m.cols}`);
  }
}

/** Sizes of a scan, after checking that every input agrees with u and A. */
export function scanSizes(inp: ScanInputs): { T: number; D: number; N: number } {
  const T = inp.u.rows;
  const D = inp.u.cols;
  const N = inp.A.cols;
  checkShape('delta', inp.delta, T, D, 'T × D, like u');
  checkShape('A', inp.A, D, N, 'D × N');
  checkShape('B', inp.B, T, N, 'T × N');
  checkShape('C', inp.C, T, N, 'T × N');
  checkShape('z', inp.z, T, D, 'T × D, like u');
  checkShape('h0', inp.h0, D, N, 'D × N');
  if (inp.D && inp.D.length !== D)
    throw new RangeError(`D must have ${D} values (one per channel); got ${inp.D.length}`);
  if (inp.method !== 'zoh' && inp.method !== 'euler') {
    throw new RangeError(`method must be 'zoh' or 'euler'; got ${String(inp.method)}`);
  }
  return { T, D, N };
}

/** y ⊙ SiLU(z) for token t, channel d, or y alone when there is no gate. */
function gated(y: number, z: Matrix | undefined, idx: number): number {
  return z ? y * silu(z.data[idx]) : y;
}

/**
 * Sequential scan: one pass over time, state updated in place, no allocation per step.
 * Discretization is fused into the update (Ā and B̄ of each state are used as soon as they
 * are made, through the same `bBarFactor` as everywhere else): going through a buffer per
 * channel cost about 20% against a hand-fused loop.
 */
export function selectiveScan(inp: ScanInputs): ScanResult {
  const { T, D, N } = scanSizes(inp);
  const { method, z } = inp;
  const u = inp.u.data;
  const dl = inp.delta.data;
  const A = inp.A.data;
  const B = inp.B.data;
  const C = inp.C.data;
  const skip = inp.D;
  const h = matrix(D, N);
  if (inp.h0) h.data.set(inp.h0.data);
  const y = matrix(T, D);
  const hd = h.data;
  for (let t = 0; t < T; t++) {
    const tn = t * N;
    for (let d = 0; d < D; d++) {
      const idx = t * D + d;
      const dt = dl[idx];
      const ut = u[idx];
      const dn = d * N;
      let acc = 0;
      for (let n = 0; n < N; n++) {
        const a = A[dn + n];
        const hv = Math.exp(dt * a) * hd[dn + n] + bBarFactor(dt, a, method) * B[tn + n] * ut;
        hd[dn + n] = hv;
        acc += C[tn + n] * hv;
      }
      if (skip) acc += skip[d] * ut;
      y.data[idx] = gated(acc, z, idx);
    }
  }
  return { y, hN: h };
}

/** One token's inputs: u and Δ (one value per channel), B and C (N values each). */
export interface ScanToken {
  readonly u: Vector;
  readonly delta: Vector;
  readonly B: Vector;
  readonly C: Vector;
}

/** What stays fixed over the tokens: A (D × N), the skip D (absent: none) and the discretization. */
export interface ScanWeights {
  readonly A: Matrix;
  readonly D?: Vector;
  readonly method: Discretization;
}

/**
 * One token: h = Ā ⊙ hPrev + B̄ u, y = C·h + D ⊙ u (no gate; the caller multiplies by
 * SiLU(z) if it has one). Leaves `hPrev` untouched.
 */
export function scanStep(x: ScanToken, hPrev: Matrix, w: ScanWeights): { h: Matrix; y: Vector } {
  const row = (m: Vector): Matrix => ({ rows: 1, cols: m.length, data: m });
  const { y, hN } = selectiveScan({
    u: row(x.u),
    delta: row(x.delta),
    A: w.A,
    B: row(x.B),
    C: row(x.C),
    D: w.D,
    h0: hPrev,
    method: w.method,
  });
  return { h: hN, y: y.data };
}

/**
 * The scan's pairs (Ā_t, B̄_t u_t) of every step, T × (D·N) row-major (channel-major
 * within a step): the elements the associative scan combines.
 */
export function scanPairs(inp: ScanInputs): { aBar: Float64Array; bu: Float64Array } {
  const { T, D, N } = scanSizes(inp);
  const { u } = inp;
  const W = D * N;
  const aBar = new Float64Array(T * W);
  const bu = new Float64Array(T * W);
  const disc: Discretized = { aBar, bBar: bu, off: 0 };
  for (let t = 0; t < T; t++) {
    for (let d = 0; d < D; d++) {
      disc.off = t * W + d * N;
      discretizeInto(inp, t, d, disc);
      // B̄ becomes B̄ u in place: each channel's row times its own input.
      const ut = u.data[t * D + d];
      for (let n = 0; n < N; n++) bu[disc.off + n] *= ut;
    }
  }
  return { aBar, bu };
}

/**
 * Same result as `selectiveScan`, computed as an associative prefix scan over the pairs
 * (Ā_t, B̄_t u_t) of every (channel, state): all discretizations first, then the scan,
 * then the read-out y_t = C_t·h_t + D u_t for every t at once.
 */
export function parallelScan(inp: ScanInputs): ScanResult {
  const { T, D, N } = scanSizes(inp);
  const { u, C, z } = inp;
  const W = D * N;
  const { aBar, bu } = scanPairs(inp);
  // h_0 = Ā_0 h_init + B̄_0 u_0: folding h_init into the first element lets the scan
  // itself start from zero.
  if (inp.h0 && T > 0) for (let k = 0; k < W; k++) bu[k] += aBar[k] * inp.h0.data[k];
  linearRecurrenceScan(aBar, bu, T, W);
  const y = matrix(T, D);
  for (let t = 0; t < T; t++) {
    for (let d = 0; d < D; d++) {
      let acc = 0;
      for (let n = 0; n < N; n++) acc += C.data[t * N + n] * bu[t * W + d * N + n];
      const idx = t * D + d;
      if (inp.D) acc += inp.D[d] * u.data[idx];
      y.data[idx] = gated(acc, z, idx);
    }
  }
  const hN = matrix(D, N);
  if (T > 0) hN.data.set(bu.subarray((T - 1) * W, T * W));
  else if (inp.h0) hN.data.set(inp.h0.data);
  return { y, hN };
}

/**
 * Every intermediate by token, for the walkthrough sheet: u, delta (D); Abar, Bbar, Bu,
 * h (D × N); Ch (D, C·h before the skip); y (D, after the skip); gate (D, SiLU(z), only
 * when z is given); out (D, y ⊙ gate, or y when there is no gate).
 */
export function selectiveScanTrace(inp: ScanInputs): Trace {
  const { T, D, N } = scanSizes(inp);
  const { u, delta, C, z } = inp;
  const rec = new TraceRecorder(T);
  const h = new Float64Array(D * N);
  if (inp.h0) h.set(inp.h0.data);
  const disc: Discretized = { aBar: new Float64Array(D * N), bBar: new Float64Array(D * N), off: 0 };
  const { aBar, bBar } = disc;
  const bu = new Float64Array(D * N);
  const ch = new Float64Array(D);
  const y = new Float64Array(D);
  const gate = new Float64Array(D);
  const out = new Float64Array(D);
  const dn = [D, N];
  for (let t = 0; t < T; t++) {
    for (let d = 0; d < D; d++) {
      disc.off = d * N;
      discretizeInto(inp, t, d, disc);
      const ut = u.data[t * D + d];
      let acc = 0;
      for (let n = 0; n < N; n++) {
        const k = d * N + n;
        bu[k] = bBar[k] * ut;
        h[k] = aBar[k] * h[k] + bu[k];
        acc += C.data[t * N + n] * h[k];
      }
      ch[d] = acc;
      y[d] = acc + (inp.D ? inp.D[d] * ut : 0);
      if (z) gate[d] = silu(z.data[t * D + d]);
      out[d] = z ? y[d] * gate[d] : y[d];
    }
    rec.record('u', t, u.data.subarray(t * D, (t + 1) * D));
    rec.record('delta', t, delta.data.subarray(t * D, (t + 1) * D));
    rec.record('Abar', t, aBar, dn);
    rec.record('Bbar', t, bBar, dn);
    rec.record('Bu', t, bu, dn);
    rec.record('h', t, h, dn);
    rec.record('Ch', t, ch);
    rec.record('y', t, y);
    if (z) rec.record('gate', t, gate);
    rec.record('out', t, out);
  }
  return rec.finish();
}

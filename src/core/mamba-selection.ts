/**
 * Selection: what makes Mamba's scan selective. Δ, B and C are not fixed parameters (as
 * in S4) but functions of the current token u_t, so every token decides how long a step
 * it takes and what it writes to and reads from the state. This is the form of the
 * Mamba paper's Algorithm 2, one rank for Δ:
 *
 *   δ_t = w_Δ · u_t                 (one number per token, shared by all channels)
 *   Δ̃_t,d = δ_t + b_Δ,d             (b_Δ is mamba_ssm's dt_bias)
 *   Δ_t,d = softplus(Δ̃_t,d)
 *   B_t = W_B u_t,  C_t = W_C u_t     (N values each, shared by all channels)
 *
 * mamba_ssm generalises δ to dt_rank values and a dt_proj matrix (the Mamba block sheet
 * shows that form); with dt_rank = 1 and dt_proj = 1 it is this one.
 */
import { softplus } from './activations';
import { matrix, type Matrix, type Vector } from './tensor';
import { TraceRecorder, type Trace } from './trace';

export interface SelectionParams {
  /** w_Δ, one weight per channel (D): δ_t = w_Δ · u_t. */
  readonly wDelta: Vector;
  /** b_Δ (dt_bias), one per channel (D). */
  readonly dtBias: Vector;
  /** W_B, N × D. */
  readonly W_B: Matrix;
  /** W_C, N × D. */
  readonly W_C: Matrix;
}

export interface Selected {
  /** δ_t, T × 1. */
  readonly dtLow: Matrix;
  /** Δ̃, T × D (before softplus). */
  readonly dtPre: Matrix;
  /** Δ, T × D (after softplus, positive). */
  readonly delta: Matrix;
  /** B and C, T × N. */
  readonly B: Matrix;
  readonly C: Matrix;
}

function checkSizes(u: Matrix, p: SelectionParams): number {
  const D = u.cols;
  const N = p.W_B.rows;
  if (p.wDelta.length !== D) throw new RangeError(`w_Δ must have ${D} values (one per channel)`);
  if (p.dtBias.length !== D) throw new RangeError(`b_Δ must have ${D} values (one per channel)`);
  if (p.W_B.cols !== D) throw new RangeError(`W_B must be N × ${D}; got ${p.W_B.rows}×${p.W_B.cols}`);
  if (p.W_C.rows !== N || p.W_C.cols !== D)
    throw new RangeError(`W_C must be ${N}×${D} like W_B; got ${p.W_C.rows}×${p.W_C.cols}`);
  return N;
}

/** Row t of `u` dotted with row r of `W` (W is rows × D). */
function dotRow(W: Matrix, r: number, u: Matrix, t: number): number {
  let s = 0;
  for (let c = 0; c < u.cols; c++) s += W.data[r * W.cols + c] * u.data[t * u.cols + c];
  return s;
}

/** Δ̃, Δ, B and C of every token from the inputs u (T × D). */
export function selectFromInput(u: Matrix, p: SelectionParams): Selected {
  const { rows: T, cols: D } = u;
  const N = checkSizes(u, p);
  const wRow = matrix(1, D, p.wDelta);
  const dtLow = matrix(T, 1);
  const dtPre = matrix(T, D);
  const delta = matrix(T, D);
  const B = matrix(T, N);
  const C = matrix(T, N);
  for (let t = 0; t < T; t++) {
    const low = dotRow(wRow, 0, u, t);
    dtLow.data[t] = low;
    for (let d = 0; d < D; d++) {
      dtPre.data[t * D + d] = low + p.dtBias[d];
      delta.data[t * D + d] = softplus(low + p.dtBias[d]);
    }
    for (let n = 0; n < N; n++) {
      B.data[t * N + n] = dotRow(p.W_B, n, u, t);
      C.data[t * N + n] = dotRow(p.W_C, n, u, t);
    }
  }
  return { dtLow, dtPre, delta, B, C };
}

/** Per step: `dt_low` (δ_t), `dt_pre` (Δ̃_t, D), `B`, `C` (N each); Δ is the scan trace's `delta`. */
export function selectionTrace(s: Selected): Trace {
  const T = s.dtPre.rows;
  const rec = new TraceRecorder(T);
  const rows = (m: Matrix, t: number) => m.data.subarray(t * m.cols, (t + 1) * m.cols);
  for (let t = 0; t < T; t++) {
    rec.record('dt_low', t, rows(s.dtLow, t));
    rec.record('dt_pre', t, rows(s.dtPre, t));
    rec.record('B', t, rows(s.B, t));
    rec.record('C', t, rows(s.C, t));
  }
  return rec.finish();
}

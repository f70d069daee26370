/**
 * xLSTM's cells without the stabiliser m, for the sheets' narrative rows: the raw input
 * gate exp(ĩ) and the raw states it feeds. They grow like exp(ĩ) (exp(10) ≈ 22 026, and
 * float64 overflows past ĩ ≈ 709), which is why the cells carry m; but h is a ratio of
 * two states that share the factor exp(−m_t), so it is the same with or without it.
 *
 *   sLSTM: c̄_t = f_t c̄_{t−1} + exp(ĩ_t) z_t,   n̄_t = f_t n̄_{t−1} + exp(ĩ_t),   h̄_t = o_t c̄_t / n̄_t
 *   mLSTM: C̄_t = f_t C̄_{t−1} + exp(ĩ_t) v_t k_tᵀ,   n̄_t = f_t n̄_{t−1} + exp(ĩ_t) k_t,
 *          h̄_t = o_t ⊙ C̄_t q_t / max(|n̄_tᵀ q_t|, 1)
 *
 * with f_t = exp(log f_t) and zero initial states. The mLSTM's floor 1 is exp(−m_t)
 * undone: the stabilised states are the raw ones times exp(−m_t) because m starts at
 * m_0 = 0 (a raw floor of 1); the sLSTM has no floor, so its m_0 does not matter.
 * They are computed from a trace's gates, not from the stabilised states.
 */
import { TraceRecorder, type Trace } from './trace';

/** The per-step gate values the sLSTM's raw states are built from (H values each). */
export interface SlstmGates {
  readonly preI: readonly Float64Array[];
  readonly logF: readonly Float64Array[];
  readonly z: readonly Float64Array[];
  readonly o: readonly Float64Array[];
}

/** Per step (H values each): `raw_i` = exp(ĩ), `raw_c`, `raw_n`, `raw_h`. */
export function slstmUnstabilisedTrace(g: SlstmGates): Trace {
  const T = g.preI.length;
  const H = T === 0 ? 0 : g.preI[0].length;
  const rec = new TraceRecorder(T);
  const c = new Float64Array(H);
  const n = new Float64Array(H);
  const e = new Float64Array(H);
  const h = new Float64Array(H);
  for (let t = 0; t < T; t++) {
    for (let r = 0; r < H; r++) {
      e[r] = Math.exp(g.preI[t][r]);
      const f = Math.exp(g.logF[t][r]);
      c[r] = f * c[r] + e[r] * g.z[t][r];
      n[r] = f * n[r] + e[r];
      h[r] = (g.o[t][r] * c[r]) / n[r];
    }
    rec.record('raw_i', t, e);
    rec.record('raw_c', t, c);
    rec.record('raw_n', t, n);
    rec.record('raw_h', t, h);
  }
  return rec.finish();
}

/** The per-step values the mLSTM's raw memory is built from: scalar gates, vectors of d. */
export interface MlstmGates {
  readonly preI: readonly number[];
  readonly logF: readonly number[];
  readonly q: readonly Float64Array[];
  /** k already scaled by 1/√d. */
  readonly k: readonly Float64Array[];
  readonly v: readonly Float64Array[];
  readonly o: readonly Float64Array[];
}

/** Per step: `raw_i` = exp(ĩ) (1), `raw_C` (d × d), `raw_n` (d), `raw_nq` (1), `raw_h` (d). */
export function mlstmUnstabilisedTrace(g: MlstmGates): Trace {
  const T = g.preI.length;
  const d = T === 0 ? 0 : g.q[0].length;
  const rec = new TraceRecorder(T);
  const C = new Float64Array(d * d);
  const n = new Float64Array(d);
  const h = new Float64Array(d);
  for (let t = 0; t < T; t++) {
    const e = Math.exp(g.preI[t]);
    const f = Math.exp(g.logF[t]);
    let nq = 0;
    for (let j = 0; j < d; j++) {
      n[j] = f * n[j] + e * g.k[t][j];
      nq += n[j] * g.q[t][j];
    }
    const denom = Math.max(Math.abs(nq), 1);
    for (let a = 0; a < d; a++) {
      let cq = 0;
      for (let j = 0; j < d; j++) {
        C[a * d + j] = f * C[a * d + j] + e * g.v[t][a] * g.k[t][j];
        cq += C[a * d + j] * g.q[t][j];
      }
      h[a] = (g.o[t][a] * cq) / denom;
    }
    rec.record('raw_i', t, [e]);
    rec.record('raw_C', t, C, [d, d]);
    rec.record('raw_n', t, n);
    rec.record('raw_nq', t, [nq]);
    rec.record('raw_h', t, h);
  }
  return rec.finish();
}

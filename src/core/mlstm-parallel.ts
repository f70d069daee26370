/**
 * The mLSTM sequence and its parallel (attention-like) form. Unrolling the recurrence
 * C_t = f′ C_{t−1} + i′ v kᵀ from C_0 = 0 gives, for every pair s ≤ t,
 *   log D[t, s] = Σ_{j=s+1..t} logσ(f̃_j) + ĩ_s            (−∞ for s > t)
 *   m_t         = max(max_s log D[t, s], Σ_{j=1..t} logσ(f̃_j))
 * where the last term is the recurrent form's m_0 = 0 carried through t forget gates.
 * h itself does not depend on which m is used (S and the exp(−m) floor scale together),
 * but with that term m, D̃, S and the normaliser are the very numbers of the recurrent
 * form (m_t, and nᵀq = Σ_s S[t, s]), so a sheet can show both forms side by side.
 *   D̃ = exp(log D − m),  S = (Q Kᵀ / √d) ⊙ D̃,
 *   h_t = o_t ⊙ (S V)_t / max(|Σ_s S[t, s]|, exp(−m_t)).
 */
import { logSigmoid, sigmoid } from './activations';
import { matrix, type Matrix } from './tensor';
import { TraceRecorder, type Trace } from './trace';

/** One head's inputs over T steps (q, k, v, gate pre-activations). */
export interface MlstmSequence {
  /** (T × dk). */
  readonly Q: Matrix;
  /** (T × dk), unscaled: the 1/√dk factor is applied inside. */
  readonly K: Matrix;
  /** (T × dv). */
  readonly V: Matrix;
  /** (T). */
  readonly iPre: Float64Array;
  /** (T). */
  readonly fPre: Float64Array;
  /** (T × dv); the output gate is 1 when absent. */
  readonly oPre?: Matrix;
}

export interface MlstmDims {
  readonly T: number;
  readonly dk: number;
  readonly dv: number;
}

/** Checks that every part of `seq` has the same T and matching widths. */
export function mlstmSequenceDims(seq: MlstmSequence): MlstmDims {
  const T = seq.Q.rows;
  const dk = seq.Q.cols;
  const dv = seq.V.cols;
  if (dk < 1 || dv < 1) throw new RangeError(`Q and V need at least one column; got dk = ${dk}, dv = ${dv}`);
  if (seq.K.rows !== T || seq.K.cols !== dk) {
    throw new RangeError(`K must be ${T}×${dk} (like Q); got ${seq.K.rows}×${seq.K.cols}`);
  }
  if (seq.V.rows !== T) throw new RangeError(`V must have ${T} rows (like Q); got ${seq.V.rows}`);
  if (seq.iPre.length !== T) throw new RangeError(`iPre must have ${T} values; got ${seq.iPre.length}`);
  if (seq.fPre.length !== T) throw new RangeError(`fPre must have ${T} values; got ${seq.fPre.length}`);
  if (seq.oPre && (seq.oPre.rows !== T || seq.oPre.cols !== dv)) {
    throw new RangeError(`oPre must be ${T}×${dv} (like V); got ${seq.oPre.rows}×${seq.oPre.cols}`);
  }
  return { T, dk, dv };
}

/**
 * The buffers and scalars of one row t, reused across rows so the loop over t allocates
 * nothing: logD, dTilde and sRow (T, columns 0..t in use), hRow (Σ_s S[t, s] v_s before
 * the gate and the normaliser), o (the gate, dv), and the row's m, Σ log f, Σ S and denominator.
 */
interface Row {
  readonly logF: Float64Array;
  readonly logD: Float64Array;
  readonly dTilde: Float64Array;
  readonly sRow: Float64Array;
  readonly hRow: Float64Array;
  readonly o: Float64Array;
  m: number;
  logFCum: number;
  sSum: number;
  denom: number;
}

function rowBuffers(seq: MlstmSequence, dims: MlstmDims): Row {
  const { T, dv } = dims;
  const logF = new Float64Array(T);
  for (let t = 0; t < T; t++) logF[t] = logSigmoid(seq.fPre[t]);
  return {
    logF,
    logD: new Float64Array(T),
    dTilde: new Float64Array(T),
    sRow: new Float64Array(T),
    hRow: new Float64Array(dv),
    o: new Float64Array(dv),
    m: 0,
    logFCum: 0,
    sSum: 0,
    denom: 0,
  };
}

/**
 * Row t of the parallel form into `r` (see Row). Log-gate sums are accumulated backwards
 * from s = t rather than taken as differences of prefix sums, which would lose digits
 * once the cumulative log forget grows large.
 */
function parallelRow(seq: MlstmSequence, dims: MlstmDims, t: number, r: Row): void {
  const { dk, dv } = dims;
  const { logF, logD, dTilde, sRow, hRow } = r;
  const scale = 1 / Math.sqrt(dk);
  let acc = 0;
  let m = -Infinity;
  for (let s = t; s >= 0; s--) {
    const v = acc + seq.iPre[s];
    logD[s] = v;
    if (v > m) m = v;
    acc += logF[s];
  }
  const logFCum = acc;
  if (logFCum > m) m = logFCum;
  let sSum = 0;
  hRow.fill(0);
  const Q = seq.Q.data;
  const K = seq.K.data;
  const V = seq.V.data;
  for (let s = 0; s <= t; s++) {
    const d = Math.exp(logD[s] - m);
    dTilde[s] = d;
    let qk = 0;
    for (let j = 0; j < dk; j++) qk += Q[t * dk + j] * K[s * dk + j];
    const w = qk * scale * d;
    sRow[s] = w;
    sSum += w;
    for (let a = 0; a < dv; a++) hRow[a] += w * V[s * dv + a];
  }
  r.m = m;
  r.logFCum = logFCum;
  r.sSum = sSum;
  r.denom = Math.max(Math.abs(sSum), Math.exp(-m));
}

/** Writes o ⊙ hRow / denom of row t into out[offset..] and the gate values into r.o. */
function finishRow(seq: MlstmSequence, t: number, r: Row, out: Float64Array, offset: number): void {
  const { hRow, o, denom } = r;
  const dv = o.length;
  for (let a = 0; a < dv; a++) {
    const g = seq.oPre ? sigmoid(seq.oPre.data[t * dv + a]) : 1;
    o[a] = g;
    out[offset + a] = (g * hRow[a]) / denom;
  }
}

/** H (T × dv) by the parallel form; equals `mlstmRecurrent(seq).H` to about 1e-10. */
export function mlstmParallel(seq: MlstmSequence): Matrix {
  const dims = mlstmSequenceDims(seq);
  const { T, dv } = dims;
  const r = rowBuffers(seq, dims);
  const out = matrix(T, dv);
  for (let t = 0; t < T; t++) {
    parallelRow(seq, dims, t, r);
    finishRow(seq, t, r, out.data, t * dv);
  }
  return out;
}

/**
 * The matrices of the parallel form, one row per step t (so a sheet can lay them out as
 * T × T blocks and compare cell by cell):
 *   log_f (1), log_f_cum (1: Σ_{j≤t} logσ(f̃_j)), log_D (T, −∞ above the diagonal),
 *   m (1: the row max), D_tilde (T), qk (T: the full row of Q Kᵀ/√d), S (T: qk ⊙ D̃),
 *   s_sum (1: Σ_s S[t, s]), denom (1), o (dv), h (dv).
 * Names shared with `mlstmTrace` (log_f, m, denom, o, h) hold the same quantities.
 */
export function mlstmParallelTrace(seq: MlstmSequence): Trace {
  const dims = mlstmSequenceDims(seq);
  const { T, dk, dv } = dims;
  const r = rowBuffers(seq, dims);
  const { logF, logD, dTilde, sRow, o } = r;
  const qkRow = new Float64Array(T);
  const h = new Float64Array(dv);
  const scale = 1 / Math.sqrt(dk);
  const rec = new TraceRecorder(T);
  for (let t = 0; t < T; t++) {
    // Above the diagonal nothing is remembered yet: log D is −∞, D̃ and S are 0.
    logD.fill(-Infinity);
    dTilde.fill(0);
    sRow.fill(0);
    parallelRow(seq, dims, t, r);
    const { m, logFCum, sSum, denom } = r;
    for (let s = 0; s < T; s++) {
      let qk = 0;
      for (let j = 0; j < dk; j++) qk += seq.Q.data[t * dk + j] * seq.K.data[s * dk + j];
      qkRow[s] = qk * scale;
    }
    finishRow(seq, t, r, h, 0);
    rec.record('log_f', t, [logF[t]]);
    rec.record('log_f_cum', t, [logFCum]);
    rec.record('log_D', t, logD);
    rec.record('m', t, [m]);
    rec.record('D_tilde', t, dTilde);
    rec.record('qk', t, qkRow);
    rec.record('S', t, sRow);
    rec.record('s_sum', t, [sSum]);
    rec.record('denom', t, [denom]);
    rec.record('o', t, o);
    rec.record('h', t, h);
  }
  return rec.finish();
}

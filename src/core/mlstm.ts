/**
 * mLSTM, the matrix-memory cell of xLSTM (Beck et al. 2024), one head.
 *
 * With k scaled by 1/√dk and a scalar stabiliser m (m_0 = 0):
 *   m_t = max(logσ(f̃) + m_{t−1}, ĩ),  i′ = exp(ĩ − m_t),  f′ = exp(logσ(f̃) + m_{t−1} − m_t)
 *   C_t = f′ C_{t−1} + i′ v kᵀ   (dv × dk),   n_t = f′ n_{t−1} + i′ k
 *   h_t = o ⊙ C_t q / max(|n_tᵀ q|, exp(−m_t)),   o = σ(õ) or 1 without an output gate.
 * C and n carry the factor exp(−m_t) relative to the unstabilised model; so does the
 * floor exp(−m_t), which stands for the unstabilised max(|nᵀq|, 1).
 */
import { logSigmoid, sigmoid } from './activations';
import { mlstmSequenceDims, type MlstmSequence } from './mlstm-parallel';
import { createRng, drawMatrix, drawValue, type InitStyle } from './random';
import { matrix, type Matrix } from './tensor';
import { TraceRecorder, type Trace } from './trace';

export { mlstmParallel, mlstmParallelTrace, mlstmSequenceDims } from './mlstm-parallel';
export type { MlstmSequence, MlstmDims } from './mlstm-parallel';

export interface MlstmState {
  /** Matrix memory (dv × dk). */
  readonly C: Matrix;
  /** Normaliser (dk). */
  readonly n: Float64Array;
  readonly m: number;
}

/** C = 0, n = 0, m = 0: the state before the first step. */
export function mlstmInitialState(dk: number, dv: number): MlstmState {
  return { C: matrix(dv, dk), n: new Float64Array(dk), m: 0 };
}

/** Scalars and small vectors of one step, in reusable buffers (their lengths are dk and dv). */
interface Scratch {
  readonly kScaled: Float64Array;
  readonly Cq: Float64Array;
  readonly o: Float64Array;
  logF: number;
  iStab: number;
  fStab: number;
  nq: number;
  denom: number;
}

function scratch(dk: number, dv: number): Scratch {
  return {
    kScaled: new Float64Array(dk),
    Cq: new Float64Array(dv),
    o: new Float64Array(dv),
    logF: 0,
    iStab: 0,
    fStab: 0,
    nq: 0,
    denom: 0,
  };
}

/** The memory a step updates in place: C (dv × dk, row-major), n (dk) and the stabiliser m. */
interface Memory {
  readonly C: Float64Array;
  readonly n: Float64Array;
  m: number;
}

/**
 * Where a step reads and writes: its vectors at offsets into flat buffers (the same
 * buffers serve one step or a whole sequence), the two scalar gates, and h's slot.
 */
interface StepSlots {
  q: ArrayLike<number>;
  qOff: number;
  k: ArrayLike<number>;
  kOff: number;
  v: ArrayLike<number>;
  vOff: number;
  oPre: ArrayLike<number> | undefined;
  oOff: number;
  iPre: number;
  fPre: number;
  h: Float64Array;
  hOff: number;
}

/** One step: updates `mem` in place, writes h into its slot and the intermediates into `s`. */
function stepInto(io: StepSlots, mem: Memory, s: Scratch): void {
  const { q, qOff, k, kOff, v, vOff, oPre, oOff, iPre, h, hOff } = io;
  const { C, n } = mem;
  const ks = s.kScaled;
  const dk = ks.length;
  const dv = s.Cq.length;
  const scale = 1 / Math.sqrt(dk);
  for (let j = 0; j < dk; j++) ks[j] = k[kOff + j] * scale;
  const logF = logSigmoid(io.fPre);
  const mPrev = mem.m;
  const m = Math.max(logF + mPrev, iPre);
  const iStab = Math.exp(iPre - m);
  const fStab = Math.exp(logF + mPrev - m);
  for (let a = 0; a < dv; a++) {
    const iv = iStab * v[vOff + a];
    const base = a * dk;
    let cq = 0;
    for (let j = 0; j < dk; j++) {
      const c = fStab * C[base + j] + iv * ks[j];
      C[base + j] = c;
      cq += c * q[qOff + j];
    }
    s.Cq[a] = cq;
  }
  let nq = 0;
  for (let j = 0; j < dk; j++) {
    const nj = fStab * n[j] + iStab * ks[j];
    n[j] = nj;
    nq += nj * q[qOff + j];
  }
  const denom = Math.max(Math.abs(nq), Math.exp(-m));
  for (let a = 0; a < dv; a++) {
    const o = oPre ? sigmoid(oPre[oOff + a]) : 1;
    s.o[a] = o;
    h[hOff + a] = (o * s.Cq[a]) / denom;
  }
  mem.m = m;
  s.logF = logF;
  s.iStab = iStab;
  s.fStab = fStab;
  s.nq = nq;
  s.denom = denom;
}

/** What one step reads: q, k (dk), v (dv), the gate pre-activations ĩ, f̃ and õ (dv; none: o = 1). */
export interface MlstmStepInput {
  readonly q: ArrayLike<number>;
  readonly k: ArrayLike<number>;
  readonly v: ArrayLike<number>;
  readonly iPre: number;
  readonly fPre: number;
  readonly oPre?: ArrayLike<number>;
}

/** One step; returns h (dv) and a new state, leaving `state` untouched. */
export function mlstmStep(x: MlstmStepInput, state: MlstmState): { h: Float64Array; state: MlstmState } {
  const { q, k, v, oPre } = x;
  const dk = state.n.length;
  const dv = state.C.rows;
  if (state.C.cols !== dk)
    throw new RangeError(`state.C must be dv×${dk} (dk = length of n); got ${state.C.rows}×${state.C.cols}`);
  if (q.length !== dk) throw new RangeError(`q must have ${dk} values (dk); got ${q.length}`);
  if (k.length !== dk) throw new RangeError(`k must have ${dk} values (dk); got ${k.length}`);
  if (v.length !== dv) throw new RangeError(`v must have ${dv} values (dv); got ${v.length}`);
  if (oPre && oPre.length !== dv)
    throw new RangeError(`oPre must have ${dv} values (dv); got ${oPre.length}`);
  const C = matrix(dv, dk, state.C.data);
  const mem: Memory = { C: C.data, n: Float64Array.from(state.n), m: state.m };
  const h = new Float64Array(dv);
  const io: StepSlots = { ...x, qOff: 0, kOff: 0, vOff: 0, oPre, oOff: 0, h, hOff: 0 };
  stepInto(io, mem, scratch(dk, dv));
  return { h, state: { C, n: mem.n, m: mem.m } };
}

/**
 * One mutable set of slots over the sequence, moved to step t by `atStep`, so the time
 * loop allocates nothing. h goes to row t of `h` (hStride = dv) or always to its start (0).
 */
interface SequenceView {
  readonly io: StepSlots;
  readonly seq: MlstmSequence;
  readonly dk: number;
  readonly dv: number;
  readonly hStride: number;
}

function sequenceView(seq: MlstmSequence, h: Float64Array, hStride: number): SequenceView {
  const { dk, dv } = mlstmSequenceDims(seq);
  const io: StepSlots = {
    q: seq.Q.data,
    qOff: 0,
    k: seq.K.data,
    kOff: 0,
    v: seq.V.data,
    vOff: 0,
    oPre: seq.oPre?.data,
    oOff: 0,
    iPre: 0,
    fPre: 0,
    h,
    hOff: 0,
  };
  return { io, seq, dk, dv, hStride };
}

function atStep(view: SequenceView, t: number): StepSlots {
  const { io, seq, dk, dv } = view;
  io.qOff = io.kOff = t * dk;
  io.vOff = io.oOff = t * dv;
  io.iPre = seq.iPre[t];
  io.fPre = seq.fPre[t];
  io.hOff = t * view.hStride;
  return io;
}

/** The recurrent form over the whole sequence from the zero state. */
export function mlstmRecurrent(seq: MlstmSequence): { H: Matrix; state: MlstmState } {
  const { T, dk, dv } = mlstmSequenceDims(seq);
  const C = matrix(dv, dk);
  const mem: Memory = { C: C.data, n: new Float64Array(dk), m: 0 };
  const s = scratch(dk, dv);
  const H = matrix(T, dv);
  const view = sequenceView(seq, H.data, dv);
  for (let t = 0; t < T; t++) stepInto(atStep(view, t), mem, s);
  return { H, state: { C, n: mem.n, m: mem.m } };
}

/** Every intermediate by step, under the names in docs/CORE-API.md (C flattened dv × dk). */
export function mlstmTrace(seq: MlstmSequence): Trace {
  const { T, dk, dv } = mlstmSequenceDims(seq);
  const mem: Memory = { C: new Float64Array(dv * dk), n: new Float64Array(dk), m: 0 };
  const h = new Float64Array(dv);
  const s = scratch(dk, dv);
  const rec = new TraceRecorder(T);
  const view = sequenceView(seq, h, 0);
  for (let t = 0; t < T; t++) {
    stepInto(atStep(view, t), mem, s);
    rec.record('q', t, seq.Q.data.subarray(t * dk, (t + 1) * dk));
    rec.record('k', t, seq.K.data.subarray(t * dk, (t + 1) * dk));
    rec.record('k_scaled', t, s.kScaled);
    rec.record('v', t, seq.V.data.subarray(t * dv, (t + 1) * dv));
    rec.record('i_pre', t, [seq.iPre[t]]);
    rec.record('f_pre', t, [seq.fPre[t]]);
    rec.record('log_f', t, [s.logF]);
    rec.record('m', t, [mem.m]);
    rec.record('i_stab', t, [s.iStab]);
    rec.record('f_stab', t, [s.fStab]);
    rec.record('C', t, mem.C, [dv, dk]);
    rec.record('n', t, mem.n);
    rec.record('Cq', t, s.Cq);
    rec.record('nq', t, [s.nq]);
    rec.record('denom', t, [s.denom]);
    rec.record('o', t, s.o);
    rec.record('h', t, h);
  }
  return rec.finish();
}

/** One mLSTM head with its input projections (q, k, v and o are d-wide, gates scalar). */
export interface MlstmParams {
  readonly inputSize: number;
  readonly headDim: number;
  /** (d × I) each. */
  readonly W_q: Matrix;
  readonly W_k: Matrix;
  readonly W_v: Matrix;
  readonly W_o: Matrix;
  /** (d). */
  readonly b_o: Float64Array;
  /** (I) each: the scalar gates are dot products with x. */
  readonly w_i: Float64Array;
  readonly w_f: Float64Array;
  readonly b_i: number;
  readonly b_f: number;
}

/** Seeded params drawn in the order listed in MlstmParams; torch bound 1/√I (Linear's fan-in). */
export function initMlstm(inputSize: number, headDim: number, seed: number, style: InitStyle): MlstmParams {
  for (const [name, v] of [
    ['inputSize', inputSize],
    ['headDim', headDim],
  ] as const) {
    if (!Number.isInteger(v) || v < 1) throw new RangeError(`${name} must be a positive integer; got ${v}`);
  }
  const rng = createRng(seed);
  const bound = 1 / Math.sqrt(inputSize);
  const W_q = drawMatrix(rng, headDim, inputSize, style, bound);
  const W_k = drawMatrix(rng, headDim, inputSize, style, bound);
  const W_v = drawMatrix(rng, headDim, inputSize, style, bound);
  const W_o = drawMatrix(rng, headDim, inputSize, style, bound);
  const b_o = drawMatrix(rng, 1, headDim, style, bound).data;
  const w_i = drawMatrix(rng, 1, inputSize, style, bound).data;
  const w_f = drawMatrix(rng, 1, inputSize, style, bound).data;
  const b_i = drawValue(rng, style, bound);
  const b_f = drawValue(rng, style, bound);
  return { inputSize, headDim, W_q, W_k, W_v, W_o, b_o, w_i, w_f, b_i, b_f };
}

/** Row t of X (T × I) → q_t, k_t, v_t = W x_t, õ_t = W_o x_t + b_o, ĩ_t = w_i·x_t + b_i, f̃_t = w_f·x_t + b_f. */
export function mlstmProject(p: MlstmParams, X: Matrix): MlstmSequence {
  const I = p.inputSize;
  const d = p.headDim;
  if (X.cols !== I) throw new RangeError(`X must have ${I} columns (input size); got ${X.cols}`);
  const T = X.rows;
  const Q = matrix(T, d);
  const K = matrix(T, d);
  const V = matrix(T, d);
  const oPre = matrix(T, d);
  const iPre = new Float64Array(T);
  const fPre = new Float64Array(T);
  const x = X.data;
  for (let t = 0; t < T; t++) {
    const xo = t * I;
    for (let r = 0; r < d; r++) {
      let sq = 0;
      let sk = 0;
      let sv = 0;
      let so = 0;
      const wo = r * I;
      for (let c = 0; c < I; c++) {
        const xc = x[xo + c];
        sq += p.W_q.data[wo + c] * xc;
        sk += p.W_k.data[wo + c] * xc;
        sv += p.W_v.data[wo + c] * xc;
        so += p.W_o.data[wo + c] * xc;
      }
      Q.data[t * d + r] = sq;
      K.data[t * d + r] = sk;
      V.data[t * d + r] = sv;
      oPre.data[t * d + r] = so + p.b_o[r];
    }
    let si = 0;
    let sf = 0;
    for (let c = 0; c < I; c++) {
      si += p.w_i[c] * x[xo + c];
      sf += p.w_f[c] * x[xo + c];
    }
    iPre[t] = si + p.b_i;
    fPre[t] = sf + p.b_f;
  }
  return { Q, K, V, iPre, fPre, oPre };
}

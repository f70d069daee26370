/**
 * SLSTM.* and MLSTM.*: the two xLSTM cells (Beck et al. 2024) with exponential gating
 * and the log-space stabiliser m.
 */
import { mlstmParallel, mlstmRecurrent, mlstmStep as coreMlstmStep } from '../src/core/mlstm';
import {
  slstmForward,
  slstmStep as coreSlstmStep,
  type SlstmForget,
  type SlstmParams,
} from '../src/core/slstm';
import type { Matrix } from '../src/core/tensor';
import {
  checkSize,
  expectShape,
  readMatrix,
  readOption,
  readShaped,
  readVector,
  resultColumns,
  resultRows,
} from './args';
import { checkCost, checkInputs } from './cost';
import { invalidValue } from './errors';
import { readSequence, readStepInput, readStepState } from './recurrent-args';

export const FORGET_GATES: readonly SlstmForget[] = ['sigmoid', 'exp'];
export const SLSTM_STEP_OUTPUTS = ['state', 'h', 'c', 'n', 'm'] as const;
export const MLSTM_STEP_OUTPUTS = ['h', 'C', 'n', 'm'] as const;
export const MLSTM_FORMS = ['recurrent', 'parallel'] as const;

/**
 * sLSTM weights. R is taken as a full 4H×H matrix (one head): a block-diagonal R from a
 * multi-head model is the special case with zeros off the blocks, and the core applies R
 * in full, so both give the same numbers.
 */
function slstmParams(I: number, H: number, W: unknown, R: Matrix, b: unknown, forget: unknown): SlstmParams {
  const given = `H = ${H}, I = ${I}`;
  return {
    inputSize: I,
    hiddenSize: H,
    numHeads: 1,
    forget: readOption('forget', forget, FORGET_GATES, 'sigmoid'),
    R: expectShape('R', R, 4 * H, H, '4·H × H', `H = ${H}`),
    W: readShaped('W', W, 4 * H, I, '4·H × I', given),
    b: readVector('b', b, 4 * H, `4·H for H = ${H}`),
  };
}

/**
 * SLSTM.STEP → by default the H×4 block [h c n m] (the next call's h_prev … m_prev), or
 * one of "h", "c", "n", "m" (H×1). Before the first step m is −∞ in the model; a cell
 * cannot hold −∞, but any m_prev ≤ −1E300 acts the same (f′ becomes exactly 0).
 */
export function slstmStep(
  x: unknown,
  h_prev: unknown,
  c_prev: unknown,
  n_prev: unknown,
  m_prev: unknown,
  W: unknown,
  R: unknown,
  b: unknown,
  forget?: unknown,
  output?: unknown,
): number[][] {
  const inputs = checkInputs('SLSTM.STEP', [x, h_prev, c_prev, n_prev, m_prev, W, R, b]);
  const xv = readStepInput(x);
  const h = readStepState('h_prev', h_prev);
  const H = h.length;
  const lengthText = `H = ${H}, the length of h_prev`;
  const c = readVector('c_prev', c_prev, H, lengthText);
  const n = readVector('n_prev', n_prev, H, lengthText);
  const m = readVector('m_prev', m_prev, H, lengthText);
  const p = slstmParams(xv.length, H, W, readMatrix('R', R, '4·H × H'), b, forget);
  const out = readOption('output', output, SLSTM_STEP_OUTPUTS, 'state');
  checkCost('SLSTM.STEP', { I: xv.length, H, outCols: out === 'state' ? 4 : 1 }, inputs);
  const s = coreSlstmStep(p, xv, { h, c, n, m });
  const fn = 'SLSTM.STEP';
  if (out === 'state') return resultColumns(fn, [s.h, s.c, s.n, s.m]);
  return resultColumns(fn, [s[out]]);
}

/** SLSTM.SEQ → T×H, h_t in row t, from the initial state (zeros, m = −∞). */
export function slstmSeq(X: unknown, W: unknown, R: unknown, b: unknown, forget?: unknown): number[][] {
  const inputs = checkInputs('SLSTM.SEQ', [X, W, R, b]);
  const Xm = readSequence('X', X);
  const Rm = readMatrix('R', R, '4·H × H');
  const H = checkSize('H', Rm.cols, 'the columns of R');
  const p = slstmParams(Xm.cols, H, W, Rm, b, forget);
  checkCost('SLSTM.SEQ', { T: Xm.rows, I: Xm.cols, H }, inputs);
  return resultRows('SLSTM.SEQ', slstmForward(p, Xm).output);
}

/** A single number, given as a number or a 1×1 range. */
function readScalar(name: string, value: unknown): number {
  const m = readMatrix(name, value, 'a single number');
  if (m.data.length !== 1) throw invalidValue(`${name} must be a single number; got ${m.rows}×${m.cols}`);
  return m.data[0];
}

/**
 * MLSTM.STEP → h (d_v×1) by default, or the new state: "C" (d_v×d_k), "n" (d_k×1),
 * "m" (1×1). k is scaled by 1/√d_k inside; there is no output gate (o = 1).
 */
export function mlstmStep(
  q: unknown,
  k: unknown,
  v: unknown,
  i_pre: unknown,
  f_pre: unknown,
  C_prev: unknown,
  n_prev: unknown,
  m_prev: unknown,
  output?: unknown,
): number[][] {
  const inputs = checkInputs('MLSTM.STEP', [q, k, v, i_pre, f_pre, C_prev, n_prev, m_prev]);
  const qv = readVector('q', q);
  const dk = checkSize('d_k', qv.length, 'the length of q');
  const kv = readVector('k', k, dk, `d_k = ${dk}, the length of q`);
  const vv = readVector('v', v);
  const dv = checkSize('d_v', vv.length, 'the length of v');
  const iPre = readScalar('i_pre', i_pre);
  const fPre = readScalar('f_pre', f_pre);
  const C = readShaped(
    'C_prev',
    C_prev,
    dv,
    dk,
    'd_v × d_k',
    `d_v = ${dv} (the length of v), d_k = ${dk} (the length of q)`,
  );
  const n = readVector('n_prev', n_prev, dk, `d_k = ${dk}, the length of q`);
  const m = readScalar('m_prev', m_prev);
  const out = readOption('output', output, MLSTM_STEP_OUTPUTS, 'h');
  const [outRows, outCols] = out === 'C' ? [dv, dk] : out === 'n' ? [dk, 1] : out === 'm' ? [1, 1] : [dv, 1];
  checkCost('MLSTM.STEP', { d_k: dk, d_v: dv, outRows, outCols }, inputs);
  const r = coreMlstmStep({ q: qv, k: kv, v: vv, iPre, fPre }, { C, n, m });
  const fn = 'MLSTM.STEP';
  if (out === 'C') return resultRows(fn, r.state.C);
  if (out === 'n') return resultColumns(fn, [r.state.n]);
  if (out === 'm') return resultColumns(fn, [[r.state.m]]);
  return resultColumns(fn, [r.h]);
}

/** MLSTM.SEQ → T×d_v, h_t in row t, by the recurrent (default) or the parallel form. */
export function mlstmSeq(
  Q: unknown,
  K: unknown,
  V: unknown,
  I_pre: unknown,
  F_pre: unknown,
  form?: unknown,
): number[][] {
  const inputs = checkInputs('MLSTM.SEQ', [Q, K, V, I_pre, F_pre]);
  const Qm = readSequence('Q', Q, 'd_k');
  const T = Qm.rows;
  const dk = Qm.cols;
  const Km: Matrix = readShaped('K', K, T, dk, 'T × d_k, like Q', `T = ${T}, d_k = ${dk} (the shape of Q)`);
  const Vm = readMatrix('V', V, 'T × d_v, one time step per row');
  const dv = checkSize('d_v', Vm.cols, 'the columns of V');
  expectShape('V', Vm, T, dv, 'T × d_v', `T = ${T} (the rows of Q)`);
  const iPre = readVector('I_pre', I_pre, T, `one per step, T = ${T}`);
  const fPre = readVector('F_pre', F_pre, T, `one per step, T = ${T}`);
  const f = readOption('form', form, MLSTM_FORMS, 'recurrent');
  const seq = { Q: Qm, K: Km, V: Vm, iPre, fPre };
  const fn = 'MLSTM.SEQ';
  checkCost(fn, { T, d_k: dk, d_v: dv, parallel: f === 'parallel' ? 1 : 0 }, inputs);
  if (f === 'parallel') return resultRows(fn, mlstmParallel(seq));
  return resultRows(fn, mlstmRecurrent(seq).H);
}

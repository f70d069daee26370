/**
 * The recurrent form of the mLSTM sheet, band by band from the kit: the projections q, k,
 * v (k then scaled by 1/√d), the output gate, the scalar gates ĩ and f̃ (then log f), the
 * stabiliser m with i′ and f′, the d × d memory C, the normaliser n, Cq, the denominator
 * and h. Each function writes one band and returns the cells of every step.
 */
import { t } from '../i18n';
import type { MlstmParams } from '../core/mlstm';
import { dotF, logSigmoidF, sigmoidF } from './formulas';
import type { PlainKey } from './i18n';
import type { SheetKit } from './kit/band';
import { openTaughtBand } from './kit/role-column';
import { OP, PRE, VALUE } from './kit/grid';
import { indexed, stepCaptions, stepOperators } from './kit/labels';
import { activation, dotStep, stepBlocks, stepColumn, type PerStep } from './kit/steps';
import { weightBlock, widened } from './kit/weights';
import { Block } from './layout';
import type { Language } from './plan';

/** The sheet's kit, the head size d, the weights and the input columns of each step. */
export interface MlstmSheet extends SheetKit {
  readonly lang: Language;
  readonly p: MlstmParams;
  readonly I: number;
  readonly d: number;
  /** x_t as a column range. */
  x(t: number): string;
  /** [x_t ; 1] as a column range: x_t with the 1 a bias is dotted with. */
  x1(t: number): string;
}

/** "name[1]" … for a vector band, the bare name for a one-row band. */
function named(name: string, rows: number): (r: number) => string {
  return rows === 1 ? () => name : indexed(name);
}

/** The role line of each band, by its equation's key. */
const ROLES: Record<string, PlainKey> = {
  'sheets.mlstm.q': 'sheets.roles.mlstm.q',
  'sheets.mlstm.k': 'sheets.roles.mlstm.k',
  'sheets.mlstm.v': 'sheets.roles.mlstm.v',
  'sheets.mlstm.o': 'sheets.roles.xlstm.o',
  'sheets.mlstm.i': 'sheets.roles.xlstm.i',
  'sheets.mlstm.f': 'sheets.roles.xlstm.f',
  'sheets.mlstm.m': 'sheets.roles.xlstm.m',
  'sheets.mlstm.C': 'sheets.roles.mlstm.C',
  'sheets.mlstm.n': 'sheets.roles.mlstm.n',
  'sheets.mlstm.Cq': 'sheets.roles.mlstm.Cq',
  'sheets.mlstm.denom': 'sheets.roles.mlstm.denom',
  'sheets.mlstm.h': 'sheets.roles.mlstm.h',
};

function band(
  s: MlstmSheet,
  text: PlainKey,
  rows: number,
  name: string,
  captions: [number, string][],
): number {
  const role = t(s.lang, ROLES[text]);
  return openTaughtBand(s, { equation: t(s.lang, text), rows, label: named(name, rows), captions, role });
}

/** q, k or v: a d × I weight block dotted with x_t (no bias). */
function projection(s: MlstmSheet, name: 'q' | 'k' | 'v'): { top: number; values: PerStep } {
  const weights = `W_${name}` as const;
  const top = band(s, `sheets.mlstm.${name}` as const, s.d, name, [[PRE, `${name}_t`]]);
  const W = weightBlock(s.b, {
    top,
    left: s.wCol,
    rows: s.d,
    cols: s.I,
    role: 'weight',
    param: weights,
    caption: weights,
    data: s.p[weights].data,
    name: weights,
  });
  const values = dotStep(s, {
    top,
    rows: s.d,
    weights: W,
    input: s.x,
    trace: name,
    tensor: `${name}_t`,
    equation: `${name}_t = W_${name} x_t`,
  });
  return { top, values };
}

/** q, k scaled by 1/√d, and v. */
export function qkvBands(s: MlstmSheet): { q: PerStep; k: PerStep; kScaled: PerStep; v: PerStep } {
  const q = projection(s, 'q').values;
  const k = projection(s, 'k');
  const kScaled = activation(s, {
    top: k.top,
    rows: s.d,
    from: k.values,
    op: '/√d',
    fn: (ref) => `${ref}/SQRT(${s.d})`,
    role: 'computed',
    trace: 'k_scaled',
    tensor: 'k_t/√d',
    equation: 'k_t / \\sqrt{d}',
  });
  stepCaptions(s.b, s.grid, k.top, [[VALUE, 'k_t/√d']]);
  return { q, k: k.values, kScaled, v: projection(s, 'v').values };
}

/** õ_t = W_o x_t + b_o, then o_t = σ(õ_t). */
export function outputGateBand(s: MlstmSheet): { oPre: PerStep; o: PerStep } {
  const { d, I } = s;
  const top = band(s, 'sheets.mlstm.o', d, 'o', [
    [PRE, 'õ_t'],
    [VALUE, 'o_t'],
  ]);
  const Wo = weightBlock(s.b, {
    top,
    left: s.wCol,
    rows: d,
    cols: I,
    role: 'weight',
    param: 'W_o',
    caption: 'W_o',
    data: s.p.W_o.data,
    name: 'W_o',
  });
  weightBlock(s.b, {
    top,
    left: s.wCol + I,
    rows: d,
    cols: 1,
    role: 'bias',
    param: 'b_o',
    caption: 'b_o',
    data: s.p.b_o,
  });
  const oPre = dotStep(s, {
    top,
    rows: d,
    weights: widened(Wo, I + 1),
    input: s.x1,
    trace: 'o_pre',
    tensor: 'õ_t',
    equation: '\\tilde{o}_t = W_o x_t + b_o',
  });
  const o = activation(s, {
    top,
    rows: d,
    from: oPre,
    op: 'σ',
    fn: sigmoidF,
    role: 'gate',
    trace: 'o',
    tensor: 'o_t',
    equation: 'o_t = \\sigma(\\tilde{o}_t)',
  });
  return { oPre, o };
}

/** A scalar gate's pre-activation w·x_t + b (one row). */
function scalarGate(s: MlstmSheet, gate: 'i' | 'f'): { top: number; values: PerStep } {
  const tilde = gate === 'i' ? 'ĩ' : 'f̃';
  const top = band(s, `sheets.mlstm.${gate}` as const, 1, tilde, [[PRE, `${tilde}_t`]]);
  const w = weightBlock(s.b, {
    top,
    left: s.wCol,
    rows: 1,
    cols: s.I,
    role: 'weight',
    param: `w_${gate}`,
    caption: `w_${gate}`,
    data: s.p[`w_${gate}`],
    index: (_r, c) => [c],
    name: `w_${gate}`,
  });
  weightBlock(s.b, {
    top,
    left: s.wCol + s.I,
    rows: 1,
    cols: 1,
    role: 'bias',
    param: `b_${gate}`,
    caption: `b_${gate}`,
    data: [s.p[`b_${gate}`]],
  });
  const values = dotStep(s, {
    top,
    rows: 1,
    weights: widened(w, s.I + 1),
    input: s.x1,
    trace: `${gate}_pre`,
    tensor: `${tilde}_t`,
    equation: `\\tilde{${gate}}_t = w_${gate} \\cdot x_t + b_${gate}`,
  });
  return { top, values };
}

/** ĩ_t, and f̃_t with log f_t = logσ(f̃_t). */
export function scalarGateBands(s: MlstmSheet): { iPre: PerStep; fPre: PerStep; logF: PerStep } {
  const iPre = scalarGate(s, 'i').values;
  const f = scalarGate(s, 'f');
  stepCaptions(s.b, s.grid, f.top, [[VALUE, 'log f_t']]);
  const logF = activation(s, {
    top: f.top,
    rows: 1,
    from: f.values,
    op: 'logσ',
    fn: logSigmoidF,
    role: 'gate',
    trace: 'log_f',
    tensor: 'log f_t',
    equation: '\\log f_t = \\log\\sigma(\\tilde{f}_t)',
  });
  return { iPre, fPre: f.values, logF };
}

/** m_t, i′_t and f′_t side by side in one row (m_0 = 0). */
export function stabiliserBand(
  s: MlstmSheet,
  iPre: PerStep,
  logF: PerStep,
): { m: PerStep; iStab: PerStep; fStab: PerStep } {
  const top = band(s, 'sheets.mlstm.m', 1, 'm, i′, f′', [
    [PRE, 'm_t'],
    [OP, 'i′_t'],
    [VALUE, 'f′_t'],
  ]);
  // m_0 = 0, so at t = 1 the previous stabiliser simply drops out of both formulas.
  const mPrev = (t: number) => (t === 0 ? '' : `+${new Block(top, s.grid.col(t - 1, PRE), 1, 1).at(0)}`);
  const m = stepColumn(s, {
    top,
    rows: 1,
    role: 'state',
    trace: 'm',
    tensor: 'm_t',
    carries: 'm',
    equation: (t) =>
      t === 0
        ? 'm_1 = \\max(\\log f_1 + m_0,\\ \\tilde{i}_1),\\ m_0 = 0'
        : 'm_t = \\max(\\log f_t + m_{t-1},\\ \\tilde{i}_t)',
    formula: (t) => `MAX(${logF(t).at(0)}${mPrev(t)},${iPre(t).at(0)})`,
  });
  const iStab = stepColumn(s, {
    top,
    rows: 1,
    col: OP,
    role: 'gate',
    trace: 'i_stab',
    tensor: 'i′_t',
    equation: "i'_t = \\exp(\\tilde{i}_t - m_t)",
    formula: (t) => `EXP(${iPre(t).at(0)}-${m(t).at(0)})`,
  });
  const fStab = stepColumn(s, {
    top,
    rows: 1,
    col: VALUE,
    role: 'gate',
    trace: 'f_stab',
    tensor: 'f′_t',
    equation: "f'_t = \\exp(\\log f_t + m_{t-1} - m_t)",
    formula: (t) => `EXP(${logF(t).at(0)}${mPrev(t)}-${m(t).at(0)})`,
  });
  return { m, iStab, fStab };
}

/** What the memory bands read: the gates and the scaled key and value of each step. */
export interface MemoryInputs {
  readonly iStab: PerStep;
  readonly fStab: PerStep;
  readonly kScaled: PerStep;
  readonly v: PerStep;
}

/**
 * A memory band of `rows` × d: f′_t times its own previous value plus i′_t times `fresh`,
 * the step's new content (at t = 1 only the new content: the memory starts at zero).
 */
function decayedMemory(
  s: MlstmSheet,
  g: MemoryInputs,
  top: number,
  rows: number,
  name: 'C' | 'n',
  equation: (t: number) => string,
  fresh: (t: number, a: number, j: number) => string,
): PerStep {
  const X = stepBlocks(s.grid, top, rows, PRE, s.d);
  stepColumn(s, {
    top,
    rows,
    cols: s.d,
    role: 'state',
    trace: name,
    tensor: `${name}_t`,
    carries: name,
    equation,
    formula: (t, a, j) =>
      (t === 0 ? '' : `${g.fStab(t).at(0)}*${X(t - 1).at(a, j)}+`) + `${g.iStab(t).at(0)}*${fresh(t, a, j)}`,
  });
  return X;
}

/** The d × d memory C_t and the normaliser row n_tᵀ. */
export function memoryBands(s: MlstmSheet, g: MemoryInputs): { C: PerStep; n: PerStep } {
  const d = s.d;
  const cTop = band(s, 'sheets.mlstm.C', d, 'C', [[PRE, 'C_t']]);
  const C = decayedMemory(
    s,
    g,
    cTop,
    d,
    'C',
    (t) => (t === 0 ? "C_1 = i'_1 v_1 k_1^\\top" : "C_t = f'_t C_{t-1} + i'_t v_t k_t^\\top"),
    (t, a, j) => `${g.v(t).at(a)}*${g.kScaled(t).at(j)}`,
  );
  const nTop = band(s, 'sheets.mlstm.n', 1, 'nᵀ', [[PRE, 'n_tᵀ']]);
  const n = decayedMemory(
    s,
    g,
    nTop,
    1,
    'n',
    (t) => (t === 0 ? "n_1 = i'_1 k_1" : "n_t = f'_t n_{t-1} + i'_t k_t"),
    (t, _a, j) => g.kScaled(t).at(j),
  );
  return { C, n };
}

/** C_t q_t, nᵀq, the denominator max(|nᵀq|, exp(−m)) and h_t = o_t ⊙ Cq / denominator. */
export function readoutBands(
  s: MlstmSheet,
  r: { C: PerStep; n: PerStep; q: PerStep; m: PerStep; o: PerStep },
): PerStep {
  const d = s.d;
  const readTop = band(s, 'sheets.mlstm.Cq', d, 'Cq', [[PRE, 'C_t q_t']]);
  const Cq = stepColumn(s, {
    top: readTop,
    rows: d,
    role: 'computed',
    trace: 'Cq',
    tensor: 'C_t q_t',
    equation: 'C_t q_t',
    formula: (t, a) => dotF(r.C(t).rowRef(a), r.q(t).colRef()),
  });
  const denTop = band(s, 'sheets.mlstm.denom', 1, t(s.lang, 'sheets.mlstm.denomLabel'), [
    [PRE, 'n_tᵀq_t'],
    [VALUE, t(s.lang, 'sheets.mlstm.denomCaption')],
  ]);
  const nq = stepColumn(s, {
    top: denTop,
    rows: 1,
    role: 'computed',
    trace: 'nq',
    tensor: 'n_tᵀ q_t',
    equation: 'n_t^\\top q_t',
    formula: (t) => dotF(r.n(t).ref(), r.q(t).colRef()),
  });
  stepOperators(s.b, s.grid, denTop, 1, '→');
  const denom = stepColumn(s, {
    top: denTop,
    rows: 1,
    col: VALUE,
    role: 'computed',
    trace: 'denom',
    tensor: 'max(|nᵀq|, exp(−m))',
    equation: '\\max(|n_t^\\top q_t|,\\ e^{-m_t})',
    formula: (t) => `MAX(ABS(${nq(t).at(0)}),EXP(-${r.m(t).at(0)}))`,
  });
  const hTop = band(s, 'sheets.mlstm.h', d, 'h', [[PRE, 'h_t']]);
  return stepColumn(s, {
    top: hTop,
    rows: d,
    role: 'output',
    trace: 'h',
    tensor: 'h_t',
    equation: 'h_t = o_t \\odot \\frac{C_t q_t}{\\max(|n_t^\\top q_t|, e^{-m_t})}',
    formula: (t, a) => `${r.o(t).at(a)}*${Cq(t).at(a)}/${denom(t).at(0, 0, true)}`,
  });
}

/**
 * The parallel form of the mLSTM sheet, below the recurrent one: the same h from T × T
 * matrices at once, as mlstmParallelTrace computes it. Rows are time steps t, columns the
 * steps s they remember; above the diagonal nothing is remembered yet (log D = −∞,
 * D̃ = S = 0), written as text so no formula divides by or exponentiates an infinity.
 * Every matrix is one kit `stepRows` part; trace names carry the prefix 'par.'.
 */
import { t } from '../i18n';
import { dotF, logSigmoidF } from './formulas';
import type { PlainKey } from './i18n';
import type { SheetKit } from './kit/band';
import type { BandCursor } from './kit/grid';
import { rowLabels } from './kit/labels';
import { narrativeLines, roleColumn } from './kit/role-column';
import { roleLine } from './kit/role-line';
import { stepRows, type PerStep, type StepRows } from './kit/steps';
import type { Block, PlanBuilder } from './layout';
import { rangeA1, type Language } from './plan';

/** Trace names of the parallel section start with this. */
export const PARALLEL_PREFIX = 'par.';

/** The recurrent form's cells the parallel form starts from. */
export interface RecurrentCells {
  readonly T: number;
  readonly d: number;
  readonly lang: Language;
  readonly q: PerStep;
  readonly k: PerStep;
  readonly v: PerStep;
  readonly iPre: PerStep;
  readonly fPre: PerStep;
  readonly o: PerStep;
}

/** A parallel-form context: where bands go and the step count every matrix has. */
interface Parallel {
  readonly b: PlanBuilder;
  readonly cursor: BandCursor;
  readonly kit: SheetKit;
  readonly r: RecurrentCells;
}

/** The role line of each band, by its equation's key. */
const ROLES: Record<string, PlainKey> = {
  'sheets.mlstmParallel.qkv': 'sheets.roles.mlstmParallel.qkv',
  'sheets.mlstmParallel.logD': 'sheets.roles.mlstmParallel.logD',
  'sheets.mlstmParallel.S': 'sheets.roles.mlstmParallel.S',
  'sheets.mlstmParallel.H': 'sheets.roles.mlstmParallel.H',
};

const COL0 = 1;

function band(pl: Parallel, text: PlainKey): number {
  const equation = t(pl.r.lang, text);
  const equationRow = pl.cursor.row;
  const top = pl.cursor.band(equation, pl.r.T, false);
  roleLine(pl.b, { row: equationRow, col: roleColumn(pl.kit, equation) }, t(pl.r.lang, ROLES[text]));
  rowLabels(pl.b, top, pl.r.T, (t) => `t = ${t + 1}`);
  return top;
}

/** A matrix of the parallel form: its trace name gets the section's prefix. */
function matrix(pl: Parallel, m: StepRows): Block {
  return stepRows(pl.b, pl.r.T, { ...m, trace: PARALLEL_PREFIX + m.trace });
}

/** Row t of `m` from column 0 to column `to` (inclusive). */
function rowUpTo(m: Block, t: number, to = t): string {
  return rangeA1({ top: m.top + t, bottom: m.top + t, left: m.left, right: m.left + to });
}

/** Q, K, V: copies of the recurrent q_t, k_t, v_t, one row per step. */
function qkvBand(pl: Parallel): { Q: Block; K: Block; V: Block } {
  const { d, q, k, v } = pl.r;
  const top = band(pl, 'sheets.mlstmParallel.qkv');
  // Copies of the recurrent form's cells: their trace names are the recurrent ones.
  const copy = (name: 'q' | 'k' | 'v', from: PerStep, slot: number) =>
    stepRows(pl.b, pl.r.T, {
      top,
      left: COL0 + slot * (d + 1),
      cols: d,
      caption: name.toUpperCase(),
      role: 'copy',
      trace: name,
      tensor: `${name}_t`,
      equation: `${name.toUpperCase()}_{t,\\cdot} = ${name}_t`,
      formula: (t, c) => from(t).at(c),
    });
  return { Q: copy('q', q, 0), K: copy('k', k, 1), V: copy('v', v, 2) };
}

/** log f, its cumulative sum F, the log-gate matrix log D and the row stabiliser m. */
function logGateBand(pl: Parallel): { logD: Block; m: Block } {
  const { T, fPre, iPre } = pl.r;
  const top = band(pl, 'sheets.mlstmParallel.logD');
  const logF = matrix(pl, {
    top,
    left: COL0,
    cols: 1,
    caption: 'log f_t',
    role: 'gate',
    trace: 'log_f',
    tensor: 'log f_t',
    equation: '\\log f_t = \\log\\sigma(\\tilde{f}_t)',
    formula: (t) => logSigmoidF(fPre(t).at(0)),
  });
  const F = matrix(pl, {
    top,
    left: COL0 + 1,
    cols: 1,
    caption: 'F_t',
    role: 'computed',
    trace: 'log_f_cum',
    tensor: 'F_t',
    equation: 'F_t = \\sum_{j \\le t} \\log f_j',
    formula: (t) =>
      `SUM(${rangeA1({ top: logF.top, left: logF.left, bottom: logF.top + t, right: logF.left })})`,
  });
  const logD = matrix(pl, {
    top,
    left: COL0 + 3,
    cols: T,
    caption: 'log D',
    role: 'computed',
    trace: 'log_D',
    tensor: 'log D[t,s]',
    equation: '\\log D_{ts} = F_t - F_s + \\tilde{i}_s',
    formula: (t, s) => (s > t ? undefined : `${F.at(t)}-${F.at(s)}+${iPre(s).at(0)}`),
    blank: '−∞',
  });
  const m = matrix(pl, {
    top,
    left: COL0 + 4 + T,
    cols: 1,
    caption: 'm_t',
    role: 'state',
    trace: 'm',
    tensor: 'm_t',
    equation: 'm_t = \\max(\\max_s \\log D_{ts},\\ F_t)',
    formula: (t) => `MAX(${rowUpTo(logD, t)},${F.at(t)})`,
  });
  return { logD, m };
}

/** D̃, QKᵀ/√d, S = their product, its row sums and the normaliser. */
function scoreBand(
  pl: Parallel,
  Q: Block,
  K: Block,
  logD: Block,
  m: Block,
): { S: Block; denom: Block; dTilde: Block } {
  const { T, d, lang } = pl.r;
  const top = band(pl, 'sheets.mlstmParallel.S');
  const dTilde = matrix(pl, {
    top,
    left: COL0,
    cols: T,
    caption: 'D̃',
    role: 'gate',
    trace: 'D_tilde',
    tensor: 'D̃[t,s]',
    equation: '\\tilde{D}_{ts} = \\exp(\\log D_{ts} - m_t)',
    formula: (t, s) => (s > t ? undefined : `EXP(${logD.at(t, s)}-${m.at(t)})`),
    blank: '0',
  });
  const qk = matrix(pl, {
    top,
    left: COL0 + T + 1,
    cols: T,
    caption: 'Q Kᵀ/√d',
    role: 'computed',
    trace: 'qk',
    tensor: 'q_tᵀk_s/√d',
    equation: '(QK^\\top)_{ts} / \\sqrt{d}',
    formula: (t, s) => `SUMPRODUCT(${Q.rowRef(t)},${K.rowRef(s)})/SQRT(${d})`,
  });
  const S = matrix(pl, {
    top,
    left: COL0 + 2 * (T + 1),
    cols: T,
    caption: 'S',
    role: 'computed',
    trace: 'S',
    tensor: 'S[t,s]',
    equation: 'S_{ts} = (QK^\\top)_{ts} \\tilde{D}_{ts} / \\sqrt{d}',
    formula: (t, s) => (s > t ? undefined : `${qk.at(t, s)}*${dTilde.at(t, s)}`),
    blank: '0',
  });
  const sSum = matrix(pl, {
    top,
    left: COL0 + 3 * (T + 1),
    cols: 1,
    caption: 'Σ_s S',
    role: 'computed',
    trace: 's_sum',
    tensor: 'Σ_s S[t,s]',
    equation: '\\sum_s S_{ts}',
    formula: (t) => `SUM(${rowUpTo(S, t)})`,
  });
  const denom = matrix(pl, {
    top,
    left: COL0 + 3 * (T + 1) + 1,
    cols: 1,
    caption: t(lang, 'sheets.mlstmParallel.denom'),
    role: 'computed',
    trace: 'denom',
    tensor: 'max(|ΣS|, exp(−m))',
    equation: '\\max(|\\sum_s S_{ts}|,\\ e^{-m_t})',
    formula: (t) => `MAX(ABS(${sSum.at(t)}),EXP(-${m.at(t)}))`,
  });
  return { S, denom, dTilde };
}

/** Writes the parallel section below the cursor. */
export function writeParallel(kit: SheetKit, r: RecurrentCells): { dTilde: Block } {
  const { b, cursor } = kit;
  const pl: Parallel = { b, cursor, kit, r };
  cursor.row += 1;
  cursor.heading(t(r.lang, 'sheets.mlstmParallel.heading'));
  const { Q, K, V } = qkvBand(pl);
  const { logD, m } = logGateBand(pl);
  narrativeLines(kit, [t(r.lang, 'sheets.mlstmParallel.whyF')]);
  const { S, denom, dTilde } = scoreBand(pl, Q, K, logD, m);
  narrativeLines(kit, [t(r.lang, 'sheets.mlstmParallel.attention')]);
  const top = band(pl, 'sheets.mlstmParallel.H');
  matrix(pl, {
    top,
    left: COL0,
    cols: r.d,
    caption: 'H',
    role: 'output',
    trace: 'h',
    tensor: 'H[t,·]',
    equation: 'H_t = o_t \\odot (SV)_t / \\max(|\\sum_s S_{ts}|, e^{-m_t})',
    formula: (t, a) => {
      const vCol = rangeA1({ top: V.top, bottom: V.top + t, left: V.left + a, right: V.left + a });
      return `${r.o(t).at(a)}*${dotF(rowUpTo(S, t), vCol)}/${denom.at(t)}`;
    },
  });
  return { dTilde };
}

/**
 * The mLSTM sheet's narrative rows: the memory without the stabiliser. exp(ĩ) itself,
 * C̄ = f C̄ + exp(ĩ) v (k/√d)ᵀ, n̄ = f n̄ + exp(ĩ) k/√d (f = exp(log f) = σ(f̃)), n̄ᵀq, and
 * h̄ = o ⊙ C̄q / max(|n̄ᵀq|, 1), which equals h above: C and n are C̄ and n̄ times
 * exp(−m_t) (m starts at 0), so the ratio and the floor exp(−m_t) ↔ 1 agree.
 * Trace names come from core/xlstm-unstabilised.ts.
 */
import { t } from '../i18n';
import { dotF } from './formulas';
import { openTaughtBand } from './kit/role-column';
import { PRE } from './kit/grid';
import { stepBlocks, stepColumn, type PerStep } from './kit/steps';
import type { MlstmSheet } from './mlstm-bands';

/** The recurrent cells the raw rows are computed from. */
export interface RawSources {
  readonly iPre: PerStep;
  readonly logF: PerStep;
  readonly q: PerStep;
  readonly kScaled: PerStep;
  readonly v: PerStep;
  readonly o: PerStep;
}

/** exp(ĩ), C̄, n̄ᵀ with n̄ᵀq, and h̄ below the cursor, after a heading. */
export function rawMemoryBands(s: MlstmSheet, r: RawSources): void {
  const d = s.d;
  s.cursor.row += 1;
  s.cursor.heading(t(s.lang, 'sheets.xlstm.rawHeading'));
  const iTop = openTaughtBand(s, {
    equation: t(s.lang, 'sheets.xlstm.rawI'),
    rows: 1,
    label: () => 'exp(ĩ)',
    captions: [[PRE, 'exp(ĩ_t)']],
    role: t(s.lang, 'sheets.roles.xlstm.rawI'),
  });
  const rawI = stepColumn(s, {
    top: iTop,
    rows: 1,
    role: 'computed',
    formula: (t) => `EXP(${r.iPre(t).at(0)})`,
    trace: 'raw_i',
    tensor: 'exp(ĩ_t)',
    equation: '\\exp(\\tilde{i}_t)',
  });
  // f_t = exp(log f_t); at t = 1 there is no earlier memory (C̄_0 = 0, n̄_0 = 0).
  const kept = (prev: PerStep, t: number, a: number, j: number) =>
    t === 0 ? '' : `EXP(${r.logF(t).at(0)})*${prev(t - 1).at(a, j)}+`;
  const cTop = openTaughtBand(s, {
    equation: t(s.lang, 'sheets.mlstm.rawC'),
    rows: d,
    label: (a) => `C̄[${a + 1}]`,
    captions: [[PRE, 'C̄_t']],
    role: t(s.lang, 'sheets.roles.mlstm.rawC'),
  });
  const C = stepBlocks(s.grid, cTop, d, PRE, d);
  stepColumn(s, {
    top: cTop,
    rows: d,
    cols: d,
    role: 'computed',
    formula: (t, a, j) => `${kept(C, t, a, j)}${rawI(t).at(0)}*${r.v(t).at(a)}*${r.kScaled(t).at(j)}`,
    trace: 'raw_C',
    tensor: 'C̄_t',
    equation: '\\bar{C}_t = f_t \\bar{C}_{t-1} + e^{\\tilde{i}_t} v_t k_t^\\top',
  });
  const nTop = openTaughtBand(s, {
    equation: t(s.lang, 'sheets.mlstm.rawN'),
    rows: 2,
    label: (row) => (row === 0 ? 'n̄ᵀ' : 'n̄ᵀq'),
    captions: [[PRE, 'n̄_tᵀ']],
    role: t(s.lang, 'sheets.roles.mlstm.rawN'),
  });
  const n = stepBlocks(s.grid, nTop, 1, PRE, d);
  stepColumn(s, {
    top: nTop,
    rows: 1,
    cols: d,
    role: 'computed',
    formula: (t, _row, j) => `${kept(n, t, 0, j)}${rawI(t).at(0)}*${r.kScaled(t).at(j)}`,
    trace: 'raw_n',
    tensor: 'n̄_t',
    equation: '\\bar{n}_t = f_t \\bar{n}_{t-1} + e^{\\tilde{i}_t} k_t',
  });
  const nq = stepColumn(s, {
    top: nTop + 1,
    rows: 1,
    role: 'computed',
    formula: (t) => dotF(n(t).ref(), r.q(t).colRef()),
    trace: 'raw_nq',
    tensor: 'n̄_tᵀ q_t',
    equation: '\\bar{n}_t^\\top q_t',
  });
  const hTop = openTaughtBand(s, {
    equation: t(s.lang, 'sheets.mlstm.rawH'),
    rows: d,
    label: (a) => `h̄[${a + 1}]`,
    captions: [[PRE, 'h̄_t']],
    role: t(s.lang, 'sheets.roles.xlstm.rawH'),
  });
  stepColumn(s, {
    top: hTop,
    rows: d,
    role: 'computed',
    formula: (t, a) => `${r.o(t).at(a)}*${dotF(C(t).rowRef(a), r.q(t).colRef())}/MAX(ABS(${nq(t).at(0)}),1)`,
    trace: 'raw_h',
    tensor: 'h̄_t',
    equation: '\\bar{h}_t = o_t \\odot \\bar{C}_t q_t / \\max(|\\bar{n}_t^\\top q_t|, 1)',
  });
}

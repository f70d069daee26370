/**
 * The sLSTM sheet's narrative rows: the cell without the stabiliser. exp(ĩ) itself, the
 * raw cell and normaliser states c̄ = f c̄ + exp(ĩ) z and n̄ = f n̄ + exp(ĩ) (f = exp(log f)),
 * and h̄ = o c̄ / n̄, which equals h above: c and n are c̄ and n̄ times exp(−m), and the
 * factor cancels in the ratio. Trace names come from core/xlstm-unstabilised.ts.
 */
import { t } from '../i18n';
import { openTaughtBand } from './kit/role-column';
import { PRE, VALUE } from './kit/grid';
import { stepBlocks, stepColumn, type PerStep } from './kit/steps';
import type { SlstmSheet } from './slstm-bands';

function band(s: SlstmSheet, name: string): PerStep {
  const cells = s.bands.get(name);
  if (!cells) throw new Error(`no ${name} band yet`);
  return cells;
}

function unit(s: SlstmSheet): (r: number) => string {
  const hs = s.H / s.heads;
  return (r) => t(s.lang, 'sheets.slstm.unit', { r: r + 1, k: Math.floor(r / hs) + 1 });
}

/** A band of one value column per step, its equation and role line under `key`. */
function valueBand(s: SlstmSheet, key: 'rawI' | 'rawH', caption: string): number {
  return openTaughtBand(s, {
    equation: t(s.lang, `sheets.xlstm.${key}`),
    rows: s.H,
    label: unit(s),
    captions: [[VALUE, caption]],
    role: t(s.lang, `sheets.roles.xlstm.${key}`),
  });
}

/** exp(ĩ), c̄ and n̄, h̄ below the cursor, after a heading. */
export function rawStateBands(s: SlstmSheet): void {
  const preI = band(s, 'pre_i');
  const logF = band(s, 'log_f');
  const z = band(s, 'z');
  const o = band(s, 'o');
  s.cursor.row += 1;
  s.cursor.heading(t(s.lang, 'sheets.xlstm.rawHeading'));
  const H = s.H;
  const iTop = valueBand(s, 'rawI', 'exp(ĩ_t)');
  const rawI = stepColumn(s, {
    top: iTop,
    rows: H,
    col: VALUE,
    role: 'computed',
    formula: (t, r) => `EXP(${preI(t).at(r)})`,
    trace: 'raw_i',
    tensor: 'exp(ĩ_t)',
    equation: '\\exp(\\tilde{i}_t)',
  });
  const cnTop = openTaughtBand(s, {
    equation: `${t(s.lang, 'sheets.slstm.rawC')};  ${t(s.lang, 'sheets.slstm.rawN')}`,
    rows: H,
    label: unit(s),
    captions: [
      [PRE, 'c̄_t'],
      [VALUE, 'n̄_t'],
    ],
    role: t(s.lang, 'sheets.roles.xlstm.rawStates'),
  });
  const c = stepBlocks(s.grid, cnTop, H, PRE);
  const n = stepBlocks(s.grid, cnTop, H, VALUE);
  // f_t = exp(log f_t); at t = 1 there is no earlier state (c̄_0 = n̄_0 = 0).
  const kept = (prev: PerStep, t: number, r: number) =>
    t === 0 ? '' : `EXP(${logF(t).at(r)})*${prev(t - 1).at(r)}+`;
  stepColumn(s, {
    top: cnTop,
    rows: H,
    role: 'computed',
    formula: (t, r) => `${kept(c, t, r)}${rawI(t).at(r)}*${z(t).at(r)}`,
    trace: 'raw_c',
    tensor: 'c̄_t',
    equation: '\\bar{c}_t = f_t \\bar{c}_{t-1} + e^{\\tilde{i}_t} z_t',
  });
  stepColumn(s, {
    top: cnTop,
    rows: H,
    col: VALUE,
    role: 'computed',
    formula: (t, r) => `${kept(n, t, r)}${rawI(t).at(r)}`,
    trace: 'raw_n',
    tensor: 'n̄_t',
    equation: '\\bar{n}_t = f_t \\bar{n}_{t-1} + e^{\\tilde{i}_t}',
  });
  const hTop = valueBand(s, 'rawH', 'h̄_t');
  stepColumn(s, {
    top: hTop,
    rows: H,
    col: VALUE,
    role: 'computed',
    formula: (t, r) => `${o(t).at(r)}*${c(t).at(r)}/${n(t).at(r)}`,
    trace: 'raw_h',
    tensor: 'h̄_t',
    equation: '\\bar{h}_t = o_t \\bar{c}_t / \\bar{n}_t',
  });
}

/**
 * The selective scan as sheet bands, shared by the Mamba scan sheet and the Mamba block
 * sheet: A_log and A = −exp(A_log) written once at the left, then per step the
 * channel × state matrices Ā, B̄ and h, and the read-out y. Each row is one channel d and
 * only ever refers to channel d's own Δ, u, A and h (the seed exercise crosses channels
 * here; the model does not). B_t and C_t are shared by all channels.
 */
import { t } from '../i18n';
import type { Discretization } from '../core/mamba-scan';
import { dotF } from './formulas';
import type { SheetKit } from './kit/band';
import { openTaughtBand } from './kit/role-column';
import { bilingual } from './i18n';
import { stepBlocks, stepColumn, type PerStep } from './kit/steps';
import type { Block, LegendEntry, ParamBlock } from './layout';
import type { Language } from './plan';
import { DECIMAL_FORMAT } from './style';

export interface ScanSources {
  readonly channels: number;
  readonly N: number;
  readonly method: Discretization;
  /** A1 address of u_{t,d}, the scan input of channel d. */
  u(t: number, d: number): string;
  /** A1 address of Δ_{t,d} (already positive). */
  delta(t: number, d: number): string;
  /** A1 address of B_t[n]. */
  B(t: number, n: number): string;
  /** C_t as an N × 1 column range. */
  Ccol(t: number): string;
  /** Initial values of the A_log and D cells. */
  aLog(d: number, n: number): number;
  skip(d: number): number;
}

export interface ScanBlocks {
  /** Ā_t and B̄_t, channels × N. */
  aBar(t: number): Block;
  bBar(t: number): Block;
  /** h_t, channels × N. */
  h(t: number): Block;
  /** y_t after the D skip, channels × 1. */
  y(t: number): Block;
}

/** The legend lines of the scan's own parameter and state, the same on both Mamba sheets. */
export const SCAN_LEGEND = {
  aLog: ['recurrentWeight', bilingual('sheets.mamba.legend.aLog')],
  state: ['state', bilingual('sheets.mamba.legend.state')],
} as const satisfies Record<string, LegendEntry>;

/** The discretization's name for notes ("zero-order hold (exact)"). */
export function discretizationLabel(lang: Language, method: Discretization): string {
  return t(lang, `sheets.mambaScan.method.${method}`);
}

/** "channel d = 1" … down the left edge. */
export function channelLabel(lang: Language): (d: number) => string {
  return (d) => t(lang, 'sheets.mambaScan.channel', { d: d + 1 });
}

/** A band of one row per channel, `caption` above every step, its role line beside; returns its first row. */
function channelBand(
  k: SheetKit,
  src: ScanSources,
  lang: Language,
  head: { equation: string; caption: string; role: 'aBar' | 'bBar' | 'h' | 'y' },
): number {
  return openTaughtBand(k, {
    equation: head.equation,
    rows: src.channels,
    label: channelLabel(lang),
    captions: [[0, head.caption]],
    role: t(lang, `sheets.roles.mamba.${head.role}`),
  });
}

/** A parameter with a row per channel at the band's left, captioned with its name. */
function channelParam(
  k: SheetKit,
  top: number,
  src: ScanSources,
  p: Omit<ParamBlock, 'top' | 'left' | 'rows' | 'caption'>,
): Block {
  return k.b.param({ top, left: k.wCol, rows: src.channels, caption: p.param, ...p });
}

/** A channels × N matrix in every step, from the band's top row. */
function channelMatrix(
  k: SheetKit,
  src: ScanSources,
  top: number,
  cells: Omit<Parameters<typeof stepColumn>[1], 'top' | 'rows' | 'cols'>,
): PerStep {
  return stepColumn(k, { top, rows: src.channels, cols: src.N, ...cells });
}

/** A_log at the left, A = −exp(A_log) beside it, and Ā_t = exp(Δ_t A) in every step. */
function decayBand(k: SheetKit, src: ScanSources, lang: Language): { A: Block; aBar: PerStep } {
  const { channels: Dc, N } = src;
  const top = channelBand(k, src, lang, {
    equation: t(lang, 'sheets.mambaScan.aBar'),
    caption: 'Ā_t',
    role: 'aBar',
  });
  const aLog = channelParam(k, top, src, {
    cols: N,
    role: 'recurrentWeight',
    param: 'A_log',
    value: src.aLog,
    name: 'A_log',
    numberFormat: DECIMAL_FORMAT,
  });
  const A = k.b.computed({
    top,
    left: k.wCol + N + 1,
    rows: Dc,
    cols: N,
    // A formula of A_log, not a second parameter: it gets the computed look.
    role: 'computed',
    caption: 'A = −exp(A_log)',
    formula: (d, n) => `-EXP(${aLog.at(d, n)})`,
    trace: 'A',
    step: 0,
    tensor: 'A',
    equation: 'A = -\\exp(A_{\\log})',
    numberFormat: DECIMAL_FORMAT,
  });
  const aBar = channelMatrix(k, src, top, {
    role: 'gate',
    formula: (t, d, n) => `EXP(${src.delta(t, d)}*${A.at(d, n, true)})`,
    trace: 'Abar',
    tensor: 'Ā_t',
    equation: '\\bar{A}_t = \\exp(\\Delta_t A)',
  });
  return { A, aBar };
}

/** B̄_t by the chosen discretization, per channel and state. */
function inputMatrixBand(k: SheetKit, src: ScanSources, A: Block, lang: Language): PerStep {
  const zoh = src.method === 'zoh';
  const caption = zoh ? 'B̄_t (ZOH)' : 'B̄_t (Euler)';
  const top = channelBand(k, src, lang, {
    equation: t(lang, `sheets.mambaScan.bBar.${src.method}`),
    caption,
    role: 'bBar',
  });
  return channelMatrix(k, src, top, {
    role: 'computed',
    formula: (t, d, n) =>
      zoh
        ? `(EXP(${src.delta(t, d)}*${A.at(d, n, true)})-1)/${A.at(d, n, true)}*${src.B(t, n)}`
        : `${src.delta(t, d)}*${src.B(t, n)}`,
    trace: 'Bbar',
    tensor: 'B̄_t',
    equation: zoh ? '\\bar{B}_t = \\frac{\\exp(\\Delta_t A) - 1}{A} B_t' : '\\bar{B}_t = \\Delta_t B_t',
  });
}

/** h_t = Ā_t ⊙ h_{t−1} + B̄_t u_t, from h_0 = 0. */
function stateBand(k: SheetKit, src: ScanSources, aBar: PerStep, bBar: PerStep, lang: Language): PerStep {
  const top = channelBand(k, src, lang, {
    equation: t(lang, 'sheets.mambaScan.h'),
    caption: 'h_t',
    role: 'h',
  });
  const h = stepBlocks(k.grid, top, src.channels, 0, src.N);
  return channelMatrix(k, src, top, {
    role: 'state',
    // At t = 1 the previous state is the zero vector, so only the input term remains.
    formula: (t, d, n) =>
      (t === 0 ? '' : `${aBar(t).at(d, n)}*${h(t - 1).at(d, n)}+`) + `${bBar(t).at(d, n)}*${src.u(t, d)}`,
    trace: 'h',
    tensor: 'h_t',
    carries: 'h',
    equation: (t) =>
      t === 0 ? 'h_1 = \\bar{B}_1 u_1 \\quad (h_0 = 0)' : 'h_t = \\bar{A}_t \\odot h_{t-1} + \\bar{B}_t u_t',
  });
}

/** y_t = C_t · h_t + D ⊙ u_t, with the skip D written once at the left. */
function readoutBand(k: SheetKit, src: ScanSources, h: PerStep, lang: Language): PerStep {
  const Dc = src.channels;
  const top = channelBand(k, src, lang, {
    equation: t(lang, 'sheets.mambaScan.y'),
    caption: 'y_t',
    role: 'y',
  });
  const skip = channelParam(k, top, src, {
    cols: 1,
    role: 'weight',
    param: 'D',
    value: (d) => src.skip(d),
    name: 'D_skip',
  });
  return stepColumn(k, {
    top,
    rows: Dc,
    role: 'output',
    formula: (t, d) => `${dotF(h(t).rowRef(d), src.Ccol(t))}+${skip.at(d, 0, true)}*${src.u(t, d)}`,
    trace: 'y',
    tensor: 'y_t',
    equation: 'y_t = C_t \\cdot h_t + D \\odot u_t',
  });
}

/** The four scan bands (Ā, B̄, h, y) below the cursor; returns h and y of every step. */
export function writeScanBands(k: SheetKit, src: ScanSources, lang: Language): ScanBlocks {
  const { A, aBar } = decayBand(k, src, lang);
  const bBar = inputMatrixBand(k, src, A, lang);
  const h = stateBand(k, src, aBar, bBar, lang);
  return { aBar, bBar, h, y: readoutBand(k, src, h, lang) };
}

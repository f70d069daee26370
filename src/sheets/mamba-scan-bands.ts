/**
 * The selective scan as sheet bands, shared by the Mamba scan sheet and the Mamba block
 * sheet: A_log and A = −exp(A_log) written once at the left, then per step the
 * channel × state matrices Ā, B̄ and h, and the read-out y. Each row is one channel d and
 * only ever refers to channel d's own Δ, u, A and h (the seed exercise crosses channels
 * here; the model does not). B_t and C_t are shared by all channels.
 */
import type { Discretization } from '../core/mamba-scan';
import { dotF } from './formulas';
import type { Bilingual } from './i18n';
import { Block, PlanBuilder } from './layout';
import type { Language } from './plan';
import { BandCursor, TimeGrid } from './sheet-frame';
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
  /** h_t, channels × N. */
  h(t: number): Block;
  /** y_t after the D skip, channels × 1. */
  y(t: number): Block;
}

const DISCRETIZATION_TEXT: Record<Discretization, Bilingual> = {
  zoh: {
    en: 'B̄_t = (exp(Δ_t·A) − 1) / A · B_t    [zero-order hold: the exact discretization]',
    zh: 'B̄_t = (exp(Δ_t·A) − 1) / A · B_t    [零阶保持：精确离散化]',
  },
  euler: {
    en: 'B̄_t = Δ_t · B_t    [Euler: the simplification mamba_ssm computes]',
    zh: 'B̄_t = Δ_t · B_t    [欧拉：mamba_ssm 实际使用的简化]',
  },
};

/** "B̄ (ZOH)" / "B̄ (Euler)" for captions. */
export const DISCRETIZATION_LABEL: Record<Discretization, Bilingual> = {
  zoh: { en: 'zero-order hold (exact)', zh: '零阶保持（精确）' },
  euler: { en: 'Euler (Δ·B, as mamba_ssm)', zh: '欧拉（Δ·B，同 mamba_ssm）' },
};

function channelLabels(b: PlanBuilder, top: number, channels: number, lang: Language): void {
  for (let d = 0; d < channels; d++)
    b.text(top + d, 0, lang === 'zh' ? `通道 d = ${d + 1}` : `channel d = ${d + 1}`, 'label');
}

export function writeScanBands(
  b: PlanBuilder,
  cursor: BandCursor,
  grid: TimeGrid,
  wCol: number,
  src: ScanSources,
  lang: Language,
): ScanBlocks {
  const { channels: Dc, N, method } = src;
  const T = grid.steps;
  const zh = lang === 'zh';
  const matrixAt = (top: number) => (t: number) => new Block(top, grid.col(t), Dc, N);

  const aTop = cursor.band(
    zh
      ? 'Ā_t = exp(Δ_t · A)，A = −exp(A_log)：A 为负，故 0 < Ā < 1（逐通道 d、逐状态 n）'
      : 'Ā_t = exp(Δ_t · A), A = −exp(A_log): A is negative, so 0 < Ā < 1 (per channel d and state n)',
    Dc,
  );
  channelLabels(b, aTop, Dc, lang);
  const aLog = b.param({
    top: aTop,
    left: wCol,
    rows: Dc,
    cols: N,
    role: 'recurrentWeight',
    param: 'A_log',
    caption: 'A_log',
    value: src.aLog,
    tensor: 'A_log',
    name: 'A_log',
    numberFormat: DECIMAL_FORMAT,
  });
  const A = b.computed({
    top: aTop,
    left: wCol + N + 1,
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
  const aBar = matrixAt(aTop);
  for (let t = 0; t < T; t++) {
    b.text(aTop - 1, grid.col(t), 'Ā_t', 'label');
    b.computed({
      top: aTop,
      left: grid.col(t),
      rows: Dc,
      cols: N,
      role: 'gate',
      formula: (d, n) => `EXP(${src.delta(t, d)}*${A.at(d, n, true)})`,
      trace: 'Abar',
      step: t,
      tensor: 'Ā_t',
      equation: '\\bar{A}_t = \\exp(\\Delta_t A)',
    });
  }

  const bTop = cursor.band(DISCRETIZATION_TEXT[method][lang], Dc);
  channelLabels(b, bTop, Dc, lang);
  const bBar = matrixAt(bTop);
  const bBarFormula = (t: number, d: number, n: number): string =>
    method === 'zoh'
      ? `(EXP(${src.delta(t, d)}*${A.at(d, n, true)})-1)/${A.at(d, n, true)}*${src.B(t, n)}`
      : `${src.delta(t, d)}*${src.B(t, n)}`;
  const bTex =
    method === 'zoh' ? '\\bar{B}_t = \\frac{\\exp(\\Delta_t A) - 1}{A} B_t' : '\\bar{B}_t = \\Delta_t B_t';
  for (let t = 0; t < T; t++) {
    b.text(bTop - 1, grid.col(t), method === 'zoh' ? 'B̄_t (ZOH)' : 'B̄_t (Euler)', 'label');
    b.computed({
      top: bTop,
      left: grid.col(t),
      rows: Dc,
      cols: N,
      role: 'computed',
      formula: (d, n) => bBarFormula(t, d, n),
      trace: 'Bbar',
      step: t,
      tensor: 'B̄_t',
      equation: bTex,
    });
  }

  const hTop = cursor.band(
    zh
      ? 'h_t = Ā_t ⊙ h_{t−1} + B̄_t · u_t    （h_0 = 0；每个通道只用自己的 u）'
      : 'h_t = Ā_t ⊙ h_{t−1} + B̄_t · u_t    (h_0 = 0; each channel uses its own u)',
    Dc,
  );
  channelLabels(b, hTop, Dc, lang);
  const h = matrixAt(hTop);
  for (let t = 0; t < T; t++) {
    b.text(hTop - 1, grid.col(t), 'h_t', 'label');
    b.computed({
      top: hTop,
      left: grid.col(t),
      rows: Dc,
      cols: N,
      role: 'state',
      // At t = 1 the previous state is the zero vector, so only the input term remains.
      formula: (d, n) =>
        (t === 0 ? '' : `${aBar(t).at(d, n)}*${h(t - 1).at(d, n)}+`) + `${bBar(t).at(d, n)}*${src.u(t, d)}`,
      trace: 'h',
      step: t,
      tensor: 'h_t',
      equation:
        t === 0
          ? 'h_1 = \\bar{B}_1 u_1 \\quad (h_0 = 0)'
          : 'h_t = \\bar{A}_t \\odot h_{t-1} + \\bar{B}_t u_t',
    });
  }

  const yTop = cursor.band(
    zh
      ? 'y_t = C_t · h_t + D ⊙ u_t    （h 的第 d 行点乘 C_t，加上跳跃连接 D）'
      : 'y_t = C_t · h_t + D ⊙ u_t    (row d of h dotted with C_t, plus the skip D)',
    Dc,
  );
  channelLabels(b, yTop, Dc, lang);
  const skip = b.param({
    top: yTop,
    left: wCol,
    rows: Dc,
    cols: 1,
    role: 'weight',
    param: 'D',
    caption: 'D',
    value: (d) => src.skip(d),
    tensor: 'D',
    name: 'D_skip',
  });
  const y = (t: number) => new Block(yTop, grid.col(t), Dc, 1);
  for (let t = 0; t < T; t++) {
    b.text(yTop - 1, grid.col(t), 'y_t', 'label');
    b.computed({
      top: yTop,
      left: grid.col(t),
      rows: Dc,
      cols: 1,
      role: 'output',
      formula: (d) => `${dotF(h(t).rowRef(d), src.Ccol(t))}+${skip.at(d, 0, true)}*${src.u(t, d)}`,
      trace: 'y',
      step: t,
      tensor: 'y_t',
      equation: 'y_t = C_t \\cdot h_t + D \\odot u_t',
    });
  }
  return { h, y };
}

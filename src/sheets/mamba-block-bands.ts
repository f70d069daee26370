/**
 * The bands of the Mamba block sheet before and after the selective scan, each composed
 * from the kit: the token x_t, the two halves of in_proj (x_in and the gate branch z),
 * the causal conv1d and SiLU, the three x_proj projections δ, B and C, the step size Δ,
 * the gate y ⊙ SiLU(z) and out_proj. Every function writes one band (or a run of
 * same-shaped bands) and returns the cells of each step for the bands below it.
 */
import { t } from '../i18n';
import type { MambaParams } from '../core/mamba-block';
import type { Matrix } from '../core/tensor';
import { siluF, softplusF } from './formulas';
import type { PlainKey } from './i18n';
import type { Block } from './layout';
import type { Language } from './plan';
import type { SheetKit } from './kit/band';
import { openTaughtBand } from './kit/role-column';
import { PRE, VALUE } from './kit/grid';
import { indexed, stepOperators } from './kit/labels';
import { activation, dotStep, stepColumn, stepInputs, type PerStep } from './kit/steps';
import { weightBlock } from './kit/weights';
import { channelLabel } from './mamba-scan-bands';

/** The sheet's kit, its language, and the weights the band cells start from. */
export interface BlockSheet extends SheetKit {
  readonly lang: Language;
  readonly p: MambaParams;
}

/** "channel d = 1" …, as the scan bands below label the same rows. */
function channels(s: BlockSheet): (r: number) => string {
  return channelLabel(s.lang);
}

/** The tokens x_t, one column per step. */
export function tokenBand(s: BlockSheet, X: Matrix): PerStep {
  const dModel = s.p.dModel;
  const top = openTaughtBand(s, {
    equation: t(s.lang, 'sheets.mambaBlock.token'),
    rows: dModel,
    label: indexed('x'),
    captions: [[PRE, 'x_t']],
    role: t(s.lang, 'sheets.roles.mambaBlock.token'),
  });
  return stepInputs(s, { top, rows: dModel, param: 'x', data: X.data, tensor: 'x_t' });
}

/** One band of rows of a projection matrix dotted with a column of each step. */
interface Projection {
  readonly text: PlainKey;
  /** The band's role line. */
  readonly role: PlainKey;
  readonly rows: number;
  /** Row label and the caption above each step's values. */
  readonly short: string;
  readonly caption: string;
  readonly param: string;
  readonly data: Float64Array;
  readonly stride: number;
  readonly rowOffset: number;
  readonly name: string;
  readonly trace: string;
  readonly tensor: string;
  readonly equation: string;
}

function projectionBand(s: BlockSheet, pr: Projection, input: (t: number) => string): PerStep {
  const top = openTaughtBand(s, {
    equation: t(s.lang, pr.text),
    rows: pr.rows,
    label: indexed(pr.short),
    captions: [[PRE, pr.tensor]],
    role: t(s.lang, pr.role),
  });
  const weights = weightBlock(s.b, {
    top,
    left: s.wCol,
    rows: pr.rows,
    cols: pr.stride,
    role: 'weight',
    param: pr.param,
    caption: pr.caption,
    data: pr.data,
    rowOffset: pr.rowOffset,
    name: pr.name,
  });
  return dotStep(s, {
    top,
    rows: pr.rows,
    weights,
    input,
    role: pr.trace === 'out' ? 'output' : 'computed',
    trace: pr.trace,
    tensor: pr.tensor,
    equation: pr.equation,
  });
}

/** in_proj split in two: x_in (the scan's branch) and z (the gate branch), both from x_t. */
export function inProjBands(s: BlockSheet, x: PerStep): { xIn: PerStep; z: PerStep } {
  const { dModel, dInner: E } = s.p;
  const half = (which: 'x' | 'z', text: PlainKey, short: string, tensor: string, equation: string) =>
    projectionBand(
      s,
      {
        text,
        role: which === 'x' ? 'sheets.roles.mambaBlock.inX' : 'sheets.roles.mambaBlock.inZ',
        rows: E,
        short,
        caption: `in_proj (${which})`,
        param: 'in_proj',
        data: s.p.in_proj.data,
        stride: dModel,
        rowOffset: which === 'x' ? 0 : E,
        name: `in_proj_${which}`,
        trace: which === 'x' ? 'x_in' : 'z',
        tensor,
        equation,
      },
      (t) => x(t).colRef(),
    );
  return {
    xIn: half('x', 'sheets.mambaBlock.inX', 'x_in', 'x_in', 'x_{in} = W_{in,x}\\, x_t'),
    z: half('z', 'sheets.mambaBlock.inZ', 'z', 'z_t', 'z_t = W_{in,z}\\, x_t'),
  };
}

/** Tap k of the causal conv reads the token K−1−k steps back; taps before the first token read zeros. */
function convFormula(convW: Block, convB: Block, xIn: PerStep, K: number, t: number, c: number): string {
  const terms = [convB.at(c, 0, true)];
  for (let k = K - 1; k >= 0; k--) {
    const s = t - (K - 1 - k);
    if (s >= 0) terms.push(`${convW.at(c, k, true)}*${xIn(s).at(c)}`);
  }
  return terms.join('+');
}

/** The causal depthwise conv1d over the last d_conv x_in's plus bias, then u = SiLU(conv). */
export function convBand(s: BlockSheet, xIn: PerStep): PerStep {
  const { dInner: E, dConv: K, conv_w, conv_b } = s.p;
  const taps = Array.from({ length: K }, (_, k) =>
    k === K - 1 ? `w[${k}]⊙x_in_t` : `w[${k}]⊙x_in_{t−${K - 1 - k}}`,
  ).reverse();
  const top = openTaughtBand(s, {
    equation: t(s.lang, 'sheets.mambaBlock.conv', { taps: taps.join(' + ') }),
    rows: E,
    label: channels(s),
    captions: [
      [PRE, 'conv_t'],
      [VALUE, 'u_t'],
    ],
    role: t(s.lang, 'sheets.roles.mambaBlock.conv'),
  });
  const common = { top, rows: E, role: 'weight', param: 'conv_w' } as const;
  const convW = weightBlock(s.b, {
    ...common,
    left: s.wCol,
    cols: K,
    caption: `conv1d w[0…${K - 1}]`,
    data: conv_w.data,
    name: 'conv_w',
  });
  const convB = weightBlock(s.b, {
    ...common,
    left: s.wCol + K,
    cols: 1,
    role: 'bias',
    param: 'conv_b',
    caption: 'b',
    data: conv_b,
  });
  const conv = stepColumn(s, {
    top,
    rows: E,
    role: 'computed',
    formula: (t, c) => convFormula(convW, convB, xIn, K, t, c),
    trace: 'conv',
    tensor: 'conv_t',
    equation: `\\mathrm{conv}_t = b + \\sum_{k} w_k\\, x_{in,\\,t-${K - 1}+k}`,
  });
  return activation(s, {
    top,
    rows: E,
    from: conv,
    op: 'SiLU',
    fn: siluF,
    role: 'activation',
    trace: 'u',
    tensor: 'u_t',
    equation: 'u_t = \\operatorname{SiLU}(\\mathrm{conv}_t)',
  });
}

/** x_proj's three row groups, δ (dt_rank rows), B and C (N rows each), all dotted with u_t. */
export function selectionBands(s: BlockSheet, u: PerStep): { dtLow: PerStep; B: PerStep; C: PerStep } {
  const { dInner: E, dtRank: R, dState: N } = s.p;
  const part = (key: 'dt' | 'B' | 'C', from: number, rows: number) => {
    const sym = key === 'dt' ? 'δ' : key;
    return projectionBand(
      s,
      {
        text: `sheets.mambaBlock.${key}` as const,
        role: `sheets.roles.mambaBlock.${key}` as const,
        rows,
        short: sym,
        caption: `x_proj (${sym})`,
        param: 'x_proj',
        data: s.p.x_proj.data,
        stride: E,
        rowOffset: from,
        name: `x_proj_${key}`,
        trace: key === 'dt' ? 'dt_low' : key,
        tensor: `${sym}_t`,
        equation: `${key === 'dt' ? '\\delta' : key}_t = W_{x,${key === 'dt' ? '\\delta' : key}}\\, u_t`,
      },
      (t) => u(t).colRef(),
    );
  };
  return { dtLow: part('dt', 0, R), B: part('B', R, N), C: part('C', R + N, N) };
}

/** Δ_t = softplus(dt_proj · δ_t + dt_bias), one step size per channel; also the dt_bias cells. */
export function deltaBand(s: BlockSheet, dtLow: PerStep): { delta: PerStep; bias: Block } {
  const { dInner: E, dtRank: R } = s.p;
  const top = openTaughtBand(s, {
    equation: t(s.lang, 'sheets.mambaBlock.delta'),
    rows: E,
    label: channels(s),
    captions: [
      [PRE, 'dt_pre'],
      [VALUE, 'Δ_t'],
    ],
    role: t(s.lang, 'sheets.roles.mamba.delta'),
  });
  const W = weightBlock(s.b, {
    top,
    left: s.wCol,
    rows: E,
    cols: R,
    role: 'weight',
    param: 'dt_proj_w',
    caption: 'dt_proj',
    data: s.p.dt_proj_w.data,
    name: 'dt_proj',
  });
  const bias = weightBlock(s.b, {
    top,
    left: s.wCol + R,
    rows: E,
    cols: 1,
    role: 'bias',
    param: 'dt_proj_b',
    caption: 'dt_bias',
    data: s.p.dt_proj_b,
  });
  const pre = dotStep(s, {
    top,
    rows: E,
    weights: W,
    bias,
    input: (t) => dtLow(t).colRef(),
    trace: 'dt_pre',
    tensor: 'dt_pre',
    equation: '\\tilde{\\Delta}_t = W_{dt}\\, \\delta_t + b_{dt}',
  });
  const delta = activation(s, {
    top,
    rows: E,
    from: pre,
    op: 'softplus',
    fn: softplusF,
    role: 'activation',
    trace: 'delta',
    tensor: 'Δ_t',
    equation: '\\Delta_t = \\operatorname{softplus}(\\tilde{\\Delta}_t)',
  });
  return { delta, bias };
}

/** y_t ⊙ SiLU(z_t): the scan's output gated by the other branch. */
export function gateBand(s: BlockSheet, z: PerStep, y: PerStep): PerStep {
  const E = s.p.dInner;
  const top = openTaughtBand(s, {
    equation: t(s.lang, 'sheets.mambaBlock.gate'),
    rows: E,
    label: channels(s),
    captions: [
      [PRE, 'SiLU(z)'],
      [VALUE, 'y_gated'],
    ],
    role: t(s.lang, 'sheets.roles.mambaBlock.gate'),
  });
  const gate = stepColumn(s, {
    top,
    rows: E,
    role: 'gate',
    formula: (t, c) => siluF(z(t).at(c)),
    trace: 'gate',
    tensor: 'SiLU(z_t)',
    equation: 'g_t = \\operatorname{SiLU}(z_t)',
  });
  stepOperators(s.b, s.grid, top, E, '⊙');
  return stepColumn(s, {
    top,
    rows: E,
    col: VALUE,
    formula: (t, c) => `${y(t).at(c)}*${gate(t).at(c)}`,
    role: 'computed',
    trace: 'y_gated',
    tensor: 'y_t ⊙ SiLU(z_t)',
    equation: 'y_t \\odot \\operatorname{SiLU}(z_t)',
  });
}

/** out_proj · (y_t ⊙ SiLU(z_t)), the block's output. */
export function outBand(s: BlockSheet, yGated: PerStep): PerStep {
  return projectionBand(
    s,
    {
      text: 'sheets.mambaBlock.out',
      role: 'sheets.roles.mambaBlock.out',
      rows: s.p.dModel,
      short: 'out',
      caption: 'out_proj',
      param: 'out_proj',
      data: s.p.out_proj.data,
      stride: s.p.dInner,
      rowOffset: 0,
      name: 'out_proj',
      trace: 'out',
      tensor: 'out_t',
      equation: '\\mathrm{out}_t = W_{out} (y_t \\odot \\operatorname{SiLU}(z_t))',
    },
    (t) => yGated(t).colRef(),
  );
}

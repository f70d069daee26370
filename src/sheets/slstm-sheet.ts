/**
 * The sLSTM sheet (xLSTM's scalar-memory cell, Beck et al. 2024). Each step stacks
 * [x_t ; h_{t−1} ; 1] and dots it with the weight rows [W | R | b] of the four
 * pre-activations ĩ, f̃, z̃, õ (R is block-diagonal per head: the head blocks are boxed,
 * the zeros outside them stay visible and editable). Then, every one its own formula:
 * log f (logσ(f̃) or f̃ for the exponential forget gate), the stabiliser m (m_1 = ĩ_1),
 * i′, f′, the cell c, the normaliser n and h = σ(õ) ⊙ c / n.
 */
import { t } from '../i18n';
import { initSlstm, slstmInitialState, slstmTrace, type SlstmForget, type SlstmParams } from '../core/slstm';
import { matrix } from '../core/tensor';
import type { Trace } from '../core/trace';
import { limitsUpTo } from './limits';
import { defineSpec, type SheetModel } from './define-spec';
import { seededInput } from './inputs';
import { sheetBuilder, writeGridFrame } from './kit/frame';
import { BandCursor, OP, PRE, TimeGrid } from './kit/grid';
import { rowLabels } from './kit/labels';
import type { PerStep } from './kit/steps';
import { Block } from './layout';
import type { Labelled, ModelSpec, SlstmConfig } from './model-spec';
import { requireParam } from './params';
import type { SheetPlan } from './plan';
import { gateBands, stackColumn, stateBands, type SlstmSheet } from './slstm-bands';

const SLSTM_VARIANTS: readonly Labelled<'sigmoid' | 'exp'>[] = [
  {
    id: 'sigmoid',
    label: { en: 'sigmoid forget gate: log f = logσ(f̃)', zh: 'sigmoid 遗忘门：log f = logσ(f̃)' },
  },
  { id: 'exp', label: { en: 'exponential forget gate: log f = f̃', zh: '指数遗忘门：log f = f̃' } },
];

function forgetOf(config: SlstmConfig): SlstmForget {
  return config.variant === 'exp' ? 'exp' : 'sigmoid';
}

const FRAME = {
  title: { en: 'sLSTM (xLSTM, scalar memory)', zh: 'sLSTM（xLSTM 标量记忆）' },
  legend: [
    ['input', { en: 'input xₜ', zh: '输入 xₜ' }],
    ['weight', { en: 'input weights W', zh: '输入权重 W' }],
    ['recurrentWeight', { en: 'recurrent weights R (per head)', zh: '循环权重 R（按头分块）' }],
    ['bias', { en: 'biases b', zh: '偏置 b' }],
    ['state', { en: 'states h, c, n and stabiliser m', zh: '状态 h、c、n 与稳定器 m' }],
    ['gate', { en: 'gates: log f, o, i′, f′', zh: '门：log f、o、i′、f′' }],
    ['activation', { en: 'z = tanh(z̃)', zh: 'z = tanh(z̃)' }],
    ['computed', { en: 'pre-activations ĩ, f̃, z̃, õ (formulas)', zh: '预激活 ĩ、f̃、z̃、õ（公式）' }],
  ] as const,
};

function build(config: SlstmConfig): SheetPlan {
  const lang = config.language;
  const { inputSize: I, hiddenSize: H, steps: T } = config;
  const heads = config.heads;
  const p = initSlstm(I, H, heads, config.seed, config.init, forgetOf(config));
  const b = sheetBuilder(config, 'sLSTM');
  const wCol = 1;
  const grid = new TimeGrid(wCol + I + H + 3, 4, T);
  const labelCol = grid.firstCol - 1;
  const sizes: [string, number][] = [
    [t(lang, 'sheets.slstm.inputSize'), I],
    [t(lang, 'sheets.slstm.hiddenSize'), H],
    [t(lang, 'sheets.slstm.heads'), heads],
  ];
  const frame = { ...FRAME, sizes, variants: SLSTM_VARIANTS };
  const first = writeGridFrame(b, config, grid, frame, t(lang, 'sheets.slstm.dotNote'));

  const stackTop = first + 2;
  rowLabels(b, stackTop, 1, () => 'x_t', labelCol);
  rowLabels(b, stackTop + I, 1, () => 'h_{t−1}', labelCol);
  rowLabels(b, stackTop + I + H, 1, () => '1', labelCol);
  const s: SlstmSheet = {
    b,
    grid,
    cursor: new BandCursor(b, wCol, stackTop + I + H + 2),
    wCol,
    lang,
    p,
    I,
    H,
    heads,
    stack: (t) => new Block(stackTop, grid.col(t, PRE), I + H + 1, 1),
    bands: new Map(),
  };
  gateBands(s);
  stateBands(s);
  // The stacked columns, now that h's cells have addresses.
  stackColumn(s, stackTop, seededInput(T, I, config.seed, config.init));
  b.name('h_T', (s.bands.get('h') as PerStep)(T - 1).range);

  b.width(0, 20);
  for (let c = wCol; c < labelCol; c++) b.width(c, 7);
  b.width(labelCol, 8);
  grid.widths(b, [OP]);
  return b.build();
}

function evaluate(config: SlstmConfig, params: Readonly<Record<string, Float64Array>>): Trace {
  const I = config.inputSize;
  const H = config.hiddenSize;
  const T = config.steps;
  const p: SlstmParams = {
    inputSize: I,
    hiddenSize: H,
    numHeads: config.heads,
    forget: forgetOf(config),
    W: matrix(4 * H, I, requireParam(params, 'W', 4 * H * I)),
    R: matrix(4 * H, H, requireParam(params, 'R', 4 * H * H)),
    b: requireParam(params, 'b', 4 * H),
  };
  const state0 = { ...slstmInitialState(H), h: Float64Array.from(requireParam(params, 'h0', H)) };
  return slstmTrace(p, matrix(T, I, requireParam(params, 'x', T * I)), state0);
}

const model: SheetModel<SlstmConfig> = {
  id: 'slstm',
  label: { en: 'sLSTM', zh: 'sLSTM 标量记忆' },
  variants: SLSTM_VARIANTS,
  limits: limitsUpTo({ inputSize: 6, hiddenSize: 8, heads: 4, steps: 8 }),
  defaults: { inputSize: 2, hiddenSize: 4, heads: 2, steps: 4 },
  estimateCells: (c) =>
    c.steps * (c.inputSize + 11 * c.hiddenSize + 1) +
    4 * c.hiddenSize * (c.inputSize + c.hiddenSize + 2) +
    80,
  extraProblems: (c) => {
    const heads = c.heads;
    if (c.hiddenSize % heads === 0) return [];
    return [t(c.language, 'sheets.slstm.headsDivide', { H: c.hiddenSize, heads })];
  },
  build,
  evaluate,
};

export const slstmSpec: ModelSpec<SlstmConfig> = defineSpec(model);

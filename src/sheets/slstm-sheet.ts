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
import { slstmUnstabilisedTrace } from '../core/xlstm-unstabilised';
import type { Trace } from '../core/trace';
import { limitsUpTo } from './limits';
import { defineSpec, type SheetModel } from './define-spec';
import { bilingual } from './i18n';
import { narrativeLines } from './kit/role-column';
import { TRY_BOX_ROWS } from './kit/try-box';
import { slstmTryBox } from './xlstm-teach';
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
import { rawStateBands } from './slstm-raw-bands';

const SLSTM_VARIANTS: readonly Labelled<'sigmoid' | 'exp'>[] = [
  { id: 'sigmoid', label: bilingual('sheets.slstm.variant.sigmoid') },
  { id: 'exp', label: bilingual('sheets.slstm.variant.exp') },
];

function forgetOf(config: SlstmConfig): SlstmForget {
  return config.variant === 'exp' ? 'exp' : 'sigmoid';
}

const FRAME = {
  title: bilingual('sheets.slstm.title'),
  legend: (
    ['input', 'weight', 'recurrentWeight', 'bias', 'state', 'gate', 'activation', 'computed'] as const
  ).map((role) => [role, bilingual(`sheets.slstm.legend.${role}`)] as const),
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
  // Widths first: a band's equation goes beside its results only where the columns hold it.
  b.width(0, 20);
  for (let c = wCol; c < labelCol; c++) b.width(c, 7);
  b.width(labelCol, 8);
  grid.widths(b, [OP]);
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
  // The "what to try" box and the notes below the stacked column; the verdict reads cells written later.
  const boxTop = stackTop + I + H + 2;
  const s: SlstmSheet = {
    b,
    grid,
    cursor: new BandCursor(b, wCol, boxTop + TRY_BOX_ROWS + 1, grid.firstCol - 1),
    wCol,
    lang,
    p,
    I,
    H,
    heads,
    stack: (t) => new Block(stackTop, grid.col(t, PRE), I + H + 1, 1),
    bands: new Map(),
  };
  narrativeLines(s, [t(lang, 'sheets.xlstm.paperNote'), t(lang, 'sheets.slstm.m0Note')]);
  gateBands(s);
  stateBands(s);
  const band = (name: string) => s.bands.get(name) as PerStep;
  const bias = { row: band('pre_i')(0).top, col: wCol + I + H };
  rawStateBands(s);
  // The stacked columns, now that h's cells have addresses.
  stackColumn(s, stackTop, seededInput(T, I, config.seed, config.init));
  b.name('h_T', (s.bands.get('h') as PerStep)(T - 1).range);
  // Last, in the rows kept for it: the box asks the core, which reads every input cell.
  slstmTryBox(b, {
    top: boxTop,
    cols: grid.col(1) + 2,
    T,
    bias,
    m: band('m'),
    h: band('h'),
    evaluate: (params) => evaluate(config, params),
  });

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
  const trace = slstmTrace(p, matrix(T, I, requireParam(params, 'x', T * I)), state0);
  const { pre_i, log_f, z, o } = trace.tensors;
  const raw = slstmUnstabilisedTrace({ preI: pre_i, logF: log_f, z, o });
  return {
    ...trace,
    tensors: { ...trace.tensors, ...raw.tensors },
    shapes: { ...trace.shapes, ...raw.shapes },
  };
}

const model: SheetModel<SlstmConfig> = {
  id: 'slstm',
  label: bilingual('sheets.slstm.label'),
  variants: SLSTM_VARIANTS,
  limits: limitsUpTo({ inputSize: 6, hiddenSize: 8, heads: 4, steps: 8 }),
  // Seed 514: gates away from 0 and 1 (f from 0.1 to 0.98), no h saturated or stuck at 0,
  // and b_i[1] = 10 (the sheet's "what to try") lifts m[1] past 8 at the last step.
  defaults: { inputSize: 2, hiddenSize: 4, heads: 2, steps: 4, seed: 514 },
  estimateCells: (c) =>
    c.steps * (c.inputSize + 15 * c.hiddenSize + 1) +
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

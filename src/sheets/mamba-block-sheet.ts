/**
 * The Mamba block (state-spaces/mamba's `Mamba` module) token by token: in_proj splits
 * each token into x and z; a causal depthwise conv1d over the last d_conv (4) x's (PyTorch's
 * cross-correlation, so w[3] multiplies the current token; before t = 1 the padding is
 * zero, so those taps are left out) plus bias, then SiLU gives u; x_proj gives δ, B, C;
 * Δ = softplus(dt_proj δ + dt_bias); the selective scan (mamba-scan-bands.ts) with the D
 * skip; y ⊙ SiLU(z); out_proj. Parameter names and layouts are mamba_ssm's, so a pasted
 * state_dict (mamba-weights.ts) fills the same cells the seeded init does.
 */
import { t } from '../i18n';
import { initMamba, mambaBlockTrace, type MambaParams } from '../core/mamba-block';
import { matrix, type Matrix } from '../core/tensor';
import type { Trace } from '../core/trace';
import { limitsUpTo } from './limits';
import { defineSpec, type SheetModel } from './define-spec';
import { bilingual } from './i18n';
import { narrativeLines } from './kit/role-column';
import { TRY_BOX_ROWS } from './kit/try-box';
import { mambaTryBox } from './mamba-teach';
import { seededInput } from './inputs';
import { BandCursor, OP, TimeGrid } from './kit/grid';
import { sheetBuilder, writeGridFrame } from './kit/frame';
import { PlanBuilder } from './layout';
import {
  convBand,
  deltaBand,
  gateBand,
  inProjBands,
  outBand,
  selectionBands,
  tokenBand,
  type BlockSheet,
} from './mamba-block-bands';
import { SCAN_LEGEND, discretizationLabel, writeScanBands } from './mamba-scan-bands';
import { dictSizeProblems, mambaBlockFromDict } from './mamba-weights';
import { READABLE_DT_GAIN, READABLE_STEP, withReadableSteps } from './mamba-readable-step';
import { MAMBA_VARIANTS, methodOf } from './mamba-scan-sheet';
import type { MambaBlockConfig, ModelSpec } from './model-spec';
import { requireParam } from './params';
import type { SheetPlan } from './plan';

const LIMITS = limitsUpTo({ dModel: 4, dInner: 8, stateSize: 4, steps: 8 });

interface Sizes {
  readonly dModel: number;
  readonly E: number;
  readonly N: number;
  readonly R: number;
  readonly K: number;
}

/** dt_rank and d_conv have no size field: they come from a pasted state_dict, capped for readability. */
const DICT_ONLY_LIMITS = { dtRank: 4, dConv: 4 };

/** The weights the sheet starts from: a pasted state_dict, else the seeded init. */
function startingParams(config: MambaBlockConfig): MambaParams {
  if (config.stateDict) return mambaBlockFromDict(config.stateDict).params;
  const seeded = initMamba(
    { dModel: config.dModel, dInner: config.dInner, dState: config.stateSize },
    config.seed,
    config.init,
  );
  return config.init === 'torch' ? withReadableSteps(seeded) : seeded;
}

function stateDictProblems(config: MambaBlockConfig): string[] {
  if (!config.stateDict) return [];
  const { params: p, dict } = mambaBlockFromDict(config.stateDict);
  return dictSizeProblems(
    dict,
    [
      {
        tensor: 'in_proj.weight',
        size: 'd_model',
        value: p.dModel,
        asked: config.dModel,
        max: LIMITS.dModel.max,
      },
      {
        tensor: 'in_proj.weight',
        size: 'd_inner',
        value: p.dInner,
        asked: config.dInner,
        max: LIMITS.dInner.max,
      },
      {
        tensor: 'A_log',
        size: 'd_state',
        value: p.dState,
        asked: config.stateSize,
        max: LIMITS.stateSize.max,
      },
      { tensor: 'dt_proj.weight', size: 'dt_rank', value: p.dtRank, max: DICT_ONLY_LIMITS.dtRank },
      { tensor: 'conv1d.weight', size: 'd_conv', value: p.dConv, max: DICT_ONLY_LIMITS.dConv },
    ],
    config.language,
  );
}

const FRAME = {
  title: bilingual('sheets.mambaBlock.title'),
  legend: [
    ['input', bilingual('sheets.mambaBlock.legend.input')],
    ['weight', bilingual('sheets.mambaBlock.legend.weight')],
    SCAN_LEGEND.aLog,
    ['bias', bilingual('sheets.mambaBlock.legend.bias')],
    SCAN_LEGEND.state,
    ['gate', bilingual('sheets.mambaBlock.legend.gate')],
    ['activation', bilingual('sheets.mambaBlock.legend.activation')],
    ['computed', bilingual('sheets.mambaBlock.legend.computed')],
    ['output', bilingual('sheets.mambaBlock.legend.output')],
  ] as const,
};

/** Title, summary, legend, the discretization note and the time header; returns its row. */
function writeTop(b: PlanBuilder, config: MambaBlockConfig, p: MambaParams, grid: TimeGrid): number {
  const lang = config.language;
  const sizes: [string, number][] = [
    ['d_model', p.dModel],
    ['d_inner', p.dInner],
    [t(lang, 'sheets.mambaBlock.stateSize'), p.dState],
    ['dt_rank', p.dtRank],
    ['d_conv', p.dConv],
  ];
  const method = `${t(lang, 'sheets.mambaBlock.discretization')}: ${discretizationLabel(lang, methodOf(config))}`;
  return writeGridFrame(b, config, grid, { ...FRAME, sizes, variants: MAMBA_VARIANTS }, method);
}

/**
 * The paper note, and with PyTorch-style weights why Δ varies visibly (a sentence too long
 * for the frame, where the legend's colour line would cut it).
 */
const INTRO_LINES = 2;

function introLines(config: MambaBlockConfig): string[] {
  const lang = config.language;
  const lines = [t(lang, 'sheets.mamba.paperNote')];
  if (config.init === 'torch' && !config.stateDict)
    lines.push(
      t(lang, 'sheets.mambaBlock.readableStep', {
        lo: READABLE_STEP.lo,
        hi: READABLE_STEP.hi,
        gain: READABLE_DT_GAIN,
      }),
    );
  return lines;
}

function build(config: MambaBlockConfig): SheetPlan {
  const p = startingParams(config);
  const { dModel, dInner: E, dState: N, dtRank: R, dConv: K } = p;
  const T = config.steps;
  const b = sheetBuilder(config, 'Mamba block');
  const wCol = 1;
  const grid = new TimeGrid(wCol + Math.max(dModel, K + 1, E, R + 1, 2 * N + 1) + 2, Math.max(N, 3) + 1, T);
  // Widths first: a band's equation goes beside its results only where the columns hold it.
  b.width(0, 18);
  for (let c = wCol; c < grid.firstCol - 1; c++) b.width(c, 8);
  b.width(grid.firstCol - 1, 6);
  grid.widths(b, [OP]);
  const row = writeTop(b, config, p, grid);
  // The "what to try" box goes right below the time header; its verdict reads cells written later.
  const boxTop = row + 1;
  const cursor = new BandCursor(b, wCol, boxTop + TRY_BOX_ROWS + 1, grid.firstCol - 1);
  const s: BlockSheet = { b, grid, cursor, wCol, lang: config.language, p };
  const intro = introLines(config);
  narrativeLines(s, intro);
  // The same rows with or without the step-size sentence: a state_dict sheet lines up with its seeded one.
  s.cursor.row += INTRO_LINES - intro.length;

  const x = tokenBand(s, seededInput(T, dModel, config.seed, config.init));
  const { xIn, z } = inProjBands(s, x);
  const u = convBand(s, xIn);
  const { dtLow, B, C } = selectionBands(s, u);
  const { delta, bias } = deltaBand(s, dtLow);
  const scan = writeScanBands(
    s,
    {
      channels: E,
      N,
      method: methodOf(config),
      u: (t, d) => u(t).at(d),
      delta: (t, d) => delta(t).at(d),
      B: (t, n) => B(t).at(n),
      Ccol: (t) => C(t).colRef(),
      aLog: (d, n) => p.A_log.data[d * N + n],
      skip: (d) => p.D[d],
    },
    config.language,
  );
  const bias1 = { row: bias.top, col: bias.left };
  const box = { top: boxTop, cols: grid.col(1) + 2, T, bias: bias1, aBar: scan.aBar, bBar: scan.bBar };
  const out = outBand(s, gateBand(s, z, scan.y));
  b.name('out_T', out(T - 1).range);
  // Last, in the rows kept for it: the box asks the core, which reads every weight cell.
  mambaTryBox(b, {
    ...box,
    edit: 'sheets.mambaBlock.try.edit',
    evaluate: (params) => evaluate(config, params),
  });

  return b.build();
}

/**
 * dt_rank and d_conv have no config field (a pasted state_dict sets them), so they are
 * read off the sheet: the dt_proj and conv1d blocks have E rows of R and K cells.
 */
function sheetSizes(config: MambaBlockConfig, params: Readonly<Record<string, Float64Array>>): Sizes {
  const E = config.dInner;
  const perRow = (name: string) => Math.max(1, Math.round((params[name]?.length ?? 0) / E));
  return {
    dModel: config.dModel,
    E,
    N: config.stateSize,
    R: perRow('dt_proj_w'),
    K: perRow('conv_w'),
  };
}

function paramsFromSheet(
  config: MambaBlockConfig,
  params: Readonly<Record<string, Float64Array>>,
): MambaParams {
  const { dModel, E, N, R, K } = sheetSizes(config, params);
  const m = (name: string, rows: number, cols: number): Matrix =>
    matrix(rows, cols, requireParam(params, name, rows * cols));
  return {
    dModel,
    dInner: E,
    dState: N,
    dtRank: R,
    dConv: K,
    in_proj: m('in_proj', 2 * E, dModel),
    conv_w: m('conv_w', E, K),
    conv_b: requireParam(params, 'conv_b', E),
    x_proj: m('x_proj', R + 2 * N, E),
    dt_proj_w: m('dt_proj_w', E, R),
    dt_proj_b: requireParam(params, 'dt_proj_b', E),
    A_log: m('A_log', E, N),
    D: requireParam(params, 'D', E),
    out_proj: m('out_proj', dModel, E),
  };
}

function evaluate(config: MambaBlockConfig, params: Readonly<Record<string, Float64Array>>): Trace {
  const p = paramsFromSheet(config, params);
  const X = matrix(config.steps, p.dModel, requireParam(params, 'x', config.steps * p.dModel));
  const trace = mambaBlockTrace(p, X, methodOf(config));
  // A = −exp(A_log) is shown once beside A_log, as step 0.
  const A = p.A_log.data.map((v) => -Math.exp(v));
  return {
    ...trace,
    tensors: { ...trace.tensors, A: [A] },
    shapes: { ...trace.shapes, A: [p.dInner, p.dState] },
  };
}

const model: SheetModel<MambaBlockConfig> = {
  id: 'mamba-block',
  label: bilingual('sheets.mambaBlock.label'),
  variants: MAMBA_VARIANTS,
  limits: LIMITS,
  // PyTorch-style init (hand-style integers through two projections and a scan grow past what reads well);
  // seed 171 gives no B_t near 0 and, once Δ is readable (mamba-readable-step.ts), a Δ that moves by
  // 0.4 or more between tokens in every channel.
  defaults: { dModel: 2, dInner: 4, stateSize: 2, steps: 4, seed: 171, init: 'torch' },
  estimateCells: (c) => {
    const { dInner: E, stateSize: N, dModel: d } = c;
    return c.steps * (2 * d + 8 * E + 2 * N + 1 + 3 * E * N) + E * (2 * d + 6 + 2 * N) + d * E + 100;
  },
  stateDictProblems,
  build,
  evaluate,
};

export const mambaBlockSpec: ModelSpec<MambaBlockConfig> = defineSpec(model);

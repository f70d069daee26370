/**
 * The mLSTM sheet (xLSTM's matrix-memory cell, Beck et al. 2024), one head of size d.
 * q, k, v, the output gate and the scalar gates are projected from the input x_t on the
 * sheet itself (the layer of core/mlstm.ts: q = W_q x, k = W_k x, v = W_v x,
 * õ = W_o x + b_o, ĩ = w_i·x + b_i, f̃ = w_f·x + b_f), so a learner edits x and watches it
 * reach the memory. The recurrent form follows, step by step: k/√d, log f, m, i′, f′,
 * the d × d memory C, the normaliser n, Cq, nᵀq, max(|nᵀq|, exp(−m)) and h.
 * Below it the parallel form computes the same h from T × T matrices (cumulative log
 * forget, log D, row max, D̃, QKᵀ/√d, S, normaliser), as mlstmParallelTrace does; its
 * trace names carry the prefix 'par.'.
 */
import { t } from '../i18n';
import { initMlstm, mlstmParallelTrace, mlstmProject, mlstmTrace, type MlstmParams } from '../core/mlstm';
import { matrix, type Matrix } from '../core/tensor';
import { mlstmUnstabilisedTrace, type MlstmGates } from '../core/xlstm-unstabilised';
import type { Trace } from '../core/trace';
import { limitsUpTo } from './limits';
import { costTable, costTrace, summaryCell, withTrace } from './cost-table';
import { defineSpec, type SheetModel } from './define-spec';
import { bilingual } from './i18n';
import { narrativeLines } from './kit/role-column';
import { TRY_BOX_ROWS } from './kit/try-box';
import { mlstmCostRows, mlstmCostValues, mlstmTryBox } from './xlstm-teach';
import { seededInput } from './inputs';
import { sheetBuilder, writeGridFrame } from './kit/frame';
import { BandCursor, PRE, TimeGrid } from './kit/grid';
import { rowLabels, stepCaptions } from './kit/labels';
import { stepInputs } from './kit/steps';
import { Block, PlanBuilder } from './layout';
import {
  memoryBands,
  outputGateBand,
  qkvBands,
  readoutBands,
  scalarGateBands,
  stabiliserBand,
  type MlstmSheet,
} from './mlstm-bands';
import { PARALLEL_PREFIX, writeParallel } from './mlstm-parallel-bands';
import { rawMemoryBands } from './mlstm-raw-bands';
import type { Labelled, MlstmConfig, ModelSpec } from './model-spec';
import { requireParam } from './params';
import type { SheetPlan } from './plan';

export { PARALLEL_PREFIX };

const MLSTM_VARIANTS: readonly Labelled<'standard'>[] = [
  { id: 'standard', label: bilingual('sheets.mlstm.variant.standard') },
];

const FRAME = {
  title: bilingual('sheets.mlstm.title'),
  legend: [
    ['input', bilingual('sheets.mlstm.legend.input')],
    ['weight', bilingual('sheets.mlstm.legend.weight')],
    ['bias', bilingual('sheets.mlstm.legend.bias')],
    ['state', bilingual('sheets.mlstm.legend.state')],
    ['gate', bilingual('sheets.mlstm.legend.gate')],
    ['computed', bilingual('sheets.mlstm.legend.computed')],
    ['copy', bilingual('sheets.mlstm.legend.copy')],
    ['output', bilingual('sheets.mlstm.legend.output')],
  ] as const,
};

/** The column [x_t ; 1] of every step, with its labels. */
function inputColumn(b: PlanBuilder, grid: TimeGrid, stackTop: number, X: Matrix): void {
  const I = X.cols;
  rowLabels(b, stackTop, 1, () => 'x_t', grid.firstCol - 1);
  rowLabels(b, stackTop + I, 1, () => '1', grid.firstCol - 1);
  stepCaptions(b, grid, stackTop, [[PRE, '[x;1]']]);
  stepInputs({ b, grid }, { top: stackTop, rows: I, param: 'x', data: X.data, tensor: 'x_t' });
  for (let t = 0; t < grid.steps; t++) b.constant(stackTop + I, grid.col(t, PRE), 1);
}

function build(config: MlstmConfig): SheetPlan {
  const lang = config.language;
  const { inputSize: I, headSize: d, steps: T } = config;
  const p = initMlstm(I, d, config.seed, config.init);
  const b = sheetBuilder(config, 'mLSTM');
  const wCol = 1;
  const grid = new TimeGrid(wCol + I + 3, Math.max(d, 3) + 1, T);
  const labelCol = grid.firstCol - 1;
  // Widths first: a band's equation goes beside its results only where the columns hold it.
  b.width(0, 18);
  for (let c = wCol; c < labelCol; c++) b.width(c, 7);
  b.width(labelCol, 7);
  grid.widths(b);
  const sizes: [string, number][] = [
    [t(lang, 'sheets.mlstm.inputSize'), I],
    [t(lang, 'sheets.mlstm.headSize'), d],
  ];
  const frame = { ...FRAME, sizes, variants: MLSTM_VARIANTS };
  const first = writeGridFrame(b, config, grid, frame, t(lang, 'sheets.mlstm.dotNote'));
  const stackTop = first + 2;
  inputColumn(b, grid, stackTop, seededInput(T, I, config.seed, config.init));
  // The "what to try" box and the notes below the input column; the verdict reads cells written later.
  const boxTop = stackTop + I + 2;
  const s: MlstmSheet = {
    b,
    grid,
    cursor: new BandCursor(b, wCol, boxTop + TRY_BOX_ROWS + 1, grid.firstCol - 1),
    wCol,
    lang,
    p,
    I,
    d,
    x: (t) => new Block(stackTop, grid.col(t, PRE), I, 1).colRef(),
    x1: (t) => new Block(stackTop, grid.col(t, PRE), I + 1, 1).colRef(),
  };

  narrativeLines(s, [t(lang, 'sheets.xlstm.paperNote'), t(lang, 'sheets.mlstm.m0Note')]);
  const { q, k, kScaled, v } = qkvBands(s);
  const { o } = outputGateBand(s);
  const { iPre, fPre, logF } = scalarGateBands(s);
  const { m, iStab, fStab } = stabiliserBand(s, iPre, logF);
  const { C, n } = memoryBands(s, { iStab, fStab, kScaled, v });
  narrativeLines(s, [t(lang, 'sheets.mlstm.dStays')]);
  const h = readoutBands(s, { C, n, q, m, o });
  b.name('h_T', h(T - 1).range);
  rawMemoryBands(s, { iPre, logF, q, kScaled, v, o });
  const { dTilde } = writeParallel(s, { T, d, lang, q, k, v, iPre, fPre, o });
  const iLast = { row: iPre(T - 1).top, col: iPre(T - 1).left };
  const dTildeRow = Array.from({ length: T - 1 }, (_, c) => dTilde.at(T - 1, c));
  costTable(b, lang, {
    top: s.cursor.row + 1,
    left: 0,
    T,
    heading: 'sheets.mlstm.cost.heading',
    modelHeader: 'sheets.cost.mlstm',
    note: 'sheets.cost.mlstmNote',
    rows: mlstmCostRows(summaryCell(1)),
  });
  // Last, in the rows kept for it: the value it asks for is read off the core's log D.
  const logD = evaluate(config, b.paramValues()).tensors[`${PARALLEL_PREFIX}log_D`]?.[T - 1];
  mlstmTryBox(b, { top: boxTop, cols: grid.col(1) + 2, T, iLast, dTildeRow, logD });

  return b.build();
}

function paramsFromSheet(config: MlstmConfig, params: Readonly<Record<string, Float64Array>>): MlstmParams {
  const I = config.inputSize;
  const d = config.headSize;
  const m = (name: string) => matrix(d, I, requireParam(params, name, d * I));
  return {
    inputSize: I,
    headDim: d,
    W_q: m('W_q'),
    W_k: m('W_k'),
    W_v: m('W_v'),
    W_o: m('W_o'),
    b_o: requireParam(params, 'b_o', d),
    w_i: requireParam(params, 'w_i', I),
    w_f: requireParam(params, 'w_f', I),
    b_i: requireParam(params, 'b_i', 1)[0],
    b_f: requireParam(params, 'b_f', 1)[0],
  };
}

/** What the unstabilised rows are computed from: the recurrent trace's gates and vectors. */
function rawGates(tr: Trace): MlstmGates {
  const scalar = (name: string) => tr.tensors[name].map((v) => v[0]);
  const { q, k_scaled, v, o } = tr.tensors;
  return { preI: scalar('i_pre'), logF: scalar('log_f'), q, k: k_scaled, v, o };
}

function evaluate(config: MlstmConfig, params: Readonly<Record<string, Float64Array>>): Trace {
  const T = config.steps;
  const d = config.headSize;
  const seq = mlstmProject(
    paramsFromSheet(config, params),
    matrix(T, config.inputSize, requireParam(params, 'x', T * config.inputSize)),
  );
  const recurrent = mlstmTrace(seq);
  const parallel = mlstmParallelTrace(seq);
  const raw = mlstmUnstabilisedTrace(rawGates(recurrent));
  const tensors: Record<string, Float64Array[]> = { ...recurrent.tensors, ...raw.tensors };
  const shapes: Record<string, readonly number[]> = { ...recurrent.shapes, ...raw.shapes };
  for (const [name, list] of Object.entries(parallel.tensors)) {
    tensors[PARALLEL_PREFIX + name] = list;
    shapes[PARALLEL_PREFIX + name] = parallel.shapes[name];
  }
  // õ is an input of the trace (the sequence's oPre), not one of its intermediates.
  const oPre = seq.oPre;
  if (oPre) tensors.o_pre = Array.from({ length: T }, (_, t) => oPre.data.slice(t * d, (t + 1) * d));
  shapes.o_pre = [d];
  const cost = costTrace(mlstmCostValues(d, requireParam(params, 'cost_T', 1)[0]));
  return withTrace({ steps: T, tensors, shapes }, cost);
}

const model: SheetModel<MlstmConfig> = {
  id: 'mlstm',
  label: bilingual('sheets.mlstm.label'),
  variants: MLSTM_VARIANTS,
  limits: limitsUpTo({ inputSize: 4, headSize: 4, steps: 6 }),
  // Seed 356: |ĩ| ≤ 2 and f from 0.5 to 0.98, so row 4 of D̃ still weighs the earlier steps
  // (0.16 … 1) until the "what to try" edit (ĩ₄ = 10) leaves only its diagonal.
  defaults: { inputSize: 3, headSize: 2, steps: 4, seed: 356 },
  estimateCells: (c) => {
    const d = c.headSize;
    const T = c.steps;
    return (
      T * (c.inputSize + 3 + 9 * d + 2 * d * d + 7) +
      5 * d * (c.inputSize + 1) +
      T * (3 * d + 3 * T + 6 + d) +
      80
    );
  },
  build,
  evaluate,
};

export const mlstmSpec: ModelSpec<MlstmConfig> = defineSpec(model);

/**
 * The LSTM encoder–decoder (sequence to sequence) sheet. The encoder LSTM reads the
 * source x₁ … x_T from zeros; the hand-over step copies its final (h, c) into the
 * decoder's initial state, the only path by which the source reaches the decoder; the
 * decoder LSTM reads y_in (teacher forcing) or its own previous prediction (feed back)
 * and a linear head gives ŷ_t = W_hy·h_t + b_y. Both LSTMs are the LSTM sheet's bands.
 */
import type { Trace } from '../core/trace';
import { limitsUpTo } from './limits';
import { defineSpec, type SheetModel } from './define-spec';
import { dotF } from './formulas';
import { t as text } from '../i18n';
import { bilingual, label } from './i18n';
import { carried } from './kit/flow';
import { legendColumn, sheetBuilder, writeTightFrame } from './kit/frame';
import { roleLine } from './kit/role-line';
import { editValue, settleEdit, type SheetEvaluator } from './kit/try-edit';
import { GAP_WIDTH, OPERATOR_WIDTH, PRE, VALUE, VALUE_WIDTH } from './kit/grid';
import { rowOf } from './kit/weights';
import { Block, PlanBuilder } from './layout';
import { textWidthUnits } from './style';
import { lstmLayout } from './lstm-sheet';
import {
  sectionHeight,
  writeCellSection,
  type CellSection,
  type SheetColumns,
} from './lstm-seq2seq-sections';
import {
  evaluateSeq2seq,
  FEED_BACK,
  feedsBack,
  HANDOVER_MAX,
  sheetInputs,
  sheetParams,
  sizesOf,
  stateDictProblems,
} from './lstm-seq2seq-weights';
import type { Labelled, ModelSpec, Seq2seqConfig, VariantIds } from './model-spec';
import type { SheetPlan, Verdict } from './plan';
import { GATE_WEIGHTS_LEGEND, legendWithout, recurrentLegend } from './recurrent-bands';
import type { Section } from './recurrent-sheet';
import { teachingTopRows, writeTeachingTop, type TryContent } from './recurrent-teach';

const VARIANTS: readonly Labelled<VariantIds['lstm-seq2seq']>[] = [
  { id: 'teacher-forcing', label: bilingual('sheets.seq2seq.variant.teacherForcing') },
  { id: FEED_BACK, label: bilingual('sheets.seq2seq.variant.feedBack') },
];

const LEGEND = recurrentLegend(GATE_WEIGHTS_LEGEND, [
  ['state', bilingual('sheets.legend.seq2seq.state')],
  ['gate', bilingual('sheets.legend.lstm.gate')],
  ['activation', bilingual('sheets.legend.lstm.activation')],
  ['computed', bilingual('sheets.legend.lstm.computed')],
  ['output', bilingual('sheets.legend.seq2seq.output')],
]);

/** The LSTM sheet's time block: [z | op | value] and a gap. */
const BLOCK_WIDTH = lstmLayout.blockWidth;

function columns(b: PlanBuilder, config: Seq2seqConfig): SheetColumns {
  const { I, H, O } = sizesOf(config);
  const wCol = 1;
  const arrowCol = wCol + Math.max(I, O, H + 1) + H + 2;
  return { b, lang: config.language, wCol, arrowCol, timeCol: (t) => arrowCol + 2 + t * BLOCK_WIDTH };
}

/** The encoder: x_t are the sheet's source inputs; it starts from zeros. */
function writeEncoder(cols: SheetColumns, config: Seq2seqConfig, top: number): CellSection {
  const { X } = sheetInputs(config);
  const { I, H, Ts } = sizesOf(config);
  return writeCellSection(
    cols,
    {
      name: 'enc',
      heading: text(cols.lang, 'sheets.seq2seq.encoder'),
      cell: sheetParams(config).encoder,
      T: Ts,
      inputLabel: 'x_t',
      stackRole: text(cols.lang, 'sheets.roles.recurrent.stack'),
      writeInput: (r0, col, t) =>
        cols.b.param({
          top: r0,
          left: col,
          rows: I,
          cols: 1,
          role: 'input',
          param: 'x',
          step: t,
          value: (r) => X.data[t * I + r],
          flat: (r) => t * I + r,
          tensor: 'x_t',
          index: (r) => [t, r],
        }),
      writeStart: (_state, r0, col) => {
        for (let r = 0; r < H; r++) cols.b.constant(r0 + r, col, 0, 'state');
      },
    },
    top,
  );
}

/**
 * The hand-over step: h and c of the encoder's last step, copied into their own labelled
 * cells, and below them how much they carry (the largest |h₀| and |c₀|, the gauges of the
 * "What to try" box).
 */
function writeHandover(cols: SheetColumns, enc: CellSection, config: Seq2seqConfig, top: number) {
  const { b, lang } = cols;
  const { H, Ts } = sizesOf(config);
  b.text(top, 0, text(lang, 'sheets.seq2seq.handover'), 'section');
  b.bandEquation(top + 1, cols.timeCol(0) - 1, cols.wCol, text(lang, 'sheets.seq2seq.handoverEq'));
  roleLine(b, { row: top + 1, col: cols.timeCol(0) }, text(lang, 'sheets.roles.seq2seq.handover'));
  const row = top + 3;
  const one = (state: 'h' | 'c', col: number, from: Block) => {
    const cells = b.computed({
      top: row,
      left: cols.timeCol(0) + col,
      rows: H,
      cols: 1,
      role: 'state',
      caption: `${state}₀ = ${state}_T`,
      formula: (r) => from.at(r),
      trace: `handover_${state}`,
      step: 0,
      tensor: `${state}_0 (decoder) = ${state}_T (encoder)`,
      equation: `${state}^{\\mathrm{dec}}_0 = ${state}^{\\mathrm{enc}}_{${Ts}}`,
    });
    carried(b, { from, to: cells, state, step: Ts - 1, handover: true });
    return cells;
  };
  const h = one('h', PRE, enc.h(Ts - 1));
  const c = one('c', VALUE, enc.c(Ts - 1));
  const gauges = writeHandoverMax(cols, { h, c }, row + H + 1);
  return { h, c, gauges, below: row + H + 3 };
}

/** The largest |h₀| and |c₀| on row `row`, under the hand-over cells; returns their A1 addresses. */
function writeHandoverMax(cols: SheetColumns, handover: { h: Block; c: Block }, row: number): string[] {
  const { b, lang } = cols;
  roleLine(b, { row, col: 0 }, text(lang, 'sheets.roles.seq2seq.handoverMax'));
  return (['h', 'c'] as const).map((state, flat) => {
    const from = handover[state];
    const cells = b.computed({
      top: row,
      left: from.left,
      rows: 1,
      cols: 1,
      role: 'computed',
      caption: `max |${state}₀|`,
      formula: () => `MAX(${Array.from({ length: from.rows }, (_, r) => `ABS(${from.at(r)})`).join(',')})`,
      trace: HANDOVER_MAX,
      step: 0,
      flat: () => flat,
      tensor: `max |${state}_0|`,
      equation: `\\max_r |${state}^{\\mathrm{dec}}_0[r]|`,
    });
    return cells.at(0);
  });
}

/** A blank row between the decoder and the output band. */
const OUTPUT_GAP = 1;

/** The output band's first value row: below the decoder, its gap, the equation and the captions. */
function outputTop(decoderTop: number, config: Seq2seqConfig): number {
  const { O, H } = sizesOf(config);
  return decoderTop + sectionHeight(O, H) + OUTPUT_GAP + 2;
}

/** The decoder's input at step t: y_in (teacher forcing), or the start vector then ŷ_{t−1} (feed back). */
function decoderInput(cols: SheetColumns, config: Seq2seqConfig, yHat: (t: number) => Block) {
  const { O } = sizesOf(config);
  const { Yin, start } = sheetInputs(config);
  const fed = feedsBack(config);
  return (r0: number, col: number, t: number): void => {
    const at = { top: r0, left: col, rows: O, cols: 1, step: t } as const;
    if (fed && t > 0) {
      cols.b.computed({
        ...at,
        role: 'copy',
        formula: (r) => yHat(t - 1).at(r),
        trace: 'dec_x',
        tensor: 'x_t = ŷ_{t−1}',
        equation: 'x^{\\mathrm{dec}}_t = \\hat{y}_{t-1}',
      });
      return;
    }
    const param = fed ? 'y_start' : 'y_in';
    const data = fed ? start.data : Yin.data;
    const flat = (r: number) => (fed ? r : t * O + r);
    cols.b.param({
      ...at,
      role: 'input',
      param,
      value: (r) => data[flat(r)],
      flat,
      tensor: fed ? 'start' : 'y_in,t',
    });
  };
}

function writeDecoder(
  cols: SheetColumns,
  config: Seq2seqConfig,
  handover: { h: Block; c: Block },
  top: number,
): CellSection {
  const { O, Tt } = sizesOf(config);
  const yTop = outputTop(top, config);
  const yHat = (t: number) => new Block(yTop, cols.timeCol(t), O, 1);
  const fed = feedsBack(config);
  return writeCellSection(
    cols,
    {
      name: 'dec',
      heading: text(cols.lang, fed ? 'sheets.seq2seq.decoderFedBack' : 'sheets.seq2seq.decoderForced'),
      cell: sheetParams(config).decoder,
      T: Tt,
      inputLabel: fed ? 'ŷ_{t−1}' : 'y_in,t',
      stackRole: text(cols.lang, 'sheets.roles.seq2seq.decoderStack'),
      writeInput: decoderInput(cols, config, yHat),
      writeStart: (state, r0, col) =>
        cols.b.computed({
          top: r0,
          left: col,
          rows: handover[state].rows,
          cols: 1,
          role: 'state',
          step: 0,
          formula: (r) => handover[state].at(r),
          trace: `dec_${state}_prev`,
          tensor: `${state}_0 (hand-over)`,
          equation: `${state}^{\\mathrm{dec}}_0`,
        }),
    },
    top,
  );
}

/** W_hy and b_y at the left, ŷ_t in every decoder step. */
function writeOutput(cols: SheetColumns, config: Seq2seqConfig, dec: CellSection, top: number): void {
  const { b, lang } = cols;
  const { H, O, Tt } = sizesOf(config);
  const p = sheetParams(config);
  b.bandEquation(top, cols.timeCol(0) - 1, cols.wCol, text(lang, 'sheets.seq2seq.output'));
  const role = feedsBack(config) ? 'sheets.roles.seq2seq.yHatFedBack' : 'sheets.roles.seq2seq.yHat';
  roleLine(b, { row: top, col: cols.timeCol(0) }, text(lang, role));
  const row = top + 2;
  const common = { top: row, rows: O } as const;
  const W = b.param({
    ...common,
    left: cols.wCol,
    cols: H,
    role: 'weight',
    param: 'W_hy',
    caption: 'W_hy',
    value: (r, c) => p.W_hy.data[r * H + c],
    name: 'W_hy',
  });
  const bias = b.param({
    ...common,
    left: cols.wCol + H,
    cols: 1,
    role: 'bias',
    param: 'b_y',
    caption: 'b_y',
    value: (r) => p.b_y[r],
  });
  for (let r = 0; r < O; r++) b.operator(row + r, cols.arrowCol, '→');
  for (let t = 0; t < Tt; t++)
    b.computed({
      ...common,
      left: cols.timeCol(t),
      cols: 1,
      role: 'output',
      caption: 'ŷ_t',
      formula: (r) => `${dotF(rowOf(W, r), dec.h(t).colRef())}+${bias.at(r, 0, true)}`,
      trace: 'y_hat',
      step: t,
      tensor: 'ŷ_t',
      equation: '\\hat{y}_t = W_{hy} h_t + b_y',
    });
  b.name('y_hat_T', new Block(row, cols.timeCol(Tt - 1), O, 1).range);
}

function widths(cols: SheetColumns, config: Seq2seqConfig): void {
  const { b } = cols;
  const { Ts, Tt } = sizesOf(config);
  for (let c = cols.wCol; c < cols.arrowCol; c++) b.width(c, 7);
  b.width(cols.arrowCol, 3);
  // Column A and the weights hold each section's stack line, which runs up to the "Time"
  // header: the narrowest weights (H = 1) widen column A for the decoder's longer line.
  const stackLines = ['sheets.roles.recurrent.stack', 'sheets.roles.seq2seq.decoderStack'] as const;
  const need = Math.max(...stackLines.map((k) => textWidthUnits(text(cols.lang, k)) + 1));
  let weights = 0;
  for (let c = cols.wCol; c <= cols.arrowCol; c++) weights += b.widthOf(c);
  b.width(0, Math.max(24, Math.ceil(need - weights)));
  b.width(cols.arrowCol + 1, 10);
  for (let t = 0; t < Math.max(Ts, Tt); t++)
    for (let c = 0; c < BLOCK_WIDTH; c++) {
      const w = c === BLOCK_WIDTH - 1 ? GAP_WIDTH : c === PRE || c === VALUE ? VALUE_WIDTH : OPERATOR_WIDTH;
      b.width(cols.timeCol(t) + c, w);
    }
}

function build(config: Seq2seqConfig): SheetPlan {
  const lang = config.language;
  const { I, H, O, Ts, Tt } = sizesOf(config);
  const b = sheetBuilder(config, 'LSTM seq2seq');
  const cols = columns(b, config);
  // Widths first: a band's equation goes beside its results only where the columns hold it.
  widths(cols, config);
  // The decoder copies its prediction back in only when it feeds back over two steps or more.
  const copies = feedsBack(config) && Tt > 1;
  const row = writeTightFrame(b, config, {
    title: bilingual('sheets.seq2seq.title'),
    sizes: [
      [label(lang, 'inputSize'), I],
      [label(lang, 'hiddenSize'), H],
      [text(lang, 'sheets.seq2seq.outputSize'), O],
    ],
    afterSteps: [[text(lang, 'sheets.seq2seq.targetSteps'), Tt]],
    // Above the first time block, or a later one where the variant label needs the room.
    legendCol: legendColumn(b, config, VARIANTS, {
      firstCol: cols.timeCol(0),
      blockWidth: BLOCK_WIDTH,
      steps: Math.max(Ts, Tt),
    }),
    legend: copies ? LEGEND : legendWithout(LEGEND, ['copy']),
    variants: VARIANTS,
    note: label(lang, 'dotNote'),
  });
  // The hand-over box fits any source length (it needs no step to carry into).
  const enc = writeEncoder(cols, config, row + teachingTopRows(true));
  const handover = writeHandover(cols, enc, config, enc.below + 1);
  const dec = writeDecoder(cols, config, handover, handover.below + 1);
  writeOutput(cols, config, dec, dec.below + OUTPUT_GAP);
  const right = cols.timeCol(Math.max(Ts, Tt) - 1) + BLOCK_WIDTH - 2;
  writeTeachingTop(
    b,
    row,
    right,
    'sheets.seq2seq.papersNote',
    handoverTry(enc.section, handover.gauges, (params) => evaluateSeq2seq(config, params)),
    true,
  );
  b.freeze(1, 0);
  return b.build();
}

/** b_ii values the box tries: −10 closes iₜ (below 0.001) on the usual weights. */
const CLOSING_BIASES = [-10, -20, -50, -100, -1000];

/** Below this largest |value|, a hand-over state carries (almost) nothing of the source. */
export const HANDOVER_EMPTY = 0.01;

/**
 * The box: close the encoder's input gates (b_ii = −10 on the usual weights) and the
 * hand-over empties, so the decoder no longer depends on the source. The verdict reads the
 * hand-over's size, the largest |h₀| and |c₀| (`gauges`, in that order); h₀ ≈ 0 alone (an
 * output gate closed) leaves c₀ carrying the source. Small-integer weights reach
 * pre-activations of 10 and more, so the value asked for is settled on the sheet's weights.
 */
function handoverTry(s: Section, gauges: readonly string[], evaluate: SheetEvaluator): TryContent {
  const lang = s.lang;
  // [W_ii | W_hi | b_ii | b_hi]: b_ii is the first column after the two weight blocks.
  const biases = new Block(s.band('i', 0).top, s.wCol + s.inSize + s.H, s.H, 1);
  const empty = (gauge: number) => ({ gauge, op: '<', value: HANDOVER_EMPTY }) as const;
  const verdict: Verdict = {
    gauges: [0, 1].map((flat) => ({ name: HANDOVER_MAX, step: 0, flat })),
    cases: [
      { when: [empty(0), empty(1)], text: text(lang, 'sheets.seq2seq.try.empty') },
      { when: [empty(0)], text: text(lang, 'sheets.seq2seq.try.onlyCell') },
    ],
    otherwise: text(lang, 'sheets.seq2seq.try.reaches'),
  };
  const value = settleEdit(s.b, evaluate, verdict, {
    cells: Array.from({ length: s.H }, (_, r) => ({ row: biases.top + r, col: biases.left })),
    candidates: CLOSING_BIASES,
    wanted: verdict.cases[0].text,
  });
  return {
    edit: text(lang, 'sheets.seq2seq.try.edit', { cells: biases.ref(), value: editValue(value) }),
    watch: text(lang, 'sheets.seq2seq.try.watch'),
    verdict,
    gaugeCells: gauges,
    tensor: 'what the hand-over carries',
    equation: `\\max |h^{\\mathrm{dec}}_0|, \\max |c^{\\mathrm{dec}}_0| < ${HANDOVER_EMPTY}`,
  };
}

function estimateCells(c: Seq2seqConfig): number {
  const { I, H, O, Ts, Tt } = sizesOf(c);
  // Per step: the stacked column, c_{t−1}, and seven bands of H values in up to 3 columns.
  const section = (inSize: number, T: number) => T * (inSize + 2 * H + 2 + 21 * H) + 7 * H * (inSize + H + 3);
  return section(I, Ts) + section(O, Tt) + 2 * H + O * (H + 1) + Tt * O + 80;
}

const model: SheetModel<Seq2seqConfig> = {
  id: 'lstm-seq2seq',
  label: bilingual('sheets.seq2seq.label'),
  variants: VARIANTS,
  limits: limitsUpTo({ inputSize: 4, hiddenSize: 4, outputSize: 4, steps: 6, targetSteps: 6 }),
  // PyTorch-style decimals, as the recurrent sheets: integer weights saturate the states.
  defaults: { inputSize: 2, hiddenSize: 2, outputSize: 2, steps: 3, targetSteps: 3, init: 'torch' },
  estimateCells,
  stateDictProblems,
  build,
  evaluate: (config, params): Trace => evaluateSeq2seq(config, params),
};

export const lstmSeq2seqSpec: ModelSpec<Seq2seqConfig> = defineSpec(model);

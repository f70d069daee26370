/**
 * The training sheets rnn-bptt and lstm-bptt: forward pass with an output head and the
 * loss, backpropagation through time running right to left, each step's contribution to
 * every weight gradient and their sums, one SGD step and the loss again with the new
 * weights. Every number after the parameters is a live native formula; the sheet's trace
 * (bptt-model.ts) is what each of them must equal.
 */
import { defineSpec, type SheetModel } from './define-spec';
import { bilingual, label } from './i18n';
import { t } from '../i18n';
import { PlanBuilder, paramFormatFor, type LegendEntry } from './layout';
import type { Labelled, TrainingConfig, ModelSpec } from './model-spec';
import type { SheetPlan } from './plan';
import { BpttLayout } from './bptt-layout';
import {
  bpttSheetTrace,
  derivativeTraces,
  gatesOf,
  isLong,
  effectiveConfig,
  seededSetup,
  setupFromParams,
  type BpttKind,
} from './bptt-model';
import { writeForward } from './bptt-forward';
import { writeBackward } from './bptt-backward';
import { writeGradients } from './bptt-gradients';
import { writeSgd } from './bptt-sgd';
import { BPTT_TRY_ROWS, bpttTryBox, partLine } from './bptt-teach';
import { configRecord, legendColumn, writeTightFrame } from './kit/frame';
import { DATA_BAR_COLOR } from './style';

const VARIANTS: readonly Labelled<NonNullable<TrainingConfig['variant']>>[] = [
  { id: 'standard', label: bilingual('sheets.bptt.standard') },
  { id: 'long', label: bilingual('sheets.bptt.long') },
];

const LIMITS = {
  inputSize: { min: 1, max: 4 },
  hiddenSize: { min: 1, max: 4 },
  outputSize: { min: 1, max: 4 },
  steps: { min: 1, max: 30 },
};

/** The legend lines of the sheet: the RNN has no gates and no activations to colour. */
function legend(kind: BpttKind): readonly LegendEntry[] {
  return [
    ['input', bilingual('sheets.bptt.legendTarget')],
    ['weight', bilingual('sheets.bptt.legendWeights')],
    ['recurrentWeight', bilingual('sheets.bptt.legendRecurrent')],
    ['bias', bilingual('sheets.bptt.legendBias')],
    ['state', bilingual('sheets.bptt.legendState')],
    ...(kind === 'lstm' ? (['gate', 'activation'] as const) : []),
    ['computed', bilingual('sheets.bptt.legendComputed')],
    ['output', bilingual('sheets.bptt.legendOutput')],
  ];
}

function build(kind: BpttKind, asked: TrainingConfig): SheetPlan {
  const config = effectiveConfig(asked);
  const lang = config.language;
  const { inputSize: I, hiddenSize: H, outputSize: O, steps: T } = config;
  const n = { I, H, G: gatesOf(kind) * H, O, T };
  const name = kind === 'rnn' ? 'RNN BPTT' : 'LSTM BPTT';
  const b = new PlanBuilder(
    `${kind}-bptt`,
    lang,
    name,
    configRecord(asked),
    paramFormatFor(config.init, false),
  );
  const L = new BpttLayout(b, kind, seededSetup(kind, config), n);
  // The widths first: the legend and the try box's verdict are placed on them.
  L.widths();
  const first = writeTightFrame(b, config, {
    title: bilingual(kind === 'rnn' ? 'sheets.bptt.rnnTitle' : 'sheets.bptt.lstmTitle'),
    sizes: [
      [label(lang, 'inputSize'), I],
      [label(lang, 'hiddenSize'), H],
      [t(lang, 'sheets.bptt.outputSize'), n.O],
    ],
    // The start block, or a later one where the variant label needs the room.
    legendCol: legendColumn(b, config, VARIANTS, {
      firstCol: L.firstCol,
      blockWidth: L.blockWidth,
      steps: T + 1,
    }),
    legend: legend(kind),
    variants: VARIANTS,
  });
  const forward = writeForward(L, partLine(b, kind, 'forward', first + BPTT_TRY_ROWS));
  const backTop = partLine(b, kind, 'backward', forward.next);
  const backward = writeBackward(L, forward.weights, forward.rows, backTop, isLong(config));
  const gradients = writeGradients(
    L,
    forward.rows,
    backward.rows,
    partLine(b, kind, 'gradients', backward.next),
  );
  const sgd = writeSgd(
    L,
    forward.rows,
    forward.weights,
    gradients.grads,
    partLine(b, kind, 'sgd', gradients.next),
  );
  // The box sits under the summary; its verdict reads L′ − L, written last.
  bpttTryBox(b, first, L.fcol(1, 0), sgd, (params) => bpttSheetTrace(setupFromParams(kind, config, params)));
  for (const bar of backward.rows.bars) {
    const range = { top: bar.row, bottom: bar.row, left: bar.left, right: bar.right };
    b.conditionalFormat({ kind: 'dataBar', range, color: DATA_BAR_COLOR });
  }
  b.freeze(0, L.labelCol + 1);
  return b.build();
}

function bpttModel(kind: BpttKind): SheetModel<TrainingConfig> {
  return {
    id: kind === 'rnn' ? 'rnn-bptt' : 'lstm-bptt',
    label: bilingual(kind === 'rnn' ? 'sheets.bptt.rnnLabel' : 'sheets.bptt.lstmLabel'),
    variants: VARIANTS,
    limits: LIMITS,
    defaults: {
      model: kind === 'rnn' ? 'rnn-bptt' : 'lstm-bptt',
      language: 'en',
      inputSize: 2,
      hiddenSize: 2,
      outputSize: 1,
      steps: 4,
      seed: 1,
      init: 'torch',
      variant: 'standard',
    },
    estimateCells: (c) =>
      effectiveConfig(c).steps *
      (c.inputSize + c.hiddenSize + 6) *
      (gatesOf(kind) * c.hiddenSize + 3 * c.outputSize + 10),
    derivatives: derivativeTraces(kind),
    build: (config) => build(kind, config),
    evaluate: (config, params) => bpttSheetTrace(setupFromParams(kind, effectiveConfig(config), params)),
  };
}

export const rnnBpttSpec: ModelSpec<TrainingConfig> = defineSpec(bpttModel('rnn'));
export const lstmBpttSpec: ModelSpec<TrainingConfig> = defineSpec(bpttModel('lstm'));

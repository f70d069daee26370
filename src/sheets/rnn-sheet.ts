/**
 * The vanilla RNN sheet: h_t = tanh|ReLU(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh). One band:
 * the weight row [W_ih | W_hh | b_ih | b_hh] dotted with the stacked column gives the
 * pre-activation, the nonlinearity gives h_t. Variants: ReLU, bidirectional, and stacked
 * layers through `numLayers`.
 */
import { reluF, tanhF } from './formulas';
import { OP, PRE, VALUE } from './kit/grid';
import { editValue, strengths, trySettle, type SheetEvaluator } from './kit/try-edit';
import type { ModelSpec, RecurrentConfig } from './model-spec';
import { t } from '../i18n';
import { bilingual } from './i18n';
import { a1, type Verdict } from './plan';
import {
  elementwiseBand,
  JOINED_OUTPUT_LEGEND,
  recurrentLegend,
  writeDotStep,
  writeStackedWeights,
} from './recurrent-bands';
import { cellLayout, type Band, type CellLayout, type Section, type StackShape } from './recurrent-sheet';
import type { TryContent } from './recurrent-teach';
import { BIDIRECTIONAL, recurrentSpec, type RecurrentModel } from './recurrent-spec';

function hBand(shape: StackShape): Band {
  const act = shape.nonlinearity === 'relu' ? 'ReLU' : 'tanh';
  const actTex = shape.nonlinearity === 'relu' ? '\\operatorname{ReLU}' : '\\tanh';
  const relu = shape.nonlinearity === 'relu';
  return {
    id: 'h',
    roleLine: (s) => t(s.lang, relu ? 'sheets.roles.rnn.hRelu' : 'sheets.roles.rnn.h'),
    equation: (s) => `h_t = ${act}(W_ih·x_t + b_ih + W_hh·h_{${s.prev}} + b_hh)`,
    captions: () => [
      [PRE, 'z_t'],
      [VALUE, 'h_t'],
    ],
    writeWeights: (s, top) => {
      writeStackedWeights(s, top, 0, { wi: 'W_ih', wh: 'W_hh', bi: 'b_ih', bh: 'b_hh' });
    },
    writeStep: (s, top, step) =>
      writeDotStep(s, top, step, {
        pre: {
          trace: 'pre',
          tensor: 'z_t',
          equation: `z_t = W_{ih} x_t + b_{ih} + W_{hh} h_{${s.prev}} + b_{hh}`,
        },
        op: act,
        value: {
          role: 'state',
          trace: 'h',
          tensor: 'h_t',
          equation: `h_t = ${actTex}(z_t)`,
          formula: (pre) => (shape.nonlinearity === 'relu' ? reluF(pre) : tanhF(pre)),
        },
      }),
  };
}

/**
 * How much hₜ still moves when zₜ changes: 1 − hₜ² for tanh (near 0 the unit is
 * saturated), 1 or 0 for ReLU (0: the unit is cut off). Trace `slope` (teach-trace.ts).
 */
function slopeBand(shape: StackShape): Band {
  const relu = shape.nonlinearity === 'relu';
  return elementwiseBand({
    id: 'slope',
    trace: 'slope',
    role: 'computed',
    caption: '∂h/∂z',
    text: () => (relu ? '∂h_t/∂z_t = 1 if z_t > 0, else 0' : '∂h_t/∂z_t = 1 − h_t²'),
    tex: () =>
      relu ? '\\partial h_t / \\partial z_t = [z_t > 0]' : '\\partial h_t / \\partial z_t = 1 - h_t^2',
    op: relu ? '[z>0]' : '1−h²',
    opCol: OP,
    valueCol: VALUE,
    formula: (s, step, r) => {
      const h = s.band('h', step).at(r);
      return relu ? `IF(${s.band('h', step, PRE).at(r)}>0,1,0)` : `1-${h}*${h}`;
    },
    roleLine: (s) => t(s.lang, relu ? 'sheets.roles.rnn.slopeRelu' : 'sheets.roles.rnn.slope'),
  });
}

export const rnnLayout: CellLayout = cellLayout({
  kind: 'rnn',
  title: bilingual('sheets.rnn.title'),
  ones: 2,
  legend: recurrentLegend(
    [
      ['weight', bilingual('sheets.legend.rnn.weight')],
      ['recurrentWeight', bilingual('sheets.legend.rnn.recurrentWeight')],
      ['bias', bilingual('sheets.legend.rnn.bias')],
    ],
    [
      ['state', bilingual('sheets.legend.rnn.state')],
      ['computed', bilingual('sheets.legend.rnn.computed')],
      JOINED_OUTPUT_LEGEND,
    ],
  ),
  weightCols: (inSize, H) => inSize + H + 2,
  bands: (shape) => [hBand(shape), slopeBand(shape)],
  papersNote: 'sheets.rnn.papersNote',
  tryIt: rnnTry,
});

/** Below this slope a tanh unit counts as saturated; a ReLU unit's slope is 0 or 1. */
export const SATURATED_SLOPE = 0.05;

/**
 * tanh: b_ih[1] = +5 saturates unit 1 (slope ≈ 0 at every step); ReLU: b_ih[1] = −5
 * kills it (h = 0, slope 0 at every step). The verdict reads unit 1's slope at every step;
 * where the sheet's weights need more than ±5, the box asks for ±10, ±20 or ±50.
 */
function rnnTry(s: Section, shape: StackShape, evaluate: SheetEvaluator): TryContent {
  const relu = shape.nonlinearity === 'relu';
  const lang = s.lang;
  const limit = relu ? 0.5 : SATURATED_SLOPE;
  const steps = Array.from({ length: s.T }, (_, k) => k);
  const all = (op: '<' | '>') => steps.map((gauge) => ({ gauge, op, value: limit }));
  const verdict: Verdict = {
    gauges: steps.map((step) => ({ name: s.tname('slope'), step, flat: 0 })),
    cases: [
      { when: all('<'), text: t(lang, relu ? 'sheets.rnn.try.dead' : 'sheets.rnn.try.saturated') },
      { when: all('>'), text: t(lang, relu ? 'sheets.rnn.try.alive' : 'sheets.rnn.try.responds') },
    ],
    otherwise: t(lang, relu ? 'sheets.rnn.try.someDead' : 'sheets.rnn.try.some'),
  };
  // [W_ih | W_hh | b_ih | b_hh]: b_ih is the first column after the two weight blocks.
  const at = { row: s.band('h', 0).top, col: s.wCol + s.inSize + s.H };
  const candidates = strengths(relu ? -1 : 1);
  const settled = trySettle(s.b, evaluate, verdict, {
    cells: [at],
    candidates,
    wanted: verdict.cases[0].text,
  });
  const value = settled ?? candidates[candidates.length - 1];
  // Integer weights and an unbounded ReLU can grow h beyond any bias: say so, not "dead".
  const watch =
    settled === undefined
      ? t(lang, 'sheets.rnn.try.watchGrows', { value: editValue(value) })
      : t(lang, relu ? 'sheets.rnn.try.watchRelu' : 'sheets.rnn.try.watch');
  return {
    edit: t(lang, relu ? 'sheets.rnn.try.editRelu' : 'sheets.rnn.try.edit', {
      cell: a1(at.row, at.col),
      value: editValue(value),
    }),
    watch,
    verdict,
    gaugeCells: steps.map((step) => s.band('slope', step).at(0)),
    tensor: 'slope[1]',
    equation: relu ? '[z_t > 0]' : `1 - h_t^2 < ${SATURATED_SLOPE}`,
  };
}

export const rnnModel: RecurrentModel<'rnn'> = {
  layout: rnnLayout,
  label: bilingual('sheets.rnn.label'),
  variants: [
    { id: 'tanh', label: bilingual('sheets.rnn.variant.tanh'), stack: { nonlinearity: 'tanh' } },
    { id: 'relu', label: bilingual('sheets.rnn.variant.relu'), stack: { nonlinearity: 'relu' } },
    {
      ...BIDIRECTIONAL,
      label: bilingual('sheets.rnn.variant.bidirectional'),
      stack: { bidirectional: true, nonlinearity: 'tanh' },
    },
    {
      id: 'bidirectional-relu',
      label: bilingual('sheets.rnn.variant.bidirectionalRelu'),
      stack: { bidirectional: true, nonlinearity: 'relu' },
    },
  ],
  hiddenSize: 3,
};

export const rnnSpec: ModelSpec<RecurrentConfig> = recurrentSpec(rnnModel);

/**
 * The vanilla RNN sheet: h_t = tanh|ReLU(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh). One band:
 * the weight row [W_ih | W_hh | b_ih | b_hh] dotted with the stacked column gives the
 * pre-activation, the nonlinearity gives h_t. Variants: ReLU, bidirectional, and stacked
 * layers through `numLayers`.
 */
import { reluF, tanhF } from './formulas';
import { PRE, VALUE } from './kit/grid';
import type { ModelSpec, RecurrentConfig } from './model-spec';
import { recurrentLegend, writeDotStep, writeStackedWeights } from './recurrent-bands';
import { cellLayout, type Band, type CellLayout, type StackShape } from './recurrent-sheet';
import { BIDIRECTIONAL, recurrentSpec, type RecurrentModel } from './recurrent-spec';

function hBand(shape: StackShape): Band {
  const act = shape.nonlinearity === 'relu' ? 'ReLU' : 'tanh';
  const actTex = shape.nonlinearity === 'relu' ? '\\operatorname{ReLU}' : '\\tanh';
  return {
    id: 'h',
    equation: (s) => `h_t = ${act}(W_ih·x_t + b_ih + W_hh·h_{${s.prev}} + b_hh)`,
    captions: () => [
      [PRE, 'z_t'],
      [VALUE, 'h_t'],
    ],
    writeWeights: (s, top) => {
      writeStackedWeights(s, top, 0, { wi: 'W_ih', wh: 'W_hh', bi: 'b_ih', bh: 'b_hh' });
    },
    writeStep: (s, top, t) =>
      writeDotStep(s, top, t, {
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

export const rnnLayout: CellLayout = cellLayout({
  kind: 'rnn',
  title: { en: 'Recurrent Neural Network (RNN)', zh: '循环神经网络 (RNN)' },
  ones: 2,
  legend: recurrentLegend(
    [
      ['weight', { en: 'input weights W_ih', zh: '输入权重 W_ih' }],
      ['recurrentWeight', { en: 'recurrent weights W_hh', zh: '循环权重 W_hh' }],
      ['bias', { en: 'biases b_ih, b_hh', zh: '偏置 b_ih、b_hh' }],
    ],
    [
      ['state', { en: 'hidden state h', zh: '隐藏状态 h' }],
      ['computed', { en: 'pre-activation zₜ (formula)', zh: '预激活 zₜ（公式）' }],
    ],
  ),
  weightCols: (inSize, H) => inSize + H + 2,
  bands: (shape) => [hBand(shape)],
});

export const rnnModel: RecurrentModel = {
  layout: rnnLayout,
  label: { en: 'RNN', zh: 'RNN 循环神经网络' },
  variants: [
    { id: 'tanh', label: { en: 'tanh (Elman)', zh: 'tanh（Elman）' }, stack: { nonlinearity: 'tanh' } },
    { id: 'relu', label: { en: 'ReLU', zh: 'ReLU' }, stack: { nonlinearity: 'relu' } },
    {
      ...BIDIRECTIONAL,
      label: { en: 'bidirectional (tanh)', zh: '双向（tanh）' },
      stack: { bidirectional: true, nonlinearity: 'tanh' },
    },
    {
      id: 'bidirectional-relu',
      label: { en: 'bidirectional (ReLU)', zh: '双向（ReLU）' },
      stack: { bidirectional: true, nonlinearity: 'relu' },
    },
  ],
  hiddenSize: 3,
};

export const rnnSpec: ModelSpec<RecurrentConfig> = recurrentSpec(rnnModel);

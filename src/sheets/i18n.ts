/**
 * Sheet text in English and Simplified Chinese. Shared captions live in the tables
 * below; a builder with text of its own passes `{ en, zh }` pairs to `pick`, so a new
 * model never needs to touch this file to be bilingual.
 */
import { t } from '../i18n';
import type { CellRole, Language } from './plan';

export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

export function pick(lang: Language, text: Bilingual): string {
  return text[lang];
}

const en = {
  byHand: 'by hand',
  config: 'Configuration',
  inputSize: 'Input size I',
  hiddenSize: 'Hidden size H',
  steps: 'Sequence length T',
  seed: 'Seed',
  init: 'Init',
  initTorch: 'PyTorch uniform ±1/√H',
  initHand: 'small integers −2…2',
  initStateDict: 'loaded state_dict',
  layers: 'Layers',
  variant: 'Variant',
  time: 'Time',
  tEquals: 't =',
  input: 'Input x_t',
  prevHidden: 'Hidden state h_{t−1}',
  prevCell: 'Cell state c_{t−1}',
  one: 'bias inputs (1)',
  stacked: 'stacked column [x_t ; h_{t−1} ; 1 ; 1]',
  layer: 'Layer',
  forward: 'forward',
  backward: 'backward (reads time right → left)',
  legend: 'Legend',
  dotNote: 'Each weight row is dotted with the stacked column of its time step (MMULT row × column).',
  liveNote: 'Every coloured number is live: edit an input or a weight and watch it flow through time.',
  preActivation: 'pre-activation',
  output: 'Output',
  weights: 'Weights (written once)',
} as const;

export type LabelKey = keyof typeof en;

const zh: Record<LabelKey, string> = {
  byHand: '手算',
  config: '配置',
  inputSize: '输入维度 I',
  hiddenSize: '隐藏维度 H',
  steps: '序列长度 T',
  seed: '随机种子',
  init: '初始化',
  initTorch: 'PyTorch 均匀分布 ±1/√H',
  initHand: '小整数 −2…2',
  initStateDict: '已载入 state_dict',
  layers: '层数',
  variant: '变体',
  time: '时间',
  tEquals: 't =',
  input: '输入 x_t',
  prevHidden: '隐藏状态 h_{t−1}',
  prevCell: '细胞状态 c_{t−1}',
  one: '偏置输入 (1)',
  stacked: '堆叠列 [x_t ; h_{t−1} ; 1 ; 1]',
  layer: '第',
  forward: '正向',
  backward: '反向（时间从右向左）',
  legend: '图例',
  dotNote: '每一行权重与该时间步的堆叠列做点积（MMULT 行 × 列）。',
  liveNote: '所有彩色数字都是活的：修改输入或权重，观察它随时间传播。',
  preActivation: '预激活',
  output: '输出',
  weights: '权重（只写一次）',
};

const TABLES: Record<Language, Record<LabelKey, string>> = { en, zh };

export function label(lang: Language, key: LabelKey): string {
  return TABLES[lang][key];
}

/** "Layer 2 · forward" / "第 2 层 · 正向". */
export function layerCaption(lang: Language, layer: number, backward: boolean): string {
  const dir = label(lang, backward ? 'backward' : 'forward');
  return t(lang, 'sheets.layerCaption', { layer: layer + 1, direction: dir });
}

/** General captions; a sheet passes its own wording where the model names things differently. */
export const ROLE_LEGEND: Readonly<Partial<Record<CellRole, Bilingual>>> = {
  input: { en: 'input', zh: '输入' },
  weight: { en: 'input weights', zh: '输入权重' },
  recurrentWeight: { en: 'recurrent weights', zh: '循环权重' },
  bias: { en: 'biases', zh: '偏置' },
  state: { en: 'states', zh: '状态' },
  gate: { en: 'gates (σ)', zh: '门 (σ)' },
  activation: { en: 'activations', zh: '激活' },
  computed: { en: 'intermediate values (formulas)', zh: '中间值（公式）' },
  copy: { en: 'copies of values shown elsewhere (formulas)', zh: '其他位置数值的副本（公式）' },
  output: { en: 'outputs', zh: '输出' },
  answer: { en: 'your answers (blanks to fill)', zh: '你的答案（待填空格）' },
};

export function roleLegend(lang: Language, role: CellRole): string {
  const text = ROLE_LEGEND[role];
  return text ? text[lang] : role;
}

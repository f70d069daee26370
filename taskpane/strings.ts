/**
 * Every string the pane shows, in English and Simplified Chinese. Messages that carry
 * numbers are functions so word order can differ between the languages.
 */
import type { Language, ModelId } from '../src/sheets/plan';
import type { SizeField } from '../src/sheets/model-spec';
import type { Difficulty } from '../src/practice/metadata';

export interface Strings {
  readonly appTitle: string;
  readonly intro: string;
  readonly model: string;
  readonly variant: string;
  readonly sizes: string;
  readonly sizeLabel: (field: SizeField, model: ModelId) => string;
  readonly range: (min: number, max: number) => string;
  readonly required: string;
  readonly wholeNumber: string;
  readonly outOfRange: (min: number, max: number) => string;
  readonly weights: string;
  readonly weightsSeeded: string;
  readonly weightsStateDict: string;
  readonly seed: string;
  readonly init: string;
  readonly initTorch: string;
  readonly initHand: string;
  readonly stateDict: string;
  readonly stateDictHint: string;
  readonly stateDictEmpty: string;
  readonly stateDictNotJson: (detail: string) => string;
  readonly stateDictNotObject: string;
  readonly upload: string;
  readonly mode: string;
  readonly walkthrough: string;
  readonly practice: string;
  readonly difficulty: string;
  readonly difficulties: Readonly<Record<Difficulty, string>>;
  readonly language: string;
  readonly build: string;
  readonly building: (done: number, total: number) => string;
  readonly built: (model: string, steps: number, formulas: number, sheet: string) => string;
  readonly buildFailed: string;
  readonly cannotBuild: string;
  readonly download: string;
  readonly downloading: string;
  readonly downloaded: (file: string) => string;
  readonly unsupported: string;
}

const SIZE_EN: Record<SizeField, string> = {
  inputSize: 'Input size I',
  hiddenSize: 'Hidden size H',
  steps: 'Steps T',
  stateSize: 'State size N',
  heads: 'Heads',
  numLayers: 'Layers',
};

const SIZE_ZH: Record<SizeField, string> = {
  inputSize: '输入维度 I',
  hiddenSize: '隐藏维度 H',
  steps: '时间步 T',
  stateSize: '状态维度 N',
  heads: '头数',
  numLayers: '层数',
};

/** Where a model gives a size field its own meaning (see ModelConfig). */
const SIZE_OVERRIDES: Partial<Record<ModelId, Partial<Record<SizeField, { en: string; zh: string }>>>> = {
  'mamba-scan': { inputSize: { en: 'Channels D', zh: '通道数 D' } },
  'mamba-block': {
    inputSize: { en: 'd_model', zh: 'd_model' },
    hiddenSize: { en: 'd_inner', zh: 'd_inner' },
  },
  mlstm: { hiddenSize: { en: 'Head dimension d', zh: '头维度 d' } },
};

export const STRINGS: Readonly<Record<Language, Strings>> = {
  en: {
    appTitle: 'Sequence models by hand',
    intro: 'Build a sheet where every number of the forward pass is a live formula.',
    model: 'Model',
    variant: 'Variant',
    sizes: 'Sizes',
    sizeLabel: (f, m) => SIZE_OVERRIDES[m]?.[f]?.en ?? SIZE_EN[f],
    range: (min, max) => `${min}–${max}`,
    required: 'Enter a number.',
    wholeNumber: 'Enter a whole number.',
    outOfRange: (min, max) => `Must be between ${min} and ${max}.`,
    weights: 'Weights',
    weightsSeeded: 'Random, from a seed',
    weightsStateDict: 'PyTorch state_dict (JSON)',
    seed: 'Seed',
    init: 'Initialisation',
    initTorch: 'PyTorch default (uniform ±1/√H)',
    initHand: 'Small integers (−2…2), easy by hand',
    stateDict: 'state_dict JSON',
    stateDictHint: 'Paste {"weight_ih_l0": [[…]], …} or upload a .json file (at most 2 MB).',
    stateDictEmpty: 'Paste or upload a state_dict.',
    stateDictNotJson: (d) => `Not valid JSON: ${d}`,
    stateDictNotObject: 'The JSON must be an object mapping tensor names to arrays.',
    upload: 'Upload .json',
    mode: 'Sheet',
    walkthrough: 'Walkthrough (every formula filled in)',
    practice: 'Practice (blanks to fill)',
    difficulty: 'What to leave blank',
    difficulties: {
      'one-gate': 'One gate',
      'one-step': 'One time step',
      'all-gates': 'All gates',
      everything: 'Everything computed',
    },
    language: 'Language',
    build: 'Build sheet',
    building: (d, t) => `Writing the sheet… ${d} of ${t}`,
    built: (m, s, f, sheet) =>
      `${m} · ${s} ${s === 1 ? 'step' : 'steps'} · ${f} formulas on sheet '${sheet}'`,
    buildFailed: 'The sheet could not be built.',
    cannotBuild: 'Fix these first:',
    download: 'Download .xlsx',
    downloading: 'Preparing the file…',
    downloaded: (file) => `Saved ${file}.`,
    unsupported: 'This Excel cannot run the add-in.',
  },
  zh: {
    appTitle: '手算序列模型',
    intro: '生成一张工作表：前向计算的每个数都是可实时更新的公式。',
    model: '模型',
    variant: '变体',
    sizes: '尺寸',
    sizeLabel: (f, m) => SIZE_OVERRIDES[m]?.[f]?.zh ?? SIZE_ZH[f],
    range: (min, max) => `${min}–${max}`,
    required: '请输入数字。',
    wholeNumber: '请输入整数。',
    outOfRange: (min, max) => `必须在 ${min} 到 ${max} 之间。`,
    weights: '权重',
    weightsSeeded: '按随机种子生成',
    weightsStateDict: 'PyTorch state_dict（JSON）',
    seed: '随机种子',
    init: '初始化方式',
    initTorch: 'PyTorch 默认（均匀分布 ±1/√H）',
    initHand: '小整数（−2…2），便于手算',
    stateDict: 'state_dict JSON',
    stateDictHint: '粘贴 {"weight_ih_l0": [[…]], …}，或上传 .json 文件（最多 2 MB）。',
    stateDictEmpty: '请粘贴或上传 state_dict。',
    stateDictNotJson: (d) => `不是有效的 JSON：${d}`,
    stateDictNotObject: 'JSON 必须是从张量名到数组的对象。',
    upload: '上传 .json',
    mode: '工作表类型',
    walkthrough: '讲解（公式全部填好）',
    practice: '练习（留空待填）',
    difficulty: '留空的内容',
    difficulties: {
      'one-gate': '一个门',
      'one-step': '一个时间步',
      'all-gates': '所有门',
      everything: '全部计算结果',
    },
    language: '语言',
    build: '生成工作表',
    building: (d, t) => `正在写入工作表… ${d}/${t}`,
    built: (m, s, f, sheet) => `${m} · ${s} 个时间步 · ${f} 个公式，位于工作表“${sheet}”`,
    buildFailed: '无法生成工作表。',
    cannotBuild: '请先修正：',
    download: '下载 .xlsx',
    downloading: '正在准备文件…',
    downloaded: (file) => `已保存 ${file}。`,
    unsupported: '此版本的 Excel 无法运行本加载项。',
  },
};

export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', zh: '简体中文' };

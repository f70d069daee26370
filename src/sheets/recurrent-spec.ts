/**
 * The RNN, LSTM and GRU sheets as models of the one spec factory (define-spec.ts): a
 * model file supplies its cell layout and what each of its variants means for the stack;
 * the recurrent checks (a pasted state_dict matching the asked sizes, a peephole LSTM's
 * single layer) are the factory's extra checks.
 */
import { defineSpec, type SheetModel } from './define-spec';
import { pick, type Bilingual } from './i18n';
import type { Labelled, ModelConfig, ModelSpec, SizeField, SizeLimit } from './model-spec';
import type { SheetPlan } from './plan';
import { evaluateStack } from './recurrent-evaluate';
import {
  buildRecurrentSheet,
  estimateCells,
  stackParams,
  type CellLayout,
  type StackShape,
} from './recurrent-sheet';

/** Readable on a screen: a 16-wide hidden state over 32 steps is already a large sheet. */
export const RECURRENT_LIMITS: Partial<Record<SizeField, SizeLimit>> = {
  inputSize: { min: 1, max: 16 },
  hiddenSize: { min: 1, max: 16 },
  steps: { min: 1, max: 32 },
  numLayers: { min: 1, max: 3 },
};

export interface RecurrentModel {
  readonly layout: CellLayout;
  readonly label: Bilingual;
  readonly variants: readonly Labelled[];
  readonly defaults: ModelConfig;
  /** What the config's variant (and layers) mean for the stack. */
  shape(config: ModelConfig): StackShape;
}

const TEXT = {
  mismatch: {
    en: 'the state_dict has {what} {dict} but the sheet asks for {asked}',
    zh: 'state_dict 的{what}为 {dict}，但配置为 {asked}',
  },
  inputSize: { en: 'input size', zh: '输入维度' },
  hiddenSize: { en: 'hidden size', zh: '隐藏维度' },
  layers: { en: 'layers', zh: '层数' },
  bidirectional: { en: 'bidirectional =', zh: '双向' },
  peephole: { en: 'peephole =', zh: '窥孔连接' },
  peepholeLayers: {
    en: 'a peephole LSTM sheet has one layer (set layers to 1)',
    zh: '窥孔 LSTM 工作表只支持 1 层',
  },
} satisfies Record<string, Bilingual>;

/** A pasted state_dict must load and match the sizes the sheet is asked for. */
function stateDictProblems(model: RecurrentModel, config: ModelConfig): string[] {
  if (!config.stateDict) return [];
  const lang = config.language;
  const shape = model.shape(config);
  try {
    const p = stackParams(model.layout.kind, config, shape);
    const hasPeephole = p.layers.some((dirs) =>
      dirs.some((c) => 'peephole' in c && c.peephole !== undefined),
    );
    const pairs: [Bilingual, number | boolean, number | boolean][] = [
      [TEXT.inputSize, p.inputSize, config.inputSize],
      [TEXT.hiddenSize, p.hiddenSize, config.hiddenSize],
      [TEXT.layers, p.numLayers, shape.numLayers],
      [TEXT.bidirectional, p.bidirectional, shape.bidirectional],
      [TEXT.peephole, hasPeephole, shape.peephole],
    ];
    return pairs
      .filter(([, dict, asked]) => dict !== asked)
      .map(([what, dict, asked]) =>
        pick(lang, TEXT.mismatch)
          .replace('{what}', pick(lang, what))
          .replace('{dict}', String(dict))
          .replace('{asked}', String(asked)),
      );
  } catch (e) {
    return [`state_dict: ${(e as Error).message}`];
  }
}

/** The recurrent model as the factory's SheetModel. */
function sheetModel(model: RecurrentModel, limits: Partial<Record<SizeField, SizeLimit>>): SheetModel {
  const layout = model.layout;
  return {
    id: layout.model,
    label: model.label,
    variants: model.variants,
    limits,
    defaults: model.defaults,
    estimateCells: (c) => estimateCells(layout, c, model.shape(c)),
    stateDictProblems: (c) => stateDictProblems(model, c),
    extraProblems: (c) => {
      const shape = model.shape(c);
      return shape.peephole && shape.numLayers > 1 && !c.stateDict
        ? [pick(c.language, TEXT.peepholeLayers)]
        : [];
    },
    build: (c) => buildUnchecked(model, c),
    evaluate: (c, params) => evaluateStack(layout.kind, c, params, model.shape(c), c.hiddenSize, c.inputSize),
  };
}

export function recurrentSpec(
  model: RecurrentModel,
  limits: Partial<Record<SizeField, SizeLimit>> = RECURRENT_LIMITS,
): ModelSpec {
  return defineSpec(sheetModel(model, limits));
}

/** Builds without the size limits: benchmarks use it to time sheets larger than the pane offers. */
export function buildUnchecked(model: RecurrentModel, config: ModelConfig): SheetPlan {
  return buildRecurrentSheet(model.layout, config, model.shape(config), model.variants);
}

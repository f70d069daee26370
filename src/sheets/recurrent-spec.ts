/**
 * The ModelSpec shared by the RNN, LSTM and GRU sheets: limits, variant checking,
 * state_dict checking, build and evaluate. A model file supplies its cell layout and
 * what each of its variants means for the stack.
 */
import { shownValue } from '../core/name-list';
import type { Trace } from '../core/trace';
import { unknownVariantProblems } from './define-spec';
import type { Bilingual } from './i18n';
import { assertValid, checkLimits } from './limits';
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

/** A pasted state_dict must load and match the sizes the sheet is asked for. */
function stateDictProblems(model: RecurrentModel, config: ModelConfig, shape: StackShape): string[] {
  if (!config.stateDict) return [];
  const zh = config.language === 'zh';
  try {
    const p = stackParams(model.layout.kind, config, shape);
    const problems: string[] = [];
    const mismatch = (what: string, dict: number | boolean, asked: number | boolean) =>
      zh
        ? `state_dict 的${what}为 ${dict}，但配置为 ${asked}`
        : `the state_dict has ${what} ${dict} but the sheet asks for ${asked}`;
    if (p.inputSize !== config.inputSize)
      problems.push(mismatch(zh ? '输入维度' : 'input size', p.inputSize, config.inputSize));
    if (p.hiddenSize !== config.hiddenSize)
      problems.push(mismatch(zh ? '隐藏维度' : 'hidden size', p.hiddenSize, config.hiddenSize));
    if (p.numLayers !== shape.numLayers)
      problems.push(mismatch(zh ? '层数' : 'layers', p.numLayers, shape.numLayers));
    if (p.bidirectional !== shape.bidirectional)
      problems.push(mismatch(zh ? '双向' : 'bidirectional =', p.bidirectional, shape.bidirectional));
    const hasPeephole = p.layers.some((dirs) =>
      dirs.some((c) => 'peephole' in c && c.peephole !== undefined),
    );
    if (hasPeephole !== shape.peephole)
      problems.push(mismatch(zh ? '窥孔连接' : 'peephole =', hasPeephole, shape.peephole));
    return problems;
  } catch (e) {
    return [`state_dict: ${(e as Error).message}`];
  }
}

export function recurrentSpec(
  model: RecurrentModel,
  limits: Partial<Record<SizeField, SizeLimit>> = RECURRENT_LIMITS,
): ModelSpec {
  const layout = model.layout;
  const validate = (config: ModelConfig): string[] => {
    const zh = config.language === 'zh';
    const variant = unknownVariantProblems(model.variants, config);
    if (variant.length > 0) return variant;
    const shape = model.shape(config);
    const problems = checkLimits(config, limits, layout.kind.toUpperCase(), (c) =>
      estimateCells(layout, c, shape),
    );
    if (config.init !== 'torch' && config.init !== 'hand')
      problems.push(
        zh
          ? `初始化必须是 torch 或 hand`
          : `init must be "torch" or "hand" (got "${shownValue(config.init)}")`,
      );
    if (shape.peephole && shape.numLayers > 1 && !config.stateDict) {
      problems.push(
        zh ? '窥孔 LSTM 工作表只支持 1 层' : 'a peephole LSTM sheet has one layer (set layers to 1)',
      );
    }
    if (problems.length === 0) problems.push(...stateDictProblems(model, config, shape));
    return problems;
  };
  return {
    id: layout.model,
    label: model.label,
    variants: model.variants,
    limits,
    defaults: model.defaults,
    validate,
    build(config: ModelConfig): SheetPlan {
      assertValid(validate(config));
      return buildRecurrentSheet(layout, config, model.shape(config), model.variants);
    },
    evaluate(config: ModelConfig, params: Readonly<Record<string, Float64Array>>): Trace {
      return evaluateStack(
        layout.kind,
        config,
        params,
        model.shape(config),
        config.hiddenSize,
        config.inputSize,
      );
    },
  };
}

/** Builds without the size limits: benchmarks use it to time sheets larger than the pane offers. */
export function buildUnchecked(model: RecurrentModel, config: ModelConfig): SheetPlan {
  return buildRecurrentSheet(model.layout, config, model.shape(config), model.variants);
}

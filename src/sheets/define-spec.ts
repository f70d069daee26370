/**
 * The one ModelSpec factory of every model. The checks every sheet shares (known variant,
 * size limits, init style, then the pasted state_dict, refused unless the model loads one)
 * run before the model's own extra checks (heads dividing the hidden size, a peephole
 * LSTM's single layer), and `build` refuses what `validate` reports.
 */
import { shortName } from '../core/name-list';
import { t } from '../i18n';
import type { Trace } from '../core/trace';
import { pick, type Bilingual } from './i18n';
import { assertValid, checkLimits } from './limits';
import type { Labelled, ModelConfig, ModelSpec, SizeField, SizeLimit } from './model-spec';
import type { ModelId, SheetPlan } from './plan';

export interface SheetModel {
  readonly id: ModelId;
  readonly label: Bilingual;
  readonly variants: readonly Labelled[];
  readonly limits: Partial<Record<SizeField, SizeLimit>>;
  readonly defaults: ModelConfig;
  /** Cells the sheet would have, for the "too large" message. */
  estimateCells(config: ModelConfig): number;
  /**
   * Problems beyond the shared checks, in the config's language; asked only once the
   * shared checks pass, so they may rely on sound sizes.
   */
  extraProblems?(config: ModelConfig): string[];
  /**
   * What is wrong with `config.stateDict` (shapes, sizes against the limits and the
   * config), in the config's language. A model without it does not load a state_dict.
   */
  stateDictProblems?(config: ModelConfig): string[];
  build(config: ModelConfig): SheetPlan;
  evaluate(config: ModelConfig, params: Readonly<Record<string, Float64Array>>): Trace;
}

/** The config's variant when the model does not offer it, listing the ones it does. */
function unknownVariantProblems(variants: readonly Labelled[], config: ModelConfig): string[] {
  if (config.variant === undefined || variants.some((v) => v.id === config.variant)) return [];
  const ids = variants.map((v) => v.id).join(', ');
  return [
    t(config.language, 'sheets.spec.unknownVariant', { variant: shortName(String(config.variant)), ids }),
  ];
}

function sharedProblems(model: SheetModel, config: ModelConfig): string[] {
  const lang = config.language;
  const variant = unknownVariantProblems(model.variants, config);
  if (variant.length > 0) return variant;
  const problems = checkLimits(config, model.limits, model.label.en, (c) => model.estimateCells(c));
  if (config.init !== 'torch' && config.init !== 'hand')
    problems.push(t(lang, 'sheets.spec.init', { init: String(config.init) }));
  if (config.stateDict && !model.stateDictProblems)
    problems.push(t(lang, 'sheets.spec.noStateDict', { model: pick(lang, model.label) }));
  // Shapes are only worth reading once the sizes they are compared with are sound.
  if (config.stateDict && model.stateDictProblems && problems.length === 0)
    problems.push(...model.stateDictProblems(config));
  return problems;
}

export function defineSpec(model: SheetModel): ModelSpec {
  const validate = (config: ModelConfig): string[] => {
    const problems = sharedProblems(model, config);
    return problems.length > 0 ? problems : (model.extraProblems?.(config) ?? []);
  };
  return {
    id: model.id,
    label: model.label,
    variants: model.variants,
    limits: model.limits,
    defaults: model.defaults,
    validate,
    build(config: ModelConfig): SheetPlan {
      assertValid(validate(config));
      return model.build(config);
    },
    evaluate: (config, params) => model.evaluate(config, params),
  };
}

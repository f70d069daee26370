/**
 * The one ModelSpec factory of every model. The checks every sheet shares (known variant,
 * size limits, init style, then the pasted state_dict, refused unless the model loads one)
 * run before the model's own extra checks (heads dividing the hidden size, a peephole
 * LSTM's single layer), and `build` refuses what `validate` reports.
 */
import { shownValue } from '../core/name-list';
import { t } from '../i18n';
import type { Trace } from '../core/trace';
import { pick, type Bilingual } from './i18n';
import { assertValid, checkLimits } from './limits';
import type {
  DerivativeTraces,
  Labelled,
  ModelConfig,
  ModelSpec,
  Settings,
  SizeField,
  SizeLimit,
} from './model-spec';
import { parseSettings } from './settings-parser';
import type { SheetPlan } from './plan';

export interface SheetModel<C extends ModelConfig> {
  readonly id: C['model'];
  readonly label: Bilingual;
  readonly variants: readonly Labelled<NonNullable<C['variant']>>[];
  readonly limits: Partial<Record<SizeField, SizeLimit>>;
  readonly defaults: C;
  /** Cells the sheet would have, for the "too large" message. */
  estimateCells(config: C): number;
  /**
   * Problems beyond the shared checks, in the config's language; asked only once the
   * shared checks pass, so they may rely on sound sizes.
   */
  extraProblems?(config: C): string[];
  /**
   * What is wrong with `config.stateDict` (shapes, sizes against the limits and the
   * config), in the config's language. A model without it does not load a state_dict.
   */
  stateDictProblems?(config: C): string[];
  build(config: C): SheetPlan;
  evaluate(config: C, params: Readonly<Record<string, Float64Array>>): Trace;
  /** See ModelSpec.levelled. */
  levelled?(config: C): boolean;
  /** See ModelSpec.derivatives. */
  readonly derivatives?: DerivativeTraces;
}

/** The config's variant when the model does not offer it, listing the ones it does. */
function unknownVariantProblems(variants: readonly Labelled[], config: ModelConfig): string[] {
  if (config.variant === undefined || variants.some((v) => v.id === config.variant)) return [];
  const ids = variants.map((v) => v.id).join(', ');
  return [t(config.language, 'sheets.spec.unknownVariant', { variant: shownValue(config.variant), ids })];
}

function sharedProblems<C extends ModelConfig>(model: SheetModel<C>, config: C): string[] {
  const lang = config.language;
  const variant = unknownVariantProblems(model.variants, config);
  if (variant.length > 0) return variant;
  const problems = checkLimits(config, model.limits, model.label.en, (c) => model.estimateCells(c));
  if (config.init !== 'torch' && config.init !== 'hand')
    problems.push(t(lang, 'sheets.spec.init', { init: shownValue(config.init) }));
  if (config.stateDict && !model.stateDictProblems)
    problems.push(t(lang, 'sheets.spec.noStateDict', { model: pick(lang, model.label) }));
  // Shapes are only worth reading once the sizes they are compared with are sound.
  if (config.stateDict && model.stateDictProblems && problems.length === 0)
    problems.push(...model.stateDictProblems(config));
  return problems;
}

/** The settings as this model's config, or the problem the parser found. */
function parsed<C extends ModelConfig>(
  model: SheetModel<C>,
  settings: Settings,
): { config: C } | { problem: string } {
  const lang = settings.language;
  if (settings.model !== model.id)
    return { problem: t(lang, 'sheets.spec.otherModel', { model: model.id, got: String(settings.model) }) };
  const result = parseSettings(model, settings, 'lenient');
  // The id was checked above, so the parsed config is this model's.
  return result.ok ? { config: result.config as C } : { problem: result.problem };
}

export function defineSpec<C extends ModelConfig>(model: SheetModel<C>): ModelSpec<C> {
  const validate = (settings: Settings): string[] => {
    const p = parsed(model, settings);
    if ('problem' in p) return [p.problem];
    const problems = sharedProblems(model, p.config);
    return problems.length > 0 ? problems : (model.extraProblems?.(p.config) ?? []);
  };
  const config = (settings: Settings): C => {
    const p = parsed(model, settings);
    if ('problem' in p) throw new Error(p.problem);
    return p.config;
  };
  return {
    id: model.id,
    label: model.label,
    variants: model.variants,
    limits: model.limits,
    defaults: model.defaults,
    validate,
    build(settings: Settings): SheetPlan {
      assertValid(validate(settings));
      return model.build(config(settings));
    },
    evaluate: (settings, params) => model.evaluate(config(settings), params),
    ...(model.levelled ? { levelled: (settings: Settings) => model.levelled!(config(settings)) } : {}),
    ...(model.derivatives ? { derivatives: model.derivatives } : {}),
  };
}

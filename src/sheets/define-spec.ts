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

/** What sets the same in every new sheet; a model's defaults may override it. */
type SharedDefault = 'model' | 'language' | 'seed' | 'init' | 'variant';

/**
 * A new sheet's settings: its sizes, and what differs from every model's defaults (the
 * model's id, English, seed 1, hand-style init, the first listed variant).
 */
export type SheetDefaults<C extends ModelConfig> = Omit<C, SharedDefault> & Partial<Pick<C, SharedDefault>>;

export interface SheetModel<C extends ModelConfig> {
  readonly id: C['model'];
  readonly label: Bilingual;
  /** The first is a new sheet's variant. */
  readonly variants: readonly Labelled<NonNullable<C['variant']>>[];
  readonly limits: Partial<Record<SizeField, SizeLimit>>;
  readonly defaults: SheetDefaults<C>;
  /** Cells the sheet would have, for the "too large" message. */
  estimateCells(config: C): number;
  /**
   * Problems beyond the shared checks, in the config's language; asked only once the
   * shared checks pass, so they may rely on sound sizes.
   */
  extraProblems?(config: C): string[];
  /**
   * What is wrong with `config.stateDict` (shapes, sizes against the limits and the
   * config), in the config's language; it may throw where the dict cannot be read (the
   * factory reports the reason). A model without it does not load a state_dict.
   */
  stateDictProblems?(config: C): string[];
  build(config: C): SheetPlan;
  evaluate(config: C, params: Readonly<Record<string, Float64Array>>): Trace;
  /** See ModelSpec.levelled. */
  levelled?(config: C): boolean;
  /** See ModelSpec.derivatives. */
  readonly derivatives?: DerivativeTraces;
}

/** The model's full defaults: its sizes in the shared frame (see SheetDefaults). */
function newSheet<C extends ModelConfig>(model: SheetModel<C>): C {
  const d = model.defaults;
  // The config type of model.id: the shared fields are filled for that model.
  return {
    model: model.id,
    language: 'en',
    ...d,
    seed: d.seed ?? 1,
    init: d.init ?? 'hand',
    variant: d.variant ?? model.variants[0]?.id,
  } as unknown as C;
}

/** The config's variant when the model does not offer it, listing the ones it does. */
function unknownVariantProblems(variants: readonly Labelled[], config: ModelConfig): string[] {
  if (config.variant === undefined || variants.some((v) => v.id === config.variant)) return [];
  const ids = variants.map((v) => v.id).join(', ');
  return [t(config.language, 'sheets.spec.unknownVariant', { variant: shownValue(config.variant), ids })];
}

/** What `check` finds in the pasted state_dict; one that cannot be read at all is one problem, saying why. */
function dictProblems<C>(check: (config: C) => string[], config: C): string[] {
  try {
    return check(config);
  } catch (e) {
    return [`state_dict: ${(e as Error).message}`];
  }
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
    problems.push(...dictProblems(model.stateDictProblems, config));
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
    defaults: newSheet(model),
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

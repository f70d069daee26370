/**
 * Settings as plain JSON → one model's typed config, against that model's own sizes and
 * variants; on failure, the field it rejects and why. `strict` (stored settings: a marker,
 * the command line) refuses anything the model does not offer; `lenient` (a spec's own
 * boundary) only refuses what is not the right kind of value and leaves ranges, whole
 * numbers and unknown variants to the spec's checks, which word them for the learner.
 * Markers written before the sizes had their own names (`inputSize` for a Mamba scan's
 * channels …) are read under the old names too.
 */
import { t } from '../i18n';
import { isLanguage } from '../i18n/language';
import type { Labelled, ModelConfig, SizeField, SizeLimit } from './model-spec';
import type { Language, ModelId } from './plan';

export type ParsedConfig =
  | { readonly ok: true; readonly config: ModelConfig }
  | { readonly ok: false; readonly field: string; readonly problem: string };

/** What the parser needs to know of a model. */
export interface SettingsShape {
  readonly id: ModelId;
  readonly limits: Partial<Record<SizeField, SizeLimit>>;
  readonly variants: readonly Labelled[];
}

/** The names a size had before each model's config named its own sizes. */
const LEGACY_NAMES: Partial<Record<ModelId, Partial<Record<SizeField, SizeField>>>> = {
  'mamba-scan': { channels: 'inputSize' },
  'mamba-block': { dModel: 'inputSize', dInner: 'hiddenSize' },
  mlstm: { headSize: 'hiddenSize' },
};

/** Sizes a model gained after its sheets were first stored: a marker without one meant this value. */
const ADDED_LATER: Partial<Record<ModelId, Partial<Record<SizeField, number>>>> = {
  'rnn-bptt': { outputSize: 1 },
  'lstm-bptt': { outputSize: 1 },
};

/** Sizes a config may leave out (their default is 1). */
const OPTIONAL: readonly SizeField[] = ['numLayers'];

export type Raw = Readonly<Record<string, unknown>>;

export function isRecord(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function reject(lang: Language, field: string, expected: string, got: unknown): ParsedConfig {
  const shown = JSON.stringify(got) ?? String(got);
  return { ok: false, field, problem: t(lang, 'sheets.stored.rejected', { field, expected, got: shown }) };
}

function isWhole(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

/** Sizes under their names (or their legacy names), checked as numbers or, strictly, whole numbers. */
function readSizes(
  shape: SettingsShape,
  raw: Raw,
  strict: boolean,
  lang: Language,
  into: Record<string, unknown>,
) {
  for (const field of Object.keys(shape.limits) as SizeField[]) {
    const legacy = LEGACY_NAMES[shape.id]?.[field];
    const value = raw[field] ?? (legacy ? raw[legacy] : undefined) ?? ADDED_LATER[shape.id]?.[field];
    if (value === undefined && (!strict || OPTIONAL.includes(field))) continue;
    const ok = strict ? isWhole(value) : typeof value === 'number';
    if (!ok) return reject(lang, field, strict ? 'a whole number' : 'a number', value);
    into[field] = value;
  }
  return undefined;
}

export function parseSettings(shape: SettingsShape, raw: Raw, mode: 'strict' | 'lenient'): ParsedConfig {
  const strict = mode === 'strict';
  const lang: Language = isLanguage(raw.language) ? raw.language : 'en';
  if (!isLanguage(raw.language)) return reject(lang, 'language', 'en | zh', raw.language);
  const config: Record<string, unknown> = { model: shape.id, language: raw.language };
  for (const field of ['steps', 'seed'] as const) {
    const value = raw[field];
    if (strict ? !isWhole(value) : typeof value !== 'number')
      return reject(lang, field, 'a whole number', value);
    config[field] = value;
  }
  if (strict && raw.init !== 'torch' && raw.init !== 'hand')
    return reject(lang, 'init', 'torch | hand', raw.init);
  config.init = raw.init;
  const sizeProblem = readSizes(shape, raw, strict, lang, config);
  if (sizeProblem) return sizeProblem;
  if (raw.variant !== undefined) {
    const ids = shape.variants.map((v) => v.id);
    if (typeof raw.variant !== 'string' || (strict && !ids.includes(raw.variant)))
      return reject(lang, 'variant', ids.join(' | '), raw.variant);
    config.variant = raw.variant;
  }
  if (raw.stateDict !== undefined) {
    if (!isRecord(raw.stateDict)) return reject(lang, 'stateDict', 'an object', '…');
    config.stateDict = raw.stateDict;
  }
  // Every field of the model's config was read and checked above against its own spec.
  return { ok: true, config: config as unknown as ModelConfig };
}

/**
 * The one parser of stored settings: what a sheet's marker, the pane's saved form or the
 * command line hand back as plain JSON becomes a typed ModelConfig, or the name of the
 * field it rejects and why. Markers written before the sizes had their own names
 * (`inputSize` for a Mamba scan's channels …) are read under the old names too.
 */
import { t } from '../i18n';
import { isLanguage } from '../i18n/language';
import type { ModelConfig, SizeField } from './model-spec';
import type { Language, ModelId } from './plan';
import { MODELS } from './registry';

export type ParsedConfig =
  | { readonly ok: true; readonly config: ModelConfig }
  | { readonly ok: false; readonly field: string; readonly problem: string };

/** The names a size had before each model's config named its own sizes. */
const LEGACY_NAMES: Partial<Record<ModelId, Partial<Record<SizeField, SizeField>>>> = {
  'mamba-scan': { channels: 'inputSize' },
  'mamba-block': { dModel: 'inputSize', dInner: 'hiddenSize' },
  mlstm: { headSize: 'hiddenSize' },
};

/** Sizes a config may leave out (their default is 1). */
const OPTIONAL: readonly SizeField[] = ['numLayers'];

type Raw = Readonly<Record<string, unknown>>;

function isRecord(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function reject(lang: Language, field: string, expected: string, got: unknown): ParsedConfig {
  const shown = got === undefined ? '—' : JSON.stringify(got);
  return {
    ok: false,
    field,
    problem: t(lang, 'sheets.stored.rejected', { field, expected, got: shown ?? String(got) }),
  };
}

function isWhole(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

export function parseConfig(raw: unknown): ParsedConfig {
  if (!isRecord(raw)) return reject('en', 'config', 'an object', raw);
  const lang: Language = isLanguage(raw.language) ? raw.language : 'en';
  const model = raw.model;
  const spec =
    typeof model === 'string' && Object.hasOwn(MODELS, model) ? MODELS[model as ModelId] : undefined;
  if (!spec) return reject(lang, 'model', Object.keys(MODELS).join(' | '), model);
  if (!isLanguage(raw.language)) return reject(lang, 'language', 'en | zh', raw.language);
  const config: Record<string, unknown> & Pick<ModelConfig, 'model' | 'language'> = {
    model: spec.id,
    language: raw.language,
  };
  for (const field of ['steps', 'seed'] as const) {
    if (!isWhole(raw[field])) return reject(lang, field, 'a whole number', raw[field]);
    config[field] = raw[field];
  }
  if (raw.init !== 'torch' && raw.init !== 'hand') return reject(lang, 'init', 'torch | hand', raw.init);
  config.init = raw.init;
  for (const field of Object.keys(spec.limits) as SizeField[]) {
    if (field === 'steps') continue;
    const legacy = LEGACY_NAMES[spec.id]?.[field];
    const value = raw[field] ?? (legacy ? raw[legacy] : undefined);
    if (value === undefined && OPTIONAL.includes(field)) continue;
    if (!isWhole(value)) return reject(lang, field, 'a whole number', value);
    config[field] = value;
  }
  if (raw.variant !== undefined) {
    const ids = spec.variants.map((v) => v.id);
    if (!ids.includes(raw.variant as string)) return reject(lang, 'variant', ids.join(' | '), raw.variant);
    config.variant = raw.variant;
  }
  if (raw.stateDict !== undefined) {
    if (!isRecord(raw.stateDict)) return reject(lang, 'stateDict', 'an object', '…');
    config.stateDict = raw.stateDict;
  }
  // Every field the model's config has was checked above against the model's own spec.
  return { ok: true, config: config as unknown as ModelConfig };
}

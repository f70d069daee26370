/**
 * The one parser of stored settings: what a sheet's marker, the pane's form or the command
 * line hand back as plain JSON becomes a typed ModelConfig of a registered model, or the
 * name of the field it rejects and why (settings-parser.ts does the reading).
 */
import { MODELS } from './registry';
import { isRecord, parseSettings, reject, type ParsedConfig } from './settings-parser';
import { isLanguage } from '../i18n/language';
import type { ModelId } from './plan';

export type { ParsedConfig } from './settings-parser';

export function parseConfig(raw: unknown): ParsedConfig {
  if (!isRecord(raw)) return reject('en', 'config', 'an object', raw);
  const lang = isLanguage(raw.language) ? raw.language : 'en';
  const model = raw.model;
  const spec =
    typeof model === 'string' && Object.hasOwn(MODELS, model) ? MODELS[model as ModelId] : undefined;
  if (!spec) return reject(lang, 'model', Object.keys(MODELS).join(' | '), model);
  return parseSettings(spec, raw, 'strict');
}

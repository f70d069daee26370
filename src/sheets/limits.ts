/**
 * Size limits keep a walkthrough sheet readable (and inside what Excel on the web
 * writes comfortably). Violations are reported in the config's language, with the
 * cell count the sheet would have had so the learner sees why.
 */
import { shownValue } from '../core/name-list';
import { t } from '../i18n';
import { isLanguage } from '../i18n/language';
import type { ModelConfig, SizeField, SizeLimit } from './model-spec';

/**
 * Seeds the pane, the command line and stored sheets accept: a signed 32-bit integer
 * (the random stream uses the seed modulo 2³², so a wider range would only alias).
 */
export const SEED_RANGE = { min: -2_147_483_648, max: 2_147_483_647 } as const;

/** Limits of sizes that start at 1 (every size does), each up to its largest readable value. */
export function limitsUpTo<F extends SizeField>(max: Readonly<Record<F, number>>): Record<F, SizeLimit> {
  const limits = {} as Record<F, SizeLimit>;
  for (const f of Object.keys(max) as F[]) limits[f] = { min: 1, max: max[f] };
  return limits;
}

/** Default value of an optional size field when the config omits it. */
const OPTIONAL_DEFAULTS: Partial<Record<SizeField, number>> = { numLayers: 1, heads: 1 };

export function sizeOf(config: ModelConfig, field: SizeField): number | undefined {
  const sizes: Partial<Record<SizeField, number>> = config;
  const v = sizes[field];
  return v === undefined ? OPTIONAL_DEFAULTS[field] : v;
}

/**
 * Problems with the size fields of `config`. `cellCount` estimates the sheet's size so an
 * over-limit message can say how large it would have been.
 */
export function checkLimits<C extends ModelConfig>(
  config: C,
  limits: Partial<Record<SizeField, SizeLimit>>,
  modelLabel: string,
  cellCount: (config: C) => number,
): string[] {
  const lang = config.language;
  const problems: string[] = [];
  let tooLarge = false;
  for (const [field, limit] of Object.entries(limits) as [SizeField, SizeLimit][]) {
    const v = sizeOf(config, field);
    const name = t(lang, `sheets.field.${field}`);
    if (v === undefined) {
      problems.push(t(lang, 'sheets.limits.missing', { name }));
    } else if (!Number.isInteger(v)) {
      problems.push(t(lang, 'sheets.limits.whole', { name, v: shownValue(v) }));
    } else if (v < limit.min || v > limit.max) {
      tooLarge ||= v > limit.max;
      problems.push(
        t(lang, 'sheets.limits.range', { name, min: limit.min, max: limit.max, model: modelLabel, v }),
      );
    }
  }
  if (!isLanguage(config.language))
    problems.push(t('en', 'sheets.limits.language', { got: shownValue(config.language) }));
  if (!Number.isInteger(config.seed))
    problems.push(t(lang, 'sheets.limits.seed', { seed: shownValue(config.seed) }));
  else if (config.seed < SEED_RANGE.min || config.seed > SEED_RANGE.max)
    problems.push(t(lang, 'sheets.limits.seedRange', { ...SEED_RANGE, seed: config.seed }));
  if (tooLarge) {
    const n = cellCount(config).toLocaleString('en-US');
    problems.push(t(lang, 'sheets.limits.tooLarge', { n }));
  }
  return problems;
}

/** Throws the validation problems as one readable Error. */
export function assertValid(problems: readonly string[]): void {
  if (problems.length > 0) throw new Error(problems.join('; '));
}

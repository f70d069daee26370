/**
 * The build form as plain data: the text in each input, how it is checked, and the
 * ModelConfig it turns into. Kept free of React so the rules are testable on their own.
 */
import type { ModelConfig, ModelSpec, SizeField, SizeLimit, StateDictJson } from '../src/sheets/model-spec';
import { parseConfig } from '../src/sheets/stored-config';
import type { InitStyle } from '../src/core/random';
import type { Language, ModelId } from '../src/sheets/plan';
import type { Difficulty } from '../src/practice/metadata';
import { SEED_RANGE } from '../src/sheets/limits';
import type { Strings } from './strings';

export const SIZE_FIELDS: readonly SizeField[] = [
  'inputSize',
  'channels',
  'dModel',
  'hiddenSize',
  'dInner',
  'headSize',
  'steps',
  'stateSize',
  'heads',
  'numLayers',
  'outputSize',
  'targetSteps',
];

/** The order models are offered in: the order the course teaches them. */
export const MODEL_ORDER: readonly ModelId[] = [
  'rnn',
  'lstm',
  'gru',
  'rnn-bptt',
  'lstm-bptt',
  'mamba-scan',
  'mamba-block',
  'slstm',
  'mlstm',
  'lstm-seq2seq',
];

export type WeightSource = 'seed' | 'stateDict';
export type SheetMode = 'walkthrough' | 'practice';

export interface FormState {
  readonly model: ModelId;
  readonly variant: string;
  /** Raw input text, so a half-typed value is kept as typed. */
  readonly sizes: Partial<Record<SizeField, string>>;
  readonly weights: WeightSource;
  readonly seed: string;
  readonly init: InitStyle;
  readonly stateDictText: string;
  readonly mode: SheetMode;
  readonly difficulty: Difficulty;
}

export function specFields(spec: ModelSpec): SizeField[] {
  return SIZE_FIELDS.filter((f) => spec.limits[f] !== undefined);
}

export function initialForm(spec: ModelSpec, previous?: FormState): FormState {
  const d = spec.defaults;
  const given: Partial<Record<SizeField, number>> = d;
  const sizes: Partial<Record<SizeField, string>> = {};
  for (const f of specFields(spec)) sizes[f] = String(given[f] ?? spec.limits[f]!.min);
  return {
    model: spec.id,
    variant: d.variant ?? spec.variants[0]?.id ?? '',
    sizes,
    weights: previous?.weights ?? 'seed',
    seed: previous?.seed ?? String(d.seed),
    init: previous?.init ?? d.init,
    stateDictText: previous?.stateDictText ?? '',
    mode: previous?.mode ?? 'walkthrough',
    difficulty: previous?.difficulty ?? 'one-gate',
  };
}

/** The error for a whole-number input, or undefined when it is acceptable. */
export function integerError(text: string, limit: SizeLimit | undefined, s: Strings): string | undefined {
  const t = text.trim();
  if (t === '') return s.required;
  if (!/^[-+]?\d+$/.test(t)) return s.wholeNumber;
  const v = Number(t);
  if (limit && (v < limit.min || v > limit.max)) return s.outOfRange(limit.min, limit.max);
  return undefined;
}

export function sizeErrors(spec: ModelSpec, form: FormState, s: Strings): Partial<Record<SizeField, string>> {
  const errors: Partial<Record<SizeField, string>> = {};
  for (const f of specFields(spec)) {
    const e = integerError(form.sizes[f] ?? '', spec.limits[f], s);
    if (e) errors[f] = e;
  }
  return errors;
}

export function seedError(form: FormState, s: Strings): string | undefined {
  if (form.weights !== 'seed') return undefined;
  return integerError(form.seed, SEED_RANGE, s);
}

export type ParsedStateDict = { ok: true; dict: StateDictJson } | { ok: false; error: string };

/** The config the form describes; only meaningful when the form has no field errors. */
export function toConfig(
  spec: ModelSpec,
  form: FormState,
  language: Language,
  stateDict?: StateDictJson,
): ModelConfig {
  const sizes: Partial<Record<SizeField, number>> = {};
  for (const f of specFields(spec)) sizes[f] = Number((form.sizes[f] ?? '').trim());
  const parsed = parseConfig({
    ...spec.defaults,
    ...sizes,
    model: spec.id,
    language,
    variant: form.variant || undefined,
    seed: form.weights === 'seed' ? Number(form.seed.trim()) : spec.defaults.seed,
    init: form.init,
    ...(stateDict ? { stateDict } : {}),
  });
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.config;
}

/** The builder's problems with settings read back as JSON: the parser's, then the spec's. */
export function validateStored(spec: ModelSpec, raw: unknown): string[] {
  const parsed = parseConfig(raw);
  return parsed.ok ? spec.validate(parsed.config) : [parsed.problem];
}

export { walkthroughMetadata } from '../src/practice/plan-for';

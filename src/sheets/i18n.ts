/**
 * Sheet text in English and Simplified Chinese, looked up in the one catalogue
 * (src/i18n/sheets.ts): `label` for the captions every sheet shares, `roleLegend` for the
 * general legend caption of a cell role. `Bilingual` pairs remain for what a model states
 * about itself in both languages at once (its label, its variants' labels, legend lines).
 */
import { CATALOGUE, t, type MessageKey } from '../i18n';
import type { ParamsOf } from '../i18n/catalogue';
import type { CellRole, Language } from './plan';

export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

/** A catalogue key whose message takes no parameters: what a band passes around for its equation line. */
export type PlainKey = {
  [K in MessageKey]: ParamsOf<(typeof CATALOGUE)[K]> extends undefined ? K : never;
}[MessageKey];

export { pick } from '../i18n/language';

/** Both wordings of a catalogue entry, for what must carry its text in both languages. */
export function bilingual(key: PlainKey): Bilingual {
  return { en: t('en', key), zh: t('zh', key) };
}

export type LabelKey =
  | 'byHand'
  | 'config'
  | 'inputSize'
  | 'hiddenSize'
  | 'steps'
  | 'seed'
  | 'init'
  | 'initTorch'
  | 'initHand'
  | 'initStateDict'
  | 'layers'
  | 'variant'
  | 'time'
  | 'tEquals'
  | 'input'
  | 'prevHidden'
  | 'prevCell'
  | 'one'
  | 'stacked'
  | 'layer'
  | 'forward'
  | 'backward'
  | 'legend'
  | 'dotNote'
  | 'liveNote'
  | 'preActivation'
  | 'output'
  | 'weights';

export function label(lang: Language, key: LabelKey): string {
  return t(lang, `sheets.label.${key}`);
}

/** "Layer 2 · forward" / "第 2 层 · 正向". */
export function layerCaption(lang: Language, layer: number, backward: boolean): string {
  const dir = label(lang, backward ? 'backward' : 'forward');
  return t(lang, 'sheets.layerCaption', { layer: layer + 1, direction: dir });
}

/** Roles with a general legend caption; a sheet passes its own wording where the model names things differently. */
const LEGEND_ROLES = [
  'input',
  'weight',
  'recurrentWeight',
  'bias',
  'state',
  'gate',
  'activation',
  'computed',
  'copy',
  'output',
] as const satisfies readonly CellRole[];

function hasLegend(role: CellRole): role is (typeof LEGEND_ROLES)[number] {
  return (LEGEND_ROLES as readonly CellRole[]).includes(role);
}

export function roleLegend(lang: Language, role: CellRole): string {
  return hasLegend(role) ? t(lang, `sheets.role.${role}`) : role;
}

/**
 * Every model and variant at a small size, in both languages and both init styles, with
 * stacked layers where the model has them: the configs the flow and colour tests build.
 */
import { otherLanguage } from '../../src/i18n';
import type { ModelSpec, Settings } from '../../src/sheets/model-spec';

export function smallConfigs(spec: ModelSpec): Settings[] {
  const d = spec.defaults;
  const out: Settings[] = [
    d,
    { ...d, language: otherLanguage(d.language), init: d.init === 'hand' ? 'torch' : 'hand' },
  ];
  for (const v of spec.variants) {
    out.push({ ...d, variant: v.id });
    if (spec.limits.numLayers) out.push({ ...d, variant: v.id, numLayers: 2 });
  }
  return out.filter((c) => spec.validate(c).length === 0);
}

/** A readable name for a config in a test's messages. */
export function configName(c: Settings): string {
  const layers = (c as { numLayers?: number }).numLayers;
  return `${c.model} ${String(c.variant ?? '')}${layers ? ` ×${layers}` : ''} ${c.language} ${c.init}`;
}

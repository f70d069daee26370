/**
 * Which Office.js requirement sets the Excel host needs, and a plain message naming the
 * first one missing. ExcelApi 1.12 brings worksheet custom properties (the marker that
 * tells our sheets apart); it also implies every lower set we use (getRanges 1.9,
 * getActiveCell 1.7, suspendApiCalculationUntilNextSync 1.6, sheet-scoped names 1.4).
 */
import type { HostSupport } from './host';
import { t, type Language } from '../i18n';

export interface RequirementSet {
  readonly name: string;
  readonly version: string;
  /** The catalogue entry that says what the add-in needs the set for. */
  readonly why: 'host.why.ExcelApi';
}

export const REQUIRED_SETS: readonly RequirementSet[] = [
  {
    name: 'ExcelApi',
    version: '1.12',
    why: 'host.why.ExcelApi',
  },
];

export type IsSetSupported = (name: string, version: string) => boolean;

export function checkRequirements(
  isSetSupported: IsSetSupported | undefined,
  language: Language = 'en',
): HostSupport {
  if (!isSetSupported) {
    return {
      ok: false,
      message: t(language, 'host.noOffice'),
    };
  }
  for (const set of REQUIRED_SETS) {
    let supported = false;
    try {
      supported = isSetSupported(set.name, set.version);
    } catch {
      supported = false;
    }
    if (!supported) {
      return {
        ok: false,
        message: t(language, 'host.unsupportedSet', {
          set: `${set.name} ${set.version}`,
          why: t(language, set.why),
        }),
      };
    }
  }
  return { ok: true };
}

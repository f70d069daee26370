/**
 * Which Office.js requirement sets the Excel host needs, and a plain message naming the
 * first one missing. ExcelApi 1.12 brings worksheet custom properties (the marker that
 * tells our sheets apart); it also implies every lower set we use (getRanges 1.9,
 * getActiveCell 1.7, suspendApiCalculationUntilNextSync 1.6, sheet-scoped names 1.4).
 */
import type { HostSupport } from './host';
import type { Language } from '../sheets/plan';

export interface RequirementSet {
  readonly name: string;
  readonly version: string;
  readonly why: { readonly en: string; readonly zh: string };
}

export const REQUIRED_SETS: readonly RequirementSet[] = [
  {
    name: 'ExcelApi',
    version: '1.12',
    why: {
      en: 'to mark the sheets it builds and to write cells in bulk',
      zh: '用于标记它生成的工作表并批量写入单元格',
    },
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
      message:
        language === 'zh'
          ? '未检测到 Office.js：请在 Excel 中打开此加载项。'
          : 'Office.js is not available: open this add-in inside Excel.',
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
        message:
          language === 'zh'
            ? `此版本的 Excel 不支持 ${set.name} ${set.version}，加载项需要它${set.why.zh}。请使用 Microsoft 365、Excel 2021 或更新版本，或网页版 Excel。`
            : `This version of Excel does not support ${set.name} ${set.version}, which the add-in needs ${set.why.en}. Use Microsoft 365, Excel 2021 or later, or Excel on the web.`,
      };
    }
  }
  return { ok: true };
}

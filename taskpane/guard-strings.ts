/**
 * The pane's texts for what goes wrong outside the forms: a panel that failed to render,
 * and a state_dict text too large or too deeply nested to read. English and Simplified
 * Chinese, looked up by language like strings.ts.
 */
import type { Language } from '../src/sheets/plan';
import { MAX_STATE_DICT_CHARS, MAX_STATE_DICT_DEPTH } from '../src/sheets/state-dict-text';

export interface GuardStrings {
  /** "The build panel stopped working." */
  readonly panelFailed: (panel: string) => string;
  readonly panelFailedHint: string;
  readonly tryAgain: string;
  readonly panelNames: Readonly<Record<'build' | 'practice' | 'explain', string>>;
  readonly stateDictTooLarge: (chars: number) => string;
  readonly stateDictTooDeep: string;
}

const MAX_MB = MAX_STATE_DICT_CHARS / 1_000_000;

export const GUARD_STRINGS: Readonly<Record<Language, GuardStrings>> = {
  en: {
    panelFailed: (panel) => `The ${panel} stopped working.`,
    panelFailedHint: 'The rest of the pane still works. Try again, or reload the add-in if it fails again.',
    tryAgain: 'Try again',
    panelNames: { build: 'build panel', practice: 'practice panel', explain: 'explain panel' },
    stateDictTooLarge: (chars) =>
      `The state_dict is too large: ${chars.toLocaleString('en-US')} characters; at most ${MAX_STATE_DICT_CHARS.toLocaleString('en-US')} (about ${MAX_MB} MB).`,
    stateDictTooDeep: `The JSON nests arrays more than ${MAX_STATE_DICT_DEPTH} deep; a tensor has at most 3 dimensions.`,
  },
  zh: {
    panelFailed: (panel) => `${panel}出错，已停止工作。`,
    panelFailedHint: '窗格的其他部分仍可使用。请重试；若再次出错，请重新加载加载项。',
    tryAgain: '重试',
    panelNames: { build: '生成面板', practice: '练习面板', explain: '解释面板' },
    stateDictTooLarge: (chars) =>
      `state_dict 太大：${chars.toLocaleString('en-US')} 个字符；最多 ${MAX_STATE_DICT_CHARS.toLocaleString('en-US')} 个（约 ${MAX_MB} MB）。`,
    stateDictTooDeep: `JSON 中数组嵌套超过 ${MAX_STATE_DICT_DEPTH} 层；张量最多 3 维。`,
  },
};

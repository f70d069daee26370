/**
 * The pane's texts for what goes wrong outside the forms: a panel that failed to render,
 * and a state_dict text too large or too deeply nested to read, from the wording catalogue.
 */
import { t, type Language } from '../src/i18n';
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

const count = (n: number) => n.toLocaleString('en-US');

function guardStrings(lang: Language): GuardStrings {
  return {
    panelFailed: (panel) => t(lang, 'pane.guard.panelFailed', { panel }),
    panelFailedHint: t(lang, 'pane.guard.panelFailedHint'),
    tryAgain: t(lang, 'pane.guard.tryAgain'),
    panelNames: {
      build: t(lang, 'pane.guard.panel.build'),
      practice: t(lang, 'pane.guard.panel.practice'),
      explain: t(lang, 'pane.guard.panel.explain'),
    },
    stateDictTooLarge: (chars) =>
      t(lang, 'pane.guard.stateDictTooLarge', {
        chars: count(chars),
        max: count(MAX_STATE_DICT_CHARS),
        mb: MAX_MB,
      }),
    stateDictTooDeep: t(lang, 'pane.guard.stateDictTooDeep', { depth: MAX_STATE_DICT_DEPTH }),
  };
}

export const GUARD_STRINGS: Readonly<Record<Language, GuardStrings>> = {
  en: guardStrings('en'),
  zh: guardStrings('zh'),
};

/**
 * The practice and explain panels' text, looked up in the wording catalogue (src/i18n). Sentences
 * about what an action changes come from src/practice/describe.ts, shared with tools.
 */
import { t, type Language } from '../../src/i18n';
import type { CellExplanation } from '../../src/practice/explain';
import type { Verdict } from '../../src/practice/checker';
import { indexText } from '../../src/practice/indices';

export interface PracticeStrings {
  readonly practiceTitle: (sheet: string) => string;
  readonly noPracticeSheet: string;
  readonly yourPracticeSheets: string;
  readonly choosePracticeSheet: string;
  readonly judgedNote: string;
  /** How an entry is graded, in the decimals the answer cells show. */
  readonly gradingRule: (decimals: number | null) => string;
  readonly check: string;
  readonly hint: string;
  readonly revealCell: string;
  readonly revealAll: string;
  readonly fillNextStep: string;
  readonly reset: string;
  readonly score: (score: string) => string;
  readonly verdicts: (counts: Readonly<Record<Verdict, number>>) => string;
  readonly selectAnswer: string;
  readonly hintTitle: (address: string) => string;
  readonly reads: string;
  readonly confirmTitle: string;
  readonly confirm: string;
  readonly cancel: string;
  readonly failed: string;
  readonly explainTitle: string;
  readonly explainEmpty: string;
  readonly explainNotOurs: string;
  readonly kind: (kind: CellExplanation['kind']) => string;
  readonly step: (step: number) => string;
  readonly index: (index: readonly number[]) => string;
  readonly parameter: (name: string) => string;
  readonly feedsTitle: string;
  /** Above the equation written out for the selected entry. */
  readonly termTitle: string;
  readonly feedsLeftOut: (n: number) => string;
  readonly yourEntry: string;
  readonly empty: string;
  readonly blanksTitle: (n: number) => string;
  readonly blanksProgress: (filled: number, total: number) => string;
  /** "f₄[1] at t = 4". */
  readonly blankWhat: (name: string, step?: number) => string;
  readonly goTo: (address: string, name: string) => string;
  readonly filled: string;
}

function panelStrings(lang: Language): PracticeStrings {
  return {
    practiceTitle: (sheet) => t(lang, 'pane.practice.title', { sheet }),
    noPracticeSheet: t(lang, 'pane.practice.noPracticeSheet'),
    yourPracticeSheets: t(lang, 'pane.practice.yourPracticeSheets'),
    choosePracticeSheet: t(lang, 'pane.practice.choosePracticeSheet'),
    judgedNote: t(lang, 'pane.practice.judgedNote'),
    check: t(lang, 'pane.practice.check'),
    hint: t(lang, 'pane.practice.hint'),
    revealCell: t(lang, 'pane.practice.revealCell'),
    revealAll: t(lang, 'pane.practice.revealAll'),
    fillNextStep: t(lang, 'pane.practice.fillNextStep'),
    reset: t(lang, 'pane.practice.reset'),
    score: (score) => t(lang, 'pane.practice.score', { score }),
    verdicts: (c) => t(lang, 'pane.practice.verdicts', c),
    selectAnswer: t(lang, 'pane.practice.selectAnswer'),
    hintTitle: (address) => t(lang, 'pane.practice.hintTitle', { address }),
    reads: t(lang, 'pane.practice.reads'),
    confirmTitle: t(lang, 'pane.practice.confirmTitle'),
    confirm: t(lang, 'pane.practice.confirm'),
    cancel: t(lang, 'pane.practice.cancel'),
    failed: t(lang, 'pane.practice.failed'),
    explainTitle: t(lang, 'pane.practice.explainTitle'),
    explainEmpty: t(lang, 'pane.practice.explainEmpty'),
    explainNotOurs: t(lang, 'pane.practice.explainNotOurs'),
    kind: (kind) => t(lang, `pane.practice.kind.${kind}`),
    step: (step) => t(lang, 'pane.practice.step', { step }),
    index: (index) => t(lang, 'pane.practice.index', { index: indexText(index) }),
    parameter: (name) => t(lang, 'pane.practice.parameter', { name }),
    feedsTitle: t(lang, 'pane.practice.feedsTitle'),
    termTitle: t(lang, 'pane.practice.termTitle'),
    feedsLeftOut: (n) => t(lang, 'pane.practice.feedsLeftOut', { n }),
    yourEntry: t(lang, 'pane.practice.yourEntry'),
    empty: t(lang, 'pane.practice.empty'),
    gradingRule: (decimals) =>
      decimals === null
        ? t(lang, 'pane.practice.gradingRule.tolerance')
        : t(lang, 'pane.practice.gradingRule.decimals', { decimals }),
    blanksTitle: (n) => t(lang, 'pane.practice.blanksTitle', { n }),
    blanksProgress: (filled, total) => t(lang, 'pane.practice.blanksProgress', { filled, total }),
    blankWhat: (name, step) =>
      step === undefined ? name : t(lang, 'pane.practice.blankWhatAt', { name, step }),
    goTo: (address, name) => t(lang, 'pane.practice.goTo', { address, name }),
    filled: t(lang, 'pane.practice.filled'),
  };
}

const TABLES: Readonly<Record<Language, PracticeStrings>> = {
  en: panelStrings('en'),
  zh: panelStrings('zh'),
};

export function practiceStrings(lang: Language): PracticeStrings {
  return TABLES[lang];
}

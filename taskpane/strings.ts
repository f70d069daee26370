/**
 * Every string the pane shows, looked up in the wording catalogue (src/i18n) and shaped
 * for the components: messages that carry numbers are functions of them.
 */
import { t, type Language } from '../src/i18n';
import type { ModelId } from '../src/sheets/plan';
import type { SizeField } from '../src/sheets/model-spec';
import type { Difficulty } from '../src/practice/metadata';

export interface Strings {
  readonly appTitle: string;
  readonly intro: string;
  readonly model: string;
  readonly variant: string;
  readonly sizes: string;
  readonly sizeLabel: (field: SizeField, model: ModelId) => string;
  readonly range: (min: number, max: number) => string;
  readonly required: string;
  readonly wholeNumber: string;
  readonly outOfRange: (min: number, max: number) => string;
  readonly weights: string;
  readonly weightsSeeded: string;
  readonly weightsStateDict: string;
  readonly seed: string;
  readonly init: string;
  readonly initTorch: string;
  readonly initHand: string;
  readonly stateDict: string;
  readonly stateDictHint: string;
  readonly stateDictEmpty: string;
  readonly stateDictNotJson: (detail: string) => string;
  readonly stateDictNotObject: string;
  readonly upload: string;
  readonly mode: string;
  readonly walkthrough: string;
  readonly practice: string;
  readonly difficulty: string;
  readonly difficulties: Readonly<Record<Difficulty, string>>;
  readonly language: string;
  readonly build: string;
  readonly building: (done: number, total: number) => string;
  readonly built: (model: string, steps: number, formulas: number, sheet: string) => string;
  readonly buildFailed: string;
  readonly cannotBuild: string;
  readonly download: string;
  readonly downloading: string;
  readonly downloaded: (file: string) => string;
  readonly openedAsWorkbook: (file: string) => string;
  readonly unsupported: string;
}

function paneStrings(lang: Language): Strings {
  const text = {
    appTitle: t(lang, 'pane.appTitle'),
    intro: t(lang, 'pane.intro'),
    model: t(lang, 'pane.model'),
    variant: t(lang, 'pane.variant'),
    sizes: t(lang, 'pane.sizes'),
    required: t(lang, 'pane.required'),
    wholeNumber: t(lang, 'pane.wholeNumber'),
    weights: t(lang, 'pane.weights'),
    weightsSeeded: t(lang, 'pane.weightsSeeded'),
    weightsStateDict: t(lang, 'pane.weightsStateDict'),
    seed: t(lang, 'pane.seed'),
    init: t(lang, 'pane.init'),
    initTorch: t(lang, 'pane.initTorch'),
    initHand: t(lang, 'pane.initHand'),
    stateDict: t(lang, 'pane.stateDict'),
    stateDictHint: t(lang, 'pane.stateDictHint'),
    stateDictEmpty: t(lang, 'pane.stateDictEmpty'),
    stateDictNotObject: t(lang, 'pane.stateDictNotObject'),
    upload: t(lang, 'pane.upload'),
    mode: t(lang, 'pane.mode'),
    walkthrough: t(lang, 'pane.walkthrough'),
    practice: t(lang, 'pane.practice'),
    difficulty: t(lang, 'pane.difficulty'),
    language: t(lang, 'pane.language'),
    build: t(lang, 'pane.build'),
    buildFailed: t(lang, 'pane.buildFailed'),
    cannotBuild: t(lang, 'pane.cannotBuild'),
    download: t(lang, 'pane.download'),
    downloading: t(lang, 'pane.downloading'),
    unsupported: t(lang, 'pane.unsupported'),
  };
  return {
    ...text,
    // The encoder–decoder has two lengths: its `steps` is the source's.
    sizeLabel: (field, model) =>
      t(lang, model === 'lstm-seq2seq' && field === 'steps' ? 'pane.size.sourceSteps' : `pane.size.${field}`),
    range: (min, max) => t(lang, 'pane.range', { min, max }),
    outOfRange: (min, max) => t(lang, 'pane.outOfRange', { min, max }),
    stateDictNotJson: (detail) => t(lang, 'pane.stateDictNotJson', { detail }),
    difficulties: {
      'one-gate': t(lang, 'pane.difficulty.one-gate'),
      'one-step': t(lang, 'pane.difficulty.one-step'),
      'all-gates': t(lang, 'pane.difficulty.all-gates'),
      everything: t(lang, 'pane.difficulty.everything'),
      'one-gradient': t(lang, 'pane.difficulty.one-gradient'),
      'one-backward-step': t(lang, 'pane.difficulty.one-backward-step'),
      'one-level': t(lang, 'pane.difficulty.one-level'),
    },
    building: (done, total) => t(lang, 'pane.building', { done, total }),
    built: (model, steps, formulas, sheet) => t(lang, 'pane.built', { model, steps, formulas, sheet }),
    downloaded: (file) => t(lang, 'pane.downloaded', { file }),
    openedAsWorkbook: (file) => t(lang, 'pane.openedAsWorkbook', { file }),
  };
}

export const STRINGS: Readonly<Record<Language, Strings>> = { en: paneStrings('en'), zh: paneStrings('zh') };

/** Each language named in itself, for the language picker. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', zh: '简体中文' };

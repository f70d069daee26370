/**
 * The one catalogue: every area's entries under their own key prefix (`host.`,
 * `practice.`, `sheets.` …), and `t(language, key, params)` to read it. Add an area by
 * writing its `defineMessages` table in this folder and spreading it below; the test
 * tests/i18n checks that no two areas share a key and that every template's placeholders
 * agree between the languages.
 */
import { translator } from './catalogue';
import { CHECK_MESSAGES } from './check-messages';
import { HOST_MESSAGES } from './host-messages';
import { PANE_MESSAGES } from './pane-messages';
import { PRACTICE_MESSAGES } from './practice-messages';
import { PREVIEW_MESSAGES } from './preview-messages';
import { SHEET_MESSAGES } from './sheet-messages';

export const CATALOGUE = {
  ...CHECK_MESSAGES,
  ...HOST_MESSAGES,
  ...PANE_MESSAGES,
  ...PRACTICE_MESSAGES,
  ...PREVIEW_MESSAGES,
  ...SHEET_MESSAGES,
} as const;

export type MessageKey = keyof typeof CATALOGUE;

export const AREAS = {
  check: CHECK_MESSAGES,
  host: HOST_MESSAGES,
  pane: PANE_MESSAGES,
  practice: PRACTICE_MESSAGES,
  preview: PREVIEW_MESSAGES,
  sheets: SHEET_MESSAGES,
} as const;

export const t = translator(CATALOGUE);

export type { Language } from './language';
export { LANGUAGES, LANGUAGE_TAGS, isLanguage, languageFromLocale, otherLanguage } from './language';

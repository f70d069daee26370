/**
 * The languages the add-in speaks, and the few places that turn outside text (an Office
 * locale, a URL parameter, a command-line flag) into one. Every other file asks the
 * catalogue for wording by key and never compares languages itself.
 */

export type Language = 'en' | 'zh';

export const LANGUAGES: readonly Language[] = ['en', 'zh'];

/** The BCP 47 tag for the `lang` attribute of a page: Simplified Chinese is zh-CN. */
export const LANGUAGE_TAGS: Readonly<Record<Language, string>> = { en: 'en', zh: 'zh-CN' };

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/** The language a bilingual test or tool switches to. */
export function otherLanguage(language: Language): Language {
  return LANGUAGES.find((l) => l !== language) ?? language;
}

/** `zh`, `zh-CN`, `zh-Hans`… speak Chinese; anything else (or nothing) speaks English. */
export function languageFromLocale(locale: string | null | undefined): Language {
  return locale && /^zh\b/i.test(locale) ? 'zh' : 'en';
}

/** The wording of a bilingual pair (a model's label, a variant's name) in `language`. */
export function pick(language: Language, text: { readonly en: string; readonly zh: string }): string {
  return language === 'zh' ? text.zh : text.en;
}

import { describe, expect, it } from 'vitest';
import { AREAS, CATALOGUE, t } from '../../src/i18n';
import { defineMessages, messageFn, render, translator } from '../../src/i18n/catalogue';
import { isLanguage, languageFromLocale, LANGUAGES } from '../../src/i18n/language';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the catalogue', () => {
  it('keeps every area under its own prefix, so spreading the areas never overwrites a key', () => {
    let total = 0;
    for (const [area, table] of Object.entries(AREAS)) {
      for (const key of Object.keys(table)) expect(key.startsWith(`${area}.`), key).toBe(true);
      total += Object.keys(table).length;
    }
    expect(Object.keys(CATALOGUE)).toHaveLength(total);
  });

  it('gives every entry a non-empty wording in both languages with the same placeholders', () => {
    for (const [key, entry] of Object.entries(CATALOGUE)) {
      for (const lang of LANGUAGES) {
        const wording = entry[lang] as unknown;
        if (typeof wording === 'string') expect(wording.trim(), `${key} ${lang}`).not.toBe('');
        else expect(typeof wording, `${key} ${lang}`).toBe('function');
      }
      if (typeof entry.en === 'string' && typeof entry.zh === 'string') {
        expect(placeholders(entry.zh), key).toEqual(placeholders(entry.en));
      }
    }
  });

  it('fills templates and function wordings, and refuses a missing parameter at run time', () => {
    expect(t('en', 'host.noSheet', { name: 'LSTM' })).toBe("There is no sheet named 'LSTM'.");
    expect(t('zh', 'host.noSheet', { name: 'LSTM' })).toBe('找不到工作表“LSTM”。');
    expect(t('en', 'practice.filledStep', { step: 1, cells: 'B2' })).toBe(
      'Filled the formulas of step t = 2: B2.',
    );
    expect(() => render({ en: 'a {b}', zh: '{b}' }, 'en', {})).toThrow(/'b'/);
  });

  it('makes a missing translation or a wrong parameter a type error', () => {
    const local = defineMessages({
      'x.hello': { en: 'Hello {name}', zh: '你好 {name}' },
      'x.count': messageFn<{ n: number }>(
        ({ n }) => `${n} cells`,
        ({ n }) => `${n} 个单元格`,
      ),
    });
    const tl = translator(local);
    expect(tl('zh', 'x.hello', { name: 'A' })).toBe('你好 A');
    expect(tl('en', 'x.count', { n: 3 })).toBe('3 cells');
    // The lines below must not compile; `tsc --noEmit` over tests proves it.
    // @ts-expect-error an entry without its Chinese wording
    defineMessages({ 'x.only': { en: 'English only' } });
    // @ts-expect-error a placeholder left unfilled
    expect(() => tl('en', 'x.hello')).toThrow();
    // @ts-expect-error a misspelt parameter
    expect(() => tl('en', 'x.hello', { nmae: 'A' })).toThrow();
    // @ts-expect-error a key the catalogue does not have
    expect(() => tl('en', 'x.missing')).toThrow();
  });

  it('reads a language from a locale or a string', () => {
    expect(languageFromLocale('zh-CN')).toBe('zh');
    expect(languageFromLocale('zh-Hans')).toBe('zh');
    expect(languageFromLocale('en-GB')).toBe('en');
    expect(languageFromLocale(undefined)).toBe('en');
    expect(isLanguage('zh')).toBe(true);
    expect(isLanguage('fr')).toBe(false);
  });
});

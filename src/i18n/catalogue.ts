/**
 * The catalogue mechanism: every user-facing message is one entry with an English and a
 * Chinese wording, and code asks for it by key. A missing translation is a type error
 * (an entry must have both `en` and `zh`), and so is a missing or misspelt parameter.
 *
 * A wording is either a template with `{name}` placeholders, or, where the sentence needs
 * logic (plurals, lists, optional parts), a function of its parameters. Both wordings of
 * one entry take the same parameters.
 *
 * Every entry of the tables is laid out alike: the key, the `en` line, the `zh` line, the
 * closing brace (`npx tsx tools/catalogue-layout.ts` spreads one-line entries that way).
 */
import type { Language } from './language';

export type Params = Readonly<Record<string, string | number>>;

/** A function wording; its parameter object is what `t` requires. */
export type WordingFn<P extends object> = (params: P) => string;

export type Wording = string | WordingFn<never>;

export interface Entry {
  readonly en: Wording;
  readonly zh: Wording;
}

export type Catalogue = Readonly<Record<string, Entry>>;

/** The characters of a string, as a union. */
type Chars<S extends string, Found = never> = S extends `${infer C}${infer Rest}`
  ? Chars<Rest, Found | C>
  : Found;
type NameChar = Chars<'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'>;

/** Whether S is a placeholder name (letters, digits, _), as `fill` reads them. */
type IsName<S extends string> = S extends ''
  ? true
  : S extends `${NameChar}${infer Rest}`
    ? IsName<Rest>
    : false;

/**
 * The `{name}` placeholders of a template string, as a union of names. Braces around
 * anything else (the sheets' notation h_{t−1}) are text, as in `fill`.
 */
export type Placeholders<S extends string> = S extends `${string}{${infer K}}${infer Rest}`
  ? (K extends '' ? never : IsName<K> extends true ? K : never) | Placeholders<Rest>
  : never;

/** What `t` requires for an entry: nothing, the placeholders of its template, or its function's argument. */
export type ParamsOf<E extends Entry> =
  E['en'] extends WordingFn<infer P>
    ? P
    : E['en'] extends string
      ? [Placeholders<E['en']>] extends [never]
        ? undefined
        : Readonly<Record<Placeholders<E['en']>, string | number>>
      : never;

export type ParamArgs<E extends Entry> = ParamsOf<E> extends undefined ? [] : [params: ParamsOf<E>];

/**
 * Declares one area's entries. `const` keeps each template's literal text, so `t` knows
 * its placeholders; the constraint makes an entry without both languages a type error.
 */
export function defineMessages<const T extends Catalogue>(table: T): T {
  return table;
}

/** One entry that is written as a function in both languages, with its parameters typed once. */
export function messageFn<P extends object>(
  en: WordingFn<P>,
  zh: WordingFn<P>,
): { en: WordingFn<P>; zh: WordingFn<P> } {
  return { en, zh };
}

function fill(template: string, params: Params | undefined): string {
  return template.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`Message parameter '${name}' is missing.`);
    return String(value);
  });
}

/**
 * The wording of one entry in one language, with its parameters filled in. A language read
 * from a stored sheet that is neither falls back to English rather than indexing the entry
 * with an arbitrary string.
 */
export function render(entry: Entry, language: Language, params?: object): string {
  const wording = (language === 'zh' ? entry.zh : entry.en) as string | ((p: object | undefined) => string);
  return typeof wording === 'string' ? fill(wording, params as Params | undefined) : wording(params);
}

/** A typed `t(language, key, params)` over one catalogue. */
export function translator<C extends Catalogue>(catalogue: C) {
  return function t<K extends keyof C & string>(
    language: Language,
    key: K,
    ...params: ParamArgs<C[K]>
  ): string {
    return render(catalogue[key], language, params[0] as object | undefined);
  };
}

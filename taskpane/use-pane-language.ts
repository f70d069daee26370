/**
 * The pane's language: the one it was started with (Office's display language, or the
 * preview's ?lang=), unless the learner picked another before, which the host's settings
 * store remembers. The page's <html lang> follows it, so screen readers and fonts do too.
 */
import { useCallback, useEffect, useState } from 'react';
import type { WorkbookHost } from '../src/host/host';
import { isLanguage, LANGUAGE_TAGS, type Language } from '../src/i18n/language';

export function htmlLang(language: Language): string {
  return LANGUAGE_TAGS[language];
}

export function usePaneLanguage(
  host: WorkbookHost,
  initial: Language | undefined,
  onChange?: (language: Language) => void,
): [Language, (language: Language) => void] {
  const [lang, setLang] = useState<Language>(initial ?? 'en');
  // Set once a choice is made here, so a slow read of the store cannot undo it.
  const [chosen, setChosen] = useState(false);

  useEffect(() => {
    let live = true;
    host.settings.read().then(
      (s) => {
        if (live && !chosen && isLanguage(s.language)) setLang(s.language);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
    // Read once per host: later changes come from choose().
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host]);

  useEffect(() => {
    if (typeof document !== 'undefined') document.documentElement.lang = htmlLang(lang);
    onChange?.(lang);
  }, [lang, onChange]);

  const choose = useCallback(
    (language: Language) => {
      setChosen(true);
      setLang(language);
      void host.settings.write({ language });
    },
    [host],
  );
  return [lang, choose];
}

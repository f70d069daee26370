/**
 * What the pane reads from Office at start-up: the display language and the theme.
 * Everything else goes through the WorkbookHost. Safe to call where Office.js is absent
 * (the preview page, tests): it then falls back to English and the system theme.
 */
import { languageFromLocale, type Language } from '../src/i18n';

export { languageFromLocale };

export type ThemeName = 'light' | 'dark';

export function officeLanguage(): Language {
  try {
    return languageFromLocale(typeof Office !== 'undefined' ? Office.context?.displayLanguage : undefined);
  } catch {
    return 'en';
  }
}

/** Relative luminance of '#RRGGBB' (0 black … 1 white); NaN if unreadable. */
export function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return NaN;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function themeFromBackground(background: string | undefined): ThemeName | undefined {
  if (!background) return undefined;
  const l = luminance(background);
  return Number.isNaN(l) ? undefined : l < 0.3 ? 'dark' : 'light';
}

/** Office's own theme when it reports one (Excel's dark and black themes), else the system's. */
export function officeTheme(): ThemeName {
  try {
    const fromOffice = themeFromBackground(
      typeof Office !== 'undefined' ? Office.context?.officeTheme?.bodyBackgroundColor : undefined,
    );
    if (fromOffice) return fromOffice;
  } catch {
    // officeTheme throws on hosts that do not implement it.
  }
  return systemTheme();
}

export function systemTheme(): ThemeName {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light';
}

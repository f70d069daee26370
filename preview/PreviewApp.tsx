/**
 * The whole add-in without Excel: a workbook (formula bar, grid, sheet tabs) on the left
 * and the real task pane on the right, talking to a PreviewHost exactly as it talks to
 * Excel through ExcelHost.
 */
import { useState } from 'react';
import { App } from '../taskpane/App';
import { t, type Language } from '../src/i18n';
import type { PreviewHost } from '../src/host/preview-host';
import { FormulaBar } from './FormulaBar';
import { Grid } from './Grid';
import { SheetTabs } from './SheetTabs';
import { StatusLine } from './StatusLine';
import { focusTarget, useF6Regions } from './use-f6';
import { useWorkbookVersion } from './use-workbook';

interface Props {
  readonly host: PreviewHost;
  /** From the page address (?lang=); otherwise the pane's remembered or default language. */
  readonly language?: Language;
}

export function PreviewApp({ host, language }: Props) {
  const workbook = host.workbook;
  useWorkbookVersion(workbook);
  const sheet = workbook.activeSheet;
  // The banner follows the pane's language (chosen there, or remembered from last time).
  const [lang, setLang] = useState<Language>(language ?? 'en');
  useF6Regions();
  return (
    <div className="preview">
      <header className="title-bar">
        <span className="title-app">{t(lang, 'preview.app')}</span>
        <span className="title-note">{t(lang, 'preview.note')}</span>
        <a
          className="skip-link"
          href="#pane"
          onClick={(e) => {
            e.preventDefault();
            focusTarget(document, '#pane')?.focus();
          }}
        >
          {t(lang, 'preview.skip')}
        </a>
      </header>
      <main className="workbook" aria-label={t(lang, 'preview.workbook')}>
        <FormulaBar workbook={workbook} />
        {sheet ? <Grid workbook={workbook} sheet={sheet} /> : <div className="grid-empty" />}
        <StatusLine workbook={workbook} ready={t(lang, 'preview.ready')} />
        <SheetTabs workbook={workbook} language={lang} />
      </main>
      <aside className="pane" id="pane" tabIndex={-1} aria-label={t(lang, 'preview.pane')}>
        <div className="pane-body">
          <App host={host} language={language} onLanguageChange={setLang} />
        </div>
      </aside>
    </div>
  );
}

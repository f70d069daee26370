/**
 * The whole add-in without Excel: a workbook (formula bar, grid, sheet tabs) on the left
 * and the real task pane on the right, talking to a PreviewHost exactly as it talks to
 * Excel through ExcelHost.
 */
import { App } from '../taskpane/App';
import { t, type Language } from '../src/i18n';
import type { PreviewHost } from '../src/host/preview-host';
import { FormulaBar } from './FormulaBar';
import { Grid } from './Grid';
import { SheetTabs } from './SheetTabs';
import { useWorkbookVersion } from './use-workbook';

interface Props {
  readonly host: PreviewHost;
  readonly language: Language;
}

export function PreviewApp({ host, language }: Props) {
  const workbook = host.workbook;
  useWorkbookVersion(workbook);
  const sheet = workbook.activeSheet;
  return (
    <div className="preview">
      <header className="title-bar">
        <span className="title-app">{t(language, 'preview.app')}</span>
        <span className="title-note">{t(language, 'preview.note')}</span>
      </header>
      <main className="workbook" aria-label="Workbook">
        <FormulaBar workbook={workbook} />
        {sheet ? <Grid workbook={workbook} sheet={sheet} /> : <div className="grid-empty" />}
        <SheetTabs workbook={workbook} />
      </main>
      <aside className="pane" aria-label="Task pane">
        <div className="pane-body">
          <App host={host} language={language} />
        </div>
      </aside>
    </div>
  );
}

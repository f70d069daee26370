/**
 * The whole add-in without Excel: a workbook (formula bar, grid, sheet tabs) on the left
 * and the real task pane on the right, talking to a PreviewHost exactly as it talks to
 * Excel through ExcelHost.
 */
import { App } from '../taskpane/App';
import type { Language } from '../src/sheets/plan';
import type { PreviewHost } from '../src/host/preview-host';
import { FormulaBar } from './FormulaBar';
import { Grid } from './Grid';
import { SheetTabs } from './SheetTabs';
import { useWorkbookVersion } from './use-workbook';

// The preview's own chrome follows the page language, like the pane beside it.
const TITLE: Readonly<Record<Language, { app: string; note: string }>> = {
  en: {
    app: 'Sequence Models by Hand',
    note: 'Preview: the add-in and a live workbook in your browser, no Excel needed',
  },
  zh: { app: '手算序列模型', note: '预览：加载项和实时计算的工作簿都在浏览器里运行，无需 Excel' },
};

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
        <span className="title-app">{TITLE[language].app}</span>
        <span className="title-note">{TITLE[language].note}</span>
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

/**
 * The whole add-in without Excel: a workbook (formula bar, grid, sheet tabs) on the left
 * and the real task pane on the right, talking to a PreviewHost exactly as it talks to
 * Excel through ExcelHost.
 */
import { useState } from 'react';
import { App } from '../taskpane/App';
import type { Language } from '../src/sheets/plan';
import type { PreviewHost } from '../src/host/preview-host';
import { FormulaBar } from './FormulaBar';
import { Grid } from './Grid';
import { SheetTabs } from './SheetTabs';
import { StatusLine } from './StatusLine';
import { focusTarget, useF6Regions } from './use-f6';
import { useWorkbookVersion } from './use-workbook';

// The preview's own chrome follows the page language, like the pane beside it.
interface Chrome {
  readonly app: string;
  readonly note: string;
  readonly workbook: string;
  readonly pane: string;
  readonly skip: string;
  readonly ready: string;
}

const TITLE: Readonly<Record<Language, Chrome>> = {
  en: {
    app: 'Sequence Models by Hand',
    note: 'Preview: the add-in and a live workbook in your browser, no Excel needed',
    workbook: 'Workbook',
    pane: 'Task pane',
    skip: 'Skip to the task pane (F6)',
    ready: 'Ready',
  },
  zh: {
    app: '手算序列模型',
    note: '预览：加载项和实时计算的工作簿都在浏览器里运行，无需 Excel',
    workbook: '工作簿',
    pane: '任务窗格',
    skip: '跳到任务窗格（F6）',
    ready: '就绪',
  },
};

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
  const title = TITLE[lang];
  useF6Regions();
  return (
    <div className="preview">
      <header className="title-bar">
        <span className="title-app">{title.app}</span>
        <span className="title-note">{title.note}</span>
        <a
          className="skip-link"
          href="#pane"
          onClick={(e) => {
            e.preventDefault();
            focusTarget(document, '#pane')?.focus();
          }}
        >
          {title.skip}
        </a>
      </header>
      <main className="workbook" aria-label={title.workbook}>
        <FormulaBar workbook={workbook} />
        {sheet ? <Grid workbook={workbook} sheet={sheet} /> : <div className="grid-empty" />}
        <StatusLine workbook={workbook} ready={title.ready} />
        <SheetTabs workbook={workbook} language={lang} />
      </main>
      <aside className="pane" id="pane" tabIndex={-1} aria-label={title.pane}>
        <div className="pane-body">
          <App host={host} language={language} onLanguageChange={setLang} />
        </div>
      </aside>
    </div>
  );
}

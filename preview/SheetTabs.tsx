/**
 * Sheet tabs along the bottom, as in Excel: click to switch, double-click (or F2) to
 * rename, Delete to delete after a confirmation (a sheet's cells cannot be had back, so
 * nothing is deleted without the person agreeing, the add-in's sheets included). The
 * active tab is kept in view; "+" adds an empty sheet and sits outside the tab list.
 */
import { useEffect, useRef } from 'react';
import type { PreviewWorkbook } from '../src/host/preview-workbook';
import type { Language } from '../src/sheets/plan';
import { useWorkbookVersion } from './use-workbook';

const WORDS: Readonly<
  Record<
    Language,
    {
      sheets: string;
      newSheet: string;
      rename: string;
      remove: string;
      confirmDelete: (s: string) => string;
      badName: string;
    }
  >
> = {
  en: {
    sheets: 'Sheets',
    newSheet: 'New sheet',
    rename: 'Rename sheet',
    remove: 'Delete sheet',
    confirmDelete: (s) => `Delete the sheet "${s}"? Its cells cannot be brought back.`,
    badName: 'That name is taken or not allowed (at most 31 characters, none of [ ] : * ? / \\).',
  },
  zh: {
    sheets: '工作表',
    newSheet: '新建工作表',
    rename: '重命名工作表',
    remove: '删除工作表',
    confirmDelete: (s) => `删除工作表“${s}”？其中的单元格无法恢复。`,
    badName: '该名称已被使用或不可用（最多 31 个字符，不能含 [ ] : * ? / \\）。',
  },
};

export function SheetTabs({
  workbook,
  language,
}: {
  readonly workbook: PreviewWorkbook;
  readonly language: Language;
}) {
  useWorkbookVersion(workbook);
  const w = WORDS[language];
  const active = workbook.activeSheet;
  const activeTab = useRef<HTMLButtonElement>(null);

  // Keep the active tab (a new sheet's, say) in view in a strip wider than the window.
  // Braces: Chromium's scrollIntoView returns a promise, which must not become the effect's cleanup.
  useEffect(() => {
    void activeTab.current?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [active]);

  const rename = (name: string) => {
    const next = window.prompt(w.rename, name);
    if (next === null || next === name) return;
    if (!workbook.renameSheet(name, next)) window.alert(w.badName);
  };
  const remove = (name: string) => {
    if (workbook.sheetNames().length <= 1) return; // a workbook keeps at least one sheet, as in Excel
    if (window.confirm(w.confirmDelete(name))) workbook.removeSheet(name);
  };

  return (
    <div className="sheet-tabs">
      <div className="sheet-tablist" role="tablist" aria-label={w.sheets}>
        {workbook.sheetNames().map((name) => (
          <button
            key={name}
            ref={name === active ? activeTab : undefined}
            role="tab"
            aria-selected={name === active}
            className={`sheet-tab${name === active ? ' active' : ''}`}
            onClick={() => workbook.activate(name)}
            onDoubleClick={() => rename(name)}
            onKeyDown={(e) => {
              if (e.key === 'F2') rename(name);
              else if (e.key === 'Delete') remove(name);
            }}
          >
            {name}
          </button>
        ))}
      </div>
      <button
        className="sheet-add"
        aria-label={w.newSheet}
        title={w.newSheet}
        onClick={() => workbook.activate(workbook.addSheet('Sheet1'))}
      >
        +
      </button>
      {active && (
        <>
          <button className="sheet-action" onClick={() => rename(active)}>
            {w.rename}
          </button>
          <button
            className="sheet-action"
            onClick={() => remove(active)}
            disabled={workbook.sheetNames().length <= 1}
          >
            {w.remove}
          </button>
        </>
      )}
    </div>
  );
}

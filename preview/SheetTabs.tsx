/**
 * Sheet tabs along the bottom, as in Excel: click to switch, double-click (or F2) to
 * rename in the tab, Delete to delete. Excel's rules keep sheets from being lost: a name
 * it would refuse is explained and nothing changes; a sheet with anything on it (the
 * add-in's sheets included) goes only after the person confirms, an empty one at once;
 * the last sheet stays. The active tab is kept in view; "+" adds an empty sheet and sits
 * outside the tab list.
 */
import { useEffect, useRef, useState } from 'react';
import type { PreviewWorkbook } from '../src/host/preview-workbook';
import { t, type Language } from '../src/i18n';
import { DeleteSheetConfirm } from './DeleteSheetConfirm';
import { TabNameEditor, type TabRect } from './TabNameEditor';
import { useWorkbookVersion } from './use-workbook';

/** A rename or a delete under way on one tab. */
interface TabAction {
  readonly kind: 'rename' | 'delete';
  readonly name: string;
  readonly rect: TabRect;
}

/**
 * Keeps the active tab (a new sheet's, say) in view in a strip wider than the window, and
 * returns a setter naming the tab to give the focus back to once an action ends (the
 * renamed one, the next active one).
 */
function useTabFocus(tabs: Map<string, HTMLButtonElement>, active: string | null | undefined) {
  const [refocus, setRefocus] = useState<string | null>(null);
  // Braces: Chromium's scrollIntoView returns a promise, which must not become the effect's cleanup.
  useEffect(() => {
    if (active) void tabs.get(active)?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [tabs, active]);
  useEffect(() => {
    if (refocus === null) return;
    tabs.get(refocus)?.focus();
    setRefocus(null);
  }, [tabs, refocus]);
  return setRefocus;
}

export function SheetTabs({
  workbook,
  language,
}: {
  readonly workbook: PreviewWorkbook;
  readonly language: Language;
}) {
  useWorkbookVersion(workbook);
  const active = workbook.activeSheet;
  const names = workbook.sheetNames();
  const tabs = useRef(new Map<string, HTMLButtonElement>());
  const [action, setAction] = useState<TabAction | null>(null);
  const setRefocus = useTabFocus(tabs.current, active);

  const start = (kind: TabAction['kind'], name: string) => {
    const r = tabs.current.get(name)?.getBoundingClientRect();
    if (!r) return;
    workbook.activate(name);
    setAction({ kind, name, rect: { left: r.left, top: r.top, width: r.width, height: r.height } });
  };
  const askDelete = (name: string) => {
    if (names.length <= 1) return; // a workbook keeps at least one sheet, as in Excel
    if (workbook.hasContent(name)) start('delete', name);
    else remove(name); // Excel deletes an empty sheet without asking: nothing is lost
  };
  const remove = (name: string) => {
    workbook.removeSheet(name);
    setAction(null);
    setRefocus(workbook.activeSheet);
  };
  const end = (name: string) => {
    setAction(null);
    setRefocus(name);
  };
  const lastSheet = names.length <= 1;

  return (
    <div className="sheet-tabs">
      <div className="sheet-tablist" role="tablist" aria-label={t(language, 'preview.sheets')}>
        {names.map((name) => (
          <button
            key={name}
            ref={(el) => {
              if (el) tabs.current.set(name, el);
              else tabs.current.delete(name);
            }}
            role="tab"
            aria-selected={name === active}
            className={`sheet-tab${name === active ? ' active' : ''}`}
            onClick={() => workbook.activate(name)}
            onDoubleClick={() => start('rename', name)}
            onKeyDown={(e) => {
              if (e.key === 'F2') start('rename', name);
              else if (e.key === 'Delete') askDelete(name);
              else return;
              e.preventDefault();
            }}
          >
            {name}
          </button>
        ))}
      </div>
      <button
        className="sheet-add"
        aria-label={t(language, 'preview.newSheet')}
        title={t(language, 'preview.newSheet')}
        onClick={() => workbook.activate(workbook.addSheet('Sheet1'))}
      >
        +
      </button>
      {active && (
        <>
          <button className="sheet-action" onClick={() => start('rename', active)}>
            {t(language, 'preview.renameSheet')}
          </button>
          <button
            className="sheet-action"
            onClick={() => askDelete(active)}
            disabled={lastSheet}
            title={lastSheet ? t(language, 'preview.lastSheet') : undefined}
          >
            {t(language, 'preview.deleteSheet')}
          </button>
        </>
      )}
      {action?.kind === 'rename' && (
        <TabNameEditor
          key={action.name}
          name={action.name}
          rect={action.rect}
          existing={names}
          language={language}
          onCommit={(next) => end(workbook.renameSheet(action.name, next) ? next : action.name)}
          onCancel={() => end(action.name)}
        />
      )}
      {action?.kind === 'delete' && (
        <DeleteSheetConfirm
          name={action.name}
          builtByAddin={workbook.sheet(action.name)?.metadata != null}
          rect={action.rect}
          language={language}
          onDelete={() => remove(action.name)}
          onCancel={() => end(action.name)}
        />
      )}
    </div>
  );
}

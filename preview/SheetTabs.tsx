/** Sheet tabs along the bottom, as in Excel; "+" adds an empty sheet to type formulas in. */
import type { PreviewWorkbook } from '../src/host/preview-workbook';
import { useWorkbookVersion } from './use-workbook';

export function SheetTabs({ workbook }: { readonly workbook: PreviewWorkbook }) {
  useWorkbookVersion(workbook);
  const active = workbook.activeSheet;
  return (
    <div className="sheet-tabs" role="tablist" aria-label="Sheets">
      {workbook.sheetNames().map((name) => (
        <button
          key={name}
          role="tab"
          aria-selected={name === active}
          className={`sheet-tab${name === active ? ' active' : ''}`}
          onClick={() => workbook.activate(name)}
        >
          {name}
        </button>
      ))}
      <button
        className="sheet-add"
        aria-label="New sheet"
        title="New sheet"
        onClick={() => workbook.activate(workbook.addSheet('Sheet1'))}
      >
        +
      </button>
    </div>
  );
}

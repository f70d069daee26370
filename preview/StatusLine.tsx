/**
 * The status line under the grid: the selected cell's error and its message (which
 * argument, what shape), so it can be read without hovering, and read out by screen readers.
 */
import type { PreviewWorkbook } from '../src/host/preview-workbook';
import { a1 } from '../src/sheets/plan';
import { useWorkbookVersion } from './use-workbook';

export function StatusLine({
  workbook,
  ready,
}: {
  readonly workbook: PreviewWorkbook;
  readonly ready: string;
}) {
  useWorkbookVersion(workbook);
  const sel = workbook.getSelection();
  const cell = sel && workbook.sheet(sel.sheet) ? workbook.cell(sel.sheet, sel.row, sel.col) : null;
  const error = cell?.error ?? null;
  const text =
    sel && error !== null
      ? `${a1(sel.row, sel.col)}: ${error === String(cell?.value) ? error : `${String(cell?.value)} ${error}`}`
      : ready;
  return (
    <div
      className={`status-line${error !== null ? ' status-error' : ''}`}
      role="status"
      data-testid="status-line"
    >
      {text}
    </div>
  );
}

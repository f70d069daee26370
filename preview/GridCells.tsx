/**
 * The cells and boxes on screen: each cell drawn with the palette, its number format and
 * its merged block, long text spilling over empty neighbours; boxes outline the blocks
 * the plan groups.
 */
import type { CSSProperties } from 'react';
import { a1, type PlanRange } from '../src/sheets/plan';
import type { ResolvedBox } from '../src/host/plan-look';
import type { PreviewCell, PreviewWorkbook } from '../src/host/preview-workbook';
import { cellCss } from './cell-look';
import type { VisibleRange } from './geometry';
import type { GridLayout, MergeIndex, Rect } from './grid-layout';
import { formatValue } from './number-format';

export interface CellHandlers {
  readonly onMouseDown: (row: number, col: number) => void;
  readonly onDoubleClick: (row: number, col: number) => void;
}

interface CellsProps {
  readonly workbook: PreviewWorkbook;
  readonly sheet: string;
  readonly layout: GridLayout;
  readonly range: VisibleRange;
  readonly handlers: CellHandlers;
}

/** Every visible cell, a merged block drawn once from its top-left cell. */
export function visibleCells({ workbook, sheet, layout, range, handlers }: CellsProps): JSX.Element[] {
  const cells: JSX.Element[] = [];
  const drawn = new Set<PlanRange>();
  const draw = (row: number, col: number) =>
    cells.push(cellElement(workbook, sheet, layout, row, col, handlers));
  for (let row = range.top; row <= range.bottom; row++) {
    for (let col = range.left; col <= range.right; col++) {
      const m = layout.mergeAt.get(`${row}:${col}`);
      if (m) {
        if (!drawn.has(m)) {
          drawn.add(m);
          draw(m.top, m.left);
        }
        continue;
      }
      draw(row, col);
    }
  }
  return cells;
}

function cellText(c: PreviewCell): string {
  return c.error !== null ? String(c.value) : formatValue(c.value, c.numberFormat ?? undefined);
}

/**
 * Text spills over empty neighbours to the right, as Excel lets long labels do. An error
 * code spills too, whatever the cell's alignment: "#VALUE!" cut to "#VALUE" in a narrow
 * number column reads as a different thing, and its message is in the tooltip.
 */
function spill(
  workbook: PreviewWorkbook,
  sheet: string,
  layout: GridLayout,
  row: number,
  col: number,
  c: PreviewCell,
): { rect: Rect; look: CSSProperties } {
  const { axis, mergeAt, colCount } = layout;
  let rect = layout.rectOf(row, col);
  let look = cellCss({ look: c.look, fillOverride: c.fillOverride, isText: typeof c.value === 'string' });
  const m = mergeAt.get(`${row}:${col}`);
  if (!m && typeof c.value === 'string' && (look.textAlign === 'left' || c.error !== null)) {
    let right = col;
    while (right + 1 < colCount && right - col < 30 && isEmpty(workbook, sheet, row, right + 1, mergeAt))
      right++;
    if (right > col) {
      rect = { ...rect, width: axis.offsets[right + 1] - axis.offsets[col] };
      if (c.error !== null) look = { ...look, textAlign: 'left', justifyContent: 'flex-start' };
    }
  }
  return { rect, look };
}

function cellElement(
  workbook: PreviewWorkbook,
  sheet: string,
  layout: GridLayout,
  row: number,
  col: number,
  handlers: CellHandlers,
): JSX.Element {
  const { axis } = layout;
  const c = workbook.cell(sheet, row, col);
  const { rect, look } = spill(workbook, sheet, layout, row, col, c);
  const style: CSSProperties = {
    ...look,
    left: rect.left,
    top: rect.top,
    width: rect.width,
    height: rect.height,
  };
  // Spilled text hides the gridlines beneath it, as in Excel.
  if (rect.width > axis.offsets[col + 1] - axis.offsets[col]) {
    style.zIndex = 1;
    style.background = look.background ?? '#ffffff';
  }
  return (
    <div
      key={`${row}:${col}`}
      className={`cell${c.error !== null ? ' cell-error' : ''}`}
      style={style}
      data-address={a1(row, col)}
      data-value={c.value === null ? '' : String(c.value)}
      title={errorTitle(c.value, c.error)}
      onMouseDown={(e) => {
        e.preventDefault();
        handlers.onMouseDown(row, col);
      }}
      onDoubleClick={() => handlers.onDoubleClick(row, col)}
    >
      <span className="cell-text">{cellText(c)}</span>
    </div>
  );
}

/** The outlines of the plan's boxes that reach the visible range, in the resolver's colours. */
export function visibleBoxes(
  boxes: readonly ResolvedBox[],
  layout: GridLayout,
  range: VisibleRange,
): JSX.Element[] {
  const { axis, rows } = layout;
  return boxes
    .filter(
      (b) => b.bottom >= range.top && b.top <= range.bottom && b.right >= range.left && b.left <= range.right,
    )
    .map((b, i) => (
      <div
        key={`box${i}`}
        className="box"
        style={{
          left: axis.offsets[b.left] - 1,
          top: rows.offsets[b.top] - 1,
          width: axis.offsets[b.right + 1] - axis.offsets[b.left] + 1,
          height: rows.offsets[b.bottom + 1] - rows.offsets[b.top] + 1,
          borderColor: b.color,
        }}
      />
    ));
}

function isEmpty(wb: PreviewWorkbook, sheet: string, row: number, col: number, merges: MergeIndex): boolean {
  if (merges.has(`${row}:${col}`)) return false;
  const c = wb.cell(sheet, row, col);
  return c.value === null && c.formula === null;
}

/** The tooltip of an error cell: its code and, when there is one, the message naming the argument. */
function errorTitle(value: unknown, error: string | null): string | undefined {
  if (error === null) return undefined;
  return error === String(value) ? error : `${String(value)}: ${error}`;
}

/**
 * The cells and boxes on screen: each cell drawn with the palette, its number format and
 * its merged block, long text spilling over empty neighbours; boxes outline the blocks
 * the plan groups.
 */
import type { CSSProperties, MouseEvent } from 'react';
import { a1, type PlanRange } from '../src/sheets/plan';
import type { ResolvedBox } from '../src/host/plan-look';
import type { PreviewCell, PreviewWorkbook } from '../src/host/preview-workbook';
import { cellCss } from './cell-look';
import { columnAt, type VisibleRange } from './geometry';
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
  /** With frozen panes: a merged block is drawn only by the pane its top-left cell is in. */
  readonly owns?: (row: number, col: number) => boolean;
  /** The last column text may spill into (the frozen columns' text stops at the split, as in Excel). */
  readonly spillTo?: number;
}

/** The DOM id of a cell, for the grid's aria-activedescendant. */
export function cellId(row: number, col: number): string {
  return `cell-${a1(row, col)}`;
}

/**
 * Every visible cell, a merged block drawn once from its top-left cell. Each row is an
 * ARIA row (laid out by the canvas: `display: contents`) that starts with a row header for
 * screen readers; the visible row numbers beside the grid are decoration.
 */
export function visibleCells({
  workbook,
  sheet,
  layout,
  range,
  handlers,
  owns,
  spillTo,
}: CellsProps): JSX.Element[] {
  const out: JSX.Element[] = [];
  const drawn = new Set<PlanRange>();
  for (let row = range.top; row <= range.bottom; row++) {
    const cells: JSX.Element[] = [];
    const draw = (r: number, c: number) =>
      cells.push(cellElement(workbook, sheet, layout, r, c, handlers, spillTo ?? layout.colCount - 1));
    for (let col = range.left; col <= range.right; col++) {
      const m = layout.mergeAt.get(`${row}:${col}`);
      if (m) {
        if (!drawn.has(m)) {
          drawn.add(m);
          if (owns && !owns(m.top, m.left)) continue;
          draw(m.top, m.left);
        }
        continue;
      }
      draw(row, col);
    }
    out.push(
      <div key={`r${row}`} role="row" aria-rowindex={row + 2} className="grid-row">
        <div role="rowheader" aria-colindex={1} className="sr-only">
          {row + 1}
        </div>
        {cells}
      </div>,
    );
  }
  return out;
}

/** Columns a text may spill over, at most. */
const MAX_SPILL = 30;

/** Characters of General-format text a column of `pixels` shows (about 7 a character, 5 of padding). */
function fitOf(pixels: number): number {
  return Math.max(1, Math.floor((pixels - 5) / 7));
}

/** What a cell shows in `pixels` of width: its value in its number format, or its error code. */
export function cellText(c: PreviewCell, pixels: number): string {
  return c.error !== null
    ? String(c.value)
    : formatValue(c.value, c.numberFormat ?? undefined, fitOf(pixels));
}

/**
 * Text spills over empty neighbours, as Excel lets long labels do: to the right, and to
 * the left for right-aligned text (an equation that ends beside its results). An error
 * code spills right too, whatever the cell's alignment: "#VALUE!" cut to "#VALUE" in a
 * narrow number column reads as a different thing, and its message is in the tooltip.
 */
function spill(
  workbook: PreviewWorkbook,
  sheet: string,
  layout: GridLayout,
  row: number,
  col: number,
  c: PreviewCell,
  lastCol: number,
): { rect: Rect; look: CSSProperties } {
  const { axis, mergeAt } = layout;
  let rect = layout.rectOf(row, col);
  let look = cellCss({ look: c.look, fillOverride: c.fillOverride, isText: typeof c.value === 'string' });
  const free = (k: number) => isEmpty(workbook, sheet, row, k, mergeAt);
  if (mergeAt.get(`${row}:${col}`) || typeof c.value !== 'string') return { rect, look };
  if (look.textAlign === 'left' || c.error !== null) {
    let right = col;
    while (right + 1 <= lastCol && right - col < MAX_SPILL && free(right + 1)) right++;
    if (right > col) {
      rect = { ...rect, width: axis.offsets[right + 1] - axis.offsets[col] };
      if (c.error !== null) look = { ...look, textAlign: 'left', justifyContent: 'flex-start' };
    }
  } else if (look.textAlign === 'right') {
    let left = col;
    while (left - 1 >= 0 && col - left < MAX_SPILL && free(left - 1)) left--;
    if (left < col)
      rect = { ...rect, left: axis.offsets[left], width: axis.offsets[col + 1] - axis.offsets[left] };
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
  lastCol: number,
): JSX.Element {
  const { axis } = layout;
  const c = workbook.cell(sheet, row, col);
  const own = layout.rectOf(row, col);
  const { rect, look } = spill(workbook, sheet, layout, row, col, c, lastCol);
  const selected = workbook.getSelection();
  const isSelected = selected?.sheet === sheet && selected.row === row && selected.col === col;
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
      id={cellId(row, col)}
      role="gridcell"
      aria-colindex={col + 2}
      aria-selected={isSelected}
      data-address={a1(row, col)}
      data-value={c.value === null ? '' : String(c.value)}
      title={errorTitle(c.value, c.error)}
      onMouseDown={(e) => {
        e.preventDefault();
        handlers.onMouseDown(row, pointerColumn(e, rect, layout, col));
      }}
      onDoubleClick={(e) => handlers.onDoubleClick(row, pointerColumn(e, rect, layout, col))}
    >
      <span className="cell-text">{cellText(c, own.width)}</span>
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

/**
 * The column under the pointer. Text spilling over its empty neighbours draws one wide
 * element, but a click on a neighbour's part selects the neighbour, as in Excel.
 */
function pointerColumn(e: MouseEvent, rect: Rect, layout: GridLayout, col: number): number {
  const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
  if (box.width === 0) return col;
  const x = rect.left + (e.clientX - box.left) * (rect.width / box.width);
  const under = columnAt(layout.axis, x);
  // Text spilt left is drawn from a neighbour's left edge: the cell is the rightmost one it covers.
  return rect.left < layout.axis.offsets[col] ? Math.min(col, under) : Math.max(col, under);
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

/**
 * What one pane of the grid draws over its range: the cells and the conditional-format
 * tints only where the pane owns the cell (or the block's top-left corner), so with frozen
 * panes nothing is drawn twice or hidden under a frozen layer; and every plan box that
 * reaches into the pane. A box is cell borders in Excel, so one that crosses the split (a
 * "What to try" box) shows on both sides of it: each pane draws it, and the frozen
 * layers, cut at the split, show only their part.
 */
import type { PlanRange } from '../src/sheets/plan';
import type { PreviewSheet, PreviewWorkbook } from '../src/host/preview-workbook';
import { conditionalLayers } from './ConditionalFormats';
import type { VisibleRange } from './geometry';
import type { GridLayout } from './grid-layout';
import { visibleBoxes, visibleCells, type CellHandlers } from './GridCells';

export interface PaneSource {
  readonly workbook: PreviewWorkbook;
  readonly sheet: string;
  readonly info: PreviewSheet;
  readonly layout: GridLayout;
  readonly handlers: CellHandlers;
}

export function drawPane(
  { workbook, sheet, info, layout, handlers }: PaneSource,
  range: VisibleRange,
  owns: (row: number, col: number) => boolean,
  spillTo?: number,
) {
  return (
    <>
      {visibleCells({ workbook, sheet, layout, handlers, range, owns, spillTo })}
      {conditionalLayers(workbook, sheet, info.conditionalFormats, layout.rectOf, owns)}
      {visibleBoxes(
        info.boxes.filter((b) => reaches(b, owns)),
        layout,
        range,
      )}
    </>
  );
}

/** Whether any cell of the box lies in the pane: the panes are quadrants, so one of its corners does. */
function reaches(b: PlanRange, owns: (row: number, col: number) => boolean): boolean {
  return [b.top, b.bottom].some((row) => [b.left, b.right].some((col) => owns(row, col)));
}

/**
 * What one pane of the grid draws over its range: the cells, the conditional-format tints
 * and the plan's boxes, each only where the pane owns the cell (or the block's top-left
 * corner), so with frozen panes nothing is drawn twice or hidden under a frozen layer.
 */
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
        info.boxes.filter((b) => owns(b.top, b.left)),
        layout,
        range,
      )}
    </>
  );
}

/**
 * The plan's conditional formats drawn over the grid: a data bar behind each number of a
 * bar range, a tint over each number of a colour-scale range. Layers ignore the pointer,
 * so selecting and editing the cells underneath works as before. A colour scale replaces
 * the cell's fill, as in Excel: the cell's figures are drawn again on the scale's colour.
 */
import type { JSX } from 'react';
import { colorScaleColor, dataBarFraction } from '../src/host/conditional-format-values';
import type { PreviewWorkbook } from '../src/host/preview-workbook';
import { cellCss } from './cell-look';
import { cellText } from './GridCells';
import { formatAreas, type ConditionalFormat } from '../src/sheets/plan';

export interface CellRect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

function numbersIn(workbook: PreviewWorkbook, sheet: string, f: ConditionalFormat) {
  const out: { row: number; col: number; v: number }[] = [];
  for (const area of formatAreas(f))
    for (let row = area.top; row <= area.bottom; row++)
      for (let col = area.left; col <= area.right; col++) {
        const v = workbook.cell(sheet, row, col).value;
        if (typeof v === 'number' && Number.isFinite(v)) out.push({ row, col, v });
      }
  return out;
}

export function conditionalLayers(
  workbook: PreviewWorkbook,
  sheet: string,
  formats: readonly ConditionalFormat[],
  rectOf: (row: number, col: number) => CellRect,
  /** With frozen panes: only the cells this pane draws (the scale still spans the whole range). */
  owns: (row: number, col: number) => boolean = () => true,
): JSX.Element[] {
  const layers: JSX.Element[] = [];
  formats.forEach((f, k) => {
    const cells = numbersIn(workbook, sheet, f);
    const values = cells.map((c) => c.v);
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    for (const { row, col, v } of cells) {
      if (!owns(row, col)) continue;
      const r = rectOf(row, col);
      const key = `cf${k}:${row}:${col}`;
      if (f.kind === 'dataBar') {
        const style = { ...r, width: r.width * dataBarFraction(v, lo, hi), background: f.color };
        layers.push(<div key={key} className="cf-dataBar" style={style} />);
        continue;
      }
      // As in Excel, the scale's colour replaces the cell's fill: the cell is drawn again on it.
      const cell = workbook.cell(sheet, row, col);
      const look = cellCss({ look: cell.look, fillOverride: null, isText: false });
      const style = { ...look, ...r, background: colorScaleColor(v, values, f.colors, f.stops) };
      layers.push(
        <div key={key} className="cf-colorScale" style={style} aria-hidden="true">
          <span className="cell-text">{cellText(cell, r.width)}</span>
        </div>,
      );
    }
  });
  return layers;
}

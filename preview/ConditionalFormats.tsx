/**
 * The plan's conditional formats drawn over the grid: a data bar behind each number of a
 * bar range, a tint over each number of a colour-scale range. Layers ignore the pointer,
 * so selecting and editing the cells underneath works as before; a colour scale multiplies
 * into the cell (preview.css), so its text stays as dark as it was.
 */
import type { JSX } from 'react';
import { colorScaleColor, dataBarFraction } from '../src/host/conditional-format-values';
import type { PreviewWorkbook } from '../src/host/preview-workbook';
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
): JSX.Element[] {
  const layers: JSX.Element[] = [];
  formats.forEach((f, k) => {
    const cells = numbersIn(workbook, sheet, f);
    const values = cells.map((c) => c.v);
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    for (const { row, col, v } of cells) {
      const r = rectOf(row, col);
      const style =
        f.kind === 'dataBar'
          ? { ...r, width: r.width * dataBarFraction(v, lo, hi), background: f.color }
          : { ...r, background: colorScaleColor(v, values, f.colors, f.stops) };
      layers.push(<div key={`cf${k}:${row}:${col}`} className={`cf-${f.kind}`} style={style} />);
    }
  });
  return layers;
}

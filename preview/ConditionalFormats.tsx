/**
 * The plan's conditional formats drawn over the grid: a data bar behind each number of a
 * bar range, a tint over each number of a colour-scale range. Layers ignore the pointer,
 * so selecting and editing the cells underneath works as before.
 */
import type { JSX } from 'react';
import { colorScaleColor, dataBarFraction } from '../src/host/conditional-format-values';
import type { PreviewWorkbook } from '../src/host/preview-workbook';
import type { ConditionalFormat } from '../src/sheets/plan';

export interface CellRect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

function numbersIn(workbook: PreviewWorkbook, sheet: string, f: ConditionalFormat) {
  const out: { row: number; col: number; v: number }[] = [];
  for (let row = f.range.top; row <= f.range.bottom; row++)
    for (let col = f.range.left; col <= f.range.right; col++) {
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
      const style =
        f.kind === 'dataBar'
          ? { ...r, width: r.width * dataBarFraction(v, lo, hi), background: f.color }
          : { ...r, background: colorScaleColor(v, values, f.colors) };
      layers.push(<div key={`cf${k}:${row}:${col}`} className={`cf-${f.kind}`} style={style} />);
    }
  });
  return layers;
}

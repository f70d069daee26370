/**
 * Where the grid's cells sit: column and row offsets from the sheet's widths and font
 * sizes, which merged block covers a cell, and the pixel rectangle a cell (or its merged
 * block) occupies on the canvas.
 */
import { useCallback, useMemo } from 'react';
import type { PlanRange } from '../src/sheets/plan';
import type { PreviewSheet } from '../src/host/preview-workbook';
import { columnAxis, rowAxis, type Axis } from './geometry';

export interface Rect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Merged blocks by `row:col` of every cell they cover. */
export type MergeIndex = ReadonlyMap<string, PlanRange>;

export interface GridLayout {
  readonly colCount: number;
  readonly rowCount: number;
  readonly axis: Axis;
  readonly rows: Axis;
  readonly mergeAt: MergeIndex;
  readonly rectOf: (row: number, col: number) => Rect;
}

export function useGridLayout(info: PreviewSheet | null): GridLayout {
  const colCount = info?.colCount ?? 0;
  const rowCount = info?.rowCount ?? 0;
  const widths = info?.columnWidths;
  const axis = useMemo(() => columnAxis(colCount, (c) => widths?.get(c)), [colCount, widths]);
  const fonts = info?.rowFontSizes;
  const rows = useMemo(() => rowAxis(rowCount, (r) => fonts?.get(r)), [rowCount, fonts]);
  const merges = useMemo(() => info?.merges ?? [], [info?.merges]);
  const mergeAt = useMemo(() => {
    const m = new Map<string, PlanRange>();
    for (const r of merges)
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) m.set(`${row}:${col}`, r);
    return m;
  }, [merges]);

  const rectOf = useCallback(
    (row: number, col: number): Rect => {
      const m = mergeAt.get(`${row}:${col}`);
      const r = m ?? { top: row, left: col, bottom: row, right: col };
      return {
        left: axis.offsets[r.left],
        top: rows.offsets[r.top],
        width: axis.offsets[r.right + 1] - axis.offsets[r.left],
        height: rows.offsets[r.bottom + 1] - rows.offsets[r.top],
      };
    },
    [axis, rows, mergeAt],
  );
  return { colCount, rowCount, axis, rows, mergeAt, rectOf };
}

/**
 * Pixel geometry of a sheet: Excel column widths (character units) and row fonts to
 * pixels, prefix sums of column and row offsets, and which rows and columns a viewport
 * shows, so the grid renders only what is on screen however large the sheet.
 */

import { columnLetters } from '../src/sheets/plan';

export const ROW_HEIGHT = 20;
export const DEFAULT_COLUMN_WIDTH = 8.43;

/** Excel's conversion at the default font: about 7 pixels a character plus 5 of padding. */
export function columnPixels(width: number): number {
  return Math.max(4, Math.round(width * 7 + 5));
}

/**
 * Excel grows a row with no set height to fit its largest font: 20 pixels at the default
 * 11 pt, about 1.8 pixels a point above it (a 14 pt title row is 25 pixels). A fixed
 * height would cut the descenders of a title, and most of a Chinese one.
 */
export function rowPixels(largestFontPt: number | undefined): number {
  return Math.max(ROW_HEIGHT, Math.round((largestFontPt ?? 0) * 1.8));
}

export interface Axis {
  /** offsets[i] = start of column (or row) i; offsets[n] = total width (or height). */
  readonly offsets: Float64Array;
}

function axisOf(count: number, sizeOf: (i: number) => number): Axis {
  const offsets = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) offsets[i + 1] = offsets[i] + sizeOf(i);
  return { offsets };
}

export function columnAxis(count: number, widthOf: (col: number) => number | undefined): Axis {
  return axisOf(count, (c) => columnPixels(widthOf(c) ?? DEFAULT_COLUMN_WIDTH));
}

export function rowAxis(count: number, largestFontOf: (row: number) => number | undefined): Axis {
  return axisOf(count, (r) => rowPixels(largestFontOf(r)));
}

/** The column (or, on a row axis, the row) containing pixel x, clamped to the sheet. */
export function columnAt(axis: Axis, x: number): number {
  const o = axis.offsets;
  let lo = 0;
  let hi = o.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (o[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

export interface VisibleRange {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** Rows and columns intersecting the viewport, plus `overscan` on each side for smooth scrolling. */
export function visibleRange(
  axis: Axis,
  rows: Axis,
  scrollLeft: number,
  scrollTop: number,
  width: number,
  height: number,
  overscan = 2,
): VisibleRange {
  const colCount = axis.offsets.length - 1;
  const rowCount = rows.offsets.length - 1;
  const top = Math.max(0, columnAt(rows, scrollTop) - overscan);
  const bottom = Math.min(rowCount - 1, columnAt(rows, scrollTop + height) + overscan);
  const left = Math.max(0, columnAt(axis, scrollLeft) - overscan);
  const right = Math.min(colCount - 1, columnAt(axis, scrollLeft + width) + overscan);
  return { top, bottom, left, right };
}

/** Column letters: 0 → A, 25 → Z, 26 → AA (the plan's own rule). */
export const columnName = columnLetters;

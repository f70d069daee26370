/**
 * Grouping cells into rectangles. Excel's API cost is per call and per request byte, so
 * a sheet is written as a few 2-D blocks rather than cell by cell; a style is applied
 * to the union of its rectangles in one call.
 */
import type { CellPos, PlanRange } from '../sheets/plan';
import { rangeA1 } from '../sheets/plan';

/**
 * Covers exactly the given positions (plus at most `bridge` empty cells between two
 * neighbours on a row) with rectangles: runs along each row, then runs with the same
 * columns on consecutive rows stacked into one rectangle.
 */
export function groupRectangles(positions: readonly CellPos[], bridge = 0): PlanRange[] {
  const sorted = [...positions].sort((a, b) => a.row - b.row || a.col - b.col);
  const out: { top: number; left: number; bottom: number; right: number }[] = [];
  let open = new Map<string, (typeof out)[number]>();
  let i = 0;
  while (i < sorted.length) {
    const row = sorted[i].row;
    const runs: [number, number][] = [];
    for (; i < sorted.length && sorted[i].row === row; i++) {
      const col = sorted[i].col;
      const last = runs[runs.length - 1];
      if (last && col <= last[1]) continue; // duplicate position
      if (last && col - last[1] - 1 <= bridge) last[1] = col;
      else runs.push([col, col]);
    }
    const next = new Map<string, (typeof out)[number]>();
    for (const [left, right] of runs) {
      const key = `${left}:${right}`;
      const rect = open.get(key);
      if (rect && rect.bottom === row - 1) {
        rect.bottom = row;
        next.set(key, rect);
      } else {
        const fresh = { top: row, left, bottom: row, right };
        out.push(fresh);
        next.set(key, fresh);
      }
    }
    open = next;
  }
  return out;
}

export function rectRows(r: PlanRange): number {
  return r.bottom - r.top + 1;
}

export function rectCols(r: PlanRange): number {
  return r.right - r.left + 1;
}

/**
 * Splits a list of rectangles into groups whose comma-joined A1 address stays under
 * `maxChars` and `maxAreas`: Excel rejects very long multi-area addresses (failures are
 * reported from about 8,000 characters), so we stay well below.
 */
export function chunkAddresses(
  ranges: readonly PlanRange[],
  maxChars: number,
  maxAreas: number,
): PlanRange[][] {
  return chunkBy(ranges, (r) => rangeA1(r).length + 1, maxChars, maxAreas);
}

/**
 * Cuts items, in order, into groups whose summed `size` stays within `maxSize` and whose
 * length within `maxCount`; an item larger than `maxSize` still gets a group of its own.
 */
export function chunkBy<T>(
  items: readonly T[],
  size: (item: T) => number,
  maxSize: number,
  maxCount = Infinity,
): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let total = 0;
  for (const item of items) {
    const n = size(item);
    if (current.length > 0 && (total + n > maxSize || current.length >= maxCount)) {
      groups.push(current);
      current = [];
      total = 0;
    }
    current.push(item);
    total += n;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

export function joinAddresses(ranges: readonly PlanRange[]): string {
  return ranges.map((r) => rangeA1(r)).join(',');
}

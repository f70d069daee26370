/**
 * Frozen panes in the preview grid: every visible cell drawn by exactly one pane, the
 * frozen rows and columns always drawn, and scrolling that brings a cell into view beside
 * the frozen band rather than under it.
 */
import { describe, expect, it } from 'vitest';
import { columnAxis, rowAxis, visibleRange } from '../../preview/geometry';
import {
  frozenCounts,
  frozenExtent,
  paneOf,
  paneRanges,
  scrollFor,
  snapScroll,
} from '../../preview/frozen-panes';

const cellsOf = (r: { top: number; bottom: number; left: number; right: number } | null) => {
  const out: string[] = [];
  if (r)
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) out.push(`${row}:${col}`);
  return out;
};

describe('frozen panes', () => {
  const columns = columnAxis(60, (c) => (c === 0 ? 24 : undefined));
  const rows = rowAxis(200, (r) => (r === 0 ? 14 : undefined));

  it('draws each cell once, and the frozen rows and columns whatever the scroll', () => {
    const split = { rows: 2, cols: 3 };
    for (const [left, top] of [
      [0, 0],
      [900, 0],
      [0, 1500],
      [1234, 2345],
    ]) {
      const range = visibleRange(columns, rows, left, top, 800, 400);
      const panes = paneRanges(range, split);
      const drawn = [panes.main, panes.top, panes.left, panes.corner].flatMap(cellsOf);
      expect(new Set(drawn).size).toBe(drawn.length);
      for (const row of [0, 1])
        for (let col = range.left; col <= range.right; col++) expect(drawn).toContain(`${row}:${col}`);
      for (const col of [0, 1, 2])
        for (let row = range.top; row <= range.bottom; row++) expect(drawn).toContain(`${row}:${col}`);
      for (const cell of drawn) {
        const [row, col] = cell.split(':').map(Number);
        const where = paneOf(row, col, split);
        const r = panes[where];
        expect(r && row >= r.top && row <= r.bottom && col >= r.left && col <= r.right).toBe(true);
      }
    }
  });

  it('nothing frozen: one pane, the visible range', () => {
    const range = visibleRange(columns, rows, 300, 300, 800, 400);
    const split = frozenCounts(null, 200, 60);
    expect(split).toEqual({ rows: 0, cols: 0 });
    expect(paneRanges(range, split)).toEqual({ main: range, top: null, left: null, corner: null });
    expect(frozenCounts({ rows: 500, cols: 1 }, 200, 60)).toEqual({ rows: 200, cols: 1 });
  });

  it('the frozen band is as wide and high as its columns and rows', () => {
    const e = frozenExtent(columns, rows, { rows: 1, cols: 2 });
    expect(e).toEqual({ width: columns.offsets[2], height: rows.offsets[1] });
    expect(e.height).toBe(25); // the 14 pt title row
  });

  it('scrolls a cell out from under the frozen band, and leaves frozen cells be', () => {
    const frozen = { width: 100, height: 25 };
    const view = { scrollLeft: 500, scrollTop: 400, width: 800, height: 300 };
    // Above the view: it lands just below the frozen rows, not under them.
    expect(scrollFor(view, { left: 600, top: 380, width: 64, height: 20 }, frozen, 'main')).toEqual({
      left: 500,
      top: 355,
    });
    // Hidden under the frozen rows (top 410 < 400 + 25): scrolled clear of them.
    expect(scrollFor(view, { left: 600, top: 410, width: 64, height: 20 }, frozen, 'main').top).toBe(385);
    // Left of the view, under the frozen columns.
    expect(scrollFor(view, { left: 550, top: 500, width: 64, height: 20 }, frozen, 'main')).toEqual({
      left: 450,
      top: 400,
    });
    // Below and right of the view.
    expect(scrollFor(view, { left: 1400, top: 900, width: 64, height: 20 }, frozen, 'main')).toEqual({
      left: 664,
      top: 620,
    });
    // In view: nothing moves.
    expect(scrollFor(view, { left: 700, top: 500, width: 64, height: 20 }, frozen, 'main')).toEqual({
      left: 500,
      top: 400,
    });
    // A frozen title cell stays in view vertically whatever the scroll; the corner never scrolls.
    expect(scrollFor(view, { left: 1400, top: 0, width: 64, height: 25 }, frozen, 'top')).toEqual({
      left: 664,
      top: 400,
    });
    expect(scrollFor(view, { left: 0, top: 0, width: 100, height: 25 }, frozen, 'corner')).toEqual({
      left: 500,
      top: 400,
    });
  });

  it('scrolls by whole columns: the pane beside the split starts with a whole column', () => {
    const band = columns.offsets[2];
    for (const scroll of [0, 1, 37, 64, 500, 1234.5]) {
      const snapped = snapScroll(columns, scroll, band);
      expect(snapped).toBeGreaterThanOrEqual(scroll);
      expect(Array.from(columns.offsets)).toContain(snapped + band);
      // The least such position: one column less would be short of the asked scroll.
      const i = Array.from(columns.offsets).indexOf(snapped + band);
      expect(columns.offsets[i - 1] - band).toBeLessThan(scroll);
    }
    expect(snapScroll(rows, 0, 0)).toBe(0);
  });
});

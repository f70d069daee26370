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
    const cell = (left: number, top: number, width = 64, height = 20) => ({ left, top, width, height });
    const cases: [
      string,
      ReturnType<typeof cell>,
      'main' | 'top' | 'corner',
      { left: number; top: number },
    ][] = [
      [
        'above the view: just below the frozen rows, not under them',
        cell(600, 380),
        'main',
        { left: 500, top: 355 },
      ],
      ['hidden under the frozen rows (410 < 400 + 25)', cell(600, 410), 'main', { left: 500, top: 385 }],
      ['left of the view, under the frozen columns', cell(550, 500), 'main', { left: 450, top: 400 }],
      ['below and right of the view', cell(1400, 900), 'main', { left: 664, top: 620 }],
      ['in view: nothing moves', cell(700, 500), 'main', { left: 500, top: 400 }],
      ['a frozen title cell never scrolls vertically', cell(1400, 0, 64, 25), 'top', { left: 664, top: 400 }],
      ['the corner never scrolls', cell(0, 0, 100, 25), 'corner', { left: 500, top: 400 }],
    ];
    for (const [what, rect, pane, want] of cases)
      expect(scrollFor(view, rect, frozen, pane), what).toEqual(want);
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

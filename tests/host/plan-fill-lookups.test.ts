/**
 * Restoring the plan's fill of written cells (Reveal, Reset on large practice sheets)
 * looks each cell up in a map built once per plan, not by searching the plan's cells per
 * written cell (quadratic on a maximum sheet). Counted, not timed: the plan's cell array
 * is a proxy that counts every search and every element read.
 */
import { describe, expect, it } from 'vitest';
import { paletteLook } from '../../src/host/cell-look';
import { ExcelHost } from '../../src/host/excel-host';
import { a1, type PlanCell, type SheetPlan } from '../../src/sheets/plan';
import { StrictExcel } from '../../tools/excel-double/strict-excel';
import { lstmLikePlan } from './plan-factory';

const SEARCHES = new Set([
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'filter',
  'some',
  'indexOf',
  'includes',
]);

function counted(plan: SheetPlan) {
  const counts = { searches: 0, reads: 0 };
  const cells = new Proxy(plan.cells as PlanCell[], {
    get(target, key, receiver) {
      if (typeof key === 'string' && SEARCHES.has(key)) counts.searches++;
      if (typeof key === 'string' && /^\d+$/.test(key)) counts.reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { plan: { ...plan, cells }, counts };
}

describe('restoring fills', () => {
  it('reads the plan once per plan, whatever the number of cells written, and searches it never', async () => {
    const excel = new StrictExcel(['Sheet1']);
    const host = new ExcelHost({ run: excel.run as never });
    const { plan, counts } = counted(lstmLikePlan({ I: 4, H: 4, T: 6 }));
    const { sheetName } = await host.buildSheet(plan, { mode: 'walkthrough' });
    const restore = plan.cells
      .filter((c) => c.formula !== undefined)
      .map((c) => ({ address: a1(c.row, c.col), fill: null }));
    expect(restore.length).toBeGreaterThan(100);
    counts.searches = 0;
    counts.reads = 0;
    await host.writeCells(sheetName, restore);
    expect(counts.searches).toBe(0);
    // One pass over the plan to build the map, then map lookups only.
    expect(counts.reads).toBeLessThanOrEqual(plan.cells.length);
    counts.reads = 0;
    await host.writeCells(sheetName, restore.slice(0, 10));
    expect(counts.reads).toBe(0);
    // And the fills written are the plan's: a filled role gets its colour back, the rest none.
    const sheet = excel.sheet(sheetName)!;
    const fills = plan.cells
      .filter((c) => c.formula !== undefined)
      .map((c) => [sheet.cell(a1(c.row, c.col))?.fill?.toUpperCase(), paletteLook(c).fill?.toUpperCase()]);
    expect(fills.map(([got]) => got)).toEqual(fills.map(([, want]) => want));
    expect(fills.some(([, want]) => want !== undefined)).toBe(true);
  });
});

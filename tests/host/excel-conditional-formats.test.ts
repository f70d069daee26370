/**
 * ExcelHost writes a plan's conditional formats through Office.js: a data bar per norm row
 * of the training sheets and colour scales with two or three stops, each on the plan's range.
 */
import { describe, expect, it } from 'vitest';
import { ExcelHost } from '../../src/host/excel-host';
import { lstmBpttSpec } from '../../src/sheets/bptt-sheet';
import { rangeA1, type SheetPlan } from '../../src/sheets/plan';
import { FakeExcel } from '../../tools/excel-double/fake-excel';

describe('ExcelHost conditional formats', () => {
  it('adds data bars and colour scales on the plan ranges, within the usual syncs', async () => {
    const built = lstmBpttSpec.build(lstmBpttSpec.defaults);
    // The data bars only: the meaning colour scales (kit/colour.ts) are tested on their own.
    const base = {
      ...built,
      conditionalFormats: built.conditionalFormats?.filter((f) => f.kind === 'dataBar'),
    };
    const plan: SheetPlan = {
      ...base,
      conditionalFormats: [
        ...(base.conditionalFormats ?? []),
        {
          kind: 'colorScale',
          range: { top: 2, bottom: 2, left: 1, right: 3 },
          colors: ['#FFFFFF', '#F8696B'],
        },
        {
          kind: 'colorScale',
          range: { top: 4, bottom: 6, left: 1, right: 1 },
          colors: ['#5A8AC6', '#FFFFFF', '#F8696B'],
        },
      ],
    };
    const excel = new FakeExcel(['Sheet1']);
    const host = new ExcelHost({ run: excel.run as never, isSetSupported: excel.isSetSupported });
    const result = await host.buildSheet(plan, { mode: 'walkthrough' });
    expect(result.syncCount).toBeLessThanOrEqual(3);
    const written = excel.sheet(result.sheetName)!.conditionalFormats;
    expect(written.map((c) => [c.address, c.type])).toEqual([
      ...base.conditionalFormats!.map((f) => [rangeA1(f.range), 'DataBar']),
      ['B3:D3', 'ColorScale'],
      ['B5:B7', 'ColorScale'],
    ]);
    expect(written[0].props).toMatchObject({
      'dataBar.positiveFormat.fillColor': '#638EC6',
      'dataBar.lowerBoundRule': { type: 'LowestValue' },
      'dataBar.upperBoundRule': { type: 'HighestValue' },
    });
    const three = written[written.length - 1].props['colorScale.criteria'] as Record<
      string,
      { type: string; color: string }
    >;
    expect(Object.keys(three)).toEqual(['minimum', 'midpoint', 'maximum']);
    expect(three.midpoint).toMatchObject({ type: 'Percentile', formula: '50', color: '#FFFFFF' });
    const two = written[written.length - 2].props['colorScale.criteria'] as Record<string, unknown>;
    expect(Object.keys(two)).toEqual(['minimum', 'maximum']);
  });
});

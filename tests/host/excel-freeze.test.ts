import { describe, expect, it } from 'vitest';
import { ExcelHost } from '../../src/host/excel-host';
import JSZip from 'jszip';
import { availableModels, buildPlan, specFor } from '../../src/sheets/registry';
import type { SheetPlan } from '../../src/sheets/plan';
import { resolvePlanLook } from '../../src/host/plan-look';
import { PreviewHost } from '../../src/host/preview-host';
import { memorySettings } from '../../src/host/settings';
import { planToXlsx } from '../../src/host/xlsx';
import { lstmLikePlan } from './plan-factory';
import { StrictExcel } from '../../tools/excel-double/strict-excel';

describe('ExcelHost frozen panes', () => {
  it('freezes the title row and label columns the plan asks for, as the .xlsx does', async () => {
    const plan = buildPlan(specFor('lstm').defaults);
    expect(plan.freeze && plan.freeze.rows + plan.freeze.cols).toBeGreaterThan(0);
    const excel = new StrictExcel(['Sheet1']);
    const host = new ExcelHost({ run: excel.run as never });
    const { sheetName } = await host.buildSheet(plan, {});
    expect(excel.sheet(sheetName)!.frozen).toEqual(plan.freeze);
  });

  it('freezes rows alone and freezes nothing when the plan has no panes', async () => {
    const excel = new StrictExcel(['Sheet1']);
    const host = new ExcelHost({ run: excel.run as never });
    const rowsOnly = { ...lstmLikePlan({ I: 1, H: 1, T: 1 }), freeze: { rows: 2, cols: 0 } };
    const a = await host.buildSheet(rowsOnly, {});
    expect(excel.sheet(a.sheetName)!.frozen).toEqual({ rows: 2, cols: 0 });
    const b = await host.buildSheet(lstmLikePlan({ I: 1, H: 1, T: 1, baseName: 'Plain' }), {});
    expect(excel.sheet(b.sheetName)!.frozen).toBeNull();
  });
});

describe('frozen panes agree across the three writers', () => {
  async function xlsxFreeze(plan: SheetPlan): Promise<{ rows: number; cols: number } | null> {
    const zip = await JSZip.loadAsync(await planToXlsx(plan));
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const pane = /<pane ([^>]*)\/>/.exec(xml)?.[1];
    if (!pane) return null;
    const attr = (name: string) => Number(new RegExp(`${name}="([^"]+)"`).exec(pane)?.[1] ?? 0);
    return { rows: attr('ySplit'), cols: attr('xSplit') };
  }

  it.each(availableModels().map((s) => [s.id, s] as const))(
    '%s: ExcelHost, the .xlsx and the preview freeze the block the look resolver gives',
    async (_id, spec) => {
      const plan = buildPlan(spec.defaults);
      const excel = new StrictExcel(['Sheet1']);
      const { sheetName } = await new ExcelHost({ run: excel.run as never }).buildSheet(plan, {});
      const look = resolvePlanLook(plan).freeze;
      expect(excel.sheet(sheetName)!.frozen).toEqual(look);
      expect(await xlsxFreeze(plan)).toEqual(look);
      const preview = new PreviewHost(undefined, memorySettings());
      const built = await preview.buildSheet(plan, {});
      expect(preview.workbook.sheet(built.sheetName)!.freeze).toEqual(look);
    },
  );

  it('a freeze the plan gives loosely (fractions, a negative count) is written as the resolver reads it, by Office.js freezeRows', async () => {
    const plan = { ...lstmLikePlan({ I: 1, H: 1, T: 1 }), freeze: { rows: 2.7, cols: -1 } };
    const excel = new StrictExcel(['Sheet1']);
    const { sheetName } = await new ExcelHost({ run: excel.run as never }).buildSheet(plan, {});
    expect(excel.sheet(sheetName)!.frozen).toEqual({ rows: 2, cols: 0 });
    expect(excel.log.filter((a) => a.type.startsWith('freeze'))).toEqual([
      { type: 'freezeRows', rows: 2, cols: 0 },
    ]);
    expect(await xlsxFreeze(plan)).toEqual({ rows: 2, cols: 0 });
  });
});

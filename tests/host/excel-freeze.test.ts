import { describe, expect, it } from 'vitest';
import { ExcelHost } from '../../src/host/excel-host';
import { buildPlan, specFor } from '../../src/sheets/registry';
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

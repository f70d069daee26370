import { describe, expect, it } from 'vitest';
import { ExcelHost } from '../../src/host/excel-host';
import { StrictExcel } from '../../tools/excel-double/strict-excel';
import { lstmLikePlan } from './plan-factory';

describe('the strict Excel double', () => {
  it('builds a sheet through the real Office.js request builder', async () => {
    const excel = new StrictExcel(['Sheet1']);
    const host = new ExcelHost({ run: excel.run as never, isSetSupported: excel.isSetSupported });
    const plan = lstmLikePlan({ I: 3, H: 2, T: 4 });
    const r = await host.buildSheet(plan, { model: 'lstm' });
    expect(r.sheetName).toBe('LSTM');
    console.log(
      excel.requests,
      excel.sheets.map((s) => s.name),
    );
    expect(await host.listAddinSheets()).toEqual([{ name: 'LSTM', metadata: { model: 'lstm' } }]);
    const cells = await host.readCells('LSTM', ['A1', 'C4']);
    console.log(cells);
  });
});

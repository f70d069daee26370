import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../src/host/base64';
import { ExcelHost } from '../../src/host/excel-host';
import { StrictExcel } from '../../tools/excel-double/strict-excel';

describe('ExcelHost.openWorkbook', () => {
  it('opens the bytes as a new workbook through Excel.createWorkbook (the real Office.js call)', async () => {
    const excel = new StrictExcel(['Sheet1']);
    const host = new ExcelHost({
      run: excel.run as never,
      isSetSupported: excel.isSetSupported,
      createWorkbook: excel.createWorkbook,
    });
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 37 + 11) % 256);
    await host.openWorkbook(bytes);
    expect(excel.openedWorkbooks).toEqual([Buffer.from(bytes).toString('base64')]);
    expect(excel.requests.at(-1)!.bytes).toBeGreaterThan(1300);
  });

  it('refuses on an Excel without ExcelApi 1.8, so the pane falls back to a download', async () => {
    const excel = new StrictExcel(['Sheet1']);
    excel.apiVersion = '1.7';
    const host = new ExcelHost({
      isSetSupported: excel.isSetSupported,
      createWorkbook: excel.createWorkbook,
    });
    await expect(host.openWorkbook(new Uint8Array([1, 2, 3]))).rejects.toThrow(/1\.8/);
    expect(excel.openedWorkbooks).toEqual([]);
  });

  it('encodes base64 as Node does, for every length remainder', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 151 + n) % 256);
      expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });
});

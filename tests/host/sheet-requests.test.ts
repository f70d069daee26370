/**
 * The host operations beside the practice actions stay under Excel on the web's 5 MB at
 * the pane's largest sheet (bidirectional LSTM, I = H = 16, T = 32, 3 layers), measured
 * in real Office.js request bytes; and a whole "Check this Excel" run does too.
 */
import { describe, expect, it } from 'vitest';
import { specFor } from '../../src/sheets/registry';
import { largestConfig } from '../../tools/excel-double/operation-sizes';
import {
  measureCheckThisExcel,
  measureSheetOperations,
  SHEET_OPERATIONS,
} from '../../tools/excel-double/host-operation-sizes';
import { EXCEL_WEB_MAX_BYTES } from '../../tools/excel-double/strict-excel';

describe('sheet operations stay under the request limit', () => {
  it('building (arrows included), opening, going to, explaining and removing the largest sheet', async () => {
    const sizes = await measureSheetOperations(largestConfig(specFor('lstm'), 'bidirectional'));
    expect([...sizes.keys()]).toEqual([...SHEET_OPERATIONS]);
    for (const [op, size] of sizes) {
      expect(size.requests, op).toBeGreaterThan(0);
      expect(size.request, op).toBeLessThanOrEqual(EXCEL_WEB_MAX_BYTES);
      expect(size.response, op).toBeLessThanOrEqual(EXCEL_WEB_MAX_BYTES);
    }
    // The whole file travels in the createWorkbook request: it is the largest of these.
    expect(sizes.get('open as new workbook')!.request).toBeGreaterThan(100_000);
  }, 180_000);

  it('a whole Check this Excel run', async () => {
    const size = await measureCheckThisExcel();
    expect(size.ok).toBe(true);
    expect(size.request).toBeLessThanOrEqual(EXCEL_WEB_MAX_BYTES);
    expect(size.response).toBeLessThanOrEqual(EXCEL_WEB_MAX_BYTES);
  }, 120_000);
});

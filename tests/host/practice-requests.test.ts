import { describe, expect, it } from 'vitest';
import { specFor } from '../../src/sheets/registry';
import { largestConfig, measureOperations, OPERATIONS } from '../../tools/excel-double/operation-sizes';
import { EXCEL_WEB_MAX_BYTES } from '../../tools/excel-double/strict-excel';

/**
 * Practice operations through the real Office.js request builder. Reading or marking cell
 * by cell cost about 285 and 568 request bytes a cell, so a large practice sheet's Check
 * and marks passed Excel on the web's 5 MB; rectangles and chunking keep every request
 * and response under the budget. The full table (every model and variant at the pane
 * maximum) is the host benchmark's, in docs/BENCHMARKS.md.
 */
describe('practice requests stay under the request limit', () => {
  it('every operation on an "everything" LSTM practice sheet fits a 250 kB budget', async () => {
    const config = { ...specFor('lstm').defaults, inputSize: 8, hiddenSize: 8, steps: 12 };
    const budget = { excelMaxBytes: 250_000, hostMaxBytes: 200_000 };
    const sizes = await measureOperations(config, 'everything', budget);
    expect([...sizes.keys()].sort()).toEqual([...OPERATIONS].sort());
    for (const [op, size] of sizes) {
      expect(size.request, op).toBeLessThanOrEqual(budget.excelMaxBytes);
      expect(size.response, op).toBeLessThanOrEqual(budget.excelMaxBytes);
    }
    // Reveal-all and the marks were cut into several requests rather than refused.
    expect(sizes.get('reveal all')!.requests).toBeGreaterThan(2);
  });

  it('the largest case the pane allows (bidirectional LSTM, I = H = 16, T = 32) stays under 5 MB', async () => {
    const sizes = await measureOperations(largestConfig(specFor('lstm'), 'bidirectional'), 'everything');
    for (const [op, size] of sizes) {
      expect(size.request, op).toBeLessThanOrEqual(EXCEL_WEB_MAX_BYTES);
      expect(size.response, op).toBeLessThanOrEqual(EXCEL_WEB_MAX_BYTES);
    }
  }, 180_000);
});

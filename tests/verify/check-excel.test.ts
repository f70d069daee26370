/**
 * "Check this Excel" run on both hosts: ExcelHost through the strict Office.js double
 * (the real request builder, 5 MB limit, cell-edit mode), recalculated after each request
 * as Excel would, and PreviewHost. A faithful Excel passes every model and function;
 * one wrong cell, a function Excel computes differently, or a failing removal shows in
 * the report; and only the sheets the check built are removed, by id, never a co-author's
 * sheet that took one of their names.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ExcelHost } from '../../src/host/excel-host';
import { PreviewHost } from '../../src/host/preview-host';
import { memorySettings } from '../../src/host/settings';
import { availableModels, specFor } from '../../src/sheets/registry';
import { checkThisExcel, smallConfig } from '../../src/verify/check-excel';
import { BUSY, CHECK_TOLERANCE, compareCells, readSettled, SETTLE_MS } from '../../src/verify/compare-cells';
import type { WorkbookHost } from '../../src/host/host';
import { checkReportText } from '../../src/verify/check-report';
import { functionProbes } from '../../src/verify/function-probes';
import { EXCEL_WEB_MAX_BYTES, StrictExcel } from '../../tools/excel-double/strict-excel';
import { calculateLikeExcel, registerAllFunctions } from '../../tools/excel-double/calculate';

let declared: string[] = [];
beforeAll(async () => {
  declared = await registerAllFunctions();
});

function strictHost(adjust?: Parameters<typeof calculateLikeExcel>[1]) {
  const excel = new StrictExcel(['Sheet1', 'Budget']);
  excel.beforeRequest = () => calculateLikeExcel(excel, adjust);
  const host = new ExcelHost({ run: excel.run as never, settings: memorySettings() });
  return { excel, host };
}

describe('Check this Excel', () => {
  it('types each custom function the add-in declares exactly once', () => {
    const ids = functionProbes().map((p) => p.id);
    expect([...ids].sort()).toEqual([...declared].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('in a faithful Excel every model and every function agrees, and only its own sheets come and go', async () => {
    const { excel, host } = strictHost();
    const progress: string[] = [];
    const report = await checkThisExcel(host, {
      language: 'en',
      onProgress: (p) => progress.push(p.current),
    });
    const bad = [...report.models, ...report.functions].filter((r) => r.failed > 0 || r.error);
    expect(bad).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.models.map((r) => r.id)).toEqual(availableModels().map((s) => s.id));
    for (const r of report.models) {
      expect(r.compared).toBeGreaterThan(5);
      expect(r.largestError).toBeLessThanOrEqual(CHECK_TOLERANCE);
    }
    expect(report.functions).toHaveLength(declared.length);
    expect(report.sheetsBuilt).toBe(availableModels().length + 1);
    expect(report.sheetsRemoved).toBe(report.sheetsBuilt);
    expect(excel.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Budget']);
    expect(progress).toContain('functions');
    expect(excel.largestRequest).toBeLessThan(EXCEL_WEB_MAX_BYTES);
  }, 60_000);

  it('reports a cell this Excel computes differently, with its address and both values', async () => {
    // One computed cell of the GRU sheet off by 1e-6: far above the tolerance, invisible at 3 decimals.
    let spoiled = '';
    const { host } = strictHost((sheet, address, value) => {
      if (!sheet.startsWith('GRU')) return value;
      if (spoiled === '') spoiled = address;
      return address === spoiled ? value + 1e-6 : value;
    });
    const gru = specFor('gru');
    const report = await checkThisExcel(host, { language: 'en', models: [gru], probes: [] });
    expect(spoiled).not.toBe('');
    expect(report.ok).toBe(false);
    expect(report.models[0]).toMatchObject({ id: 'gru', failed: 1 });
    expect(report.models[0].mismatches[0].address).toBe(spoiled);
    const text = checkReportText(report, 'en', 'Excel', new Date(0));
    expect(text).toMatch(/GRU \(gru\): 1 of \d+ cells disagree/);
    expect(text).toContain(`${spoiled}: expected`);
  });

  it('reports a function whose result is not the core’s, and a result that is no number', async () => {
    const probe = (id: string) => functionProbes().find((p) => p.id === id)!;
    const [sigmoid, init] = [probe('NN.SIGMOID'), probe('NN.INIT')];
    const wrong = { ...sigmoid, expected: [sigmoid.expected[0].map((x) => x + 1e-3)] };
    const text = { ...init, formula: '="text"' };
    const { host } = strictHost();
    const report = await checkThisExcel(host, { language: 'en', models: [], probes: [wrong, text] });
    expect(report.functions.map((r) => [r.id, r.failed])).toEqual([
      ['NN.SIGMOID', 3],
      ['NN.INIT', 6],
    ]);
    expect(report.ok).toBe(false);
  });

  it('removes its sheet by id: a co-author’s sheet that took the name meanwhile stays', async () => {
    const excel = new StrictExcel(['Sheet1']);
    let swapped = false;
    excel.beforeRequest = () => {
      calculateLikeExcel(excel);
      const ours = excel.sheet('RNN');
      if (ours && !swapped) {
        // After the build: the learner renames the check's sheet and a co-author adds one named RNN.
        swapped = true;
        ours.name = 'RNN (renamed)';
        excel.sheets.push(
          new (ours.constructor as typeof import('../../tools/excel-double/fake-excel').FakeSheet)(
            '{co-author}',
            'RNN',
          ),
        );
      }
    };
    const host = new ExcelHost({ run: excel.run as never, settings: memorySettings() });
    const report = await checkThisExcel(host, { language: 'en', models: [specFor('rnn')], probes: [] });
    expect(swapped).toBe(true);
    expect(excel.sheets.map((s) => s.name)).toEqual(['Sheet1', 'RNN']);
    expect(excel.sheet('RNN')!.id).toBe('{co-author}');
    expect(report.sheetsRemoved).toBe(1);
  });

  it('refuses to remove a sheet without the add-in’s marker, and says which sheet it left', async () => {
    const { excel, host } = strictHost();
    const user = excel.sheet('Budget')!;
    await expect(host.removeSheet(user.id)).rejects.toThrow(/Budget.*not built by this add-in/);
    expect(excel.sheet('Budget')).toBeDefined();
    // A removal that fails is in the report, not thrown: the other checks still run.
    const failing = Object.assign(Object.create(host) as ExcelHost, {
      removeSheet: () => Promise.reject(new Error('locked')),
    });
    const report = await checkThisExcel(failing, { language: 'zh', models: [specFor('rnn')], probes: [] });
    expect(report.leftBehind).toEqual([{ sheet: 'RNN', error: 'locked' }]);
    expect(report.ok).toBe(false);
    expect(checkReportText(report, 'zh', 'Excel', new Date(0))).toContain('未删除：RNN（locked）');
  });

  it('runs the same on the preview host, which removes what it built and keeps the user’s sheets', async () => {
    const host = new PreviewHost(undefined, memorySettings());
    host.workbook.addSheet('Notes');
    await host.selectCell('Notes', 'C7');
    const report = await checkThisExcel(host, { language: 'zh' });
    expect(await host.getSelection()).toEqual({ sheet: 'Notes', address: 'C7' });
    expect([...report.models, ...report.functions].filter((r) => r.failed > 0 || r.error)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(host.workbook.sheetNames()).toEqual(['Notes']);
    const text = checkReportText(report, 'zh', 'preview', new Date(0));
    expect(text).toContain('全部');
    expect(text.split('\n').length).toBeGreaterThan(availableModels().length + declared.length);
  }, 60_000);
});

describe('waiting for custom functions', () => {
  const cells = (value: number | string) => [{ address: 'B1', value, formula: null }];
  function hostShowing(values: (number | string)[]) {
    let reads = 0;
    const host = {
      readCells: async () => cells(values[Math.min(reads++, values.length - 1)]),
    } as unknown as WorkbookHost;
    return { host, reads: () => reads };
  }

  it('reads again while Excel shows #BUSY!, and takes the value once it is there', async () => {
    const waits: number[] = [];
    const { host, reads } = hostShowing([BUSY, BUSY, 0.5]);
    const read = await readSettled(host, 'S', ['B1'], async (ms) => void waits.push(ms));
    expect(read[0].value).toBe(0.5);
    expect(reads()).toBe(3);
    expect(waits).toHaveLength(2);
  });

  it('gives up after SETTLE_MS and reports what it saw', async () => {
    let waited = 0;
    const { host } = hostShowing([BUSY]);
    const read = await readSettled(host, 'S', ['B1'], async (ms) => void (waited += ms));
    expect(read[0].value).toBe(BUSY);
    expect(waited).toBe(SETTLE_MS);
    expect(compareCells('NN.SIGMOID', read, [0.5]).failed).toBe(1);
  });
});

describe('comparing cells', () => {
  it('accepts 1e-9 relative above 1 and refuses text, errors and empty cells', () => {
    const cell = (value: number | string | null) => ({ address: 'A1', value, formula: null });
    expect(compareCells('x', [cell(1000 + 5e-7)], [1000]).failed).toBe(0);
    expect(compareCells('x', [cell(1 + 2e-9)], [1]).failed).toBe(1);
    expect(compareCells('x', [cell('#VALUE!'), cell(null)], [1, 0]).failed).toBe(2);
  });

  it('brings every size down to two where the limits allow', () => {
    const config = smallConfig(specFor('lstm'), 'zh') as unknown as Record<string, unknown>;
    expect(config).toMatchObject({ inputSize: 2, hiddenSize: 2, steps: 2, language: 'zh' });
  });
});

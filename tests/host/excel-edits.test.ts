import { describe, expect, it } from 'vitest';
import { ExcelHost } from '../../src/host/excel-host';
import { checkPractice } from '../../src/practice/checker';
import { createPracticeSheet } from '../../src/practice/create';
import { specFor } from '../../src/sheets/registry';
import { lstmLikePlan } from './plan-factory';
import { FakeSheet } from '../../tools/excel-double/fake-excel';
import { StrictExcel } from '../../tools/excel-double/strict-excel';

function hostFor(excel: StrictExcel): ExcelHost {
  return new ExcelHost({ run: excel.run as never, isSetSupported: excel.isSetSupported });
}

describe('ExcelHost while the user edits a cell', () => {
  it('waits for the edit instead of failing, in every kind of batch', async () => {
    const excel = new StrictExcel(['Sheet1']);
    const host = hostFor(excel);
    const edit = { sheet: 'Sheet1', address: 'B2', text: '42' };
    excel.editing = edit;
    const { sheetName } = await host.buildSheet(lstmLikePlan({ I: 2, H: 1, T: 2 }), { mode: 'walkthrough' });
    // The typed value landed when Excel left edit mode, before the batch ran.
    expect(excel.sheet('Sheet1')!.cell('B2')!.value).toBe(42);
    excel.editing = edit;
    expect(await host.listAddinSheets()).toHaveLength(1);
    excel.editing = edit;
    expect(await host.readCells(sheetName, ['A1'])).toHaveLength(1);
    excel.editing = edit;
    await host.writeCells(sheetName, [{ address: 'C4', fill: '#FFFFFF' }]);
    excel.editing = edit;
    expect(await host.getSelection()).not.toBeNull();
    // Every request carried the flag.
    expect(excel.requests.every((r) => (r.flags & 64) === 64)).toBe(true);
  });

  it('Check reads the answer the learner typed without pressing Enter', async () => {
    const excel = new StrictExcel(['Sheet1']);
    const host = hostFor(excel);
    const config = { ...specFor('rnn').defaults, inputSize: 1, hiddenSize: 1, steps: 1 };
    const { sheetName, answers } = await createPracticeSheet(host, config, 'one-step');
    excel.editing = { sheet: sheetName, address: answers[0], text: '0.5' };
    const result = await checkPractice(host, sheetName);
    const verdict = result.verdicts.find((v) => v.address === answers[0])!;
    expect(verdict.verdict).not.toBe('empty');
  });

  it('the double refuses a batch without delayForCellEdit during an edit', async () => {
    const excel = new StrictExcel(['Sheet1']);
    excel.editing = { sheet: 'Sheet1', address: 'A1', text: 'x' };
    await expect(
      excel.run({}, async (context: Excel.RequestContext) => {
        context.workbook.worksheets.load('items/name');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
  });
});

describe('ExcelHost clean-up after a failed build', () => {
  it("never deletes a co-author's sheet that appears under the same name between two syncs", async () => {
    const excel = new StrictExcel(['Sheet1']);
    excel.beforeRequest = (index) => {
      // After the names were read, before the new sheet is added: a co-author adds "LSTM".
      if (index !== 1) return;
      const theirs = new FakeSheet(excel.newId(), 'LSTM');
      theirs.touch(0, 0).value = 'their work';
      excel.sheets.push(theirs);
    };
    await expect(hostFor(excel).buildSheet(lstmLikePlan({ I: 2, H: 1, T: 2 }), {})).rejects.toThrow(
      /Could not build the sheet 'LSTM'/,
    );
    expect(excel.sheets.map((s) => s.name)).toEqual(['Sheet1', 'LSTM']);
    expect(excel.sheet('LSTM')!.cell('A1')!.value).toBe('their work');
  });

  it('removes the half-built sheet it created when a later request fails', async () => {
    const excel = new StrictExcel(['Sheet1'], { maxBytes: 20_000 });
    const host = new ExcelHost({ run: excel.run as never, maxRequestBytes: 1_000_000 });
    await expect(host.buildSheet(lstmLikePlan({ I: 6, H: 6, T: 12 }), {})).rejects.toThrow(/payload/);
    expect(excel.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });
});

/**
 * Notes (ExcelApi 1.18) in the strict double, through the real Office.js request builder
 * with `Excel.NoteCollection` / `Excel.Note` added as Office.js builds its classes: a note
 * goes on one cell of the sheet (several cells, or a bad address, is InvalidCellAddress,
 * as @types/office-js documents); a cell holds one note, so a second `add` there is
 * refused and the first note stays; notes can be listed, read, changed and deleted.
 * (A note's `getLocation` is not modelled: the double answers it NotImplemented.)
 */
import { describe, expect, it } from 'vitest';
import { FAKE_NOTE_AUTHOR } from '../../tools/excel-double/fake-excel';
import { StrictExcel } from '../../tools/excel-double/strict-excel';

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;
const runOn =
  (excel: StrictExcel) =>
  <T>(batch: Batch<T>) =>
    excel.run({ delayForCellEdit: true }, batch as never) as Promise<T>;

describe('notes in the strict Excel double', () => {
  it('adds a note per cell, by address or one-cell range, and sends real requests', async () => {
    const excel = new StrictExcel(['Sheet1']);
    await runOn(excel)(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.notes.add('B3', 'h₁ from t = 1');
      sheet.notes.add(sheet.getRange('$C$4'), 'c₁ from t = 1');
      sheet.notes.add('Sheet1!D5:D5', 'one cell, sheet-qualified');
      await context.sync();
    });
    expect(new Map(excel.sheet('Sheet1')!.notes)).toEqual(
      new Map([
        ['B3', 'h₁ from t = 1'],
        ['C4', 'c₁ from t = 1'],
        ['D5', 'one cell, sheet-qualified'],
      ]),
    );
    // One request: three notes, each an Add on the sheet's Notes collection.
    expect(excel.requests[0].actions).toBeGreaterThanOrEqual(3);
  });

  it('refuses a second note on a cell and keeps the first', async () => {
    const excel = new StrictExcel(['Sheet1']);
    const run = runOn(excel);
    await run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').notes.add('A1', 'the learner’s note');
      await context.sync();
    });
    await expect(
      run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').notes.add('a1', 'the add-in’s label');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(new Map(excel.sheet('Sheet1')!.notes)).toEqual(new Map([['A1', 'the learner’s note']]));
  });

  it.each(['A1:B1', 'A:A', 'not a cell', 'Other!A1'])('refuses the address %s', async (address) => {
    const excel = new StrictExcel(['Sheet1', 'Other']);
    await expect(
      runOn(excel)(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').notes.add(address, 'x');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidCellAddress' });
    expect(excel.sheet('Sheet1')!.notes.size).toBe(0);
  });

  it('lists, reads, changes and deletes notes', async () => {
    const excel = new StrictExcel(['Sheet1']);
    const sheet1 = excel.sheet('Sheet1')!;
    sheet1.notes.set('A1', 'first');
    sheet1.notes.set('B2', 'second');
    const run = runOn(excel);
    const listed = await run(async (context) => {
      const notes = context.workbook.worksheets.getItem('Sheet1').notes;
      notes.load('items/content,items/authorName');
      await context.sync();
      return notes.items.map((n) => [n.content, n.authorName]);
    });
    expect(listed).toEqual([
      ['first', FAKE_NOTE_AUTHOR],
      ['second', FAKE_NOTE_AUTHOR],
    ]);
    const missing = await run(async (context) => {
      const notes = context.workbook.worksheets.getItem('Sheet1').notes;
      notes.getItem('B2').content = 'changed';
      notes.getItem('A1').delete();
      const none = notes.getItemOrNullObject('C3');
      await context.sync();
      return none.isNullObject;
    });
    expect(missing).toBe(true);
    expect(new Map(sheet1.notes)).toEqual(new Map([['B2', 'changed']]));
    await expect(
      run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').notes.getItem('A1').load('content');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});

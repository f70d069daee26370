/**
 * The flows in the .xlsx export: ExcelJS writes no drawing shapes, so every cell that reads
 * an earlier step's state carries the flow's label as a note, read back here with ExcelJS.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { planToXlsx } from '../../src/host/xlsx';
import { a1, type SheetPlan } from '../../src/sheets/plan';
import { specFor } from '../../src/sheets/registry';

async function notesOf(plan: SheetPlan): Promise<Map<string, string>> {
  const bytes = await planToXlsx(plan);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const out = new Map<string, string>();
  wb.worksheets[0].eachRow((row) =>
    row.eachCell((cell) => {
      const note = cell.note as string | { texts: { text: string }[] } | undefined;
      if (note !== undefined)
        out.set(cell.address, typeof note === 'string' ? note : note.texts.map((t) => t.text).join(''));
    }),
  );
  return out;
}

describe('flows in the .xlsx', () => {
  for (const [model, variant, language] of [
    ['lstm', 'bidirectional', 'en'],
    ['lstm', 'standard', 'zh'],
    ['mamba-scan', undefined, 'en'],
    ['mamba-scan', undefined, 'zh'],
  ] as const)
    it(`${model} ${variant ?? ''} (${language}): a note with the flow's label on every cell that reads a carried state`, async () => {
      const spec = specFor(model);
      const plan = spec.build({ ...spec.defaults, language, ...(variant ? { variant } : {}) });
      const expected = new Map<string, string>();
      for (const f of plan.flows ?? [])
        for (let row = f.to.top; row <= f.to.bottom; row++)
          for (let col = f.to.left; col <= f.to.right; col++) expected.set(a1(row, col), f.label);
      expect(expected.size).toBeGreaterThan(0);
      expect(await notesOf(plan)).toEqual(expected);
      expect([...expected.values()].every((l) => l.startsWith('←'))).toBe(true);
    });

  it('keeps both labels on a cell that reads two states (LSTM BPTT’s recomputed c′ₜ)', async () => {
    const spec = specFor('lstm-bptt');
    const plan = spec.build(spec.defaults);
    const notes = await notesOf(plan);
    const readers = new Map<string, string[]>();
    for (const f of plan.flows ?? [])
      for (let row = f.to.top; row <= f.to.bottom; row++)
        for (let col = f.to.left; col <= f.to.right; col++)
          readers.set(a1(row, col), [...(readers.get(a1(row, col)) ?? []), f.label]);
    const shared = [...readers].filter(([, labels]) => labels.length > 1);
    expect(shared.length).toBeGreaterThan(0);
    for (const [cell, labels] of shared) {
      expect(labels.some((l) => l.includes('h′'))).toBe(true);
      expect(labels.some((l) => l.includes('c′'))).toBe(true);
      expect(notes.get(cell)).toBe(labels.join('\n'));
    }
  });

  it('writes no notes for a plan without flows', async () => {
    const spec = specFor('lstm');
    const plan = spec.build(spec.defaults);
    expect((await notesOf({ ...plan, flows: undefined })).size).toBe(0);
  });
});

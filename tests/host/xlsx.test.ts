import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { lstmSpec } from '../../src/sheets/lstm-sheet';
import { gruSpec } from '../../src/sheets/gru-sheet';
import { a1 } from '../../src/sheets/plan';
import { coreResults } from '../../src/sheets/results';
import { PALETTE } from '../../src/sheets/style';
import { planToXlsx, plansToXlsx } from '../../src/host/xlsx';
import { loadPlan } from '../sheets/evaluate';

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return wb;
}

describe('.xlsx export', () => {
  it('round-trips formulas, literals, cached results, fills, formats, merges, widths, names and frozen panes', async () => {
    const plan = lstmSpec.build({ ...lstmSpec.defaults, init: 'torch', variant: 'peephole' });
    const bytes = await planToXlsx(plan, { result: coreResults(plan) });
    expect(bytes[0]).toBe(0x50); // "PK": a zip container
    const wb = await readBack(bytes);
    const ws = wb.getWorksheet('LSTM');
    if (!ws) throw new Error('sheet LSTM missing');
    // Cached results must be what a formula engine computes from the same cells.
    const hf = loadPlan(plan);
    let formulas = 0;
    for (const cell of plan.cells) {
      const xc = ws.getCell(cell.row + 1, cell.col + 1);
      if (cell.formula !== undefined) {
        formulas++;
        const v = xc.value as ExcelJS.CellFormulaValue;
        expect(`=${v.formula}`).toBe(cell.formula);
        const engine = hf.getCellValue({ sheet: 0, row: cell.row, col: cell.col });
        // A verdict (the "what to try" box's live sentence) caches its words.
        if (cell.meaning?.verdict) expect(v.result).toBe(engine);
        else
          expect(Math.abs((v.result as number) - (engine as number))).toBeLessThan(
            1e-9 * (1 + Math.abs(engine as number)),
          );
      } else if (typeof cell.value === 'number') {
        expect(xc.value).toBe(cell.value);
      }
      const fill = PALETTE[cell.role].fill;
      if (fill) expect((xc.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(`FF${fill.slice(1)}`);
    }
    hf.destroy();
    expect(formulas).toBeGreaterThan(50);
    const weight = plan.cells.find((c) => c.role === 'recurrentWeight' && c.meaning?.param);
    if (!weight) throw new Error('no recurrent weight cell');
    const wc = ws.getCell(weight.row + 1, weight.col + 1);
    expect(wc.numFmt).toBe('0.000');
    expect(wc.border?.top?.style).toBeDefined();
    const computed = plan.cells.find((c) => c.formula !== undefined && c.meaning?.trace);
    if (!computed) throw new Error('no formula cell');
    expect(ws.getCell(computed.row + 1, computed.col + 1).numFmt).toBe('0.000');
    expect(ws.getCell(1, 1).isMerged).toBe(true);
    expect(ws.getCell(1, 1).font?.bold).toBe(true);
    for (const { col, width } of plan.columnWidths) expect(ws.getColumn(col + 1).width).toBe(width);
    for (const n of plan.names) expect(wb.definedNames.model.some((d) => d.name === n.name)).toBe(true);
    expect(plan.names.length).toBeGreaterThan(0);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: plan.freeze?.rows });
  });

  it('leaves results out when none are supplied, and puts several plans on separate sheets', async () => {
    const a = gruSpec.build(gruSpec.defaults);
    const b = gruSpec.build({ ...gruSpec.defaults, language: 'zh', init: 'hand' });
    const wb = await readBack(await plansToXlsx([{ plan: a }, { plan: b }]));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['GRU', 'GRU 2']);
    const f = a.cells.find((c) => c.formula !== undefined);
    if (!f) throw new Error('no formula cell');
    const v = wb.getWorksheet('GRU')?.getCell(a1(f.row, f.col)).value as ExcelJS.CellFormulaValue;
    expect(v.result).toBeUndefined();
    // Hand-style weights are shown as integers.
    const w = b.cells.find((c) => c.role === 'weight' && c.meaning?.param);
    if (!w) throw new Error('no weight cell');
    expect(wb.getWorksheet('GRU 2')?.getCell(a1(w.row, w.col)).numFmt).toBe('0');
  });
});

/**
 * For the tests and benchmarks of "Check this Excel": the add-in's custom functions registered for
 * HyperFormula (from functions.json as the build generates it, calling the exports Excel
 * calls), and a recalculation of the Excel double's sheets, standing in for what Excel
 * does after a write: formula cells get their values and dynamic arrays spill.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FakeExcel } from './fake-excel';
import { catalogueFromMetadata, registerPreviewFunctions } from '../../src/host/preview-functions';
import { PreviewWorkbook } from '../../src/host/preview-workbook';
import { a1 } from '../../src/sheets/plan';

/** The custom functions functions.json declares, paired with the exports Excel calls. */
export async function declaredCatalogue() {
  const { parseTree } = await import('custom-functions-metadata');
  const source = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../functions/functions.ts');
  const tree = parseTree(readFileSync(source, 'utf8'), source);
  const exportsOf = await import('../../functions/functions');
  const names = Object.fromEntries(tree.associate.map((a) => [a.id, a.functionName]));
  return {
    ids: tree.functions.map((f) => f.id),
    ...catalogueFromMetadata(tree.functions, exportsOf as Record<string, unknown>, names),
  };
}

/** The ids of every custom function the add-in declares, after registering them all. */
export async function registerAllFunctions(): Promise<string[]> {
  const { ids, functions, missing } = await declaredCatalogue();
  if (missing.length > 0) throw new Error(`functions without an export: ${missing.join(', ')}`);
  registerPreviewFunctions(functions);
  return ids;
}

/** Recomputes every sheet of the double that holds formulas; `adjust` may then spoil a value. */
export function calculateLikeExcel(
  excel: FakeExcel,
  adjust?: (sheet: string, address: string, value: number) => number,
): void {
  for (const sheet of excel.sheets) {
    const cells = [...sheet.cells.entries()].map(([key, cell]) => {
      const [row, col] = key.split(',').map(Number);
      return { row, col, cell };
    });
    if (!cells.some((c) => c.cell.formula !== undefined)) continue;
    const wb = new PreviewWorkbook();
    wb.addSheet('S');
    for (const { row, col, cell } of cells) {
      if (cell.formula !== undefined) wb.setInput('S', row, col, cell.formula);
      else if (typeof cell.value === 'number') wb.setContent('S', row, col, cell.value);
    }
    const rows = Math.max(...cells.map((c) => c.row)) + 8;
    const cols = Math.max(...cells.map((c) => c.col)) + 8;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const own = sheet.cells.get(`${r},${c}`);
        const value = wb.cell('S', r, c).value;
        if (typeof value !== 'number') continue;
        const address = a1(r, c);
        const shown = () => (adjust ? adjust(sheet.name, address, value) : value);
        if (own?.formula !== undefined) excel.computed.set(`${sheet.name}!${address}`, shown());
        else if (own === undefined || own.value === undefined || own.value === '')
          // A dynamic array's spill: the cells below and right of its formula show its values.
          sheet.touch(r, c).value = shown();
      }
    }
  }
}

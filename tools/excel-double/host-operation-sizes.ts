/**
 * The host operations that are not practice actions, measured like them through the
 * strict Excel double (real Office.js request bodies): building the walkthrough (its
 * contents, then the flows' arrows as shapes), opening a sheet's .xlsx as a new
 * workbook (Excel.createWorkbook sends the whole file, base64, in one request), going to
 * a cell, reading the selection, explaining a cell, removing a sheet, and a whole run of
 * "Check this Excel" (recalculated after every request as Excel would, so its reads carry
 * real numbers). Used by the request-limit test and the benchmark table.
 */
import { ExcelHost } from '../../src/host/excel-host';
import { planToXlsx } from '../../src/host/xlsx';
import { explainCell } from '../../src/practice/explain';
import { planFor } from '../../src/practice/plan-for';
import type { ModelConfig } from '../../src/sheets/model-spec';
import { a1 } from '../../src/sheets/plan';
import { coreResults } from '../../src/sheets/results';
import { checkThisExcel } from '../../src/verify/check-excel';
import { calculateLikeExcel, registerAllFunctions } from './calculate';
import type { OperationSize } from './operation-sizes';
import { StrictExcel } from './strict-excel';

export const SHEET_OPERATIONS = [
  'build the walkthrough',
  'open as new workbook',
  'go to a cell',
  'read the selection',
  'explain a cell',
  'remove a sheet',
] as const;
export type SheetOperation = (typeof SHEET_OPERATIONS)[number];

function sizeOf(excel: StrictExcel, from: number): OperationSize {
  const requests = excel.requests.slice(from);
  return {
    requests: requests.length,
    request: Math.max(0, ...requests.map((r) => r.bytes)),
    response: Math.max(0, ...requests.map((r) => r.responseBytes)),
  };
}

/** Every sheet operation once on a walkthrough of `config` (with cached results in its .xlsx). */
export async function measureSheetOperations(
  config: ModelConfig,
): Promise<Map<SheetOperation, OperationSize>> {
  const excel = new StrictExcel(['Sheet1']);
  const host = new ExcelHost({
    run: excel.run as never,
    isSetSupported: excel.isSetSupported,
    createWorkbook: excel.createWorkbook,
  });
  const { plan, metadata } = planFor({ config });
  const sizes = new Map<SheetOperation, OperationSize>();
  const measure = async <T>(op: SheetOperation, action: () => Promise<T>): Promise<T> => {
    const from = excel.requests.length;
    const result = await action();
    sizes.set(op, sizeOf(excel, from));
    return result;
  };
  const { sheetName, sheetId } = await measure('build the walkthrough', () =>
    host.buildSheet(plan, metadata),
  );
  const xlsx = await planToXlsx(plan, { result: coreResults(plan) });
  await measure('open as new workbook', () => host.openWorkbook(xlsx));
  // The last computed cell reads the most cells in its formula.
  const last = [...plan.cells].reverse().find((c) => c.formula !== undefined)!;
  const address = a1(last.row, last.col);
  await measure('go to a cell', () => host.selectCell(sheetName, address));
  await measure('read the selection', () => host.getSelection());
  await measure('explain a cell', () => explainCell(host, { sheet: sheetName, address }));
  await measure('remove a sheet', () => host.removeSheet(sheetId!));
  return sizes;
}

/** One whole run of "Check this Excel" (every model, every custom function). */
export async function measureCheckThisExcel(): Promise<OperationSize & { readonly ok: boolean }> {
  await registerAllFunctions();
  const excel = new StrictExcel(['Sheet1']);
  excel.beforeRequest = () => calculateLikeExcel(excel);
  const host = new ExcelHost({ run: excel.run as never, isSetSupported: excel.isSetSupported });
  const report = await checkThisExcel(host, { language: 'en' });
  return { ...sizeOf(excel, 0), ok: report.ok };
}

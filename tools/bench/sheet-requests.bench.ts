/**
 * The largest real request and response of the host operations beside the practice
 * actions, at the largest sizes the pane allows, for every model and variant: building the
 * walkthrough (its contents, then one dashed arrow per flow as Excel shapes), opening the
 * sheet's .xlsx as a new workbook (the whole file, base64, in one Excel.createWorkbook
 * request), going to a cell, reading the selection, explaining a cell and removing a
 * sheet; and one whole "Check this Excel" run. Excel on the web refuses anything above 5 MB.
 */
import { largestCases } from '../excel-double/operation-sizes';
import {
  measureCheckThisExcel,
  measureSheetOperations,
  SHEET_OPERATIONS,
} from '../excel-double/host-operation-sizes';
import { EXCEL_WEB_MAX_BYTES } from '../excel-double/strict-excel';
import { markdownTable } from './timing';

const kib = (bytes: number) => (bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0);

export default async function run(): Promise<string> {
  const rows: string[][] = [];
  let largest = { bytes: 0, where: '' };
  for (const { spec, variant, config } of largestCases()) {
    const sizes = await measureSheetOperations(config);
    rows.push([
      spec.id,
      variant ?? '—',
      ...SHEET_OPERATIONS.map((op) => {
        const s = sizes.get(op)!;
        if (s.request > largest.bytes)
          largest = { bytes: s.request, where: `${spec.id} ${variant ?? ''} ${op}` };
        return `${kib(s.request)} / ${kib(s.response)}`;
      }),
    ]);
  }
  const check = await measureCheckThisExcel();
  return [
    '### Excel host: largest request of the other operations at the pane maximum',
    '',
    `Real Office.js request bodies through the strict Excel double, as above, on a walkthrough sheet at the pane's maximum sizes. Each cell: largest request / largest response, KiB. "build the walkthrough" writes the contents (with the loads of the arrows' positions) and then the arrows as shapes; "open as new workbook" sends the whole .xlsx (cached results included) as base64 in one request. Limit: ${(EXCEL_WEB_MAX_BYTES / 1024).toFixed(0)} KiB. Largest: ${kib(largest.bytes)} KiB (${largest.where.replace(/\s+/g, ' ').trim()}).`,
    '',
    ...markdownTable(['model', 'variant', ...SHEET_OPERATIONS], rows),
    '',
    `Check this Excel (every model at size 2 and every custom function, built, read back and removed): ${check.requests} requests, largest request ${kib(check.request)} KiB, largest response ${kib(check.response)} KiB; ${check.ok ? 'every check passed' : 'SOME CHECKS FAILED'}.`,
  ].join('\n');
}

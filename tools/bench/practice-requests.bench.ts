/**
 * The largest real request and response of every host operation on a practice sheet, at
 * the largest sizes the pane allows, for every model and variant: the strict Excel double
 * runs Microsoft's own Office.js request builder, so the bytes are what Excel on the web
 * would receive. The "everything" difficulty blanks every computed cell, the largest
 * answer set any difficulty makes. Excel on the web refuses anything above 5 MB.
 */
import { largestCases, measureOperations, OPERATIONS } from '../excel-double/operation-sizes';
import { EXCEL_WEB_MAX_BYTES } from '../excel-double/strict-excel';
import { markdownTable } from './timing';

const kib = (bytes: number) => (bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0);

export default async function run(): Promise<string> {
  const rows: string[][] = [];
  let largest = { bytes: 0, where: '' };
  for (const { spec, variant, config } of largestCases()) {
    const sizes = await measureOperations(config, 'everything');
    const cells = OPERATIONS.map((op) => {
      const s = sizes.get(op)!;
      for (const [bytes, kind] of [
        [s.request, 'request'],
        [s.response, 'response'],
      ] as const)
        if (bytes > largest.bytes) largest = { bytes, where: `${spec.id} ${variant ?? ''} ${op} ${kind}` };
      return `${kib(s.request)} / ${kib(s.response)}`;
    });
    rows.push([spec.id, variant ?? '—', ...cells]);
  }
  return [
    '### Excel host: largest request per practice operation at the pane maximum',
    '',
    `Real Office.js request bodies (the Excel web script of \`@microsoft/office-js\` in jsdom, answered by the recording fake: tools/excel-double/strict-excel.ts), "everything" difficulty, every size at the pane's maximum. Each cell: largest request / largest response of the operation, KiB. Limit: ${(EXCEL_WEB_MAX_BYTES / 1024).toFixed(0)} KiB. Largest of all: ${kib(largest.bytes)} KiB (${largest.where.trim()}).`,
    '',
    ...markdownTable(['model', 'variant', ...OPERATIONS], rows),
  ].join('\n');
}

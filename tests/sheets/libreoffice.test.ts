/**
 * A second spreadsheet program runs the exported workbooks: LibreOffice Calc opens each
 * .xlsx headless, recalculates every formula (the files carry no cached results, or
 * deliberately stale ones), and saves it again; the numbers it saved must equal the
 * core's trace recomputed from the parameters it saved. One soffice process converts
 * all the files, since its start-up dominates the time.
 *
 * Needs `soffice` (Debian: apt-get install -y --no-install-recommends libreoffice-calc);
 * without it the suite is skipped and says why.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableModels } from '../../src/sheets/registry';
import { convertWithSoffice, findSoffice } from '../../tools/soffice';
import {
  caseBytes,
  compareConverted,
  libreOfficeCases,
  LO_TOLERANCE,
  type LoCase,
} from './libreoffice-cases';

const soffice = findSoffice();
const SKIP_REASON =
  'LibreOffice checks skipped: soffice is not installed (apt-get install -y --no-install-recommends libreoffice-calc)';
if (!soffice) console.warn(SKIP_REASON);

const cases = libreOfficeCases();
const converted = new Map<string, ExcelJS.Worksheet>();
let dir = '';

async function load(file: string): Promise<ExcelJS.Worksheet> {
  const bytes = readFileSync(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const ws = wb.worksheets[0];
  if (!ws) throw new Error(`${file} has no worksheet`);
  return ws;
}

describe.skipIf(!soffice)('LibreOffice Calc recalculates the exported workbooks', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lo-sheets-'));
    const inputs: string[] = [];
    for (const c of cases) {
      const file = join(dir, `${c.id}.xlsx`);
      writeFileSync(file, await caseBytes(c));
      inputs.push(file);
    }
    const { outputs } = convertWithSoffice(inputs, 'xlsx', join(dir, 'out'));
    for (let k = 0; k < cases.length; k++) converted.set(cases[k].id, await load(outputs[k]));
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('covers every registered model', () => {
    const models = new Set(cases.map((c) => c.spec.id));
    expect([...models].sort()).toEqual(
      availableModels()
        .map((s) => s.id)
        .sort(),
    );
  });

  it.each(cases.map((c): [string, LoCase] => [c.id, c]))(
    '%s: every formula cell equals the core',
    (_id, c) => {
      const ws = converted.get(c.id);
      if (!ws) throw new Error(`no converted workbook for ${c.id}`);
      const report = compareConverted(ws, c);
      expect(report.failures.slice(0, 10)).toEqual([]);
      expect(report.formulaCells).toBeGreaterThan(0);
      expect(report.checked).toBe(report.formulaCells);
      expect(report.maxError).toBeLessThanOrEqual(LO_TOLERANCE);
      // The stale file must really have been wrong somewhere, or it proves nothing about recalculation.
      if (c.staleCache) expect(report.staleCells).toBeGreaterThan(0);
    },
  );
});

/**
 * The waiting state in a second spreadsheet program: LibreOffice Calc recalculates the
 * exported practice workbook with the blanks empty (every dependent of a blank shows the
 * waiting text) and with the blanks holding what a learner typed (every formula equals
 * the walkthrough computed with those entries, which HyperFormula gives independently).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayRound } from '../../src/practice/grading';
import type { Difficulty } from '../../src/practice/metadata';
import { makePracticePlan, type PracticeSheet } from '../../src/practice/practice-plan';
import { waitingText, waitingCells } from '../../src/practice/waiting';
import type { ModelConfig } from '../../src/sheets/model-spec';
import { a1, type SheetPlan } from '../../src/sheets/plan';
import { buildPlan, specFor } from '../../src/sheets/registry';
import { planToXlsx } from '../../src/host/xlsx';
import { convertWithSoffice, findSoffice } from '../../tools/soffice';
import { sheetTruth } from './fixtures';

const soffice = findSoffice();
if (!soffice) console.warn('LibreOffice waiting-state check skipped: soffice is not installed');

interface Case {
  readonly id: string;
  readonly walkthrough: SheetPlan;
  readonly practice: PracticeSheet;
  /** The learner's entries, or none (blanks left empty). */
  readonly typed: ReadonlyMap<string, number>;
}

function cases(): Case[] {
  const made: [string, ModelConfig, Difficulty, number][] = [
    ['lstm', specFor('lstm').defaults, 'one-gate', 1],
    ['gru', specFor('gru').defaults, 'one-step', 5],
    ['mamba-scan', specFor('mamba-scan').defaults, 'all-gates', 2],
  ];
  return made.flatMap(([id, config, difficulty, seed]) => {
    const walkthrough = buildPlan(config);
    const practice = makePracticePlan(walkthrough, difficulty, seed);
    const truth = sheetTruth(walkthrough, practice.answers);
    const typed = new Map(practice.answers.map((a) => [a, displayRound(truth.get(a) as number, 3)]));
    return [
      { id: `${id}-empty`, walkthrough, practice, typed: new Map() },
      { id: `${id}-typed`, walkthrough, practice, typed },
    ];
  });
}

function withEntries(plan: SheetPlan, typed: ReadonlyMap<string, number>): SheetPlan {
  return {
    ...plan,
    cells: plan.cells.map((c) => {
      const v = typed.get(a1(c.row, c.col));
      return v === undefined ? c : { ...c, value: v };
    }),
  };
}

const all = cases();
const sheets = new Map<string, ExcelJS.Worksheet>();
let dir = '';

describe.skipIf(!soffice)('LibreOffice: formulas downstream of a blank', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lo-waiting-'));
    const inputs = [];
    for (const c of all) {
      const file = join(dir, `${c.id}.xlsx`);
      writeFileSync(file, await planToXlsx(withEntries(c.practice.plan, c.typed)));
      inputs.push(file);
    }
    const { outputs } = convertWithSoffice(inputs, 'xlsx', join(dir, 'out'));
    for (let k = 0; k < all.length; k++) {
      const bytes = readFileSync(outputs[k]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(
        bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
      );
      sheets.set(all[k].id, wb.worksheets[0]);
    }
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(all.map((c): [string, Case] => [c.id, c]))('%s', (id, c) => {
    const ws = sheets.get(id) as ExcelJS.Worksheet;
    const blanks = new Set(c.practice.answers);
    const waiting = waitingCells(c.walkthrough.cells, blanks);
    const formulas = c.walkthrough.cells.filter((p) => p.formula && !blanks.has(a1(p.row, p.col)));
    const addresses = formulas.map((p) => a1(p.row, p.col));
    const expected = sheetTruth(c.walkthrough, addresses, Object.fromEntries(c.typed));
    let waited = 0;
    for (const p of formulas) {
      const address = a1(p.row, p.col);
      const got: unknown = ws.getCell(p.row + 1, p.col + 1).result;
      if (c.typed.size === 0 && waiting.has(address)) {
        expect(got, address).toBe(waitingText(c.walkthrough.language));
        waited++;
        continue;
      }
      const want = expected.get(address) as number;
      if (typeof want === 'string') {
        expect(got, address).toBe(want);
        continue;
      }
      expect(typeof got, address).toBe('number');
      expect(Math.abs((got as number) - want), address).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(want)));
    }
    if (c.typed.size === 0) expect(waited).toBe(waiting.size);
    expect(waiting.size).toBeGreaterThan(0);
  });
});

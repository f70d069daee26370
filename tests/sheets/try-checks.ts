/**
 * Reading a sheet's "What to try" box in tests: its one live verdict cell, and the cells
 * its edit line names ("b_if[1] (F35)", "b_ii（F39:F40）"), so a test makes the very edit
 * the box suggests.
 */
import { expect } from 'vitest';
import { t } from '../../src/i18n';
import { parseA1, type Language, type PlanCell, type SheetPlan } from '../../src/sheets/plan';

export interface BoxCells {
  /** The live verdict cell (the sheet has exactly one). */
  readonly verdict: PlanCell;
  /** The cells the edit line names, in reading order: one cell, or each cell of its range. */
  readonly named: readonly PlanCell[];
  /** The values the edit line asks for, in order ("to +10, then to −5"; "改为 −100"; "type 10 over"). */
  readonly asked: readonly number[];
}

function editValues(line: string): number[] {
  return [...line.matchAll(/(?:\bto|\btype|改为|输入)\s*([+−-]?\d+(?:\.\d+)?)/g)].map((m) =>
    Number(m[1].replace('−', '-')),
  );
}

export function tryBoxCells(plan: SheetPlan, language: Language): BoxCells {
  const verdicts = plan.cells.filter((c) => c.meaning?.verdict);
  expect(verdicts).toHaveLength(1);
  const prefix = t(language, 'sheets.try.edit', { edit: '' });
  const editLine = plan.cells.find((c) => c.role === 'teach' && String(c.value).startsWith(prefix));
  // "(F35)" or "(F39:F40)" in English, with full-width parentheses in Chinese.
  const m = /[(（]([A-Z]+\d+)(?::([A-Z]+\d+))?[)）]/.exec(String(editLine?.value));
  expect(m, 'the edit line names its cells').not.toBeNull();
  const first = parseA1(m![1]);
  const last = parseA1(m![2] ?? m![1]);
  const named: PlanCell[] = [];
  for (let row = first.row; row <= last.row; row++)
    for (let col = first.col; col <= last.col; col++) {
      const cell = plan.cells.find((c) => c.row === row && c.col === col);
      expect(cell, `the edit line names an empty cell at row ${row + 1}`).toBeDefined();
      named.push(cell as PlanCell);
    }
  return { verdict: verdicts[0], named, asked: editValues(String(editLine?.value)) };
}

/**
 * The sheet kit's teaching parts on a small plan of their own: the verdict formula picks
 * in a formula engine the sentence `verdictText` picks on the same numbers (every case and
 * the fallback), a try box lays out its lines and its live cell, a narrative row and a
 * formula table carry trace meanings, and a role line sits where it is put, in the
 * teaching look.
 */
import { describe, expect, it } from 'vitest';
import { PlanBuilder } from '../../../src/sheets/layout';
import { tryBox, cellName, TRY_BOX_ROWS } from '../../../src/sheets/kit/try-box';
import { verdictFormula, verdictText } from '../../../src/sheets/kit/verdict';
import { narrativeRow, formulaTable } from '../../../src/sheets/kit/narrative';
import { roleLine } from '../../../src/sheets/kit/role-line';
import { a1, type Verdict } from '../../../src/sheets/plan';
import { t } from '../../../src/i18n';
import { loadPlan } from '../evaluate';

const VERDICT: Verdict = {
  gauges: [
    { name: 'g', step: 0, flat: 0 },
    { name: 'g', step: 0, flat: 1 },
  ],
  cases: [
    { when: [{ gauge: 0, op: '>', value: 0.9 }], text: 'c carries through' },
    {
      when: [
        { gauge: 0, op: '<', value: 0.1 },
        { gauge: 1, op: '>', value: 2 },
      ],
      text: 'c resets, h_t “still” moves',
    },
  ],
  otherwise: 'c partly fades',
};

function sheetWith(g0: number, g1: number) {
  const b = new PlanBuilder('lstm', 'en', 'T', {});
  b.param({ top: 0, left: 0, rows: 1, cols: 2, role: 'weight', param: 'g', value: (_r, c) => [g0, g1][c] });
  // As every sheet does, the widths come first: column A holds "The sheet shows now:".
  b.width(0, 24);
  const box = tryBox(b, {
    top: 2,
    left: 0,
    cols: 4,
    edit: `set ${cellName('g[1]', { row: 0, col: 0 })} to 1`,
    watch: 'the sentence',
    verdict: VERDICT,
    gaugeCells: ['A1', 'B1'],
    tensor: 'what c does',
    equation: 'g',
  });
  return { plan: b.build(), box };
}

describe('verdict', () => {
  it.each([
    [0.95, 0, 'c carries through'],
    [0.05, 3, 'c resets, hₜ “still” moves'],
    [0.05, 1, 'c partly fades'],
    [0.5, 3, 'c partly fades'],
  ])('gauges %d, %d: the engine and verdictText both say %s', (g0, g1, said) => {
    const { plan, box } = sheetWith(g0, g1);
    const hf = loadPlan(plan);
    const got = hf.getCellValue({ sheet: 0, row: box.verdictCell.row, col: box.verdictCell.col });
    hf.destroy();
    expect(got).toBe(said);
    expect(verdictText(VERDICT, (ref) => [g0, g1][ref.flat])).toBe(said);
  });

  it('refuses text a formula reader would take for a reference or a call, and a missing gauge', () => {
    const bad = (text: string): Verdict => ({ ...VERDICT, otherwise: text });
    expect(() => verdictFormula(bad('see c1'), ['A1', 'B1'])).toThrow(/reference/);
    expect(() => verdictFormula(bad('tanh(z) saturates'), ['A1', 'B1'])).toThrow(/function/);
    expect(() => verdictFormula(bad('say "so"'), ['A1', 'B1'])).toThrow(/quote/);
    expect(() => verdictFormula(VERDICT, ['A1'])).toThrow(/2 gauges/);
    expect(verdictText(VERDICT, () => undefined)).toBeUndefined();
  });
});

describe('try box', () => {
  it('writes heading, edit, watch and the live cell in its rows, boxed, in the teaching look', () => {
    const { plan, box } = sheetWith(0.5, 0);
    const text = (r: number, c: number) => plan.cells.find((x) => x.row === r && x.col === c);
    expect(text(2, 0)?.value).toBe(t('en', 'sheets.try.title'));
    expect(text(3, 0)?.value).toBe('Try: set g[1] (A1) to 1');
    expect(text(4, 0)?.value).toBe('Watch: the sentence');
    expect(box.bottom).toBe(2 + TRY_BOX_ROWS);
    const live = text(box.verdictCell.row, box.verdictCell.col);
    expect(live?.formula).toMatch(/^=IF\(A1>0\.9,/);
    expect(live?.role).toBe('teach');
    expect(live?.meaning?.verdict).toEqual(VERDICT);
    expect(plan.merges).toContainEqual({ top: 5, bottom: 5, left: 1, right: 3 });
    expect(plan.boxes).toContainEqual({ top: 2, bottom: 5, left: 0, right: 3 });
  });

  it('moves the live cell right where the first column is too narrow for its label', () => {
    const b = new PlanBuilder('lstm', 'en', 'T', {});
    b.param({ top: 0, left: 0, rows: 1, cols: 2, role: 'weight', param: 'g', value: () => 1 });
    b.width(0, 10);
    b.width(1, 12);
    const box = tryBox(b, {
      top: 2,
      left: 0,
      cols: 4,
      edit: 'set g',
      watch: 'the sentence',
      verdict: VERDICT,
      gaugeCells: ['A1', 'B1'],
      tensor: 'what c does',
      equation: 'g',
    });
    // "The sheet shows now:" needs about 21 units: A alone (10) is not enough, A and B (22) are.
    expect(box.verdictCell.col).toBe(2);
    expect(b.build().merges).toContainEqual({ top: 5, bottom: 5, left: 2, right: 3 });
  });
});

describe('narrative row, formula table, role line', () => {
  it('write traced formulas with captions, and the role line as teaching text', () => {
    const b = new PlanBuilder('lstm', 'zh', 'T', {});
    b.param({
      top: 0,
      left: 2,
      rows: 1,
      cols: 3,
      role: 'gate',
      param: 'f',
      value: (_r, c) => [0.5, 0.4, 0.9][c],
    });
    const keep = narrativeRow(b, {
      row: 1,
      captionCol: 0,
      caption: '∏f',
      steps: 3,
      col: (s) => 2 + s,
      role: 'computed',
      trace: 'keep',
      tensor: '∏f',
      equation: '\\prod f',
      formula: (s) => (s === 0 ? undefined : s === 1 ? a1(0, 3) : `${a1(1, 3)}*${a1(0, 4)}`),
    });
    expect(keep(0)).toBeUndefined();
    expect(keep(2)).toBe('E2');
    const table = formulaTable(b, {
      top: 3,
      left: 0,
      title: 'cost',
      headers: ['state', 'attention'],
      rows: [
        {
          caption: 'T = 3',
          cells: [
            { formula: '2*2', trace: 'cost', flat: 0, tensor: 'd²', equation: 'd^2' },
            { formula: '3*3', trace: 'cost', flat: 1, tensor: 'T²', equation: 'T^2' },
          ],
        },
      ],
    });
    roleLine(b, { row: 8, col: 2 }, 'fₜ：遗忘门');
    const plan = b.build();
    const hf = loadPlan(plan);
    const value = (ref: string) => {
      const cell = plan.cells.find((c) => a1(c.row, c.col) === ref)!;
      return hf.getCellValue({ sheet: 0, row: cell.row, col: cell.col });
    };
    expect(value('E2')).toBeCloseTo(0.36, 12);
    expect(value(table.at(0, 1))).toBe(9);
    hf.destroy();
    const cell = (ref: string) => plan.cells.find((c) => a1(c.row, c.col) === ref)!;
    expect(cell('E2').meaning?.trace).toEqual({ name: 'keep', step: 2, flat: 0 });
    expect(cell(table.at(0, 1)).meaning?.trace).toEqual({ name: 'cost', step: 0, flat: 1 });
    expect(table.bottom).toBe(6);
    expect(cell('C9')).toMatchObject({ value: 'fₜ：遗忘门', role: 'teach' });
  });
});

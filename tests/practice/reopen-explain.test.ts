import { describe, expect, it } from 'vitest';
import { checkAndMark, checkPractice, RIGHT_FILL, WRONG_FILL } from '../../src/practice/checker';
import { createPracticeSheet } from '../../src/practice/create';
import { explainCell } from '../../src/practice/explain';
import { fillNextStep } from '../../src/practice/fill-next-step';
import { hintFor } from '../../src/practice/hint';
import { resetPractice } from '../../src/practice/reset';
import { reveal } from '../../src/practice/reveal';
import { a1, parseA1 } from '../../src/sheets/plan';
import { buildPlan } from '../../src/sheets/registry';
import { loadPlan } from '../sheets/evaluate';
import { rnnConfig, sheetTruth } from './fixtures';
import { FormulaHost } from './formula-host';

describe('save, close and reopen', () => {
  it('checks, hints, reveals, fills and resets from the stored workbook alone', async () => {
    const config = rnnConfig({ steps: 2 });
    const first = new FormulaHost();
    const { sheetName: sheet, answers } = await createPracticeSheet(first, config, 'everything', 9);
    const truth = sheetTruth(buildPlan(config), answers);
    first.setContent(sheet, answers[0], truth.get(answers[0]) as number);
    first.setContent(sheet, answers[1], (truth.get(answers[1]) as number) + 1);
    const before = await checkAndMark(first, sheet);

    const reopened = new FormulaHost(first.save());
    const after = await checkPractice(reopened, sheet);
    expect(after).toEqual(before);
    expect(reopened.fillOf(sheet, answers[0])).toBe(RIGHT_FILL);
    expect(reopened.fillOf(sheet, answers[1])).toBe(WRONG_FILL);
    expect((await hintFor(reopened, sheet, answers[2]))?.address).toBe(answers[2]);
    expect((await explainCell(reopened, { sheet, address: answers[2] }))?.kind).toBe('answer');

    expect((await fillNextStep(reopened, sheet)).status).toBe('done');
    expect((await reveal(reopened, sheet, 'all', { confirmed: true })).status).toBe('done');
    expect((await checkPractice(reopened, sheet)).right).toBe(answers.length);

    const again = new FormulaHost(reopened.save());
    await resetPractice(again, sheet, { confirmed: true });
    expect((await checkPractice(again, sheet)).unanswered).toBe(answers.length);
  });

  it('leaves a sheet with an unreadable marker alone', async () => {
    const host = new FormulaHost();
    const { sheetName } = await createPracticeSheet(host, rnnConfig(), 'one-gate');
    const saved = host.save();
    const damaged = {
      sheets: saved.sheets.map((s) => ({ ...s, metadata: { mode: 'practice', config: s.metadata?.config } })),
    };
    const reopened = new FormulaHost(damaged);
    expect(await explainCell(reopened, { sheet: sheetName, address: 'A1' })).toBeNull();
    await expect(checkPractice(reopened, sheetName)).rejects.toThrow(/not a sheet this add-in created/);
  });
});

describe('explain this cell', () => {
  async function walkthroughSheet() {
    const config = rnnConfig();
    const plan = buildPlan(config);
    const host = new FormulaHost();
    const { sheetName } = await host.buildSheet(plan, { mode: 'walkthrough', config });
    return { host, sheet: sheetName, plan };
  }

  it('explains a computed cell with its equation and the current values of the cells it reads', async () => {
    const { host, sheet, plan } = await walkthroughSheet();
    const cell = plan.cells.find((c) => c.formula?.includes('MMULT'));
    if (!cell) throw new Error('no dot-product cell');
    const address = a1(cell.row, cell.col);
    const e = await explainCell(host, { sheet, address: `$${address.replace(/(\d+)/, '$$$1')}` });
    expect(e).toMatchObject({
      address,
      mode: 'walkthrough',
      kind: 'computed',
      role: cell.role,
      tensor: cell.meaning?.tensor,
      equation: cell.meaning?.equation,
    });
    const hf = loadPlan(plan);
    const precedents = hf.getCellPrecedents({ sheet: 0, ...parseA1(address) }).flatMap((p) => {
      if (!('start' in p)) return [a1(p.row, p.col)];
      const out: string[] = [];
      for (let r = p.start.row; r <= p.end.row; r++)
        for (let c = p.start.col; c <= p.end.col; c++) out.push(a1(r, c));
      return out;
    });
    expect(new Set(e?.feeds.map((f) => f.address))).toEqual(new Set(precedents));
    for (const f of e?.feeds ?? []) {
      const v = hf.getCellValue({ sheet: 0, ...parseA1(f.address) });
      expect(f.value).toBe(v);
    }
    hf.destroy();
  });

  it('explains an input cell as a parameter the learner may edit', async () => {
    const { host, sheet, plan } = await walkthroughSheet();
    const x = plan.cells.find((c) => c.role === 'input' && c.meaning?.param);
    if (!x) throw new Error('no input cell');
    const e = await explainCell(host, { sheet, address: a1(x.row, x.col) });
    expect(e).toMatchObject({ kind: 'param', paramName: x.meaning?.param?.name, feeds: [] });
  });

  it('says nothing about sheets the add-in did not make', async () => {
    const host = new FormulaHost();
    host.addPlainSheet('Budget', [[1, '=A1*2']]);
    expect(await explainCell(host, { sheet: 'Budget', address: 'B1' })).toBeNull();
  });

  it('explains a practice answer without giving its value', async () => {
    const config = rnnConfig();
    const host = new FormulaHost();
    const { sheetName, answers } = await createPracticeSheet(host, config, 'one-gate');
    const e = await explainCell(host, { sheet: sheetName, address: answers[0] });
    expect(e).toMatchObject({ kind: 'answer', role: 'answer', mode: 'practice' });
    const truth = sheetTruth(buildPlan(config), answers);
    expect(JSON.stringify(e)).not.toContain(String(truth.get(answers[0])));
  });
});

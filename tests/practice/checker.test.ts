import { describe, expect, it } from 'vitest';
import {
  checkAndMark,
  checkPractice,
  closeEnough,
  ParamCellError,
  RIGHT_FILL,
  WRONG_FILL,
} from '../../src/practice/checker';
import { createPracticeSheet } from '../../src/practice/create';
import type { Difficulty } from '../../src/practice/metadata';
import { a1 } from '../../src/sheets/plan';
import { buildPlan } from '../../src/sheets/registry';
import type { ModelConfig } from '../../src/sheets/model-spec';
import { allConfigs, rnnConfig, sheetTruth } from './fixtures';
import { FormulaHost } from './formula-host';

async function practiceSheet(config: ModelConfig, difficulty: Difficulty = 'everything') {
  const host = new FormulaHost();
  const made = await createPracticeSheet(host, config, difficulty, 3);
  const walkthrough = buildPlan(config);
  return {
    host,
    sheet: made.sheetName,
    answers: made.answers,
    walkthrough,
    truth: sheetTruth(walkthrough, made.answers),
  };
}

describe('tolerance', () => {
  it('accepts 1e-4 absolute or 1e-3 relative, and nothing looser', () => {
    expect(closeEnough(0.12345, 0.1234)).toBe(true);
    expect(closeEnough(0.1236, 0.1234)).toBe(false);
    expect(closeEnough(100.09, 100)).toBe(true);
    expect(closeEnough(100.2, 100)).toBe(false);
    expect(closeEnough(0, 0)).toBe(true);
  });
});

describe('checker', () => {
  for (const { name, config } of allConfigs()) {
    it(`${name}: true values are right, perturbed ones wrong, blanks unanswered`, async () => {
      const { host, sheet, answers, truth } = await practiceSheet(config);
      const empty = await checkPractice(host, sheet);
      expect(empty.unanswered).toBe(answers.length);
      expect(empty.score).toBe(`0 / ${answers.length}`);

      for (const a of answers) host.setContent(sheet, a, truth.get(a) as number);
      const full = await checkPractice(host, sheet);
      expect(full.verdicts.filter((v) => v.verdict !== 'right')).toEqual([]);
      expect(full.score).toBe(`${answers.length} / ${answers.length}`);

      const last = answers[answers.length - 1];
      // Off by 1 % plus 0.01: beyond both tolerances (1e-3 relative, 1e-4 absolute) at any
      // magnitude, so the verdict does not depend on how large the model's last value is.
      const lastTrue = truth.get(last) as number;
      host.setContent(sheet, last, lastTrue + 0.01 + 0.01 * Math.abs(lastTrue));
      const one = await checkPractice(host, sheet);
      expect(one.verdicts.find((v) => v.address === last)?.verdict).toBe('wrong');
      expect(one.right).toBe(answers.length - 1);
    });
  }

  it('accepts learner formulas (the host reports their calculated value)', async () => {
    const { host, sheet, answers, walkthrough, truth } = await practiceSheet(rnnConfig(), 'one-step');
    const cells = new Map(walkthrough.cells.map((c) => [a1(c.row, c.col), c]));
    const [first, second] = answers;
    host.setContent(sheet, first, cells.get(first)?.formula as string);
    host.setContent(sheet, second, `=${truth.get(second)}*2/2`);
    const r = await checkPractice(host, sheet);
    expect(r.verdicts.slice(0, 2).map((v) => v.verdict)).toEqual(['right', 'right']);
  });

  it('treats text and errors as wrong, an empty string as unanswered', async () => {
    const { host, sheet, answers } = await practiceSheet(rnnConfig(), 'one-step');
    host.setContent(sheet, answers[0], 'tanh of z');
    host.setContent(sheet, answers[1], '=1/0');
    const r = await checkPractice(host, sheet);
    expect(r.verdicts.slice(0, 2).map((v) => v.verdict)).toEqual(['wrong', 'wrong']);
    expect(r.verdicts.slice(2).every((v) => v.verdict === 'unanswered')).toBe(true);
  });

  it('honours an edited input and an edited weight', async () => {
    const config = rnnConfig();
    const { host, sheet, answers, walkthrough, truth } = await practiceSheet(config);
    const input = walkthrough.cells.find((c) => c.role === 'input' && c.meaning?.param);
    const weight = walkthrough.cells.find((c) => c.role === 'recurrentWeight');
    if (!input || !weight) throw new Error('the RNN sheet has no input or recurrent weight cell');
    const edit = {
      [a1(input.row, input.col)]: Number(input.value) + 0.731,
      [a1(weight.row, weight.col)]: Number(weight.value) - 0.377,
    };
    for (const [address, v] of Object.entries(edit)) host.setContent(sheet, address, v);

    for (const a of answers) host.setContent(sheet, a, truth.get(a) as number);
    const stale = await checkPractice(host, sheet);
    expect(stale.wrong).toBeGreaterThan(0);

    const edited = sheetTruth(walkthrough, answers, edit);
    for (const a of answers) host.setContent(sheet, a, edited.get(a) as number);
    const fresh = await checkPractice(host, sheet);
    expect(fresh.score).toBe(`${answers.length} / ${answers.length}`);
  });

  it("judges a later cell against the true value, not against the learner's wrong upstream entry", async () => {
    const { host, sheet, answers, walkthrough, truth } = await practiceSheet(rnnConfig(), 'everything');
    const cells = new Map(walkthrough.cells.map((c) => [a1(c.row, c.col), c]));
    // The first answer wrong; every later one holds the real formula, which reads it.
    host.setContent(sheet, answers[0], (truth.get(answers[0]) as number) + 0.5);
    for (const a of answers.slice(1)) host.setContent(sheet, a, cells.get(a)?.formula as string);
    const r = await checkPractice(host, sheet);
    expect(r.verdicts[0].verdict).toBe('wrong');
    const later = r.verdicts.slice(1);
    expect(later.some((v) => v.verdict === 'wrong')).toBe(true);
    // Those still right are exactly the ones whose sheet value matches the truth.
    for (const v of later) {
      const shown = host.cell(sheet, v.address).value as number;
      expect(v.verdict).toBe(closeEnough(shown, truth.get(v.address) as number) ? 'right' : 'wrong');
    }
  });

  it('refuses to check when a weight cell holds text, naming the cell', async () => {
    const { host, sheet, walkthrough } = await practiceSheet(rnnConfig());
    const w = walkthrough.cells.find((c) => c.role === 'weight' && c.meaning?.param) as {
      row: number;
      col: number;
    };
    host.setContent(sheet, a1(w.row, w.col), 'abc');
    await expect(checkPractice(host, sheet)).rejects.toThrow(ParamCellError);
    await expect(checkPractice(host, sheet)).rejects.toThrow(a1(w.row, w.col));
  });

  it('marks right green and wrong red, and clears the mark of an unanswered cell', async () => {
    const { host, sheet, answers, truth } = await practiceSheet(rnnConfig(), 'one-step');
    const [right, wrong, blank] = answers;
    host.setContent(sheet, right, truth.get(right) as number);
    host.setContent(sheet, wrong, (truth.get(wrong) as number) + 1);
    await host.writeCells(sheet, [{ address: blank, fill: WRONG_FILL }]);
    const r = await checkAndMark(host, sheet);
    expect(r.score).toBe(`1 / ${answers.length}`);
    expect(host.fillOf(sheet, right)).toBe(RIGHT_FILL);
    expect(host.fillOf(sheet, wrong)).toBe(WRONG_FILL);
    expect(host.fillOf(sheet, blank)).toBeUndefined();
  });
});

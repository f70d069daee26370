import { describe, expect, it } from 'vitest';
import { loadPlan } from '../sheets/evaluate';
import { createPracticeSheet } from '../../src/practice/create';
import { describeAction } from '../../src/practice/describe';
import { fillNextStep } from '../../src/practice/fill-next-step';
import { OutsideAnswersError, restrictToAnswers, writeAnswerCells } from '../../src/practice/guard';
import { hintFor } from '../../src/practice/hint';
import { resetPractice } from '../../src/practice/reset';
import { reveal } from '../../src/practice/reveal';
import { checkAndMark } from '../../src/practice/checker';
import type { Difficulty } from '../../src/practice/metadata';
import { a1, parseA1 } from '../../src/sheets/plan';
import { buildPlan } from '../../src/sheets/registry';
import { rnnConfig, sheetTruth } from './fixtures';
import { FormulaHost } from './formula-host';

async function setup(difficulty: Difficulty = 'everything') {
  const config = rnnConfig();
  const host = new FormulaHost();
  const made = await createPracticeSheet(host, config, difficulty, 5);
  const walkthrough = buildPlan(config);
  const formulas = new Map(
    walkthrough.cells.filter((c) => c.formula).map((c) => [a1(c.row, c.col), c.formula as string]),
  );
  const answers = new Set(made.answers);
  const expectOnlyAnswersWritten = () => {
    for (const w of host.writes)
      expect(answers.has(w.address), `${w.address} is not an answer cell`).toBe(true);
  };
  return {
    host,
    sheet: made.sheetName,
    answers: made.answers,
    walkthrough,
    formulas,
    expectOnlyAnswersWritten,
  };
}

describe('the answer-cell guard', () => {
  it('passes answer writes (normalising addresses) and refuses any other', () => {
    const answers = new Set(['C12', 'C13']);
    expect(restrictToAnswers(answers, [{ address: '$c$12', content: 1 }])).toEqual([
      { address: 'C12', content: 1 },
    ]);
    expect(() =>
      restrictToAnswers(answers, [
        { address: 'C12', content: 1 },
        { address: 'B3', content: 2 },
      ]),
    ).toThrow(OutsideAnswersError);
  });

  it('writes nothing at all when one write of a batch is outside', async () => {
    const { host, sheet, answers } = await setup();
    const write = writeAnswerCells(host, { sheet, answerSet: new Set(answers) }, [
      { address: answers[0], content: 1 },
      { address: 'A1', content: 'x' },
    ]);
    await expect(write).rejects.toThrow(/A1/);
    expect(host.writes).toEqual([]);
  });
});

describe('reveal', () => {
  it('fills an empty cell with the real formula at once', async () => {
    const { host, sheet, answers, formulas, expectOnlyAnswersWritten } = await setup();
    const r = await reveal(host, sheet, answers[0]);
    expect(r).toEqual({ status: 'done', kind: 'reveal', written: [answers[0]] });
    expect(host.cell(sheet, answers[0]).formula).toBe(formulas.get(answers[0]));
    expectOnlyAnswersWritten();
  });

  it('asks before replacing an entry, then replaces it when confirmed', async () => {
    const { host, sheet, answers, formulas, expectOnlyAnswersWritten } = await setup();
    host.setContent(sheet, answers[1], 0.5);
    const ask = await reveal(host, sheet, answers[1]);
    expect(ask).toMatchObject({ status: 'needs-confirmation', replaces: [answers[1]] });
    expect(describeAction(ask, 'en')).toBe(
      `Reveal will replace your entries in ${answers[1]} with the real formulas.`,
    );
    expect(describeAction(ask, 'zh')).toContain(answers[1]);
    expect(host.writes).toEqual([]);
    expect(host.cell(sheet, answers[1]).value).toBe(0.5);

    const done = await reveal(host, sheet, answers[1], { confirmed: true });
    expect(done.status).toBe('done');
    expect(host.cell(sheet, answers[1]).formula).toBe(formulas.get(answers[1]));
    expectOnlyAnswersWritten();
  });

  it('reveal all lists every entry it would replace and then makes the sheet match the walkthrough', async () => {
    const { host, sheet, answers, walkthrough, expectOnlyAnswersWritten } = await setup();
    host.setContent(sheet, answers[0], 1);
    host.setContent(sheet, answers[2], '=1+1');
    const ask = await reveal(host, sheet, 'all');
    expect(ask).toMatchObject({
      status: 'needs-confirmation',
      kind: 'reveal-all',
      replaces: [answers[0], answers[2]],
    });
    expect(ask.status === 'needs-confirmation' && ask.writes).toEqual(answers);
    await reveal(host, sheet, 'all', { confirmed: true });
    const truth = sheetTruth(walkthrough, answers);
    for (const a of answers) expect(host.cell(sheet, a).value).toBeCloseTo(truth.get(a) as number, 9);
    expect(await reveal(host, sheet, 'all')).toEqual({ status: 'nothing', kind: 'reveal-all' });
    expectOnlyAnswersWritten();
  });

  it('refuses a cell that is not an answer', async () => {
    const { host, sheet } = await setup('one-gate');
    await expect(reveal(host, sheet, 'A1')).rejects.toThrow(/not an answer cell/);
    expect(host.writes).toEqual([]);
  });
});

describe('fill next step', () => {
  it('fills the earliest step with empty answers, one step per call, keeping entries', async () => {
    const { host, sheet, answers, walkthrough, formulas, expectOnlyAnswersWritten } = await setup();
    const stepOf = new Map(walkthrough.cells.map((c) => [a1(c.row, c.col), c.meaning?.trace?.step]));
    const step0 = answers.filter((a) => stepOf.get(a) === 0);
    const step1 = answers.filter((a) => stepOf.get(a) === 1);
    host.setContent(sheet, step0[0], 42);

    const first = await fillNextStep(host, sheet);
    expect(first).toEqual({ status: 'done', kind: 'fill-next-step', step: 0, written: step0.slice(1) });
    expect(host.cell(sheet, step0[0]).value).toBe(42);
    for (const a of step0.slice(1)) expect(host.cell(sheet, a).formula).toBe(formulas.get(a));
    expect(describeAction(first, 'en')).toMatch(/^Filled the formulas of step t = 1: /);

    const second = await fillNextStep(host, sheet);
    expect(second).toMatchObject({ step: 1, written: step1 });
    let calls = 2;
    while ((await fillNextStep(host, sheet)).status === 'done') calls++;
    expect(calls).toBe(new Set(answers.map((a) => stepOf.get(a))).size);
    expectOnlyAnswersWritten();
  });
});

describe('reset', () => {
  it('asks first, then clears only the answers and their marks', async () => {
    const { host, sheet, answers, walkthrough, expectOnlyAnswersWritten } = await setup('one-step');
    const before = host.save();
    host.setContent(sheet, answers[0], 3);
    host.setContent(sheet, answers[1], '=2*3');
    await checkAndMark(host, sheet);
    const ask = await resetPractice(host, sheet);
    expect(ask).toMatchObject({
      status: 'needs-confirmation',
      kind: 'reset',
      replaces: [answers[0], answers[1]],
    });
    expect(describeAction(ask, 'en')).toContain(
      `Reset will clear your entries in ${answers[0]}, ${answers[1]}`,
    );
    await resetPractice(host, sheet, { confirmed: true });
    for (const a of answers) {
      expect(host.cell(sheet, a)).toEqual({ address: a, value: null, formula: null });
      expect(host.fillOf(sheet, a)).toBeUndefined();
    }
    // Every other cell is as it was built.
    expect(host.save().sheets[0].contents).toEqual(before.sheets[0].contents);
    expect(walkthrough.cells.length).toBeGreaterThan(answers.length);
    expectOnlyAnswersWritten();
  });
});

describe('hint', () => {
  it('gives the equation and exactly the cells the real formula reads, never the formula or the value', async () => {
    const { host, sheet, answers, walkthrough, formulas } = await setup('one-step');
    const hf = loadPlan(walkthrough);
    const truth = sheetTruth(walkthrough, answers);
    for (const address of answers) {
      const hint = await hintFor(host, sheet, address);
      if (!hint) throw new Error(`no hint for ${address}`);
      const cell = walkthrough.cells.find((c) => a1(c.row, c.col) === address);
      expect(hint.equation).toBe(cell?.meaning?.equation);
      expect(hint.tensor).toBe(cell?.meaning?.tensor);
      // Oracle: the formula engine's own dependency graph.
      const precedents = new Set<string>();
      for (const p of hf.getCellPrecedents({ sheet: 0, ...parseA1(address) })) {
        if ('start' in p) {
          for (let r = p.start.row; r <= p.end.row; r++)
            for (let c = p.start.col; c <= p.end.col; c++) precedents.add(a1(r, c));
        } else precedents.add(a1(p.row, p.col));
      }
      expect(new Set(hint.feeds.flatMap((f) => f.cells.map((c) => c.address)))).toEqual(precedents);
      const json = JSON.stringify(hint);
      const formula = formulas.get(address) as string;
      // A copy ("=L26") is only its feed's address; a formula with a function call must not appear.
      if (formula.includes('(')) expect(json).not.toContain(formula.slice(1));
      expect(json).not.toContain(String(truth.get(address)));
    }
    hf.destroy();
    expect(await hintFor(host, sheet, 'A1')).toBeNull();
  });
});

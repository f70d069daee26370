/**
 * Explain and practice on the parallel scan and the encoder–decoder sheet, through the
 * same host the other practice tests use: a level of the scan and the hand-over are
 * explained with their equations and feeding cells, and a one-level practice sheet is
 * checked right once the learner types what the walkthrough's formulas compute.
 */
import { describe, expect, it } from 'vitest';
import { checkPractice } from '../../src/practice/checker';
import { createPracticeSheet } from '../../src/practice/create';
import { explainCell } from '../../src/practice/explain';
import type { ModelConfig } from '../../src/sheets/model-spec';
import { a1 } from '../../src/sheets/plan';
import { buildPlan, specFor } from '../../src/sheets/registry';
import { sheetTruth } from './fixtures';
import { FormulaHost } from './formula-host';

async function explained(config: ModelConfig, trace: string, step: number) {
  const plan = buildPlan(config);
  const host = new FormulaHost();
  const { sheetName } = await host.buildSheet(plan, { mode: 'walkthrough', config });
  const cell = plan.cells.find((c) => c.meaning?.trace?.name === trace && c.meaning.trace.step === step);
  if (!cell) throw new Error(`no ${trace}`);
  return { cell, e: await explainCell(host, { sheet: sheetName, address: a1(cell.row, cell.col) }) };
}

describe('explain and practice on the parallel scan and the encoder–decoder', () => {
  it('explains a combine of the scan, the check cell and the hand-over', async () => {
    const scan = { ...specFor('mamba-scan').defaults, steps: 4 };
    const level = await explained(scan, 'scan_b_l2', 3);
    expect(level.e).toMatchObject({
      kind: 'computed',
      role: 'state',
      equation: level.cell.meaning?.equation,
    });
    expect(level.e?.equation).toMatch(/b\^\{\(2\)\}_t = a\^\{\(1\)\}_t/);
    expect(level.e?.feeds.length).toBe(3);
    const check = await explained(scan, 'scan_check', 0);
    expect(check.e?.kind).toBe('computed');
    expect(check.e?.equation).toMatch(/\\max/);
    const hand = await explained(specFor('lstm-seq2seq').defaults, 'handover_c', 0);
    expect(hand.e).toMatchObject({ kind: 'computed', role: 'state' });
    expect(hand.e?.feeds.length).toBe(1);
  });

  it('a one-level practice sheet is right when every blank holds what the walkthrough computes', async () => {
    const config = { ...specFor('mamba-scan').defaults, steps: 5 };
    const host = new FormulaHost();
    const { sheetName, answers } = await createPracticeSheet(host, config, 'one-level', 3);
    expect(answers.length).toBeGreaterThan(0);
    const truth = sheetTruth(buildPlan(config), answers);
    expect((await checkPractice(host, sheetName)).unanswered).toBe(answers.length);
    for (const a of answers) host.setContent(sheetName, a, truth.get(a) as number);
    expect((await checkPractice(host, sheetName)).right).toBe(answers.length);
  });

  it('practice on the encoder–decoder: one decoder step filled in is checked right', async () => {
    const config = specFor('lstm-seq2seq').defaults;
    const host = new FormulaHost();
    const { sheetName, answers } = await createPracticeSheet(host, config, 'one-step', 2);
    const truth = sheetTruth(buildPlan(config), answers);
    for (const a of answers) host.setContent(sheetName, a, truth.get(a) as number);
    expect((await checkPractice(host, sheetName)).right).toBe(answers.length);
  });
});

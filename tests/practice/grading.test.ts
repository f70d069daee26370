import { describe, expect, it } from 'vitest';
import { checkPractice } from '../../src/practice/checker';
import { createPracticeSheet } from '../../src/practice/create';
import { decimalsIn, displayRound, formatDecimals, isRight } from '../../src/practice/grading';
import type { CellContent } from '../../src/host/host';
import { buildPlan, specFor } from '../../src/sheets/registry';
import { sheetTruth } from './fixtures';
import { FormulaHost } from './formula-host';

const typed = (value: number | string): CellContent => ({ address: 'A1', value, formula: null });

describe('the rule: the value as the cell shows it, or closer', () => {
  it('reads the decimals a number format shows', () => {
    expect(formatDecimals('0.000')).toBe(3);
    expect(formatDecimals('0')).toBe(0);
    expect(formatDecimals('#,##0.00')).toBe(2);
    expect(formatDecimals('General')).toBeNull();
    expect(formatDecimals('0.00E+00')).toBeNull();
    expect(formatDecimals(undefined)).toBeNull();
  });

  it('rounds half away from zero as Excel displays, and counts typed decimals', () => {
    expect(displayRound(0.03074, 3)).toBe(0.031);
    expect(displayRound(-0.0305, 3)).toBe(-0.031);
    expect(displayRound(1.0005, 3)).toBe(1.001);
    expect(decimalsIn('0.031')).toBe(3);
    expect(decimalsIn('1e-7')).toBe(7);
    expect(decimalsIn('1.5e-3')).toBe(4);
    expect(decimalsIn('12')).toBe(0);
  });

  it('f₄ = 0.03074 typed as 0.031 (what the sheet shows) is right; 0.030 and 0.032 are not', () => {
    expect(isRight(typed(0.031), 0.03074, 3)).toBe(true);
    expect(isRight(typed(0.017), 0.01677, 3)).toBe(true);
    expect(isRight(typed(0.03), 0.03074, 3)).toBe(false);
    expect(isRight(typed(0.032), 0.03074, 3)).toBe(false);
  });

  it('an entry with more decimals is right when closer than the display, or within the tight check', () => {
    expect(isRight(typed(0.0307), 0.03074, 3)).toBe(true); // closer than 0.031
    expect(isRight(typed(0.03073), 0.03074, 3)).toBe(true);
    // The display rounding sits 1e-7 from the truth; a careful 5-decimal answer still passes.
    expect(isRight(typed(0.03102), 0.0310001, 3)).toBe(true);
    // Further than the display and beyond 1e-4 / 1e-3 relative: wrong.
    expect(isRight(typed(0.0312), 0.03074, 3)).toBe(false);
    // A formula is full precision: the tight check applies.
    expect(isRight({ address: 'A1', value: 0.030745, formula: '=0.030745' }, 0.03074, 3)).toBe(true);
    expect(isRight({ address: 'A1', value: 0.0312, formula: '=0.0312' }, 0.03074, 3)).toBe(false);
  });

  it('numeric text counts as its number; other text and errors are wrong', () => {
    expect(isRight(typed('0.031'), 0.03074, 3)).toBe(true);
    expect(isRight(typed('abc'), 0.03074, 3)).toBe(false);
    expect(isRight(typed('#VALUE!'), 0.03074, 3)).toBe(false);
  });
});

describe('the hand-style LSTM practice sheet (one gate, seed 1)', () => {
  it('typing the walkthrough’s displayed values scores full marks, and the pane rule is 3 decimals', async () => {
    // Hand-style integers: the numbers below are theirs (the default is PyTorch-style decimals).
    const config = { ...specFor('lstm').defaults, init: 'hand' as const };
    const host = new FormulaHost();
    const made = await createPracticeSheet(host, config, 'one-gate', 1);
    const truth = sheetTruth(buildPlan(config), made.answers);
    // The numbers the learner saw: f₄ at Y33:Y34, true 0.0307… and 0.0168…, shown 0.031 and 0.017.
    expect(made.answers).toEqual(['Y33', 'Y34']);
    expect(made.answers.map((a) => (truth.get(a) as number).toFixed(3))).toEqual(['0.031', '0.017']);
    host.setContent(made.sheetName, 'Y33', 0.031);
    host.setContent(made.sheetName, 'Y34', 0.017);
    expect((await checkPractice(host, made.sheetName)).score).toBe('2 / 2');
    for (const a of made.answers) host.setContent(made.sheetName, a, displayRound(truth.get(a) as number, 3));
    const result = await checkPractice(host, made.sheetName);
    expect(result.decimals).toBe(3);
    expect(result.score).toBe(`${made.answers.length} / ${made.answers.length}`);
    // One step off in the last shown decimal is wrong.
    const first = made.answers[0];
    host.setContent(made.sheetName, first, displayRound(truth.get(first) as number, 3) + 0.001);
    expect((await checkPractice(host, made.sheetName)).verdicts[0].verdict).toBe('wrong');
  });
});

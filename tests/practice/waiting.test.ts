/**
 * Downstream of a blank: in a formula engine, every formula that depends on an empty blank
 * shows the waiting text (never a number computed from an empty cell, never an error), and
 * once the blanks hold numbers every formula equals the walkthrough's own formula computed
 * with those numbers in the answer cells.
 */
import { describe, expect, it } from 'vitest';
import { difficultiesFor, makePracticePlan } from '../../src/practice/practice-plan';
import { displayRound } from '../../src/practice/grading';
import { waitingText, waitingCells } from '../../src/practice/waiting';
import { a1, parseA1, type SheetPlan } from '../../src/sheets/plan';
import { buildPlan, specFor } from '../../src/sheets/registry';
import { loadPlan } from '../sheets/evaluate';
import { allConfigs } from './fixtures';

const formulaAddresses = (plan: SheetPlan) =>
  plan.cells.filter((c) => c.formula !== undefined).map((c) => a1(c.row, c.col));

/** Every formula cell's value in `plan`, after writing `entries` into it. */
function valuesOf(plan: SheetPlan, entries: ReadonlyMap<string, number>): Map<string, unknown> {
  const hf = loadPlan(plan);
  try {
    for (const [address, v] of entries) hf.setCellContents({ sheet: 0, ...parseA1(address) }, v);
    return new Map(
      formulaAddresses(plan).map((a) => [a, hf.getCellValue({ sheet: 0, ...parseA1(a) })] as const),
    );
  } finally {
    hf.destroy();
  }
}

/** The same number (to 1e-9), or the same words (a verdict). */
function expectSame(got: unknown, want: unknown, address: string): void {
  if (typeof want === 'string') {
    expect(got, address).toBe(want);
    return;
  }
  expect(typeof got, address).toBe('number');
  expect(Math.abs((got as number) - (want as number)), address).toBeLessThanOrEqual(
    1e-9 * (1 + Math.abs(want as number)),
  );
}

describe('formulas downstream of a blank wait for it', () => {
  for (const { name, config } of allConfigs()) {
    for (const difficulty of difficultiesFor(specFor(config.model), config)) {
      it(`${name}, ${difficulty}: waiting while blank, the walkthrough's values once filled`, () => {
        const walkthrough = buildPlan(config);
        const practice = makePracticePlan(walkthrough, difficulty, 5);
        const blanks = new Set(practice.answers);
        const waiting = waitingCells(walkthrough.cells, blanks);
        // The walkthrough's own values: numbers, and the words of a "what to try" verdict.
        const truth = valuesOf(walkthrough, new Map());

        const empty = valuesOf(practice.plan, new Map());
        for (const [address, v] of empty) {
          if (waiting.has(address)) expect(v, address).toBe(waitingText(walkthrough.language));
          else expectSame(v, truth.get(address), address);
        }

        // The learner types what the walkthrough shows (3 decimals): every formula must then
        // equal the walkthrough computed with those entries in place of the true formulas.
        const typed = new Map(practice.answers.map((a) => [a, displayRound(truth.get(a) as number, 3)]));
        const expected = valuesOf(walkthrough, typed);
        const filled = valuesOf(practice.plan, typed);
        for (const [address, v] of filled) {
          if (blanks.has(address)) continue;
          expectSame(v, expected.get(address), address);
        }
      });
    }
  }

  it('LSTM one gate: c₄ waits while f₄ is blank, then computes from the learner’s 0.031 and 0.017', () => {
    const walkthrough = buildPlan(specFor('lstm').defaults);
    const practice = makePracticePlan(walkthrough, 'one-gate', 1);
    // f₄, wherever the layout puts it (the forget gate at the fourth step, both units).
    const [y1, y2] = walkthrough.cells
      .filter((c) => c.meaning?.trace?.name === 'f' && c.meaning.trace.step === 3)
      .map((c) => a1(c.row, c.col));
    expect(practice.answers).toEqual([y1, y2]);
    const waiting = [...waitingCells(walkthrough.cells, new Set(practice.answers))];
    expect(waiting.length).toBeGreaterThan(0);
    const empty = valuesOf(practice.plan, new Map());
    expect(waiting.every((a) => empty.get(a) === 'waiting')).toBe(true);
    const typed = new Map([
      [y1, 0.031],
      [y2, 0.017],
    ]);
    const filled = valuesOf(practice.plan, typed);
    const expected = valuesOf(walkthrough, typed);
    for (const a of waiting) expectSame(filled.get(a), expected.get(a), a);
  });
});

import { describe, expect, it } from 'vitest';
import type { Difficulty } from '../../src/practice/metadata';
import { answerDigest } from '../../src/practice/answer-digest';
import { answersInSheetOrder, difficultiesFor, makePracticePlan } from '../../src/practice/practice-plan';
import { waitingCells } from '../../src/practice/waiting';
import { a1, type PlanCell, type SheetPlan } from '../../src/sheets/plan';
import { availableModels, buildPlan, specFor } from '../../src/sheets/registry';
import { allConfigs, sheetTruth } from './fixtures';

const givens = new Set(['copy', 'input', 'weight', 'recurrentWeight', 'bias']);
const at = (c: PlanCell) => a1(c.row, c.col);
const blankable = (plan: SheetPlan) =>
  plan.cells.filter((c) => c.formula !== undefined && !givens.has(c.role));
const gatesOf = (plan: SheetPlan) =>
  blankable(plan).filter((c) => c.role === 'gate' || c.role === 'activation');

/** What each difficulty must blank, stated from the plan's roles and trace tags alone. */
function expectRightBlanks(plan: SheetPlan, difficulty: Difficulty, answers: readonly string[]): void {
  const byAddress = new Map(plan.cells.map((c) => [at(c), c]));
  const chosen = answers.map((a) => byAddress.get(a) as PlanCell);
  const all = blankable(plan);
  const gates = gatesOf(plan);
  const stepOf = (c: PlanCell) => c.meaning?.trace?.step;
  switch (difficulty) {
    case 'everything':
      expect(answers).toEqual(all.map(at));
      break;
    case 'all-gates':
      if (gates.length > 0) expect(answers).toEqual(gates.map(at));
      else expect(chosen.every((c) => c.role !== 'state' && c.role !== 'output')).toBe(true);
      break;
    case 'one-step': {
      const step = stepOf(chosen[0]);
      expect(answers).toEqual(all.filter((c) => stepOf(c) === step).map(at));
      break;
    }
    case 'one-level': {
      // A parallel scan's level k: every computed (non-copy) cell of scan_a_l{k} and scan_b_l{k}.
      const level = /_l(\d+)$/.exec(chosen[0].meaning?.trace?.name ?? '')?.[1];
      expect(level).toBeDefined();
      const inLevel = (c: PlanCell) => new RegExp(`^scan_[ab]_l${level}$`).test(c.meaning?.trace?.name ?? '');
      expect(answers).toEqual(all.filter(inLevel).map(at));
      break;
    }
    case 'one-gradient': {
      // One derivative tensor at one step: every cell of that trace name and step, nothing else.
      const derivatives = specFor(plan.model).derivatives?.gradients ?? [];
      const name = chosen[0].meaning?.trace?.name ?? '';
      expect(derivatives).toContain(name);
      const step = stepOf(chosen[0]);
      expect(answers).toEqual(
        all.filter((c) => c.meaning?.trace?.name === name && stepOf(c) === step).map(at),
      );
      break;
    }
    case 'one-backward-step': {
      const band = new Set(specFor(plan.model).derivatives?.backwardStep ?? []);
      const inBand = (c: PlanCell) => band.has(c.meaning?.trace?.name ?? '');
      const step = stepOf(chosen[0]);
      expect(chosen.every(inBand)).toBe(true);
      expect(answers).toEqual(all.filter((c) => inBand(c) && stepOf(c) === step).map(at));
      break;
    }
    case 'one-gate': {
      const name = chosen[0].meaning?.trace?.name;
      const step = stepOf(chosen[0]);
      const pool = gates.length > 0 ? gates : all;
      expect(answers).toEqual(
        pool.filter((c) => c.meaning?.trace?.name === name && stepOf(c) === step).map(at),
      );
      break;
    }
  }
}

describe('practice plans', () => {
  it('has registered models to practise', () => {
    expect(availableModels().length).toBeGreaterThan(0);
  });

  for (const { name, config } of allConfigs()) {
    for (const difficulty of difficultiesFor(specFor(config.model), config)) {
      it(`${name}, ${difficulty}: blanks exactly the chosen cells and leaks no answer`, () => {
        const plan = buildPlan(config);
        const practice = makePracticePlan(plan, difficulty, 7);
        expect(practice.answers.length).toBeGreaterThan(0);
        expectRightBlanks(plan, difficulty, practice.answers);

        const answerSet = new Set(practice.answers);
        const waiting = waitingCells(plan.cells, answerSet);
        const made = new Map(practice.plan.cells.map((c) => [at(c), c]));
        // The walkthrough's cells, plus the legend's swatch and caption for the answers.
        const added = practice.plan.cells.filter((c) => !plan.cells.some((o) => at(o) === at(c)));
        expect(added.map((c) => c.role)).toEqual(['answer', 'note']);
        expect(added[1].value).toBe('your answers (blanks to fill)');
        plan.cells.forEach((original) => {
          const cell = made.get(at(original)) as PlanCell;
          if (waiting.has(at(cell))) {
            // A dependent of a blank keeps its own formula inside the waiting guard.
            expect(cell.formula).toMatch(/^=IF\(COUNT\([A-Z0-9:,]+\)<\d+,"waiting",/);
            expect(cell.formula?.endsWith(`,${(original.formula as string).slice(1)})`)).toBe(true);
            expect({ ...cell, formula: original.formula }).toEqual(original);
            return;
          }
          if (!answerSet.has(at(cell))) {
            // Inputs, weights and every other formula stay exactly as in the walkthrough.
            expect(cell).toEqual(original);
            return;
          }
          expect(cell.role).toBe('answer');
          expect(cell.formula).toBeUndefined();
          expect(cell.value).toBeUndefined();
          expect(cell.meaning?.trace).toEqual(original.meaning?.trace);
        });

        const meta = practice.metadata;
        expect(Object.keys(meta).sort()).toEqual(['answerDigest', 'config', 'difficulty', 'mode', 'seed']);
        expect(meta).toMatchObject({ mode: 'practice', difficulty, seed: 7 });
        // The marker names no answer cell; they follow from config, difficulty and seed.
        expect(answersInSheetOrder(plan, difficulty, 7)).toEqual(practice.answers);
        expect(meta.answerDigest).toBe(answerDigest(practice.answers));
        expect(meta.config).toEqual(plan.config);
        const json = JSON.stringify(meta);
        const formulas = plan.cells.filter((c) => answerSet.has(at(c))).map((c) => c.formula as string);
        // A copy formula ("=N37") is only an address; anything with a function call is an answer.
        for (const f of formulas.filter((x) => x.includes('('))) expect(json).not.toContain(f.slice(1));
        expect(json).not.toContain('=');
        // No true value of an answer appears (integers could coincide with sizes, so only fractions count).
        const truth = sheetTruth(plan, practice.answers);
        for (const v of truth.values()) if (!Number.isInteger(v)) expect(json).not.toContain(String(v));
      });
    }
  }

  it('is deterministic in the seed, and different seeds pick different gates', () => {
    const plan = buildPlan(allConfigs()[0].config);
    const picks = new Set<string>();
    for (let seed = 1; seed <= 12; seed++) {
      const a = makePracticePlan(plan, 'one-gate', seed).answers;
      expect(makePracticePlan(plan, 'one-gate', seed).answers).toEqual(a);
      picks.add(a.join());
    }
    expect(picks.size).toBeGreaterThan(1);
  });

  it('names the sheet as a practice sheet in its language', () => {
    const spec = availableModels()[0];
    expect(
      makePracticePlan(buildPlan({ ...spec.defaults, language: 'en' }), 'everything').plan.baseName,
    ).toMatch(/practice$/);
    expect(
      makePracticePlan(buildPlan({ ...spec.defaults, language: 'zh' }), 'everything').plan.baseName,
    ).toMatch(/练习$/);
  });
});

/**
 * The training sheets teach too: a plain line above each of their four parts, in both
 * languages, and a "What to try" box on the learning rate that does what it says. The box
 * test loads the default sheet into a formula engine (HyperFormula), checks the edit line
 * names the η cell, makes the two stated edits and proves the stated effect on the
 * engine's own losses (η = 0.5 lowers the loss further than the default, η = 2 ends above
 * the starting loss); the live verdict must follow, and every formula, the verdict
 * included, must still equal the core recomputed from the edited cells.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { HyperFormula } from 'hyperformula';
import { otherLanguage, t } from '../../src/i18n';
import { lstmBpttSpec, rnnBpttSpec } from '../../src/sheets/bptt-sheet';
import type { ModelSpec } from '../../src/sheets/model-spec';
import { a1, type PlanCell } from '../../src/sheets/plan';
import { readable } from '../../src/sheets/notation';
import { compareWithCore, loadPlan } from './evaluate';
import { tensorAt } from './sheet-checks';

const open: HyperFormula[] = [];
afterEach(() => open.splice(0).forEach((hf) => hf.destroy()));

const SPECS = [
  ['rnn-bptt', rnnBpttSpec, 'rnn'],
  ['lstm-bptt', lstmBpttSpec, 'lstm'],
] as const;

describe.each(SPECS)('%s: the learning-rate box', (_id, spec) => {
  for (const language of ['en', 'zh'] as const)
    it(`${language}: η = 0.5 helps more, η = 2 overshoots, and the verdict says so`, () => {
      const plan = spec.build({ ...spec.defaults, language });
      const hf = loadPlan(plan);
      open.push(hf);
      const verdict = plan.cells.find((c) => c.meaning?.verdict) as PlanCell;
      const says = () => hf.getCellValue({ sheet: 0, row: verdict.row, col: verdict.col });
      const editLine = plan.cells.find(
        (c) => c.role === 'teach' && String(c.value).startsWith(t(language, 'sheets.try.edit', { edit: '' })),
      );
      const named = /[(（]([A-Z]+\d+)[)）]/.exec(String(editLine?.value))?.[1];
      const eta = plan.cells.find((c) => a1(c.row, c.col) === named) as PlanCell;
      expect(eta?.meaning?.param?.name).toBe('eta');
      const value = (name: string) => tensorAt(hf, plan, name, 0).get(0) as number;
      const loss = value('loss');
      const helped = readable(t(language, 'sheets.training.try.helped'));
      const overshot = readable(t(language, 'sheets.training.try.overshot'));

      const atDefault = value('loss_new');
      expect(atDefault).toBeLessThan(loss);
      expect(says()).toBe(helped);

      hf.setCellContents({ sheet: 0, row: eta.row, col: eta.col }, 0.5);
      expect(value('loss_new')).toBeLessThan(atDefault);
      expect(value('loss_change')).toBeCloseTo(value('loss_new') - loss, 12);
      expect(says()).toBe(helped);
      expect(compareWithCore(hf, plan, spec as ModelSpec).failures.slice(0, 3)).toEqual([]);

      hf.setCellContents({ sheet: 0, row: eta.row, col: eta.col }, 2);
      expect(value('loss_new')).toBeGreaterThan(loss);
      expect(says()).toBe(overshot);
      expect(compareWithCore(hf, plan, spec as ModelSpec).failures.slice(0, 3)).toEqual([]);
    });
});

describe.each(SPECS)('%s: a plain line above each part', (_id, spec, kind) => {
  const parts = [`${kind}Forward`, `${kind}Backward`, 'gradients', 'sgd'] as const;
  for (const language of ['en', 'zh'] as const)
    for (const variant of spec.variants.map((v) => v.id))
      it(`${language}, ${variant}: forward, backward, gradients and the step, each above its equation`, () => {
        const plan = spec.build({ ...spec.defaults, language, variant });
        const at = new Map(plan.cells.map((c) => [`${c.row}:${c.col}`, c]));
        for (const part of parts) {
          const key = `sheets.training.roles.${part}` as const;
          const text = readable(t(language, key));
          const lines = plan.cells.filter((c) => c.role === 'teach' && c.value === text);
          expect(lines, key).toHaveLength(1);
          // The part's own equation is on the next line.
          expect(at.get(`${lines[0].row + 1}:0`)?.role, key).toBe('equation');
          expect(t(otherLanguage(language), key)).not.toBe(t(language, key));
        }
      });
});

describe.each(SPECS)('%s: a tight top', (_id, spec, kind) => {
  for (const language of ['en', 'zh'] as const)
    for (const variant of spec.variants.map((v) => v.id))
      it(`${language}, ${variant}: never two blank rows above the forward part, the swatch row kept free`, () => {
        const plan = spec.build({ ...spec.defaults, language, variant });
        const forward = readable(t(language, `sheets.training.roles.${kind}Forward`));
        const start = plan.cells.find((c) => c.value === forward)!.row;
        const filled = new Set(plan.cells.filter((c) => c.row < start).map((c) => c.row));
        for (let row = 1; row + 1 < start; row++)
          expect(
            filled.has(row) || filled.has(row + 1),
            `rows ${row + 1} and ${row + 2} are both blank`,
          ).toBe(true);
        // The legend lists only colours the sheet uses: every swatch's role has cells.
        const used = new Set(plan.cells.filter((c) => c.row >= start).map((c) => c.role));
        const heading = plan.cells.find((c) => c.role === 'header' && c.row < start)!;
        const swatches = plan.cells.filter(
          (c) => c.col === heading.col && c.row > heading.row && c.value === '',
        );
        for (const s of swatches) expect(used.has(s.role), s.role).toBe(true);
      });
});

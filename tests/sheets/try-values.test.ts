/**
 * Every "What to try" box that edits weights asks for values that do what it says, on
 * every sheet the pane allows, not only the default one: both weight styles (small
 * integers reach pre-activations beyond ±5), several seeds, the smallest and the largest
 * sizes, every variant. The test reads the values off the edit line as a learner would
 * ("set b_if[1] (F35) to +10, then to −5"), types each into the cells the line names,
 * and checks that the formula engine's live verdict states the matching case: the first
 * value brings about the verdict's first case, the second its second.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { HyperFormula } from 'hyperformula';
import { t } from '../../src/i18n';
import { readable } from '../../src/sheets/notation';
import type { ModelSpec, Settings } from '../../src/sheets/model-spec';
import type { SheetPlan } from '../../src/sheets/plan';
import { availableModels } from '../../src/sheets/registry';
import { loadPlan } from './evaluate';
import { tryBoxCells } from './try-checks';

const open: HyperFormula[] = [];
afterEach(() => open.splice(0).forEach((hf) => hf.destroy()));

/*
 * Every model has a box, and every box's edit is a value typed into a cell: a weight; for
 * the mLSTM, ĩ typed over its formula; for the training sheets, the learning rate.
 */

function sizeCorners(spec: ModelSpec): Record<string, number>[] {
  const pick = (which: 'min' | 'max') =>
    Object.fromEntries(Object.entries(spec.limits).map(([f, l]) => [f, l![which]]));
  // The smallest sheet with a box: a running product needs two steps.
  return [{}, pick('max'), { ...pick('min'), steps: 2 }];
}

/**
 * Seeds per size corner (default, largest, smallest); the largest sheets are slow to load
 * into the engine. Seeds 6 (default) and 7 (largest) are ones where small-integer weights
 * need more than the usual value on the mLSTM; forty seeds at the default size and four at
 * the others passed when this was written.
 */
const SEEDS = [
  [1, 3, 6, 7, -11],
  [7, -11],
  [1, 3, 7, -11],
];

function settingsFor(spec: ModelSpec): Settings[] {
  const out: Settings[] = [];
  const variants = spec.variants.length > 0 ? spec.variants.map((v) => v.id) : [undefined];
  for (const variant of variants)
    for (const init of ['hand', 'torch'] as const)
      for (const [corner, sizes] of sizeCorners(spec).entries())
        for (const seed of SEEDS[corner]) {
          const s = { ...spec.defaults, variant, init, seed, ...sizes } as Settings;
          if (spec.validate(s).length === 0) out.push(s);
        }
  return out;
}

function verdictAfterEach(
  plan: SheetPlan,
  settings: Settings,
): { asked: readonly number[]; says: string[]; wanted: string[] } {
  const hf = loadPlan(plan);
  open.push(hf);
  const { verdict, named, asked } = tryBoxCells(plan, settings.language);
  const cases = verdict.meaning!.verdict!.cases;
  const says: string[] = [];
  for (const value of asked) {
    for (const c of named) hf.setCellContents({ sheet: 0, row: c.row, col: c.col }, value);
    says.push(String(hf.getCellValue({ sheet: 0, row: verdict.row, col: verdict.col })));
  }
  return {
    asked,
    says,
    wanted: asked.map((_, k) =>
      readable(k < cases.length ? cases[k].text : verdict.meaning!.verdict!.otherwise),
    ),
  };
}

/**
 * Where no bias silences a ReLU unit (integer weights grow h without bound), the watch line
 * must say so instead of promising a dead unit, and the sheet must indeed hold huge values.
 */
function saysItGrows(plan: SheetPlan, settings: Settings, asked: number): boolean {
  const lang = settings.language;
  const value = asked < 0 ? `−${-asked}` : `+${asked}`;
  const line = readable(
    t(lang, 'sheets.try.watch', { watch: t(lang, 'sheets.rnn.try.watchGrows', { value }) }),
  );
  if (!plan.cells.some((c) => c.value === line)) return false;
  const hf = loadPlan(plan);
  open.push(hf);
  const values = plan.cells
    .filter((c) => c.formula !== undefined && c.meaning?.trace)
    .map((c) => Math.abs(Number(hf.getCellValue({ sheet: 0, row: c.row, col: c.col }))) || 0);
  return Math.max(...values) > 1e6;
}

describe.each(availableModels().map((s) => [s.id, s] as const))(
  '%s: the edit the box asks for does what it says',
  (_id, spec) => {
    it('on every variant, both weight styles, several seeds, the default, largest and smallest sizes', () => {
      const failures: string[] = [];
      let boxes = 0;
      for (const settings of settingsFor(spec)) {
        const plan = spec.build(settings);
        if (!plan.cells.some((c) => c.meaning?.verdict)) continue;
        boxes++;
        const { asked, says, wanted } = verdictAfterEach(plan, settings);
        expect(asked.length, 'values on the edit line').toBeGreaterThan(0);
        if (says.join('|') !== wanted.join('|') && !saysItGrows(plan, settings, asked[0]))
          failures.push(
            `${JSON.stringify({ ...settings, model: undefined })} asked ${asked}: ${says.join(' / ')}`,
          );
      }
      expect(boxes).toBeGreaterThan(0);
      expect(failures).toEqual([]);
    });
  },
);

describe('the edit line in Chinese asks for the same values', () => {
  it.each(['lstm', 'mamba-scan', 'slstm', 'mlstm'])('%s', (id) => {
    const spec = availableModels().find((s) => s.id === id)!;
    const en = { ...spec.defaults, init: 'hand', seed: 7 } as Settings;
    const zh = { ...en, language: 'zh' } as Settings;
    expect(verdictAfterEach(spec.build(zh), zh).asked).toEqual(verdictAfterEach(spec.build(en), en).asked);
  });
});

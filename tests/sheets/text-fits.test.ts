/**
 * No words on a sheet are cut: every left-aligned line of text (a label, a role line, an
 * equation kept above its weights, a note) that runs into another cell of its row fits in
 * its own cell and the free cells before that one, and a merged line (the title) fits its
 * merge. Measured on the finished plan with the
 * kit's safe estimate of text width, scaled to the text's font size; every model and
 * variant, both languages and both init styles, at the defaults, then with each size at
 * its minimum and with every size at its minimum (the narrowest weights and the fewest
 * time blocks leave the least room: a one-step grid once kept the legend over a long
 * variant label, and H = 1 once cut the decoder's stack line).
 */
import { describe, expect, it } from 'vitest';
import { otherLanguage } from '../../src/i18n';
import { MODELS } from '../../src/sheets/registry';
import type { ModelSpec, Settings } from '../../src/sheets/model-spec';
import { a1, type PlanCell, type SheetPlan } from '../../src/sheets/plan';
import { styleFor, textWidthUnits } from '../../src/sheets/style';
import { configName, smallConfigs } from './small-configs';

const SPECS = Object.values(MODELS) as ModelSpec[];
const DEFAULT_WIDTH = 8.43;
/** The palette's body size: textWidthUnits measures text of this size. */
const BODY_SIZE = 11;

function cutTexts(plan: SheetPlan): string[] {
  const taken = new Set(plan.cells.map((c) => `${c.row}:${c.col}`));
  const width = new Map(plan.columnWidths.map((w) => [w.col, w.width]));
  const inMerge = (row: number, col: number) =>
    plan.merges.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  const cut: string[] = [];
  const check = (c: PlanCell) => {
    const style = styleFor(c.role);
    if (typeof c.value !== 'string' || c.formula !== undefined || style.hAlign !== 'left') return;
    const merge = plan.merges.find((m) => m.top === c.row && m.left === c.col && m.bottom === c.row);
    if (merge) {
      // A merged line (the title) shows only within its merge, at its own font size, bold wider.
      let inside = 0;
      for (let k = merge.left; k <= merge.right; k++) inside += width.get(k) ?? DEFAULT_WIDTH;
      const wide = (textWidthUnits(c.value) * style.fontSize * (style.bold ? 1.1 : 1)) / BODY_SIZE;
      if (wide > inside)
        cut.push(
          `${a1(c.row, c.col)} “${c.value}” needs ${wide.toFixed(0)}, its merge has ${inside.toFixed(0)}`,
        );
      return;
    }
    if (inMerge(c.row, c.col)) return;
    let room = width.get(c.col) ?? DEFAULT_WIDTH;
    let k = c.col + 1;
    for (; k < plan.colCount && !taken.has(`${c.row}:${k}`) && !inMerge(c.row, k); k++)
      room += width.get(k) ?? DEFAULT_WIDTH;
    if (k >= plan.colCount) return; // runs off the sheet's last column: nothing cuts it
    const need = (textWidthUnits(c.value) * style.fontSize) / BODY_SIZE;
    if (need > room)
      cut.push(`${a1(c.row, c.col)} “${c.value}” needs ${need.toFixed(0)}, has ${room.toFixed(0)}`);
  };
  plan.cells.forEach(check);
  return cut;
}

describe.each(SPECS.map((s) => [s.id, s] as const))('%s: no text is cut', (_id, spec) => {
  it.each(smallConfigs(spec).map((c) => [configName(c), c] as const))('%s', (_name, config) => {
    expect(cutTexts(spec.build(config))).toEqual([]);
  });
});

/** Each config in both languages with one size at its minimum, then with every size at its minimum. */
function smallestConfigs(spec: ModelSpec): Settings[] {
  const limits = Object.entries(spec.limits);
  const smallest = Object.fromEntries(limits.map(([field, limit]) => [field, limit.min]));
  const out: Settings[] = [];
  for (const c of smallConfigs(spec).flatMap((c) => [c, { ...c, language: otherLanguage(c.language) }])) {
    for (const [field, limit] of limits) out.push({ ...c, [field]: limit.min } as Settings);
    out.push({ ...c, ...smallest } as Settings);
  }
  return out.filter((c) => spec.validate(c).length === 0);
}

describe.each(SPECS.map((s) => [s.id, s] as const))(
  '%s: no text is cut at the smallest sizes',
  (_id, spec) => {
    it('with each size at its minimum, and with all of them', () => {
      for (const config of smallestConfigs(spec))
        expect(cutTexts(spec.build(config)), `${configName(config)} ${JSON.stringify(config)}`).toEqual([]);
    });
  },
);

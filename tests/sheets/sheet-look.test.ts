/**
 * What a rendered sheet must look like, checked on the plans of every registered model
 * (defaults, every variant, Chinese, stacked and bidirectional where offered): one
 * readable notation in plain cells, a legend of exactly the colours in use, columns wide
 * enough for their numbers and operators, headings that cannot be cut off, the variant's
 * label in the summary, and copies that look like copies.
 */
import { describe, expect, it } from 'vitest';
import type { Settings, ModelSpec } from '../../src/sheets/model-spec';
import { a1, parseA1, type PlanCell, type SheetPlan } from '../../src/sheets/plan';
import { availableModels } from '../../src/sheets/registry';
import { styleFor } from '../../src/sheets/style';

/** Roles drawn as a coloured (or deliberately plain) number cell: the ones a legend explains. */
const COLOURED = new Set([
  'input',
  'weight',
  'recurrentWeight',
  'bias',
  'state',
  'gate',
  'activation',
  'computed',
  'copy',
  'output',
]);
const GIVEN = new Set(['input', 'weight', 'recurrentWeight', 'bias']);
/** Narrowest column three-decimal numbers like −12.345 fit in. */
const NUMBER_WIDTH = 7;
/** Excel's and LibreOffice's width for a column the plan does not size. */
const DEFAULT_WIDTH = 8.43;

function configsFor(spec: ModelSpec): Settings[] {
  const d = spec.defaults;
  const out: Settings[] = [d, { ...d, language: 'zh' }];
  for (const v of spec.variants) out.push({ ...d, variant: v.id }, { ...d, variant: v.id, language: 'zh' });
  if (spec.limits.numLayers) out.push({ ...d, numLayers: 2 });
  return out.filter((c) => spec.validate(c).length === 0);
}

const cases = availableModels().flatMap((spec) =>
  configsFor(spec).map((config) => ({
    spec,
    config,
    name: `${spec.id} ${config.variant ?? ''} ${config.language}${config.numLayers && config.numLayers > 1 ? ` ${config.numLayers} layers` : ''}`,
  })),
);

function widthOf(plan: SheetPlan, col: number): number {
  return plan.columnWidths.find((w) => w.col === col)?.width ?? DEFAULT_WIDTH;
}

function textCells(plan: SheetPlan): (PlanCell & { value: string })[] {
  return plan.cells.filter(
    (c): c is PlanCell & { value: string } => typeof c.value === 'string' && c.value !== '',
  );
}

function legendRoles(plan: SheetPlan): string[] {
  const head = plan.cells.find((c) => c.value === 'Legend' || c.value === '图例');
  expect(head, 'the sheet has a legend').toBeDefined();
  const roles: string[] = [];
  for (let row = head!.row + 1; ; row++) {
    const swatch = plan.cells.find((c) => c.row === row && c.col === head!.col);
    if (!swatch || swatch.value !== '') break;
    roles.push(swatch.role);
  }
  return roles;
}

describe.each(cases)('$name', ({ spec, config }) => {
  const plan = spec.build(config);

  it('plain cells use subscripts for time indices and no TeX', () => {
    for (const c of textCells(plan)) {
      const where = `${a1(c.row, c.col)} "${c.value}"`;
      expect(c.value, where).not.toMatch(/[{}]/);
      expect(c.value, where).not.toMatch(/_[tsj](?![A-Za-z0-9_])/);
      expect(c.value, where).not.toMatch(/_\d/);
      // "h_t−1" or "ht−1" reads as "h_t minus one".
      expect(c.value, where).not.toMatch(/t\s?[−+-]\s?1(?!\d)/);
    }
  });

  it('the legend lists exactly the colours the sheet uses, once each', () => {
    const shown = legendRoles(plan);
    const head = plan.cells.find((c) => c.value === 'Legend' || c.value === '图例')!;
    const swatches = new Set(shown.map((_, i) => `${head.row + 1 + i},${head.col}`));
    const used = new Set(
      plan.cells.filter((c) => COLOURED.has(c.role) && !swatches.has(`${c.row},${c.col}`)).map((c) => c.role),
    );
    expect(new Set(shown).size).toBe(shown.length);
    expect(new Set(shown)).toEqual(used);
    // Each swatch has a caption beside it.
    shown.forEach((_, i) =>
      expect(
        plan.cells.find((c) => c.row === head.row + 1 + i && c.col === head.col + 1)?.value,
      ).toBeTruthy(),
    );
  });

  it('columns are wide enough for their numbers and operators', () => {
    for (const c of plan.cells) {
      const numeric = c.formula !== undefined || typeof c.value === 'number';
      if (numeric && COLOURED.has(c.role))
        expect(widthOf(plan, c.col), `number at ${a1(c.row, c.col)}`).toBeGreaterThanOrEqual(NUMBER_WIDTH);
      if (c.role === 'operator')
        expect(widthOf(plan, c.col), `operator "${c.value}" at ${a1(c.row, c.col)}`).toBeGreaterThan(
          [...String(c.value)].length,
        );
    }
  });

  it('centred headings fit their column; longer headings are left-aligned', () => {
    for (const c of textCells(plan)) {
      if (styleFor(c.role).hAlign !== 'center' || c.role === 'operator') continue;
      expect(
        [...c.value].length,
        `${a1(c.row, c.col)} "${c.value}" is centred in a column of ${widthOf(plan, c.col)}`,
      ).toBeLessThanOrEqual(widthOf(plan, c.col));
    }
  });

  it("the summary shows the variant's label in the sheet's language", () => {
    const key = plan.cells.find((c) => c.col === 0 && (c.value === 'Variant' || c.value === '变体'));
    const variant = spec.variants.find((v) => v.id === config.variant);
    if (!variant) return;
    expect(key).toBeDefined();
    const value = plan.cells.find((c) => c.row === key!.row && c.col === 1)?.value;
    expect(value).toBe(variant.label[config.language]);
  });

  it('formulas never wear the input or parameter fills, and copies keep their source format', () => {
    const at = new Map(plan.cells.map((c) => [`${c.row},${c.col}`, c]));
    const format = (c: PlanCell) => c.numberFormat ?? styleFor(c.role).numberFormat;
    for (const c of plan.cells) {
      if (c.formula === undefined) continue;
      expect(GIVEN.has(c.role), `${a1(c.row, c.col)} ${c.formula} has the ${c.role} fill`).toBe(false);
      const single = /^=\$?([A-Z]+)\$?(\d+)$/.exec(c.formula);
      if (c.role !== 'copy' || !single) continue;
      const pos = parseA1(single[1] + single[2]);
      const source = at.get(`${pos.row},${pos.col}`)!;
      expect(format(c), `${a1(c.row, c.col)} copies ${single[1]}${single[2]}`).toBe(format(source));
    }
  });
});

describe('notation details', () => {
  it('the LSTM names tanh(cₜ) without an undefined symbol', () => {
    const spec = availableModels().find((s) => s.id === 'lstm')!;
    const texts = textCells(spec.build(spec.defaults)).map((c) => c.value);
    expect(texts).toContain('tanh(cₜ)');
    expect(texts.some((t) => /\bsₜ\b|s_t/.test(t))).toBe(false);
  });

  it('the recurrent sheets write the previous states as hₜ₋₁ and cₜ₋₁ (hₜ₊₁ going backward)', () => {
    const spec = availableModels().find((s) => s.id === 'lstm')!;
    const texts = textCells(spec.build({ ...spec.defaults, variant: 'bidirectional' })).map((c) => c.value);
    for (const t of ['hₜ₋₁', 'cₜ₋₁', 'hₜ₊₁', 'cₜ₊₁']) expect(texts).toContain(t);
  });
});

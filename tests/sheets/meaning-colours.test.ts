/**
 * Colour that shows meaning (kit/colour.ts): every model's gates sit on a colour scale
 * fixed at 0 and 1 and its states on a scale that follows their values, one scale per
 * band across all its steps; the gates' values really lie in [0, 1] (HyperFormula
 * evaluates the sheet); the colours keep the palette's text readable; and the legend
 * explains them in the sheet's language.
 */
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n';
import { SIGNED_SCALE_COLORS, UNIT_SCALE_COLORS, scaleOf } from '../../src/sheets/kit/colour';
import { availableModels } from '../../src/sheets/registry';
import { makePracticePlan } from '../../src/practice/practice-plan';
import {
  a1,
  formatAreas,
  parseA1,
  type ConditionalFormat,
  type PlanCell,
  type SheetPlan,
} from '../../src/sheets/plan';
import { PALETTE } from '../../src/sheets/style';
import { loadPlan } from './evaluate';
import { configName, smallConfigs } from './small-configs';

type Scale = Extract<ConditionalFormat, { kind: 'colorScale' }>;

function scales(plan: SheetPlan): Scale[] {
  return (plan.conditionalFormats ?? []).filter((f): f is Scale => f.kind === 'colorScale');
}

function covers(f: ConditionalFormat, c: { row: number; col: number }): boolean {
  return formatAreas(f).some(
    (r) => c.row >= r.top && c.row <= r.bottom && c.col >= r.left && c.col <= r.right,
  );
}

const traceOf = (c: PlanCell) => c.meaning?.trace?.name ?? '';

/** WCAG relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const ch = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const lin = ch.map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
}
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

describe('meaning colour scales', () => {
  for (const spec of availableModels()) {
    it(`${spec.id}: gates on 0…1, states on their own values, one scale per band, each cell once`, () => {
      for (const config of smallConfigs(spec)) {
        const plan = spec.build(config);
        const name = configName(config);
        const all = scales(plan);
        for (const cell of plan.cells) {
          const scale = cell.formula === undefined ? undefined : scaleOf(cell.role, traceOf(cell));
          const on = all.filter((f) => covers(f, cell));
          if (!scale) {
            expect(on, `${name} ${a1(cell.row, cell.col)} (${cell.role} ${traceOf(cell)})`).toEqual([]);
            continue;
          }
          expect(on.length, `${name} ${a1(cell.row, cell.col)} is on one scale`).toBe(1);
          expect(on[0].stops).toEqual(scale === 'unit' ? [0, 1] : [null, 0, null]);
          expect(on[0].colors).toEqual(scale === 'unit' ? UNIT_SCALE_COLORS : SIGNED_SCALE_COLORS);
        }
        // One scale per band: every area of a scale holds cells of one trace only.
        for (const f of all) {
          const inside = plan.cells.filter((c) => covers(f, c));
          expect(new Set(inside.map(traceOf)).size, `${name}: one band per scale`).toBe(1);
          expect(inside.every((c) => c.formula !== undefined)).toBe(true);
        }
        if (plan.cells.some((c) => c.role === 'gate' || c.role === 'state'))
          expect(all.length, `${name} has colour scales`).toBeGreaterThan(0);
      }
    });

    it(`${spec.id}: every cell on the fixed 0…1 scale holds a value in [0, 1]`, () => {
      const plan = spec.build(spec.defaults);
      const hf = loadPlan(plan);
      let checked = 0;
      for (const f of scales(plan).filter((s) => s.stops?.length === 2))
        for (const area of formatAreas(f))
          for (let row = area.top; row <= area.bottom; row++)
            for (let col = area.left; col <= area.right; col++) {
              const v = hf.getCellValue({ sheet: 0, row, col });
              if (typeof v !== 'number') continue;
              expect(v, `${spec.id} ${a1(row, col)}`).toBeGreaterThanOrEqual(0);
              expect(v, `${spec.id} ${a1(row, col)}`).toBeLessThanOrEqual(1);
              checked++;
            }
      hf.destroy();
      if (plan.cells.some((c) => c.role === 'gate')) expect(checked).toBeGreaterThan(0);
    });
  }

  it('leaves a practice sheet’s blanks off every scale, so an answer keeps its fill and its mark', () => {
    for (const model of ['lstm', 'mlstm', 'mamba-scan'] as const) {
      const spec = availableModels().find((s) => s.id === model)!;
      const plan = spec.build(spec.defaults);
      for (const difficulty of ['all-gates', 'everything', 'one-step'] as const) {
        const practice = makePracticePlan(plan, difficulty, 3);
        const blanks = practice.answers.map(parseA1);
        expect(blanks.length).toBeGreaterThan(0);
        for (const f of scales(practice.plan))
          for (const b of blanks)
            expect(covers(f, b), `${model} ${difficulty} ${a1(b.row, b.col)}`).toBe(false);
        // Every other scaled cell keeps its scale.
        const before = plan.cells.filter((c) => scales(plan).some((f) => covers(f, c)));
        const kept = before.filter((c) => !blanks.some((b) => b.row === c.row && b.col === c.col));
        for (const c of kept) expect(scales(practice.plan).some((f) => covers(f, c))).toBe(true);
      }
    }
  });

  it('keeps the text of every role a scale covers readable (WCAG 4.5:1 at every stop colour)', () => {
    for (const role of ['gate', 'state'] as const)
      for (const color of [...UNIT_SCALE_COLORS, ...SIGNED_SCALE_COLORS])
        expect(contrast(PALETTE[role].fontColor, color), `${role} text on ${color}`).toBeGreaterThanOrEqual(
          4.5,
        );
  });

  it('explains the colours in the legend, in the sheet’s language', () => {
    for (const spec of availableModels())
      for (const config of smallConfigs(spec).slice(0, 2)) {
        const plan = spec.build(config);
        const texts = plan.cells.map((c) => c.value).filter((v): v is string => typeof v === 'string');
        const lang = plan.language;
        const line = texts.find((s) => s.startsWith(t(lang, 'sheets.colour.legend', { parts: '' })));
        expect(line, `${configName(config)} legend line`).toBeDefined();
        const kinds = new Set(scales(plan).map((f) => (f.stops?.length === 2 ? 'unit' : 'signed')));
        for (const k of ['unit', 'signed'] as const)
          expect(line!.includes(t(lang, `sheets.colour.${k}`)), `${configName(config)} ${k}`).toBe(
            kinds.has(k),
          );
      }
  });
});

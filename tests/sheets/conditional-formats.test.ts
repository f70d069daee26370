/**
 * Conditional formats in the plan and in the .xlsx export: the training sheets put a data
 * bar on their ‖∂L/∂hₜ‖ (and ‖∂L/∂cₜ‖) rows, and the writer turns data bars and colour
 * scales into rules that survive a round trip through ExcelJS's reader.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { lstmBpttSpec, rnnBpttSpec } from '../../src/sheets/bptt-sheet';
import type { SheetPlan } from '../../src/sheets/plan';
import { planToXlsx } from '../../src/host/xlsx';

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return wb.worksheets[0];
}

type Rule = ExcelJS.ConditionalFormattingRule & { color?: unknown; cfvo?: unknown };

function rulesOf(ws: ExcelJS.Worksheet): { ref: string; rules: Rule[] }[] {
  return (ws as unknown as { conditionalFormattings: { ref: string; rules: Rule[] }[] })
    .conditionalFormattings;
}

describe('conditional formats', () => {
  it('the training sheets draw data bars exactly over their norm rows', () => {
    for (const [spec, traces] of [
      [rnnBpttSpec, ['dh_norm']],
      [lstmBpttSpec, ['dh_norm', 'dc_norm']],
    ] as const) {
      const plan = spec.build(spec.defaults);
      // The meaning colour scales (kit/colour.ts) are tested on their own.
      const bars = (plan.conditionalFormats ?? []).filter((f) => f.kind === 'dataBar');
      expect(bars.map((f) => f.kind)).toEqual(traces.map(() => 'dataBar'));
      bars.forEach((bar, k) => {
        const inside = plan.cells.filter(
          (c) =>
            c.row >= bar.range.top &&
            c.row <= bar.range.bottom &&
            c.col >= bar.range.left &&
            c.col <= bar.range.right &&
            c.formula !== undefined,
        );
        expect(inside.map((c) => c.meaning?.trace?.name)).toEqual(
          new Array(spec.defaults.steps).fill(traces[k]),
        );
      });
    }
  });

  it('the .xlsx writer writes data bars and two- and three-colour scales', async () => {
    const built = rnnBpttSpec.build(rnnBpttSpec.defaults);
    const base = {
      ...built,
      conditionalFormats: built.conditionalFormats?.filter((f) => f.kind === 'dataBar'),
    };
    const plan: SheetPlan = {
      ...base,
      conditionalFormats: [
        ...(base.conditionalFormats ?? []),
        {
          kind: 'colorScale',
          range: { top: 1, bottom: 3, left: 2, right: 4 },
          colors: ['#FFFFFF', '#F8696B'],
        },
        {
          kind: 'colorScale',
          range: { top: 5, bottom: 5, left: 0, right: 9 },
          colors: ['#5A8AC6', '#FFFFFF', '#F8696B'],
        },
      ],
    };
    const ws = await readBack(await planToXlsx(plan));
    const cf = rulesOf(ws);
    const bar = base.conditionalFormats![0];
    if (bar.kind !== 'dataBar') throw new Error('expected a data bar first');
    expect(cf.map((c) => c.rules[0].type)).toEqual(['dataBar', 'colorScale', 'colorScale']);
    expect(cf[0].ref).toMatch(/^[A-Z]+\d+:[A-Z]+\d+$/);
    expect(cf[0].rules[0].color).toEqual({ argb: `FF${bar.color.slice(1)}` });
    expect(cf[1].ref).toBe('C2:E4');
    expect(cf[1].rules[0].cfvo).toEqual([{ type: 'min' }, { type: 'max' }]);
    expect(cf[2].rules[0].cfvo).toEqual([
      { type: 'min' },
      { type: 'percentile', value: 50 },
      { type: 'max' },
    ]);
    expect((cf[2].rules[0] as ExcelJS.ColorScaleRuleType).color).toEqual([
      { argb: 'FF5A8AC6' },
      { argb: 'FFFFFFFF' },
      { argb: 'FFF8696B' },
    ]);
  });
});

/**
 * A plan's conditional formats as ExcelJS rules (for the .xlsx export): data bars scaled
 * from the range's lowest to its highest value, colour scales from the lowest through the
 * median (three colours) to the highest.
 */
import type ExcelJS from 'exceljs';
import { rangeA1, type ConditionalFormat, type SheetPlan } from '../sheets/plan';

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

function rule(format: ConditionalFormat, priority: number): ExcelJS.ConditionalFormattingRule {
  if (format.kind === 'dataBar') {
    // ExcelJS writes `color` for data bars although its typings leave it out.
    const bar: ExcelJS.DataBarRuleType & { color: Partial<ExcelJS.Color> } = {
      type: 'dataBar',
      priority,
      gradient: true,
      cfvo: [{ type: 'min' }, { type: 'max' }],
      color: { argb: argb(format.color) },
    };
    return bar;
  }
  const three = format.colors.length === 3;
  return {
    type: 'colorScale',
    priority,
    cfvo: three
      ? [{ type: 'min' }, { type: 'percentile', value: 50 }, { type: 'max' }]
      : [{ type: 'min' }, { type: 'max' }],
    color: format.colors.map((c) => ({ argb: argb(c) })),
  };
}

export function addConditionalFormats(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  (plan.conditionalFormats ?? []).forEach((format, k) => {
    ws.addConditionalFormatting({ ref: rangeA1(format.range), rules: [rule(format, k + 1)] });
  });
}

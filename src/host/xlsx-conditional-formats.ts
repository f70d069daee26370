/**
 * A plan's conditional formats as ExcelJS rules (for the .xlsx export): data bars scaled
 * from the range's lowest to its highest value, colour scales from the lowest through the
 * median (three colours) to the highest, or at the fixed values the format gives.
 */
import type ExcelJS from 'exceljs';
import { formatAreas, rangeA1, type ConditionalFormat, type SheetPlan } from '../sheets/plan';

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
  const follow: ExcelJS.Cvfo[] = three
    ? [{ type: 'min' }, { type: 'percentile', value: 50 }, { type: 'max' }]
    : [{ type: 'min' }, { type: 'max' }];
  return {
    type: 'colorScale',
    priority,
    // A fixed stop is a number; the others follow the data.
    cfvo: follow.map((c, i) => {
      const fixed = format.stops?.[i];
      return fixed === null || fixed === undefined ? c : { type: 'num', value: fixed };
    }),
    color: format.colors.map((c) => ({ argb: argb(c) })),
  };
}

export function addConditionalFormats(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  (plan.conditionalFormats ?? []).forEach((format, k) => {
    // One rule over several rectangles: a space-separated sqref, as Excel writes it.
    const ref = formatAreas(format)
      .map((r) => rangeA1(r))
      .join(' ');
    ws.addConditionalFormatting({ ref, rules: [rule(format, k + 1)] });
  });
}

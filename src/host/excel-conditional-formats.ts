/**
 * A plan's conditional format queued through Office.js (ExcelApi 1.6, implied by the 1.12
 * the host requires): a data bar scaled from the lowest to the highest value of its range,
 * or a colour scale from the lowest through the median (three colours) to the highest.
 * Enum values are written as their strings so this runs where the Excel global is absent.
 */
import type { ConditionalFormat } from '../sheets/plan';

type ColorCriterion = Excel.ConditionalColorScaleCriterion;

function colorScaleCriteria(colors: readonly string[]): Excel.ConditionalColorScaleCriteria {
  const minimum: ColorCriterion = {
    formula: null as unknown as string,
    type: 'LowestValue',
    color: colors[0],
  };
  const maximum: ColorCriterion = {
    formula: null as unknown as string,
    type: 'HighestValue',
    color: colors[colors.length - 1],
  };
  if (colors.length < 3) return { minimum, maximum };
  return { minimum, midpoint: { formula: '50', type: 'Percentile', color: colors[1] }, maximum };
}

export function queueConditionalFormat(range: Excel.Range, format: ConditionalFormat): void {
  if (format.kind === 'dataBar') {
    const bar = range.conditionalFormats.add('DataBar').dataBar;
    bar.barDirection = 'LeftToRight';
    bar.lowerBoundRule = { type: 'LowestValue' };
    bar.upperBoundRule = { type: 'HighestValue' };
    bar.positiveFormat.fillColor = format.color;
    bar.positiveFormat.gradientFill = true;
    return;
  }
  range.conditionalFormats.add('ColorScale').colorScale.criteria = colorScaleCriteria(format.colors);
}

/**
 * A plan's conditional format queued through Office.js (ExcelApi 1.6, implied by the 1.12
 * the host requires): a data bar scaled from the lowest to the highest value of its range,
 * or a colour scale from the lowest through the median (three colours) to the highest, or
 * at the fixed values the format gives (a gate's 0 and 1). A format over several
 * rectangles is one rule on a RangeAreas (ExcelApi 1.9), so its lowest and highest are
 * taken over all of them.
 * Enum values are written as their strings so this runs where the Excel global is absent.
 */
import type { ConditionalFormat } from '../sheets/plan';

type ColorCriterion = Excel.ConditionalColorScaleCriterion;

/** A stop at a fixed number, or where the data puts it (`type`: the lowest, a percentile, the highest). */
function criterion(
  fixed: number | null | undefined,
  type: 'LowestValue' | 'Percentile' | 'HighestValue',
  color: string,
): ColorCriterion {
  if (fixed !== null && fixed !== undefined) return { formula: String(fixed), type: 'Number', color };
  return { formula: (type === 'Percentile' ? '50' : null) as unknown as string, type, color };
}

function colorScaleCriteria(
  colors: readonly string[],
  stops: readonly (number | null)[] = [],
): Excel.ConditionalColorScaleCriteria {
  const last = colors.length - 1;
  const minimum = criterion(stops[0], 'LowestValue', colors[0]);
  const maximum = criterion(stops[last], 'HighestValue', colors[last]);
  if (colors.length < 3) return { minimum, maximum };
  return { minimum, midpoint: criterion(stops[1], 'Percentile', colors[1]), maximum };
}

/** Queues the format on its range (or, for a format over several rectangles, on all of them as one rule). */
export function queueConditionalFormat(
  target: Excel.Range | Excel.RangeAreas,
  format: ConditionalFormat,
): void {
  if (format.kind === 'dataBar') {
    const bar = target.conditionalFormats.add('DataBar').dataBar;
    bar.barDirection = 'LeftToRight';
    bar.lowerBoundRule = { type: 'LowestValue' };
    bar.upperBoundRule = { type: 'HighestValue' };
    bar.positiveFormat.fillColor = format.color;
    bar.positiveFormat.gradientFill = true;
    return;
  }
  target.conditionalFormats.add('ColorScale').colorScale.criteria = colorScaleCriteria(
    format.colors,
    format.stops,
  );
}

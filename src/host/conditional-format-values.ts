/**
 * What a conditional format shows for one value, computed the way Excel does by default,
 * for writers that draw the formats themselves (the preview): a data bar's length as a
 * fraction of the cell (10 % at the lowest value of the range, full at the highest) and a
 * colour scale's colour (linear between the stops at the lowest, median and highest value,
 * or at the values a format fixes).
 */

/** Excel's default shortest bar, so the lowest value still shows a sliver. */
const MIN_BAR = 0.1;

export function dataBarFraction(v: number, lowest: number, highest: number): number {
  if (!(highest > lowest)) return 1;
  return MIN_BAR + ((1 - MIN_BAR) * (v - lowest)) / (highest - lowest);
}

function mix(a: string, b: string, w: number): string {
  const channel = (hex: string, k: number) => parseInt(hex.slice(1 + 2 * k, 3 + 2 * k), 16);
  let out = '#';
  for (let k = 0; k < 3; k++) {
    const v = Math.round(channel(a, k) + (channel(b, k) - channel(a, k)) * w);
    out += v.toString(16).padStart(2, '0').toUpperCase();
  }
  return out;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((p, q) => p - q);
  const m = (s.length - 1) / 2;
  return (s[Math.floor(m)] + s[Math.ceil(m)]) / 2;
}

/**
 * The colour of `v` among `values` (the numbers of the range) for two or three stops;
 * a stop with a fixed value in `stops` sits there instead of where the data puts it.
 */
export function colorScaleColor(
  v: number,
  values: readonly number[],
  colors: readonly string[],
  stops: readonly (number | null)[] = [],
): string {
  const last = colors.length - 1;
  const lo = stops[0] ?? Math.min(...values);
  const hi = stops[last] ?? Math.max(...values);
  const frac = (a: number, b: number) => (b > a ? Math.min(1, Math.max(0, (v - a) / (b - a))) : 0);
  if (colors.length < 3) return mix(colors[0], colors[1], frac(lo, hi));
  const mid = stops[1] ?? median(values);
  // At the midpoint itself its own colour, even where the lowest value is the midpoint.
  return v < mid ? mix(colors[0], colors[1], frac(lo, mid)) : mix(colors[1], colors[2], frac(mid, hi));
}

/**
 * When an entry counts as right. The sheet shows every computed value rounded to its number
 * format (three decimals), and a learner copies or computes what the sheet would show: so an
 * entry is right when it equals the true value as the cell displays it, or is closer to the
 * true value than that. An entry given with more decimals than the cell shows may also pass
 * the tight check (1e-4 absolute or 1e-3 relative), which keeps a careful hand calculation
 * right even when the displayed rounding happens to sit very close to the true value.
 */
import type { CellContent } from '../host/host';
import { numericValue } from './entries';

export const RELATIVE_TOLERANCE = 1e-3;
export const ABSOLUTE_TOLERANCE = 1e-4;

/** Right when within 1e-4 absolute or 1e-3 relative. */
export function closeEnough(entered: number, expected: number): boolean {
  const diff = Math.abs(entered - expected);
  return diff <= ABSOLUTE_TOLERANCE || diff <= RELATIVE_TOLERANCE * Math.abs(expected);
}

/**
 * Decimals a fixed number format shows ("0.000" → 3, "0" → 0); null for formats that do
 * not round to a fixed number of decimals (General, scientific, text).
 */
export function formatDecimals(format: string | undefined): number | null {
  if (!format) return null;
  const m = /^[#,0]*0(?:\.(0+))?$/.exec(format.trim());
  return m ? (m[1]?.length ?? 0) : null;
}

/** Rounded as Excel displays it: half away from zero, to `decimals` places. */
export function displayRound(x: number, decimals: number): number {
  const scale = 10 ** decimals;
  // toPrecision repairs products such as 1.0005 * 1000 = 1000.4999999999999.
  const scaled = Number((Math.abs(x) * scale).toPrecision(15));
  return (Math.sign(x) * Math.round(scaled)) / scale;
}

/** Decimals in a number's shortest text ("0.031" → 3, "1e-7" → 7, "12" → 0). */
export function decimalsIn(text: string): number {
  const m = /^[+-]?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text.trim());
  if (!m) return Infinity;
  const fraction = m[2]?.length ?? 0;
  return Math.max(0, fraction - Number(m[3] ?? 0));
}

/**
 * Decimals the learner gave: a typed number has as many as it was written with; a formula
 * (or anything else) is full precision.
 */
export function entryDecimals(entry: CellContent): number {
  if (entry.formula !== null) return Infinity;
  if (typeof entry.value === 'number') return decimalsIn(String(entry.value));
  if (typeof entry.value === 'string') return decimalsIn(entry.value);
  return Infinity;
}

/** Float slack for comparing two decimals that should be equal (0.031 vs round(0.03074)). */
function slack(x: number): number {
  return 1e-12 * Math.max(1, Math.abs(x));
}

/**
 * The verdict rule. `decimals` is what the cell shows (null: no fixed rounding, so only the
 * tight check applies).
 */
export function isRight(entry: CellContent, expected: number, decimals: number | null): boolean {
  const n = numericValue(entry.value);
  if (n === null) return false;
  const given = entryDecimals(entry);
  if (decimals === null) return closeEnough(n, expected);
  const shown = displayRound(expected, decimals);
  const asClose = Math.abs(n - expected) <= Math.abs(shown - expected) + slack(expected);
  if (asClose) return true;
  return given > decimals && closeEnough(n, expected);
}

/**
 * Displays a value the way Excel shows it under the number formats the sheets use
 * ('0.000', '0', '0.00%', '0.00E+00', General). The preview only needs these; any
 * other format falls back to General rather than guessing.
 */

export function formatValue(
  value: number | string | boolean | null,
  format: string | null | undefined,
  fit?: number,
): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  return formatNumber(value, format ?? 'General', fit);
}

/** `fit`: the characters the cell has room for; General then rounds to fit, as Excel does. */
export function formatNumber(x: number, format: string, fit?: number): string {
  const fixed = /^0(?:\.(0+))?$/.exec(format);
  if (fixed) return fixedText(x, fixed[1]?.length ?? 0);
  const percent = /^0(?:\.(0+))?%$/.exec(format);
  if (percent) return `${fixedText(x * 100, percent[1]?.length ?? 0)}%`;
  const sci = /^0(?:\.(0+))?E\+00$/i.exec(format);
  if (sci) return scientific(x, sci[1]?.length ?? 0);
  return fit === undefined ? general(x) : generalToFit(x, fit);
}

/** Excel rounds half away from zero and never shows "-0.000" for a value that rounds to 0. */
function fixedText(x: number, decimals: number): string {
  const s = x.toFixed(decimals);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

function scientific(x: number, decimals: number): string {
  const [mantissa, exp] = x.toExponential(decimals).split('e');
  const e = Number(exp);
  return `${mantissa}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/** General: up to 10 significant digits, scientific when the number is very large or small. */
function general(x: number, digits = 10): string {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return '#NUM!';
  const abs = Math.abs(x);
  if (abs >= 1e11 || abs < 1e-9) return scientific(x, Math.min(5, digits - 1)).replace(/\.?0+E/, 'E');
  const s = x.toPrecision(digits);
  if (/e/.test(s)) return scientific(x, digits - 1).replace(/\.?0+E/, 'E');
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/**
 * General in a narrow column: Excel drops significant digits (rounding, not cutting) until
 * the number fits, and shows "#" marks only when not even the integer part fits.
 */
function generalToFit(x: number, fit: number): string {
  // Below 1e-4 Excel's General goes scientific in a column (0.00001 shows "1E-05").
  const small = x !== 0 && Math.abs(x) < 1e-4;
  for (let digits = 10; digits >= 1; digits--) {
    const s = small ? scientific(x, digits - 1).replace(/\.?0+E/, 'E') : general(x, digits);
    if (s.length <= fit) return s;
  }
  return '#'.repeat(Math.max(1, fit));
}

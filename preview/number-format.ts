/**
 * Displays a value the way Excel shows it under the number formats the sheets use
 * ('0.000', '0', '0.00%', '0.00E+00', General). The preview only needs these; any
 * other format falls back to General rather than guessing.
 */

export function formatValue(
  value: number | string | boolean | null,
  format: string | null | undefined,
): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  return formatNumber(value, format ?? 'General');
}

export function formatNumber(x: number, format: string): string {
  const fixed = /^0(?:\.(0+))?$/.exec(format);
  if (fixed) return fixedText(x, fixed[1]?.length ?? 0);
  const percent = /^0(?:\.(0+))?%$/.exec(format);
  if (percent) return `${fixedText(x * 100, percent[1]?.length ?? 0)}%`;
  const sci = /^0(?:\.(0+))?E\+00$/i.exec(format);
  if (sci) return scientific(x, sci[1]?.length ?? 0);
  return general(x);
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
function general(x: number): string {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return '#NUM!';
  const abs = Math.abs(x);
  if (abs >= 1e11 || abs < 1e-9) return scientific(x, 5).replace(/\.?0+E/, 'E');
  const s = x.toPrecision(10);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

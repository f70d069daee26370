/**
 * Excel formula fragments in the numerically stable forms of docs/ARCHITECTURE.md. Each helper
 * takes and returns an expression without the leading '='; arguments are wrapped in
 * parentheses so a caller can pass any sub-expression. Only native worksheet functions
 * appear, so a sheet keeps working without the add-in and in other spreadsheet programs.
 */

/** The functions a computed cell may use; tests reject anything else (and LOG in particular). */
export const ALLOWED_FUNCTIONS: readonly string[] = [
  'MMULT',
  'SUMPRODUCT',
  'SUM',
  'TANH',
  'EXP',
  'LN',
  'MAX',
  'MIN',
  'ABS',
  'SQRT',
  'IF',
  // Practice sheets only: a formula downstream of a blank waits until the blank holds a number.
  'COUNT',
];

/** σ(x) = ½(1 + tanh(x/2)): the same form as the core, so both agree to a few ulps and neither overflows. */
export function sigmoidF(x: string): string {
  return `0.5*(1+TANH((${x})/2))`;
}

export function tanhF(x: string): string {
  return `TANH(${x})`;
}

export function reluF(x: string): string {
  return `MAX(${x},0)`;
}

/** softplus(x) = max(x, 0) + ln(1 + e^{−|x|}), finite for any finite x. */
export function softplusF(x: string): string {
  return `(MAX(${x},0)+LN(1+EXP(-ABS(${x}))))`;
}

/** log σ(x) = −softplus(−x). */
export function logSigmoidF(x: string): string {
  return `(-${softplusF(`-(${x})`)})`;
}

/** SiLU(x) = x·σ(x). */
export function siluF(x: string): string {
  return `(${x})*(${sigmoidF(x)})`;
}

/** Element-wise product summed, for two ranges of the same shape (Wᵀ·v by columns, ‖v‖²). */
export function sumProductF(a: string, b: string): string {
  return `SUMPRODUCT(${a},${b})`;
}

/**
 * A weight row dotted with a column of the same length. MMULT of a 1×n row by an n×1
 * column gives one number, the seed workbooks' "row times stacked column".
 */
export function dotF(rowRange: string, colRange: string): string {
  return `MMULT(${rowRange},${colRange})`;
}

/** Function names used by a formula (identifiers followed by '('), upper-cased. */
export function functionsIn(formula: string): string[] {
  const out: string[] = [];
  const re = /([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(formula)) !== null) out.push(m[1].toUpperCase());
  return out;
}

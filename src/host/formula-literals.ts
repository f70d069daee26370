/**
 * Numbers in a typed formula, read as Excel reads them. Excel accepts `1E+300`, `-1e-5`
 * and `.5`; HyperFormula's lexer takes only a lower-case exponent, so the preview rewrites
 * the exponent of every numeric literal outside string literals and sheet names before the
 * formula reaches it. A cell reference (`E5`, `R1E5` is none) is never touched: the number
 * must not follow a letter, digit, `_`, `$` or `.` of a longer name.
 */
const NUMBER = /(?<![A-Za-z0-9_$.])(\d+\.?\d*|\.\d+)E([+-]?\d+)(?![A-Za-z0-9_(])/g;

/** The formula with every `1E+300` written `1e+300`; text in quotes is left as typed. */
export function excelNumbers(formula: string): string {
  // Split into quoted ("text", 'sheet') and bare parts; only bare parts are formula syntax.
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) =>
      i % 2 === 1 ? part : part.replace(NUMBER, (_m, mantissa: string, exp: string) => `${mantissa}e${exp}`),
    )
    .join('');
}

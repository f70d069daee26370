/**
 * Kit: a live sentence. A verdict cell states in words what the sheet shows now
 * ("c carries through", "c resets"): an IF formula over one or more gauge cells, each a
 * traced number of the sheet. `verdictFormula` writes the formula; `verdictText` gives the
 * sentence the same tests pick on any numbers (the core's trace in a checker), so the
 * words are checked against the core exactly as the numbers are.
 *
 *   const v: Verdict = { gauges: [{ name: 'f_keep', step: T - 1, flat: 0 }],
 *     cases: [{ when: [{ gauge: 0, op: '>', value: 0.5 }], text: 'c carries through' }],
 *     otherwise: 'c resets' };
 *   verdictFormula(v, ['K40']); // IF(K40>0.5,"c carries through","c resets")
 */
import { readable } from '../notation';
import type { TraceRef, Verdict, VerdictTest } from '../plan';

/**
 * What a sentence inside a formula must not contain: something a reader of formulas
 * (practice's dependency walk, the allowed-function check) would take for a cell
 * reference ("c1") or a function call ("tanh(").
 */
const LOOKS_LIKE_CODE =
  /(^|[^A-Za-z0-9_$])\$?[A-Za-z]{1,3}\$?\d+(?![A-Za-z0-9_])|[A-Za-z_][A-Za-z0-9_.]*\s*\(/;

/**
 * An Excel string literal of the text in the sheet's notation. A straight quote would
 * have to be doubled, which HyperFormula does not read: write “ ” instead.
 */
function stringLiteral(text: string): string {
  const shown = readable(text);
  if (LOOKS_LIKE_CODE.test(shown))
    throw new Error(`verdict text "${shown}" reads like a cell reference or a function call`);
  if (shown.includes('"')) throw new Error(`verdict text ${shown} has a straight quote; use “ ”`);
  return `"${shown}"`;
}

function testF(test: VerdictTest, cells: readonly string[]): string {
  const cell = cells[test.gauge];
  if (cell === undefined) throw new Error(`the verdict has no gauge ${test.gauge}`);
  return `${cell}${test.op}${test.value}`;
}

/**
 * IF(test, "text", IF(…, "otherwise")) over the gauge cells (A1, in `verdict.gauges`
 * order), without '='. Several tests of one case multiply: (a>x)*(b<y) is true only when
 * both hold, with no function beyond IF.
 */
export function verdictFormula(verdict: Verdict, gaugeCells: readonly string[]): string {
  if (gaugeCells.length !== verdict.gauges.length)
    throw new Error(`the verdict reads ${verdict.gauges.length} gauges, ${gaugeCells.length} cells given`);
  let formula = stringLiteral(verdict.otherwise);
  for (let k = verdict.cases.length - 1; k >= 0; k--) {
    const { when, text } = verdict.cases[k];
    if (when.length === 0) throw new Error('a verdict case needs at least one test');
    const tests = when.map((w) => testF(w, gaugeCells));
    const condition = tests.length === 1 ? tests[0] : tests.map((x) => `(${x})`).join('*');
    formula = `IF(${condition},${stringLiteral(text)},${formula})`;
  }
  return formula;
}

function holds(test: VerdictTest, value: number): boolean {
  return test.op === '>' ? value > test.value : value < test.value;
}

/**
 * The sentence the verdict states when its gauges hold the given values (as the sheet
 * shows it, in the sheet's notation). `gauge` reads one trace entry; undefined when the
 * trace lacks it.
 */
export function verdictText(
  verdict: Verdict,
  gauge: (ref: TraceRef) => number | undefined,
): string | undefined {
  const values: number[] = [];
  for (const ref of verdict.gauges) {
    const v = gauge(ref);
    if (v === undefined) return undefined;
    values.push(v);
  }
  const found = verdict.cases.find((c) => c.when.every((w) => holds(w, values[w.gauge])));
  return readable(found ? found.text : verdict.otherwise);
}

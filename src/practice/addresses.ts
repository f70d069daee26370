/**
 * A1 references inside the plan's own formulas. Practice and the explain view only need
 * to know which cells a formula reads, and the builders write plain same-sheet A1
 * references, so a small scanner is enough (no general formula parser).
 */
import { a1, parseA1 } from '../sheets/plan';

/** "$c$12" → "C12": the one spelling every set of answer addresses uses. */
export function normalizeAddress(ref: string): string {
  const p = parseA1(ref.trim());
  return a1(p.row, p.col);
}

// A cell or range not glued to a longer identifier and not a function name ("LOG10(").
const REF = /(?<![A-Za-z0-9_.$])(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3}\$?\d+))?(?![A-Za-z0-9_(])/g;

/** The references a formula makes, as written (ranges kept whole), normalised, first use first. */
export function referencedRanges(formula: string): string[] {
  const seen = new Set<string>();
  for (const m of formula.toUpperCase().matchAll(REF)) {
    const ref = m[2] ? `${normalizeAddress(m[1])}:${normalizeAddress(m[2])}` : normalizeAddress(m[1]);
    seen.add(ref);
  }
  return [...seen];
}

/** "B3:C4" → ["B3", "C3", "B4", "C4"] (row by row); a single cell → itself. */
export function expandRange(ref: string): string[] {
  const [from, to = from] = ref.split(':');
  const p = parseA1(from);
  const q = parseA1(to);
  const out: string[] = [];
  for (let r = Math.min(p.row, q.row); r <= Math.max(p.row, q.row); r++)
    for (let c = Math.min(p.col, q.col); c <= Math.max(p.col, q.col); c++) out.push(a1(r, c));
  return out;
}

/** Every single cell a formula reads, each once. */
export function referencedCells(formula: string): string[] {
  return [...new Set(referencedRanges(formula).flatMap(expandRange))];
}

/** Formula text compared without '$' and spaces, so "=$B$3*2" and "=B3 * 2" are the same formula. */
export function sameFormula(a: string, b: string): boolean {
  const canon = (f: string) => f.replace(/[$\s]/g, '').toUpperCase();
  return canon(a) === canon(b);
}

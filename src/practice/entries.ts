/** What a learner has put in an answer cell, as the host reports it. */
import type { CellContent } from '../host/host';

/** Empty means nothing typed: no formula and no value (an empty string counts as nothing). */
export function isEmptyEntry(c: CellContent): boolean {
  return c.formula === null && (c.value === null || c.value === '');
}

/** A finite number from a calculated value; numeric text counts (a pasted "0.25"), errors do not. */
export function numericValue(v: CellContent['value']): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/**
 * Kit: a band's role line, a short plain-language sentence placed next to the numbers it
 * explains ("fₜ, forget gate: 1 keeps the old memory, 0 erases it"). A sheet writes it on
 * the band's equation line, above the first time block, so it sits over the band's values
 * while the equation stays over its weights.
 *
 *   roleLine(b, { row: equationRow, col: grid.col(0) }, t(lang, 'sheets.roles.lstm.f'));
 */
import type { PlanBuilder } from '../layout';
import type { CellPos } from '../plan';

/** Writes the role line at `at`, in the look of the words that teach. */
export function roleLine(b: PlanBuilder, at: CellPos, text: string): void {
  b.text(at.row, at.col, text, 'teach');
}

/** A narrative line: a sentence of the story, on its own row (∏f, what the stabiliser does). */
export function narrativeLine(b: PlanBuilder, at: CellPos, text: string): void {
  b.text(at.row, at.col, text, 'teach');
}

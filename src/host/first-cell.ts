/**
 * The cell a newly built sheet opens on: the first blank of a practice sheet, else the
 * first input. A large walkthrough would otherwise open on an empty-looking top-left corner
 * (its first step can start far to the right), and a practice sheet's blanks can sit well
 * off the first screen. Excel and the preview both select it, which also scrolls it into view.
 *
 * The blanks are read from the plan itself (answer cells with neither value nor formula),
 * not from the sheet's marker: the marker keeps only a digest of the answer addresses.
 * The legend's answer swatch holds an empty text, so it is not taken for a blank.
 */
import { a1, type SheetPlan } from '../sheets/plan';

export function firstCell(plan: SheetPlan): string | null {
  const blank = plan.cells.find(
    (c) => c.role === 'answer' && c.value === undefined && c.formula === undefined,
  );
  if (blank) return a1(blank.row, blank.col);
  const input = plan.cells.find((c) => c.role === 'input') ?? plan.cells.find((c) => c.meaning?.param);
  return input ? a1(input.row, input.col) : null;
}

/**
 * The cell a newly built sheet opens on: the first blank of a practice sheet, else the
 * first input. A large walkthrough would otherwise open on an empty-looking top-left corner
 * (its first step can start far to the right), and a practice sheet's blanks can sit well
 * off the first screen. Excel and the preview both select it, which also scrolls it into view.
 */
import { a1, type SheetPlan } from '../sheets/plan';

export function firstCell(plan: SheetPlan, metadata: Readonly<Record<string, unknown>>): string | null {
  const answers = metadata.answers;
  if (Array.isArray(answers) && typeof answers[0] === 'string') return answers[0];
  const input = plan.cells.find((c) => c.role === 'input') ?? plan.cells.find((c) => c.meaning?.param);
  return input ? a1(input.row, input.col) : null;
}

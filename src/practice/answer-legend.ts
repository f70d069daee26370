/**
 * The practice sheet's legend gets a line for the blanks ("your answers"), below the lines
 * the walkthrough wrote. The walkthrough builder leaves out roles no cell has, and a
 * walkthrough has no answer cells, so the line is added here, after the blanks are chosen.
 */
import { label, roleLegend } from '../sheets/i18n';
import { a1, type PlanCell, type SheetPlan } from '../sheets/plan';

/** The cells plus a swatch and caption for 'answer', or the cells unchanged when the sheet has no legend or no room. */
export function withAnswerLegend(plan: SheetPlan, cells: readonly PlanCell[]): PlanCell[] {
  const heading = label(plan.language, 'legend');
  const header = cells.find((c) => c.role === 'header' && c.value === heading);
  if (!header) return [...cells];
  const taken = new Set(cells.map((c) => a1(c.row, c.col)));
  let row = header.row + 1;
  const swatch = (r: number) => cells.some((c) => c.row === r && c.col === header.col && c.value === '');
  // The line of colour scales and arrows below the swatches, when the sheet has one.
  const legendNote = (r: number) =>
    !taken.has(a1(r, header.col)) &&
    cells.some((c) => c.row === r && c.col === header.col + 1 && c.role === 'note');
  while (swatch(row)) row++;
  if (legendNote(row)) row++;
  if (taken.has(a1(row, header.col)) || taken.has(a1(row, header.col + 1))) return [...cells];
  const line: PlanCell[] = [
    { row, col: header.col, value: '', role: 'answer' },
    { row, col: header.col + 1, value: roleLegend(plan.language, 'answer'), role: 'note' },
  ];
  return [...cells, ...line].sort((p, q) => p.row - q.row || p.col - q.col);
}

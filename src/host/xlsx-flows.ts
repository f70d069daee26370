/**
 * The flows of a plan in the .xlsx export. ExcelJS writes no drawing shapes, so instead of
 * an arrow every cell that reads an earlier step's state carries the flow's label
 * ("← h₃ from t = 3") as a cell note. A note rather than a label in a neighbouring cell:
 * the compact layouts leave no free cell beside a copy (LSTM's c₍ₜ₋₁₎ sits two columns
 * right of h₍ₜ₋₁₎ with a five-wide operator column between), so visible text would be cut
 * or cover a number; a note belongs to exactly the cell that reads the state, moves with
 * it, and Excel and LibreOffice both mark it with a corner triangle and show it on hover.
 * The legend's flow line tells the learner to look for those marks. A cell that reads two
 * states carries both labels in its one note.
 */
import type ExcelJS from 'exceljs';
import { flowNotes } from './flow-look';
import type { PlanLook } from './plan-look';

export function addFlowNotes(ws: ExcelJS.Worksheet, look: PlanLook): void {
  for (const { row, col, text } of flowNotes(look.flows)) ws.getCell(row + 1, col + 1).note = text;
}

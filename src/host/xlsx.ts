/**
 * SheetPlan → .xlsx with ExcelJS, for the command line and for the task pane's
 * "Download .xlsx". Formulas stay live; their cached results (what a viewer shows before
 * it recalculates) come from the core when the caller supplies them, so the file reads
 * correctly even in programs that never recalculate. Runs in Node and in the browser:
 * the result is bytes, not a file.
 */
import ExcelJS from 'exceljs';
import type { PlanCell, SheetPlan } from '../sheets/plan';
import { CELL_BORDER_COLOR, resolvePlanLook, type PlanLook } from './plan-look';
import { freeSheetName, sheetRangeRef } from './sheet-names';
import { addConditionalFormats } from './xlsx-conditional-formats';
import { addFlowNotes } from './xlsx-flows';
import { returnsArray, withDynamicArrays } from './xlsx-dynamic-arrays';

export interface XlsxOptions {
  /** Cached result for a formula cell (omitted when undefined). */
  readonly result?: (cell: PlanCell) => number | string | undefined;
  /** Sheet name; default the plan's base name. */
  readonly sheetName?: string;
}

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

type Side = Partial<ExcelJS.Border>;
type Borders = { top?: Side; left?: Side; bottom?: Side; right?: Side };

/** Outer edges of every box, drawn over the cells' thin borders, in the box's resolved colour. */
function boxBorders(look: PlanLook): Map<string, Borders> {
  const out = new Map<string, Borders>();
  const edge = (row: number, col: number, side: keyof Borders, color: string) => {
    const key = `${row},${col}`;
    const b = out.get(key) ?? {};
    b[side] = { style: 'medium', color: { argb: argb(color) } };
    out.set(key, b);
  };
  for (const box of look.boxes) {
    for (let c = box.left; c <= box.right; c++) {
      edge(box.top, c, 'top', box.color);
      edge(box.bottom, c, 'bottom', box.color);
    }
    for (let r = box.top; r <= box.bottom; r++) {
      edge(r, box.left, 'left', box.color);
      edge(r, box.right, 'right', box.color);
    }
  }
  return out;
}

function thin(): Side {
  return { style: 'thin', color: { argb: argb(CELL_BORDER_COLOR) } };
}

/**
 * ExcelJS leaves out of the file every column exactly 9 characters wide (its own default),
 * and Excel then shows such a column at its default 8.43. A millionth of a character more
 * is written, and shows, as 9.
 */
function fileWidth(width: number): number {
  return width === 9 ? 9 + 1e-6 : width;
}

/** Adds the plan as one worksheet of `wb`, named and formatted as the resolver says. */
export function addPlanSheet(
  wb: ExcelJS.Workbook,
  plan: SheetPlan,
  options: XlsxOptions = {},
): ExcelJS.Worksheet {
  const look = resolvePlanLook(plan);
  const name = freeSheetName(
    options.sheetName ?? plan.baseName,
    wb.worksheets.map((w) => w.name),
  );
  const ws = wb.addWorksheet(name);
  for (const { col, width } of look.columnWidths) ws.getColumn(col + 1).width = fileWidth(width);
  const boxes = boxBorders(look);
  plan.cells.forEach((cell, i) => {
    const xc = ws.getCell(cell.row + 1, cell.col + 1);
    if (cell.formula !== undefined) {
      const result = options.result?.(cell);
      const formula = cell.formula.slice(1);
      // An array-returning formula is written as an array formula over its own cell, which
      // plansToXlsx then marks dynamic (xlsx-dynamic-arrays), so Excel 365 shows no `@`.
      const array = returnsArray(formula) ? { shareType: 'array', ref: xc.address } : {};
      // A cached ±∞ or NaN is not a number the file format can hold (`<v>Infinity</v>`);
      // left out, Excel computes the cell on open (fullCalcOnLoad) and shows its own error.
      xc.value = (
        result === undefined || (typeof result === 'number' && !Number.isFinite(result))
          ? { formula, ...array }
          : { formula, result, ...array }
      ) as ExcelJS.CellFormulaValue;
    } else if (cell.value !== undefined) {
      xc.value = cell.value;
    }
    const style = look.cells[i].look;
    xc.font = {
      bold: style.bold,
      italic: style.italic,
      size: style.fontSize,
      color: { argb: argb(style.fontColor) },
    };
    xc.alignment = { horizontal: style.hAlign, vertical: 'middle' };
    if (style.fill) xc.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
    if (style.numberFormat) xc.numFmt = style.numberFormat;
    const border: Borders = style.border ? { top: thin(), left: thin(), bottom: thin(), right: thin() } : {};
    Object.assign(border, boxes.get(`${cell.row},${cell.col}`));
    if (Object.keys(border).length > 0) xc.border = border;
  });
  for (const m of look.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (const n of plan.names) {
    // Names are workbook-wide in ExcelJS; a second sheet of the same model keeps the first one's names.
    const taken = wb.definedNames.model.some((d) => d.name.toLowerCase() === n.name.toLowerCase());
    if (!taken) wb.definedNames.add(sheetRangeRef(name, n.range), n.name);
  }
  addConditionalFormats(ws, plan);
  addFlowNotes(ws, look);
  if (look.freeze) ws.views = [{ state: 'frozen', xSplit: look.freeze.cols, ySplit: look.freeze.rows }];
  return ws;
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sequence models by hand';
  wb.created = new Date(0);
  // Excel recalculates on open, so a file whose cached results were omitted still shows numbers.
  wb.calcProperties = { fullCalcOnLoad: true };
  return wb;
}

/** The .xlsx bytes of a workbook holding the given plans, one sheet each. */
export async function plansToXlsx(
  plans: readonly { plan: SheetPlan; options?: XlsxOptions }[],
): Promise<Uint8Array> {
  const wb = newWorkbook();
  for (const { plan, options } of plans) addPlanSheet(wb, plan, options);
  const buffer = await wb.xlsx.writeBuffer();
  return withDynamicArrays(new Uint8Array(buffer as unknown as ArrayBuffer));
}

export function planToXlsx(plan: SheetPlan, options: XlsxOptions = {}): Promise<Uint8Array> {
  return plansToXlsx([{ plan, options }]);
}

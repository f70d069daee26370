/**
 * SheetPlan → .xlsx with ExcelJS, for the command line and for the task pane's
 * "Download .xlsx". Formulas stay live; their cached results (what a viewer shows before
 * it recalculates) come from the core when the caller supplies them, so the file reads
 * correctly even in programs that never recalculate. Runs in Node and in the browser:
 * the result is bytes, not a file.
 */
import ExcelJS from 'exceljs';
import { a1, type PlanCell, type PlanRange, type SheetPlan } from './plan';
import { BORDER_COLOR, BOX_COLOR, PARAM_BOX_COLOR, styleFor } from './style';
import { addConditionalFormats } from './xlsx-conditional-formats';

export interface XlsxOptions {
  /** Cached result for a formula cell (omitted when undefined). */
  readonly result?: (cell: PlanCell) => number | undefined;
  /** Sheet name; default the plan's base name. */
  readonly sheetName?: string;
}

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

type Side = Partial<ExcelJS.Border>;
type Borders = { top?: Side; left?: Side; bottom?: Side; right?: Side };

/** Outer edges of every box, drawn over the cells' thin borders. */
function boxBorders(plan: SheetPlan): Map<string, Borders> {
  const paramCells = new Set(plan.cells.filter((c) => c.meaning?.param).map((c) => `${c.row},${c.col}`));
  const out = new Map<string, Borders>();
  const edge = (row: number, col: number, side: keyof Borders, color: string) => {
    const key = `${row},${col}`;
    const b = out.get(key) ?? {};
    b[side] = { style: 'medium', color: { argb: argb(color) } };
    out.set(key, b);
  };
  for (const box of plan.boxes) {
    const color = paramCells.has(`${box.top},${box.left}`) ? PARAM_BOX_COLOR : BOX_COLOR;
    for (let c = box.left; c <= box.right; c++) {
      edge(box.top, c, 'top', color);
      edge(box.bottom, c, 'bottom', color);
    }
    for (let r = box.top; r <= box.bottom; r++) {
      edge(r, box.left, 'left', color);
      edge(r, box.right, 'right', color);
    }
  }
  return out;
}

function thin(): Side {
  return { style: 'thin', color: { argb: argb(BORDER_COLOR) } };
}

function rangeRef(sheet: string, r: PlanRange): string {
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  const tl = a1(r.top, r.left, true);
  return r.top === r.bottom && r.left === r.right
    ? `${quoted}!${tl}`
    : `${quoted}!${tl}:${a1(r.bottom, r.right, true)}`;
}

/** Adds the plan as one worksheet of `wb`. */
export function addPlanSheet(
  wb: ExcelJS.Workbook,
  plan: SheetPlan,
  options: XlsxOptions = {},
): ExcelJS.Worksheet {
  let name = options.sheetName ?? plan.baseName;
  for (let k = 2; wb.getWorksheet(name); k++) name = `${options.sheetName ?? plan.baseName} ${k}`;
  const ws = wb.addWorksheet(name);
  for (const { col, width } of plan.columnWidths) ws.getColumn(col + 1).width = width;
  const boxes = boxBorders(plan);
  for (const cell of plan.cells) {
    const style = styleFor(cell.role);
    const xc = ws.getCell(cell.row + 1, cell.col + 1);
    if (cell.formula !== undefined) {
      const result = options.result?.(cell);
      xc.value =
        result === undefined
          ? { formula: cell.formula.slice(1) }
          : { formula: cell.formula.slice(1), result };
    } else if (cell.value !== undefined) {
      xc.value = cell.value;
    }
    xc.font = {
      bold: style.bold,
      italic: style.italic,
      size: style.fontSize,
      color: { argb: argb(style.fontColor) },
    };
    xc.alignment = { horizontal: style.hAlign, vertical: 'middle' };
    if (style.fill) xc.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
    const numFmt = cell.numberFormat ?? style.numberFormat;
    if (numFmt && (cell.formula !== undefined || typeof cell.value === 'number')) xc.numFmt = numFmt;
    const border: Borders = style.cellBorder
      ? { top: thin(), left: thin(), bottom: thin(), right: thin() }
      : {};
    Object.assign(border, boxes.get(`${cell.row},${cell.col}`));
    if (Object.keys(border).length > 0) xc.border = border;
  }
  for (const m of plan.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (const n of plan.names) {
    // Names are workbook-wide in ExcelJS; a second sheet of the same model keeps the first one's names.
    const taken = wb.definedNames.model.some((d) => d.name.toLowerCase() === n.name.toLowerCase());
    if (!taken) wb.definedNames.add(rangeRef(name, n.range), n.name);
  }
  addConditionalFormats(ws, plan);
  if (plan.freeze && (plan.freeze.rows > 0 || plan.freeze.cols > 0)) {
    ws.views = [{ state: 'frozen', xSplit: plan.freeze.cols, ySplit: plan.freeze.rows }];
  }
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
  return new Uint8Array(buffer as unknown as ArrayBuffer);
}

export function planToXlsx(plan: SheetPlan, options: XlsxOptions = {}): Promise<Uint8Array> {
  return plansToXlsx([{ plan, options }]);
}

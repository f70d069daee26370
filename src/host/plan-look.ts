/**
 * The one answer to "how does this plan look": every cell's fill, font, alignment,
 * number format and border; each box's colour; merges, column widths, frozen panes, the
 * sheet's name and the flows between steps (flow-look.ts: arrows, or labels where a writer
 * cannot draw). The three writers (ExcelHost through excel-ops, the .xlsx writer and
 * the preview workbook) only translate this result into their own calls, so a sheet
 * looks the same in Excel, in a downloaded file and in the preview.
 */
import type { CellRole, PlanCell, PlanRange, SheetPlan } from '../sheets/plan';
import { a1 } from '../sheets/plan';
import { BORDER_COLOR, BOX_COLOR, PARAM_BOX_COLOR, styleFor } from '../sheets/style';
import { freeSheetName } from './sheet-names';
import { resolveFlows, type ResolvedFlow } from './flow-look';

export type HAlign = 'left' | 'center' | 'right';

export interface ResolvedLook {
  /** '#RRGGBB', or undefined for no fill. */
  readonly fill?: string;
  readonly fontColor: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly fontSize: number;
  readonly hAlign: HAlign;
  /** Excel number format; undefined for text, which Excel shows as typed (General). */
  readonly numberFormat?: string;
  /** A thin grid line around the cell (vector and matrix entries). */
  readonly border: boolean;
}

export interface ResolvedCell {
  readonly row: number;
  readonly col: number;
  readonly look: ResolvedLook;
}

export interface ResolvedBox extends PlanRange {
  readonly color: string;
}

export interface Freeze {
  readonly rows: number;
  readonly cols: number;
}

export interface PlanLook {
  /** The plan's name made valid for a sheet; a writer still adds " 2", " 3" when it is taken. */
  readonly sheetName: string;
  /** In the order of `plan.cells`. */
  readonly cells: readonly ResolvedCell[];
  readonly boxes: readonly ResolvedBox[];
  readonly merges: readonly PlanRange[];
  /** Excel character units by column, sorted by column, one entry per column. */
  readonly columnWidths: readonly { readonly col: number; readonly width: number }[];
  /** Rows above and columns left of the split that stay in view; null when nothing is frozen. */
  readonly freeze: Freeze | null;
  /** The largest font (points) each row's cells use; Excel grows such rows to fit it. */
  readonly rowFontSizes: ReadonlyMap<number, number>;
  /** Where a step reads an earlier step's state: drawn as arrows, or labelled where a writer cannot draw. */
  readonly flows: readonly ResolvedFlow[];
}

export const CELL_BORDER_COLOR = BORDER_COLOR;

/** What a cell needs for its look: its role, its number format override and whether it holds text. */
export type LookSource = Pick<PlanCell, 'role' | 'numberFormat' | 'value'>;

/** A cell's look: the palette entry of its role, its own number format when it has one, none for text. */
export function resolveCellLook(cell: LookSource): ResolvedLook {
  const style = styleFor(cell.role);
  const numberFormat = typeof cell.value === 'string' ? undefined : (cell.numberFormat ?? style.numberFormat);
  return {
    fill: style.fill,
    fontColor: style.fontColor,
    bold: style.bold,
    italic: style.italic,
    fontSize: style.fontSize,
    hAlign: style.hAlign,
    numberFormat,
    border: style.cellBorder,
  };
}

const PARAM_ROLES: ReadonlySet<CellRole> = new Set(['weight', 'recurrentWeight', 'bias']);

/** Roles whose boxes get the seed's red outline: what training changes. */
export function isParameterRole(role: CellRole | null | undefined): boolean {
  return role !== null && role !== undefined && PARAM_ROLES.has(role);
}

/**
 * A box is a parameter block (red) when every cell in it that has a role is a learnable
 * parameter; a box that mixes in anything else (an input, a label) keeps the dark outline.
 */
export function boxColor(roles: readonly CellRole[]): string {
  return roles.length > 0 && roles.every((r) => PARAM_ROLES.has(r)) ? PARAM_BOX_COLOR : BOX_COLOR;
}

export function resolveBoxes(plan: SheetPlan): ResolvedBox[] {
  const roleAt = new Map(plan.cells.map((c) => [`${c.row},${c.col}`, c.role]));
  return plan.boxes.map((box) => {
    const roles: CellRole[] = [];
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++) {
        const role = roleAt.get(`${r},${c}`);
        if (role) roles.push(role);
      }
    return { top: box.top, left: box.left, bottom: box.bottom, right: box.right, color: boxColor(roles) };
  });
}

/** One width per column (the last a plan gives wins), sorted by column. */
function resolveWidths(plan: SheetPlan): { col: number; width: number }[] {
  const byCol = new Map<number, number>();
  for (const { col, width } of plan.columnWidths) byCol.set(col, width);
  return [...byCol].sort((a, b) => a[0] - b[0]).map(([col, width]) => ({ col, width }));
}

function resolveFreeze(plan: SheetPlan): Freeze | null {
  const f = plan.freeze;
  if (!f) return null;
  const rows = Math.max(0, Math.floor(f.rows));
  const cols = Math.max(0, Math.floor(f.cols));
  return rows > 0 || cols > 0 ? { rows, cols } : null;
}

export function resolvePlanLook(plan: SheetPlan): PlanLook {
  const cells = plan.cells.map((c): ResolvedCell => ({ row: c.row, col: c.col, look: resolveCellLook(c) }));
  const rowFontSizes = new Map<number, number>();
  for (const c of cells) rowFontSizes.set(c.row, Math.max(rowFontSizes.get(c.row) ?? 0, c.look.fontSize));
  return {
    sheetName: freeSheetName(plan.baseName, []),
    cells,
    boxes: resolveBoxes(plan),
    merges: plan.merges,
    columnWidths: resolveWidths(plan),
    freeze: resolveFreeze(plan),
    rowFontSizes,
    flows: resolveFlows(plan),
  };
}

/** The top-left block a freeze keeps in view, as Office.js `freezeAt` takes it ("A1:B3"). */
export function frozenBlock(freeze: Freeze): string {
  return `A1:${a1(Math.max(freeze.rows, 1) - 1, Math.max(freeze.cols, 1) - 1)}`;
}

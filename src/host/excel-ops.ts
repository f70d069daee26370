/**
 * A SheetPlan turned into the list of Office.js writes that reproduce it, as plain data.
 * Keeping this step pure lets tests and benchmarks count and size the writes without
 * Excel, and lets the host cut the list into requests below Excel's payload limit.
 */
import type { ConditionalFormat, PlanCell, PlanRange, SheetPlan } from '../sheets/plan';
import { formatKey, hasFormatting, type CellLook, type LookOf } from './cell-look';
import { CELL_BORDER_COLOR, resolvePlanLook, type Freeze, type PlanLook } from './plan-look';
import { chunkAddresses, groupRectangles, rectCols, rectRows } from './rectangles';

export type CellEntry = string | number;

export type ExcelOp =
  /** One rectangle of contents; '' marks a position with nothing to write. */
  | {
      readonly kind: 'cells';
      readonly range: PlanRange;
      readonly formulas: CellEntry[][];
      readonly numberFormat?: string[][];
    }
  /** One style over a union of rectangles (a RangeAreas). */
  | { readonly kind: 'format'; readonly ranges: readonly PlanRange[]; readonly look: CellLook }
  /** Outline of each rectangle (and its inner grid when `inside`), one colour and weight. */
  | {
      readonly kind: 'borders';
      readonly ranges: readonly PlanRange[];
      readonly color: string;
      readonly weight: 'Thin' | 'Medium';
      readonly inside: boolean;
    }
  | { readonly kind: 'merge'; readonly range: PlanRange }
  /** Columns `from`..`to` (0-based, inclusive) share one width in points. */
  | { readonly kind: 'columnWidth'; readonly from: number; readonly to: number; readonly points: number }
  | { readonly kind: 'name'; readonly name: string; readonly range: PlanRange }
  /** Rows above and columns left of the split stay in view. */
  | { readonly kind: 'freeze'; readonly freeze: Freeze }
  /** A data bar or colour scale over one rectangle. */
  | { readonly kind: 'conditionalFormat'; readonly format: ConditionalFormat };

export interface OpLimits {
  /** No single op may estimate above this many request bytes (large blocks are split). */
  readonly maxOpBytes: number;
  readonly maxAddressChars: number;
  readonly maxAreas: number;
}

export const DEFAULT_OP_LIMITS: OpLimits = { maxOpBytes: 1_000_000, maxAddressChars: 2_000, maxAreas: 200 };

/**
 * Rough cost of one queued Office.js action (object path, action id, property name) in
 * the request JSON, measured generously so the estimate errs on the large side.
 */
const ACTION_OVERHEAD = 250;

/** Bridging gaps this wide keeps label rows and their values in one block. */
const CONTENT_BRIDGE = 3;

/** Text Excel would otherwise read as a formula, number, date or boolean is kept as text. */
export function literalEntry(value: number | string): CellEntry {
  if (typeof value === 'number') return value;
  if (/^[=+\-@\d.]/.test(value) || /^(true|false)$/i.test(value.trim())) return `'${value}`;
  return value;
}

export function cellEntry(cell: PlanCell): CellEntry {
  if (cell.formula !== undefined) return cell.formula;
  if (cell.value !== undefined) return literalEntry(cell.value);
  return '';
}

/** Excel column width in characters of the default font → points (7 px per character plus 5 px padding, 0.75 pt per px). */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** UTF-8 length without allocating: Chinese labels cost three bytes a character. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value));
}

/** Estimated request bytes of one op once queued through Office.js. */
export function opBytes(op: ExcelOp): number {
  switch (op.kind) {
    case 'cells':
      return (
        3 * ACTION_OVERHEAD +
        jsonBytes(op.formulas) +
        (op.numberFormat ? ACTION_OVERHEAD + jsonBytes(op.numberFormat) : 0)
      );
    case 'format':
      return 8 * ACTION_OVERHEAD + 20 * op.ranges.length + jsonBytes(op.look);
    case 'borders':
      return (op.inside ? 20 : 14) * ACTION_OVERHEAD + 20 * op.ranges.length;
    case 'merge':
      return 2 * ACTION_OVERHEAD;
    case 'columnWidth':
      return 3 * ACTION_OVERHEAD;
    case 'name':
      return 3 * ACTION_OVERHEAD + utf8Length(op.name);
    case 'freeze':
      return 3 * ACTION_OVERHEAD;
    case 'conditionalFormat':
      return 8 * ACTION_OVERHEAD + 20 * (op.format.more?.length ?? 0);
  }
}

/** Excel's rules for a defined name: letter, '_' or '\' first; no spaces; not a cell reference. */
export function isValidExcelName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) return false;
  if (/^[A-Za-z]{1,3}\d+$/.test(name)) return false;
  if (/^[rRcC]$/.test(name) || /^[rR]\d*[cC]\d*$/.test(name)) return false;
  return true;
}

function cellsOps(plan: SheetPlan, lookOf: LookOf, limits: OpLimits): ExcelOp[] {
  const byPos = new Map<number, PlanCell>();
  const width = Math.max(plan.colCount, 1) + 1;
  for (const cell of plan.cells) byPos.set(cell.row * width + cell.col, cell);
  const ops: ExcelOp[] = [];
  for (const rect of groupRectangles(plan.cells, CONTENT_BRIDGE)) {
    const formulas: CellEntry[][] = [];
    const formats: string[][] = [];
    let anyFormat = false;
    for (let r = rect.top; r <= rect.bottom; r++) {
      const fRow: CellEntry[] = [];
      const nRow: string[] = [];
      for (let c = rect.left; c <= rect.right; c++) {
        const cell = byPos.get(r * width + c);
        fRow.push(cell ? cellEntry(cell) : '');
        const nf = cell ? (cell.numberFormat ?? lookOf(cell).numberFormat) : undefined;
        if (nf !== undefined && nf !== 'General') anyFormat = true;
        nRow.push(nf ?? 'General');
      }
      formulas.push(fRow);
      formats.push(nRow);
    }
    splitCells(rect, formulas, anyFormat ? formats : undefined, limits.maxOpBytes, ops);
  }
  return ops;
}

/** Splits a content block into row bands (and a too-wide row into column pieces) under the byte limit. */
function splitCells(
  rect: PlanRange,
  formulas: CellEntry[][],
  formats: string[][] | undefined,
  maxBytes: number,
  out: ExcelOp[],
): void {
  const whole: ExcelOp = { kind: 'cells', range: rect, formulas, numberFormat: formats };
  if (opBytes(whole) <= maxBytes) {
    out.push(whole);
    return;
  }
  if (rectRows(rect) > 1) {
    const mid = Math.floor(rectRows(rect) / 2);
    splitCells(
      { ...rect, bottom: rect.top + mid - 1 },
      formulas.slice(0, mid),
      formats?.slice(0, mid),
      maxBytes,
      out,
    );
    splitCells({ ...rect, top: rect.top + mid }, formulas.slice(mid), formats?.slice(mid), maxBytes, out);
    return;
  }
  if (rectCols(rect) > 1) {
    const mid = Math.floor(rectCols(rect) / 2);
    splitCells(
      { ...rect, right: rect.left + mid - 1 },
      [formulas[0].slice(0, mid)],
      formats && [formats[0].slice(0, mid)],
      maxBytes,
      out,
    );
    splitCells(
      { ...rect, left: rect.left + mid },
      [formulas[0].slice(mid)],
      formats && [formats[0].slice(mid)],
      maxBytes,
      out,
    );
    return;
  }
  // One cell over the limit cannot be split; Excel limits a formula to 8,192 characters anyway.
  out.push(whole);
}

function formatOps(plan: SheetPlan, lookOf: LookOf, limits: OpLimits): ExcelOp[] {
  const groups = new Map<string, { look: CellLook; cells: PlanCell[] }>();
  for (const cell of plan.cells) {
    const look = lookOf(cell);
    if (!hasFormatting(look)) continue;
    const key = formatKey(look);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { look, cells: [] }));
    g.cells.push(cell);
  }
  const ops: ExcelOp[] = [];
  for (const { look, cells } of groups.values()) {
    const { numberFormat: _nf, ...format } = look;
    for (const ranges of chunkAddresses(groupRectangles(cells), limits.maxAddressChars, limits.maxAreas)) {
      ops.push({ kind: 'format', ranges, look: format });
    }
  }
  return ops;
}

/** Thin grid around every bordered cell first, then the boxes' outlines on top of it. */
function borderOps(plan: SheetPlan, look: PlanLook, lookOf: LookOf, limits: OpLimits): ExcelOp[] {
  const ops: ExcelOp[] = [];
  const gridded = plan.cells.filter((c) => lookOf(c).cellBorder === true);
  for (const ranges of chunkAddresses(groupRectangles(gridded), limits.maxAddressChars, limits.maxAreas)) {
    ops.push({ kind: 'borders', ranges, color: CELL_BORDER_COLOR, weight: 'Thin', inside: true });
  }
  const byColor = new Map<string, PlanRange[]>();
  for (const { color, ...box } of look.boxes) {
    const list = byColor.get(color) ?? [];
    list.push(box);
    byColor.set(color, list);
  }
  for (const [color, boxes] of byColor) {
    for (const ranges of chunkAddresses(boxes, limits.maxAddressChars, limits.maxAreas)) {
      ops.push({ kind: 'borders', ranges, color, weight: 'Medium', inside: false });
    }
  }
  return ops;
}

function widthOps(look: PlanLook): ExcelOp[] {
  const sorted = look.columnWidths;
  const ops: { kind: 'columnWidth'; from: number; to: number; points: number }[] = [];
  for (const { col, width } of sorted) {
    const points = charsToPoints(width);
    const last = ops[ops.length - 1];
    if (last && last.to === col - 1 && last.points === points) last.to = col;
    else if (!last || last.to !== col) ops.push({ kind: 'columnWidth', from: col, to: col, points });
  }
  return ops;
}

/** Every write that reproduces `plan` on an empty sheet, contents first. */
export function planOps(plan: SheetPlan, lookOf: LookOf, limits: OpLimits = DEFAULT_OP_LIMITS): ExcelOp[] {
  for (const n of plan.names) {
    if (!isValidExcelName(n.name))
      throw new Error(`The sheet plan defines an invalid Excel name "${n.name}".`);
  }
  const look = resolvePlanLook(plan);
  return [
    ...cellsOps(plan, lookOf, limits),
    ...formatOps(plan, lookOf, limits),
    ...borderOps(plan, look, lookOf, limits),
    ...look.merges.map((range): ExcelOp => ({ kind: 'merge', range })),
    ...widthOps(look),
    ...plan.names.map((n): ExcelOp => ({ kind: 'name', name: n.name, range: n.range })),
    ...(look.freeze ? [{ kind: 'freeze', freeze: look.freeze } as const] : []),
    ...(plan.conditionalFormats ?? []).map((format): ExcelOp => ({ kind: 'conditionalFormat', format })),
  ];
}

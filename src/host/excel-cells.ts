/**
 * Practice reads and writes as rectangles. Queuing one `getRange` per address costs about
 * 285 request bytes a read and 568 a fill, which put a maximum practice sheet's Check and
 * marks above Excel on the web's 5 MB limit; here cells become bounding rectangles (one
 * load, one formulas array, one fill per colour over a multi-area address) and the
 * rectangles are cut into requests under a byte budget. Pure, so tests can size it.
 */
import type { CellWrite } from './host';
import { a1, parseA1, type CellPos, type PlanRange } from '../sheets/plan';
import { literalEntry, utf8Length, type CellEntry } from './excel-ops';
import { chunkAddresses, chunkBy, groupRectangles, rectCols, rectRows } from './rectangles';

export interface CellLimits {
  /** Cells read in one request: a formula and a value come back for each. */
  readonly maxReadCells: number;
  /** Estimated request bytes of one write request. */
  readonly maxWriteBytes: number;
  readonly maxAddressChars: number;
  readonly maxAreas: number;
}

/**
 * 4,000 cells a read keeps a response of the longest formulas the sheets write (under 400
 * characters, with their values) below 4 MB.
 */
export const DEFAULT_CELL_LIMITS: CellLimits = {
  maxReadCells: 4_000,
  maxWriteBytes: 3_000_000,
  maxAddressChars: 2_000,
  maxAreas: 200,
};

/** The limits for a request budget: the defaults at 4 MB, proportionally less below. */
export function cellLimitsFor(maxRequestBytes: number): CellLimits {
  const scale = Math.min(1, maxRequestBytes / 4_000_000);
  return {
    ...DEFAULT_CELL_LIMITS,
    maxReadCells: Math.max(1, Math.floor(DEFAULT_CELL_LIMITS.maxReadCells * scale)),
    maxWriteBytes: Math.max(1, Math.floor(DEFAULT_CELL_LIMITS.maxWriteBytes * scale)),
  };
}

/** Reading a few cells between two wanted ones costs less than another rectangle. */
const READ_BRIDGE = 3;
/** Request bytes of one queued call beyond its data (object path, action, property name). */
const CALL_BYTES = 400;

export function positionsOf(addresses: readonly string[]): CellPos[] {
  return addresses.map((a) => parseA1(a));
}

/** Splits a rectangle into row bands (single rows into column pieces) of at most `maxCells`. */
export function splitRect(rect: PlanRange, maxCells: number): PlanRange[] {
  const cols = rectCols(rect);
  if (cols > maxCells) {
    const out: PlanRange[] = [];
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c += maxCells)
        out.push({ top: r, bottom: r, left: c, right: Math.min(rect.right, c + maxCells - 1) });
    return out;
  }
  const rowsPer = Math.max(1, Math.floor(maxCells / cols));
  const out: PlanRange[] = [];
  for (let r = rect.top; r <= rect.bottom; r += rowsPer)
    out.push({ ...rect, top: r, bottom: Math.min(rect.bottom, r + rowsPer - 1) });
  return out;
}

/** The rectangles to load for `addresses`, grouped into requests of at most `maxReadCells` cells. */
export function readRequests(
  addresses: readonly string[],
  limits: CellLimits = DEFAULT_CELL_LIMITS,
): PlanRange[][] {
  const rects = groupRectangles(positionsOf(addresses), READ_BRIDGE).flatMap((r) =>
    splitRect(r, limits.maxReadCells),
  );
  return chunkBy(rects, (r) => rectRows(r) * rectCols(r), limits.maxReadCells);
}

/** Where each wanted address ("C12") sits in the loaded rectangles: [rectangle index, row, column]. */
export function locate(
  wanted: ReadonlySet<string>,
  rects: readonly PlanRange[],
): Map<string, [number, number, number]> {
  const out = new Map<string, [number, number, number]>();
  rects.forEach((r, k) => {
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) {
        const address = a1(row, col);
        if (wanted.has(address) && !out.has(address)) out.set(address, [k, row - r.top, col - r.left]);
      }
  });
  return out;
}

export type CellWriteOp =
  | { readonly kind: 'contents'; readonly range: PlanRange; readonly formulas: CellEntry[][] }
  | { readonly kind: 'clear'; readonly ranges: readonly PlanRange[] }
  /** `color` null clears the fill back to none. */
  | { readonly kind: 'fill'; readonly ranges: readonly PlanRange[]; readonly color: string | null };

function entryOf(content: string | number): CellEntry {
  return typeof content === 'string' && !content.startsWith('=') ? literalEntry(content) : content;
}

/**
 * Writes as rectangle operations: contents per exact rectangle (never touching a cell that
 * was not asked for), clears and fills over multi-area addresses, one fill per colour.
 * `planFill` gives the colour a `fill: null` restores (undefined: no fill).
 */
export function cellWriteOps(
  writes: readonly CellWrite[],
  planFill: (address: string) => string | undefined,
  limits: CellLimits = DEFAULT_CELL_LIMITS,
): CellWriteOp[] {
  const contents = new Map<string, CellEntry>();
  const cleared: CellPos[] = [];
  const fills = new Map<string | null, CellPos[]>();
  for (const w of writes) {
    const pos = parseA1(w.address);
    const address = a1(pos.row, pos.col);
    if (w.content === null) cleared.push(pos);
    else if (w.content !== undefined) contents.set(address, entryOf(w.content));
    if (w.fill !== undefined) {
      const color = w.fill ?? planFill(address) ?? null;
      const list = fills.get(color) ?? [];
      list.push(pos);
      fills.set(color, list);
    }
  }
  const ops: CellWriteOp[] = [];
  const maxCells = Math.max(1, Math.floor(limits.maxWriteBytes / 2 / 400));
  for (const rect of groupRectangles(positionsOf([...contents.keys()]))) {
    for (const part of splitRect(rect, maxCells)) {
      const formulas: CellEntry[][] = [];
      for (let r = part.top; r <= part.bottom; r++) {
        const row: CellEntry[] = [];
        for (let c = part.left; c <= part.right; c++) row.push(contents.get(a1(r, c))!);
        formulas.push(row);
      }
      ops.push({ kind: 'contents', range: part, formulas });
    }
  }
  for (const ranges of chunkAddresses(groupRectangles(cleared), limits.maxAddressChars, limits.maxAreas))
    ops.push({ kind: 'clear', ranges });
  for (const [color, cells] of fills)
    for (const ranges of chunkAddresses(groupRectangles(cells), limits.maxAddressChars, limits.maxAreas))
      ops.push({ kind: 'fill', ranges, color });
  return ops;
}

export function cellWriteBytes(op: CellWriteOp): number {
  if (op.kind === 'contents') return 3 * CALL_BYTES + utf8Length(JSON.stringify(op.formulas));
  return (
    4 * CALL_BYTES +
    op.ranges.reduce((n, r) => n + 16 + (r.top === r.bottom && r.left === r.right ? 0 : 8), 0)
  );
}

/** Groups write operations, in order, into requests under `maxWriteBytes`. */
export function writeRequests(
  ops: readonly CellWriteOp[],
  limits: CellLimits = DEFAULT_CELL_LIMITS,
): CellWriteOp[][] {
  return chunkBy(ops, cellWriteBytes, limits.maxWriteBytes);
}

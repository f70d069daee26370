/**
 * How a plan's flows look, settled once for the three writers (plan-look.ts hands this on):
 * the arrow's colour, weight and dash; where the arrow starts and ends on the two ranges'
 * rectangles (whatever units a writer measures them in: points in Excel, pixels in the
 * preview); and, where a writer cannot draw (the .xlsx, an Excel without shapes), which
 * cells carry the flow's label instead.
 */
import type { CellPos, PlanFlow, PlanRange, SheetPlan } from '../sheets/plan';

/** The arrows' colour: a dark slate blue, clear on white and on every fill of the palette. */
export const FLOW_COLOR = '#2F5597';
/** Line weight in points (Excel) or pixels (the preview). */
export const FLOW_WEIGHT = 1.5;
/** Every shape the add-in draws has a name starting with this, so it deletes only its own. */
export const FLOW_SHAPE_PREFIX = 'SeqByHand flow ';

export interface ResolvedFlow {
  readonly from: PlanRange;
  readonly to: PlanRange;
  readonly label: string;
  /** The shape's name in Excel ("SeqByHand flow 3"). */
  readonly name: string;
  /** The cells that show the label where no arrow can be drawn: every cell that reads the state. */
  readonly labelCells: readonly CellPos[];
}

export interface Rect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export interface Line {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

function cellsOf(r: PlanRange): CellPos[] {
  const out: CellPos[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) out.push({ row, col });
  return out;
}

export function resolveFlows(plan: SheetPlan): ResolvedFlow[] {
  return (plan.flows ?? []).map((f: PlanFlow, k) => ({
    from: f.from,
    to: f.to,
    label: f.label,
    name: `${FLOW_SHAPE_PREFIX}${k + 1}`,
    labelCells: cellsOf(f.to),
  }));
}

/** A label where no arrow can be drawn: one note on one cell. */
export interface FlowNote {
  readonly row: number;
  readonly col: number;
  /** The label of every flow the cell reads, in the plan's order, one per line. */
  readonly text: string;
}

/**
 * The notes that stand for the flows: one per reading cell. A cell can read two states
 * (LSTM BPTT's recomputed c′ₜ reads both c′ₜ₋₁ and h′ₜ₋₁), and a cell holds one note (Excel
 * refuses a second; the .xlsx keeps the last), so such a cell carries both labels.
 */
export function flowNotes(flows: readonly ResolvedFlow[]): FlowNote[] {
  const byCell = new Map<string, { row: number; col: number; labels: string[] }>();
  for (const f of flows)
    for (const { row, col } of f.labelCells) {
      const key = `${row},${col}`;
      const note = byCell.get(key) ?? { row, col, labels: [] };
      if (!note.labels.includes(f.label)) note.labels.push(f.label);
      byCell.set(key, note);
    }
  return [...byCell.values()].map(({ row, col, labels }) => ({ row, col, text: labels.join('\n') }));
}

/**
 * The arrow between two rectangles: from the side of the source that faces the target to
 * the facing side of the target, at the middle of each side. A target right of the source
 * (a forward step) is entered from its left, one to the left (the backward direction) from
 * its right; one in the same columns from above or below.
 */
export function flowLine(from: Rect, to: Rect): Line {
  const midY = (r: Rect) => r.top + r.height / 2;
  const midX = (r: Rect) => r.left + r.width / 2;
  if (to.left >= from.left + from.width)
    return { x1: from.left + from.width, y1: midY(from), x2: to.left, y2: midY(to) };
  if (to.left + to.width <= from.left)
    return { x1: from.left, y1: midY(from), x2: to.left + to.width, y2: midY(to) };
  if (to.top >= from.top + from.height)
    return { x1: midX(from), y1: from.top + from.height, x2: midX(to), y2: to.top };
  return { x1: midX(from), y1: from.top, x2: midX(to), y2: to.top + to.height };
}

/**
 * The flows of a plan in Excel: a dashed straight connector with an arrowhead from the
 * range that produced a state to the cells that read it at the next step. Excel places a
 * shape in points, so the ranges' left/top/width/height are loaded once the sheet's
 * contents and column widths are written (one request), then the shapes are added in
 * requests kept under the payload budget. A shape moves and stretches with its cells
 * (placement TwoCell), and carries its label as alt text and a name with the add-in's
 * prefix, so the add-in can find, and delete, only the shapes it drew.
 *
 * Shapes need ExcelApi 1.9 (the add-in already requires 1.12); where they are missing, the
 * flows' labels become notes on the reading cells (ExcelApi 1.18), as in the .xlsx: one
 * note per cell (flowNotes), since Excel refuses a second note on a cell.
 */
import { a1, rangeA1 } from '../sheets/plan';
import { utf8Length } from './excel-ops';
import {
  FLOW_COLOR,
  FLOW_SHAPE_PREFIX,
  FLOW_WEIGHT,
  flowLine,
  type FlowNote,
  type Rect,
  type ResolvedFlow,
} from './flow-look';
import type { IsSetSupported } from './requirements';

/** How an Excel draws the flows: shapes, notes on the reading cells, or not at all. */
export type FlowDrawing = 'shapes' | 'notes' | 'none';

export function flowDrawing(isSetSupported: IsSetSupported | undefined): FlowDrawing {
  const has = (version: string) => {
    try {
      return isSetSupported?.('ExcelApi', version) ?? false;
    } catch {
      return false;
    }
  };
  if (has('1.9')) return 'shapes';
  return has('1.18') ? 'notes' : 'none';
}

/** The two ranges of a flow, their positions queued for loading. */
export interface FlowGeometry {
  readonly flow: ResolvedFlow;
  readonly from: Excel.Range;
  readonly to: Excel.Range;
}

const GEOMETRY = 'left,top,width,height';
/** Request bytes of loading one flow's two rectangles (two getRange paths and two queries), generously. */
export const GEOMETRY_LOAD_BYTES = 6 * 250;

/** Queues the loads of every flow's two rectangles (answered by the next sync). */
export function loadFlowGeometry(sheet: Excel.Worksheet, flows: readonly ResolvedFlow[]): FlowGeometry[] {
  return flows.map((flow) => ({
    flow,
    from: sheet.getRange(rangeA1(flow.from)).load(GEOMETRY),
    to: sheet.getRange(rangeA1(flow.to)).load(GEOMETRY),
  }));
}

function rectOf(r: Excel.Range): Rect {
  return { left: r.left, top: r.top, width: r.width, height: r.height };
}

/** One shape to add: its flow and its line in points. */
export interface FlowShape {
  readonly flow: ResolvedFlow;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export function flowShapes(loaded: readonly FlowGeometry[]): FlowShape[] {
  return loaded.map((g) => ({ flow: g.flow, ...flowLine(rectOf(g.from), rectOf(g.to)) }));
}

/**
 * Request bytes of one flow as a shape, generously: the addLine call and its seven
 * property sets (name, alt text, placement, colour, dash, weight, arrowhead), each an
 * action and an object path in the request JSON, plus the label.
 */
export function flowShapeBytes(flow: ResolvedFlow): number {
  return 12 * 250 + utf8Length(flow.name) + 3 * utf8Length(flow.label);
}

/** Request bytes of one note, generously: the add call, its object paths and the text. */
export function flowNoteBytes(note: FlowNote): number {
  return 3 * 250 + 3 * utf8Length(note.text);
}

export function queueFlowShape(sheet: Excel.Worksheet, s: FlowShape): void {
  const shape = sheet.shapes.addLine(s.x1, s.y1, s.x2, s.y2, 'Straight');
  shape.name = s.flow.name;
  shape.altTextDescription = s.flow.label;
  shape.placement = 'TwoCell';
  shape.lineFormat.color = FLOW_COLOR;
  shape.lineFormat.dashStyle = 'Dash';
  shape.lineFormat.weight = FLOW_WEIGHT;
  shape.line.endArrowheadStyle = 'Triangle';
}

/** One note on the cell it belongs to (ExcelApi 1.18: `worksheet.notes.add(address, content)`). */
export function queueFlowNote(sheet: Excel.Worksheet, note: FlowNote): void {
  sheet.notes.add(a1(note.row, note.col), note.text);
}

/** Whether a shape is one the add-in drew (by the name it gave it). */
export function isOwnShape(name: string): boolean {
  return name.startsWith(FLOW_SHAPE_PREFIX);
}

/**
 * Deletes the flow shapes the add-in drew on `sheet` and leaves every other shape (a
 * learner's own drawing, a picture) where it is. Returns how many it deleted.
 */
export async function deleteOwnShapes(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
): Promise<number> {
  const shapes = sheet.shapes;
  shapes.load('items/name');
  await context.sync();
  const own = shapes.items.filter((s) => isOwnShape(s.name));
  for (const s of own) s.delete();
  if (own.length > 0) await context.sync();
  return own.length;
}

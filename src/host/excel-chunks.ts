/**
 * Cutting the write list into requests. Excel on the web rejects a request above 5 MB,
 * so each chunk is kept under a budget (4 MB by default) with room for the marker and
 * the calls that open and close the batch.
 */
import { opBytes, type ExcelOp } from './excel-ops';

export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;

export interface Chunk {
  readonly ops: readonly ExcelOp[];
  readonly bytes: number;
}

/** Greedy in order: contents stay ahead of the formats that follow them. */
export function chunkOps(ops: readonly ExcelOp[], maxBytes: number, reserveLast = 0): Chunk[] {
  const chunks: { ops: ExcelOp[]; bytes: number }[] = [];
  let current: { ops: ExcelOp[]; bytes: number } = { ops: [], bytes: 0 };
  for (const op of ops) {
    const b = opBytes(op);
    if (current.ops.length > 0 && current.bytes + b > maxBytes) {
      chunks.push(current);
      current = { ops: [], bytes: 0 };
    }
    current.ops.push(op);
    current.bytes += b;
  }
  // The last chunk also carries the sheet's marker; give it its own request if it would not fit.
  if (current.ops.length > 0 && current.bytes + reserveLast > maxBytes) {
    chunks.push(current);
    current = { ops: [], bytes: 0 };
  }
  current.bytes += reserveLast;
  chunks.push(current);
  return chunks;
}

/**
 * Kit: parameter blocks written once at the left of a band. `weightBlock` writes a slice
 * of rows of a row-major tensor (rows `rowOffset …`, the gate's or projection's part of a
 * stacked PyTorch matrix), each cell carrying its index in the whole tensor; `rowOf` is
 * the absolute reference to one of its rows, the same for every time step.
 *
 *   const W = weightBlock(b, { top, left: wCol, rows: H, cols: I, role: 'weight',
 *     param: 'W', data: p.W.data, rowOffset: g * H, caption: 'W_f' });
 *   dotF(rowOf(W, r), x(t).colRef());
 */
import { Block, type BlockPlacement, type PlanBuilder } from '../layout';

export interface WeightSlice extends BlockPlacement {
  /** The core parameter tensor the cells belong to. */
  readonly param: string;
  /** The tensor's values, row-major. */
  readonly data: ArrayLike<number>;
  /** Columns of one row of the whole tensor (default: the block's columns). */
  readonly stride?: number;
  /** First row of the tensor shown (default 0). */
  readonly rowOffset?: number;
  /** Human label of the cells' meaning (default the param name). */
  readonly tensor?: string;
  /**
   * Index of entry (r, c) in the tensor: default [rowOffset + r, c] for a matrix (a block
   * with `stride`, or more than one column), [rowOffset + r] for a vector.
   */
  readonly index?: (r: number, c: number) => readonly number[];
}

export function weightBlock(b: PlanBuilder, w: WeightSlice): Block {
  const stride = w.stride ?? w.cols;
  const off = w.rowOffset ?? 0;
  const flat = (r: number, c: number) => (off + r) * stride + c;
  return b.param({
    ...w,
    value: (r, c) => w.data[flat(r, c)],
    flat,
    index: w.index ?? ((r, c) => (w.cols === 1 && w.stride === undefined ? [off + r] : [off + r, c])),
  });
}

/** Absolute reference to row r of a parameter block (the same row for every time step). */
export function rowOf(block: Block, r: number, fromCol = 0, cols = block.cols - fromCol): string {
  return new Block(block.top + r, block.left + fromCol, 1, cols).ref(true);
}

/** The block widened to `cols` columns: a weight block and the bias written right of it, dotted as one row. */
export function widened(block: Block, cols: number): Block {
  return new Block(block.top, block.left, block.rows, cols);
}

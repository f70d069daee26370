/**
 * A linear read-out of a hidden state, ŷ = W_hy·h + b_y (W_hy is O × H, PyTorch's
 * nn.Linear layout), the head a sequence model puts on its states to predict a target.
 */
import { affineInto } from './recurrent-common';
import type { Matrix, Vector } from './tensor';

/** ŷ = W_hy·h + b_y for one state h (H values); O = rows of W_hy. */
export function outputHead(W_hy: Matrix, b_y: Vector, h: Vector): Float64Array {
  if (h.length !== W_hy.cols) {
    throw new RangeError(`h must have ${W_hy.cols} values (the columns of W_hy, O × H); got ${h.length}`);
  }
  if (b_y.length !== W_hy.rows) {
    throw new RangeError(`b_y must have ${W_hy.rows} values (O, the rows of W_hy); got ${b_y.length}`);
  }
  const out = new Float64Array(W_hy.rows);
  affineInto(out, W_hy, Float64Array.from(h), 0, Float64Array.from(b_y));
  return out;
}

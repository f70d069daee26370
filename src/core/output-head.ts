/**
 * A linear output layer read off the hidden state at every step, ŷ_t = W_hy·h_t + b_y,
 * and the squared-error loss L = ½ Σ_t Σ_k (ŷ_tk − y_tk)². Generic over the recurrent
 * cell: anything that yields a T × H state sequence can put a head on it; `outputHead`
 * reads one state (PyTorch's nn.Linear layout, W_hy is O × H).
 */
import { affineInto } from './recurrent-common';
import { matrix, type Matrix, type Vector } from './tensor';

export interface OutputHead {
  /** O × H */
  readonly W_hy: Matrix;
  /** O */
  readonly b_y: Vector;
}

export function checkHead(head: OutputHead, hiddenSize: number): void {
  const { W_hy, b_y } = head;
  if (W_hy.cols !== hiddenSize) {
    throw new RangeError(
      `W_hy must have ${hiddenSize} columns (O × H, H = ${hiddenSize}); got ${W_hy.rows}×${W_hy.cols}`,
    );
  }
  if (b_y.length !== W_hy.rows)
    throw new RangeError(`b_y must have ${W_hy.rows} values (O); got ${b_y.length}`);
}

/** ŷ for every row of `states` (T × H): a T × O matrix. */
export function outputHeadForward(head: OutputHead, states: Matrix): Matrix {
  checkHead(head, states.cols);
  const O = head.W_hy.rows;
  const out = matrix(states.rows, O);
  const row = new Float64Array(O);
  for (let t = 0; t < states.rows; t++) {
    affineInto(row, head.W_hy, states.data, t * states.cols, head.b_y);
    out.data.set(row, t * O);
  }
  return out;
}

/** ½ Σ (ŷ − y)² over every step and output. */
export function squaredErrorLoss(yHat: Matrix, Y: Matrix): number {
  checkTargets(Y, yHat.rows, yHat.cols);
  let s = 0;
  for (let k = 0; k < yHat.data.length; k++) {
    const d = yHat.data[k] - Y.data[k];
    s += d * d;
  }
  return 0.5 * s;
}

export function checkTargets(Y: Matrix, T: number, O: number): void {
  if (Y.rows !== T || Y.cols !== O) {
    throw new RangeError(`Y must be ${T}×${O} (T × O, one target row per step); got ${Y.rows}×${Y.cols}`);
  }
}

export interface HeadGradients {
  readonly W_hy: Matrix;
  readonly b_y: Vector;
}

export function zeroHeadGradients(head: OutputHead): HeadGradients {
  return { W_hy: matrix(head.W_hy.rows, head.W_hy.cols), b_y: new Float64Array(head.b_y.length) };
}

/** What the head's backward step reads and writes, set up once before the time loop. */
export interface HeadStep {
  readonly head: OutputHead;
  readonly grads: HeadGradients;
  /** T × O: dŷ_t in row t. */
  readonly dY: Matrix;
  /** T × H: h_t in row t. */
  readonly states: Matrix;
  /** H: receives W_hyᵀ dŷ_t. */
  readonly dhOut: Float64Array;
}

/**
 * The head's part of step t, backwards: with dŷ_t = row t of `dY`,
 * dW_hy += dŷ_t h_tᵀ, db_y += dŷ_t, and dhOut = W_hyᵀ dŷ_t (what the loss at step t
 * sends into h_t). Writes only into caller-owned buffers.
 */
export function headBackwardStep(s: HeadStep, t: number): void {
  const { head, grads, dY, states, dhOut } = s;
  const O = dY.cols;
  const H = states.cols;
  const dy = dY.data;
  const h = states.data;
  const w = head.W_hy.data;
  const dw = grads.W_hy.data;
  dhOut.fill(0);
  for (let k = 0; k < O; k++) {
    const e = dy[t * O + k];
    grads.b_y[k] += e;
    for (let j = 0; j < H; j++) {
      dw[k * H + j] += e * h[t * H + j];
      dhOut[j] += e * w[k * H + j];
    }
  }
}

/** The head on every state (T × H): ŷ, dŷ = ŷ − y for every step and output, and the loss ½ Σ dŷ². */
export function headPass(
  head: OutputHead,
  states: Matrix,
  Y: Matrix,
): { yHat: Matrix; dY: Matrix; loss: number } {
  const yHat = outputHeadForward(head, states);
  const loss = squaredErrorLoss(yHat, Y);
  const dY = matrix(yHat.rows, yHat.cols);
  for (let k = 0; k < dY.data.length; k++) dY.data[k] = yHat.data[k] - Y.data[k];
  return { yHat, dY, loss };
}

/** The loss of the head on every state (T × H) against the targets Y (T × O). */
export function headLoss(head: OutputHead, states: Matrix, Y: Matrix): number {
  return squaredErrorLoss(outputHeadForward(head, states), Y);
}

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

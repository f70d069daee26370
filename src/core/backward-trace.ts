/**
 * What the RNN and LSTM backward traces record alike: the head (ŷ, y, dŷ, the step's
 * loss), the split of dL/dh_t into its two sources, its norm, and for every weight block
 * this step's contribution (an outer product) and the sum over steps ≥ t.
 */
import { norm2At } from './backward-kernels';
import type { Matrix } from './tensor';
import type { Trace, TraceRecorder } from './trace';

export interface BackwardStepView {
  readonly dhOut: Float64Array;
  readonly dhFuture: Float64Array;
  readonly dh: Float64Array;
  readonly dhPrev: Float64Array;
  readonly da: Float64Array;
  readonly dY: Matrix;
}

function outer(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const out = new Float64Array(a.length * b.length);
  for (let r = 0; r < a.length; r++) for (let c = 0; c < b.length; c++) out[r * b.length + c] = a[r] * b[c];
  return out;
}

const rowOf = (m: Matrix, t: number): Float64Array => m.data.subarray(t * m.cols, (t + 1) * m.cols);

/** Records step t; `x`, `hPrev` and `h` are that step's input, previous and new state. */
export function recordBackwardStep(
  rec: TraceRecorder,
  t: number,
  s: BackwardStepView,
  io: { Y: Matrix; x: Float64Array; hPrev: Float64Array; h: Float64Array },
): void {
  const dy = rowOf(s.dY, t);
  rec.record('y', t, rowOf(io.Y, t));
  rec.record('dy', t, dy);
  rec.record('loss_step', t, [0.5 * dy.reduce((acc, e) => acc + e * e, 0)]);
  rec.record('dh_out', t, s.dhOut);
  rec.record('dh_future', t, s.dhFuture);
  rec.record('dh', t, s.dh);
  rec.record('dh_norm', t, [norm2At(s.dh, 0, s.dh.length)]);
  rec.record('dh_prev', t, s.dhPrev);
  const G = s.da.length;
  rec.record('dW_hy_step', t, outer(dy, io.h), [dy.length, io.h.length]);
  rec.record('dW_ih_step', t, outer(s.da, io.x), [G, io.x.length]);
  rec.record('dW_hh_step', t, outer(s.da, io.hPrev), [G, io.hPrev.length]);
}

/**
 * The running sums over steps ≥ t of each step's contribution (`dW_ih_acc` …, `db_acc` from
 * `da`, `db_y_acc` from `dy`), added to a finished trace. Summed here from the recorded
 * outer products, independently of the core's whole-sequence dot products, so the two
 * routes to each gradient can be compared.
 */
export function withAccumulated(trace: Trace): Trace {
  const pairs = [
    ['dW_ih_step', 'dW_ih_acc'],
    ['dW_hh_step', 'dW_hh_acc'],
    ['dW_hy_step', 'dW_hy_acc'],
    ['da', 'db_acc'],
    ['dy', 'db_y_acc'],
  ] as const;
  const tensors = { ...trace.tensors };
  const shapes = { ...trace.shapes };
  for (const [step, acc] of pairs) {
    const parts = trace.tensors[step];
    if (!parts) continue;
    const out = new Array<Float64Array>(trace.steps);
    let sum = new Float64Array(parts[0]?.length ?? 0);
    for (let t = trace.steps - 1; t >= 0; t--) {
      sum = Float64Array.from(sum, (v, k) => v + parts[t][k]);
      out[t] = sum;
    }
    tensors[acc] = out;
    shapes[acc] = trace.shapes[step];
  }
  return { steps: trace.steps, tensors, shapes };
}

/** ŷ by step, recorded from the finished forward values. */
export function recordOutputs(rec: TraceRecorder, yHat: Matrix): void {
  for (let t = 0; t < yHat.rows; t++) rec.record('y_hat', t, rowOf(yHat, t));
}

export function mergeTraces(a: Trace, b: Trace): Trace {
  return { steps: a.steps, tensors: { ...a.tensors, ...b.tensors }, shapes: { ...a.shapes, ...b.shapes } };
}

/**
 * The RNN's forward trace (x, h_prev, pre, h) extended with every backward intermediate
 * by step: y, y_hat, dy, loss_step, dh_out (from the output), dh_future (from step t + 1),
 * dh (their sum), dh_norm, da (dL/d pre), dh_prev (what goes back to h_{t−1}), and per
 * weight block the step's contribution (`dW_ih_step` …) and the sum over steps ≥ t
 * (`dW_ih_acc`, `dW_hh_acc`, `db_acc`, `dW_hy_acc`, `db_y_acc`).
 */
import { mergeTraces, recordBackwardStep, recordOutputs, withAccumulated } from './backward-trace';
import type { OutputHead } from './output-head';
import { rnnTrace, type RnnParams } from './rnn';
import { rnnBackward, type RnnBackwardResult } from './rnn-backward';
import type { Matrix, Vector } from './tensor';
import { TraceRecorder, type Trace } from './trace';

export function rnnBackwardTrace(
  p: RnnParams,
  head: OutputHead,
  X: Matrix,
  Y: Matrix,
  h0?: Vector,
): { trace: Trace; result: RnnBackwardResult } {
  const forwardTrace = rnnTrace(p, X, h0);
  const forward = forwardTrace.tensors;
  const rec = new TraceRecorder(X.rows);
  const result = rnnBackward(p, head, X, Y, h0, (t, s) => {
    recordBackwardStep(rec, t, s, { Y, x: forward.x[t], hPrev: forward.h_prev[t], h: forward.h[t] });
    rec.record('da', t, s.da);
  });
  recordOutputs(rec, result.yHat);
  return { trace: withAccumulated(mergeTraces(forwardTrace, rec.finish())), result };
}

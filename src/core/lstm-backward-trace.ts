/**
 * The LSTM's forward trace extended with every backward intermediate by step: the names
 * the RNN's backward trace has (y, y_hat, dy, loss_step, dh_out, dh_future, dh, dh_norm,
 * dh_prev, dW_*_step, dW_*_acc, db_acc, db_y_acc; `da` is 4H, rows i, f, g, o), and the
 * cell's: dc_future (dc_{t+1} ⊙ f_{t+1}), dc, dc_norm, the gate derivatives d_i, d_f,
 * d_g, d_o (dL/d of the gate values) and da_i, da_f, da_g, da_o (dL/d pre-activations).
 */
import { mergeTraces, recordBackwardStep, recordOutputs, withAccumulated } from './backward-trace';
import { norm2At } from './backward-kernels';
import { lstmTrace } from './lstm';
import { lstmBackward, type LstmBackwardResult, type LstmBpttInput } from './lstm-backward';
import { TraceRecorder, type Trace } from './trace';

const GATES = ['i', 'f', 'g', 'o'] as const;

export function lstmBackwardTrace(...input: LstmBpttInput): { trace: Trace; result: LstmBackwardResult } {
  const [p, head, X, Y, h0, c0] = input;
  const forwardTrace = lstmTrace(p, X, h0, c0);
  const forward = forwardTrace.tensors;
  const rec = new TraceRecorder(X.rows);
  const H = p.hiddenSize;
  const result = lstmBackward(p, head, X, Y, h0, c0, (t, s) => {
    recordBackwardStep(rec, t, s, { Y, x: forward.x[t], hPrev: forward.h_prev[t], h: forward.h[t] });
    rec.record('da', t, s.da);
    rec.record('dc_future', t, s.dcFuture);
    rec.record('dc', t, s.dc);
    rec.record('dc_norm', t, [norm2At(s.dc, 0, H)]);
    GATES.forEach((gate, k) => {
      rec.record(`d_${gate}`, t, s.dGate.subarray(k * H, (k + 1) * H));
      rec.record(`da_${gate}`, t, s.da.subarray(k * H, (k + 1) * H));
    });
  });
  recordOutputs(rec, result.yHat);
  return { trace: withAccumulated(mergeTraces(forwardTrace, rec.finish())), result };
}

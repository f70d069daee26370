/**
 * Trace entries for the numbers the recurrent sheets show to teach rather than to
 * compute the model: the running product of a gate (∏f, ∏z: how much of the first step's
 * memory is left), the slope of an RNN's nonlinearity, and a bidirectional stack's joined
 * output. They are derived here from the core's own values (never from the sheet), so a
 * sheet's formulas for them are checked against an independent computation.
 */
import type { Trace } from '../core/trace';

/**
 * Trace `trace` with tensor `to` added: entry s is the element-wise product of tensor
 * `from` over steps 1 … s (0-based, in the order the cell ran), the share of step 0's
 * memory still present at step s. Entry 0 is the empty product, 1: a sheet shows no cell
 * for it.
 */
export function withRunningProduct(trace: Trace, from: string, to: string): Trace {
  const gate = trace.tensors[from];
  if (!gate) throw new Error(`the trace has no ${from}`);
  const out: Float64Array[] = [];
  gate.forEach((g, s) => {
    if (s === 0) out.push(new Float64Array(g.length).fill(1));
    else out.push(out[s - 1].map((p, r) => p * g[r]));
  });
  return {
    ...trace,
    tensors: { ...trace.tensors, [to]: out },
    shapes: { ...trace.shapes, [to]: trace.shapes[from] },
  };
}

/**
 * Trace with tensor `slope` added: how much h moves per unit of z at every step,
 * 1 − h² for tanh (the derivative, in terms of the value the sheet shows) and 1 where
 * z > 0, else 0, for ReLU.
 */
export function withSlope(trace: Trace, nonlinearity: 'tanh' | 'relu'): Trace {
  const h = trace.tensors.h;
  const pre = trace.tensors.pre;
  if (!h || !pre) throw new Error('the RNN trace has no h or pre');
  const slope =
    nonlinearity === 'tanh'
      ? h.map((v) => v.map((x) => 1 - x * x))
      : pre.map((v) => v.map((z) => (z > 0 ? 1 : 0)));
  return {
    ...trace,
    tensors: { ...trace.tensors, slope },
    shapes: { ...trace.shapes, slope: trace.shapes.h },
  };
}

/**
 * Trace with tensor `to` added: at every step the tensors `from` all have, entry k is the
 * largest |value| of tensor from[k] (the encoder–decoder's hand-over size: how much of
 * the source its h and c still carry).
 */
export function withLargestMagnitude(trace: Trace, from: readonly string[], to: string): Trace {
  const sources = from.map((name) => {
    const list = trace.tensors[name];
    if (!list) throw new Error(`the trace has no ${name}`);
    return list;
  });
  const steps = Math.min(...sources.map((list) => list.length));
  const out: Float64Array[] = [];
  for (let s = 0; s < steps; s++)
    out.push(Float64Array.from(sources, (list) => Math.max(...list[s].map(Math.abs))));
  return {
    ...trace,
    tensors: { ...trace.tensors, [to]: out },
    shapes: { ...trace.shapes, [to]: [from.length] },
  };
}

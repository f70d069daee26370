/**
 * Recomputing an RNN/LSTM/GRU sheet from the values in its own cells. Each
 * layer-direction runs the core's cell trace; the backward direction runs on the
 * reversed sequence and its steps are mapped back to time, so every trace entry sits at
 * the time column its cell is shown in. Layer l's input is layer l − 1's output, as in
 * the core's stackForward.
 */
import { gruTrace, type GruParams } from '../core/gru';
import { lstmTrace, type LstmParams } from '../core/lstm';
import { rnnTrace, type RnnParams } from '../core/rnn';
import { gateCount, type CellKind } from '../core/stack';
import { matrix, type Matrix } from '../core/tensor';
import type { Trace } from '../core/trace';
import type { RecurrentConfig } from './model-spec';
import { cellTensors, requireParam } from './params';
import { tracePrefix, type StackShape } from './recurrent-sheet';

type Params = Readonly<Record<string, Float64Array>>;

function paramName(shape: StackShape, base: string, layer: number, reverse: boolean): string {
  return shape.numLayers === 1 && !shape.bidirectional
    ? base
    : `${base}_l${layer}${reverse ? '_reverse' : ''}`;
}

function cellFrom(
  kind: CellKind,
  params: Params,
  shape: StackShape,
  layer: number,
  reverse: boolean,
  inSize: number,
  H: number,
): RnnParams | LstmParams | GruParams {
  const G = gateCount[kind] * H;
  const get = (base: string, n: number) => requireParam(params, paramName(shape, base, layer, reverse), n);
  const cell = cellTensors(get, G, inSize, H);
  if (kind === 'rnn') return { ...cell, nonlinearity: shape.nonlinearity ?? 'tanh' };
  if (kind === 'lstm' && shape.peephole)
    return { ...cell, peephole: { w_ci: get('w_ci', H), w_cf: get('w_cf', H), w_co: get('w_co', H) } };
  return cell;
}

function reversed(m: Matrix): Matrix {
  const out = matrix(m.rows, m.cols);
  for (let t = 0; t < m.rows; t++)
    out.data.set(m.data.subarray((m.rows - 1 - t) * m.cols, (m.rows - t) * m.cols), t * m.cols);
  return out;
}

export function evaluateStack(
  kind: CellKind,
  config: RecurrentConfig,
  params: Params,
  shape: StackShape,
  H: number,
  I: number,
): Trace {
  const T = config.steps;
  const D = shape.bidirectional ? 2 : 1;
  const L = shape.numLayers;
  const X = matrix(T, I, requireParam(params, 'x', T * I));
  const h0 = requireParam(params, 'h0', L * D * H);
  const c0 = kind === 'lstm' ? requireParam(params, 'c0', L * D * H) : undefined;
  const tensors: Record<string, Float64Array[]> = {};
  const shapes: Record<string, readonly number[]> = {};
  let input = X;
  for (let l = 0; l < L; l++) {
    const out = matrix(T, D * H);
    for (let d = 0; d < D; d++) {
      const reverse = d === 1;
      const k = l * D + d;
      const cell = cellFrom(kind, params, shape, l, reverse, input.cols, H);
      const seq = reverse ? reversed(input) : input;
      const hStart = h0.slice(k * H, (k + 1) * H);
      const trace =
        kind === 'lstm'
          ? lstmTrace(cell as LstmParams, seq, hStart, (c0 as Float64Array).slice(k * H, (k + 1) * H))
          : kind === 'gru'
            ? gruTrace(cell as GruParams, seq, hStart)
            : rnnTrace(cell as RnnParams, seq, hStart);
      const prefix = tracePrefix(shape, l, reverse);
      for (const [name, list] of Object.entries(trace.tensors)) {
        const byTime = new Array<Float64Array>(T);
        for (let s = 0; s < T; s++) byTime[reverse ? T - 1 - s : s] = list[s];
        tensors[prefix + name] = byTime;
        shapes[prefix + name] = trace.shapes[name];
      }
      const hs = trace.tensors.h;
      for (let s = 0; s < T; s++) out.data.set(hs[s], (reverse ? T - 1 - s : s) * D * H + d * H);
    }
    input = out;
  }
  return { steps: T, tensors, shapes };
}

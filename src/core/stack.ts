/**
 * Stacked and bidirectional recurrent networks with PyTorch's conventions: layer l reads
 * layer l − 1's output; a bidirectional layer runs a second cell over the reversed
 * sequence and realigns it in time, so output[t] = [h_fwd_t ; h_bwd_t]; final states
 * are indexed layer·2 + direction (direction 1 = reverse), so the backward cell's final
 * state is the one it reaches at t = 0.
 */
import { drawGru, gruForward, type GruParams } from './gru';
import { drawLstm, lstmForward, type LstmParams } from './lstm';
import { createRng, type InitStyle } from './random';
import { drawRnn, rnnForward, type Nonlinearity, type RnnParams } from './rnn';
import { checkSequence } from './recurrent-common';
import { matrix, row, type Matrix, type Vector } from './tensor';

export type CellKind = 'rnn' | 'lstm' | 'gru';
export type CellParams = RnnParams | LstmParams | GruParams;

export interface StackParams {
  readonly kind: CellKind;
  readonly inputSize: number;
  readonly hiddenSize: number;
  readonly numLayers: number;
  readonly bidirectional: boolean;
  /** RNN only. */
  readonly nonlinearity?: Nonlinearity;
  /** [layer][direction]; direction 1 is the reverse cell. */
  readonly layers: readonly (readonly CellParams[])[];
}

export interface StackOutput {
  /** T × D·H, D = 2 when bidirectional. */
  readonly output: Matrix;
  /** L·D × H, row layer·D + direction. */
  readonly hN: Matrix;
  /** LSTM only, laid out like hN. */
  readonly cN?: Matrix;
}

/** Gate rows per hidden unit: W_ih of each kind has gateCount·H rows. */
export const gateCount: Readonly<Record<CellKind, number>> = { rnn: 1, lstm: 4, gru: 3 };

/** Input width of layer `layer`: the data for layer 0, the previous layer's output above it. */
export function layerInputSize(
  inputSize: number,
  hiddenSize: number,
  bidirectional: boolean,
  layer: number,
): number {
  return layer === 0 ? inputSize : (bidirectional ? 2 : 1) * hiddenSize;
}

/**
 * All layers from one stream in state_dict order (l0, l0_reverse, l1, …), so a
 * single-layer unidirectional stack draws exactly what initRnn/initLstm/initGru do.
 */
export function initStack(
  kind: CellKind,
  I: number,
  H: number,
  numLayers: number,
  bidirectional: boolean,
  seed: number,
  style: InitStyle,
  nonlinearity?: Nonlinearity,
): StackParams {
  if (!Number.isInteger(numLayers) || numLayers < 1)
    throw new RangeError(`numLayers must be a whole number ≥ 1; got ${numLayers}`);
  const rng = createRng(seed);
  const layers: CellParams[][] = [];
  for (let l = 0; l < numLayers; l++) {
    const inSize = layerInputSize(I, H, bidirectional, l);
    const dirs: CellParams[] = [];
    for (let d = 0; d < (bidirectional ? 2 : 1); d++) {
      if (kind === 'rnn') dirs.push(drawRnn(rng, inSize, H, style, nonlinearity ?? 'tanh'));
      else if (kind === 'lstm') dirs.push(drawLstm(rng, inSize, H, style));
      else dirs.push(drawGru(rng, inSize, H, style));
    }
    layers.push(dirs);
  }
  return stackOf({ kind, inputSize: I, hiddenSize: H, numLayers, bidirectional, nonlinearity }, layers);
}

/** A stack's params from its sizes and its cells; an RNN stack records its nonlinearity (default tanh). */
export function stackOf(
  shape: Omit<StackParams, 'layers'>,
  layers: readonly (readonly CellParams[])[],
): StackParams {
  const { nonlinearity, ...sizes } = shape;
  return { ...sizes, ...(shape.kind === 'rnn' ? { nonlinearity: nonlinearity ?? 'tanh' } : {}), layers };
}

function reverseRows(m: Matrix): Matrix {
  const out = matrix(m.rows, m.cols);
  for (let t = 0; t < m.rows; t++) out.data.set(row(m, m.rows - 1 - t), t * m.cols);
  return out;
}

function runCell(
  kind: CellKind,
  cell: CellParams,
  X: Matrix,
  h0?: Vector,
  c0?: Vector,
): { output: Matrix; hN: Vector; cN?: Vector } {
  if (kind === 'lstm') return lstmForward(cell as LstmParams, X, h0, c0);
  if (kind === 'gru') return gruForward(cell as GruParams, X, h0);
  return rnnForward(cell as RnnParams, X, h0);
}

function checkStateMatrix(name: string, m: Matrix | undefined, rows: number, H: number): void {
  if (m && (m.rows !== rows || m.cols !== H)) {
    throw new RangeError(`${name} must be ${rows}×${H} (layers·directions × H); got ${m.rows}×${m.cols}`);
  }
}

export function stackForward(p: StackParams, X: Matrix, h0?: Matrix, c0?: Matrix): StackOutput {
  checkSequence(X, p.inputSize);
  const H = p.hiddenSize;
  const D = p.bidirectional ? 2 : 1;
  const T = X.rows;
  checkStateMatrix('h0', h0, p.numLayers * D, H);
  if (c0 && p.kind !== 'lstm')
    throw new RangeError(`c0 applies to an LSTM only; this stack is ${p.kind.toUpperCase()}`);
  checkStateMatrix('c0', c0, p.numLayers * D, H);
  const hN = matrix(p.numLayers * D, H);
  const cN = p.kind === 'lstm' ? matrix(p.numLayers * D, H) : undefined;
  let input = X;
  for (let l = 0; l < p.numLayers; l++) {
    const out = matrix(T, D * H);
    for (let d = 0; d < D; d++) {
      const k = l * D + d;
      const reverse = d === 1;
      // One reversed copy per layer rather than per step: the cell code stays forward-only.
      const res = runCell(
        p.kind,
        p.layers[l][d],
        reverse ? reverseRows(input) : input,
        h0 && row(h0, k),
        c0 && row(c0, k),
      );
      // Index copies, not subarray views, so nothing is allocated per time step.
      const from = res.output.data;
      for (let t = 0; t < T; t++) {
        const src = (reverse ? T - 1 - t : t) * H;
        const dst = t * D * H + d * H;
        for (let j = 0; j < H; j++) out.data[dst + j] = from[src + j];
      }
      hN.data.set(res.hN, k * H);
      if (cN && res.cN) cN.data.set(res.cN, k * H);
    }
    input = out;
  }
  return cN ? { output: input, hN, cN } : { output: input, hN };
}

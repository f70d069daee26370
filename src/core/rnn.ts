/**
 * The vanilla (Elman) recurrent cell with PyTorch's nn.RNN names and layout:
 * h_t = act(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh), act = tanh or relu.
 */
import { createRng, drawMatrix, drawVector, type InitStyle, type Rng } from './random';
import {
  biasSum,
  checkVector,
  slot,
  twoInputAffineInto,
  traceOneState,
  runOneState,
  type StateSlots,
  type TorchCellParams,
} from './recurrent-common';
import type { Matrix, Vector } from './tensor';
import type { Trace } from './trace';

export type Nonlinearity = 'tanh' | 'relu';

/** W_ih is H × I and W_hh H × H (one gate block). */
export interface RnnParams extends TorchCellParams {
  readonly nonlinearity: Nonlinearity;
}

export interface RnnOutput {
  /** T × H: h_t in row t. */
  readonly output: Matrix;
  readonly hN: Vector;
}

/**
 * One layer-direction drawn from `rng` in state_dict order (weight_ih, weight_hh, bias_ih,
 * bias_hh). Taking the stream rather than a seed is what lets a stack draw all its
 * layers from one stream exactly as its state_dict lists them.
 */
export function drawRnn(
  rng: Rng,
  I: number,
  H: number,
  style: InitStyle,
  nonlinearity: Nonlinearity = 'tanh',
): RnnParams {
  const bound = 1 / Math.sqrt(H);
  return {
    inputSize: I,
    hiddenSize: H,
    nonlinearity,
    W_ih: drawMatrix(rng, H, I, style, bound),
    W_hh: drawMatrix(rng, H, H, style, bound),
    b_ih: drawVector(rng, H, style, bound),
    b_hh: drawVector(rng, H, style, bound),
  };
}

export function initRnn(
  I: number,
  H: number,
  seed: number,
  style: InitStyle,
  nonlinearity: Nonlinearity = 'tanh',
): RnnParams {
  return drawRnn(createRng(seed), I, H, style, nonlinearity);
}

/** Where one step reads x_t and h_{t−1} and writes h_t (h may be hPrev's own cells). */
type RnnSlots = StateSlots;

/** Buffers a pass reuses: the summed bias and `pre` (H), the pre-activation. */
interface RnnScratch {
  readonly bias: Float64Array;
  readonly pre: Float64Array;
}

function rnnScratch(p: RnnParams): RnnScratch {
  return { bias: biasSum(p.b_ih, p.b_hh), pre: new Float64Array(p.hiddenSize) };
}

/** Every read of h_{t−1} happens before the first write of h_t, so the two may share cells. */
function rnnCellInto(p: RnnParams, io: RnnSlots, s: RnnScratch): void {
  const pre = s.pre;
  twoInputAffineInto(pre, p.W_ih, io.x.data, io.x.off, p.W_hh, io.hPrev.data, io.hPrev.off, s.bias);
  const H = p.hiddenSize;
  const out = io.h.data;
  const off = io.h.off;
  if (p.nonlinearity === 'relu') {
    for (let j = 0; j < H; j++) out[off + j] = pre[j] > 0 ? pre[j] : 0;
  } else {
    for (let j = 0; j < H; j++) out[off + j] = Math.tanh(pre[j]);
  }
}

/** One step. Pass `out` (it may be hPrev itself) to reuse a buffer. */
export function rnnStep(p: RnnParams, x: Vector, hPrev: Vector, out?: Float64Array): Float64Array {
  const H = p.hiddenSize;
  checkVector('x', x, p.inputSize);
  checkVector('h_prev', hPrev, H);
  const h = out ?? new Float64Array(H);
  checkVector('out', h, H);
  rnnCellInto(p, { x: slot(x), hPrev: slot(hPrev), h: slot(h) }, rnnScratch(p));
  return h;
}

export function rnnForward(p: RnnParams, X: Matrix, h0?: Vector): RnnOutput {
  const s = rnnScratch(p);
  return runOneState(p, X, h0, (io) => rnnCellInto(p, io, s));
}

/** Every intermediate by step: x, h_prev, pre (the argument of tanh/relu), h. */
export function rnnTrace(p: RnnParams, X: Matrix, h0?: Vector): Trace {
  const s = rnnScratch(p);
  return traceOneState(
    p,
    X,
    h0,
    (io) => rnnCellInto(p, io, s),
    (rec, t) => rec.record('pre', t, s.pre),
  );
}

/**
 * One step of plain gradient descent, W′ = W − η·s·dW for every trained tensor, with the
 * optional clipping by global norm that tames exploding gradients: s = c / ‖g‖ when the
 * norm ‖g‖ of all gradients together exceeds c, else 1. (PyTorch's clip_grad_norm_ adds
 * 1e-6 to the norm; the exact ratio here is what a sheet formula can show.)
 */
import type { OutputHead } from './output-head';
import { matrix, type Matrix } from './tensor';

export type Tensor = Matrix | Float64Array;

export interface SgdOptions {
  /** η */
  readonly lr: number;
  /** c: clip when the global norm exceeds it; omitted = no clipping. */
  readonly clipNorm?: number;
}

export interface SgdResult<P> {
  readonly params: P;
  /** ‖g‖ over every gradient */
  readonly norm: number;
  /** The clipping factor s (1 when not clipped). */
  readonly scale: number;
}

function dataOf(x: Tensor): Float64Array {
  return x instanceof Float64Array ? x : x.data;
}

export function globalNorm(tensors: readonly Tensor[]): number {
  let s = 0;
  for (const t of tensors) for (const v of dataOf(t)) s += v * v;
  return Math.sqrt(s);
}

export function clipScale(norm: number, clipNorm?: number): number {
  if (clipNorm === undefined) return 1;
  if (!(clipNorm > 0)) throw new RangeError(`clipNorm must be a positive number; got ${clipNorm}`);
  return norm > clipNorm ? clipNorm / norm : 1;
}

function updated(w: Tensor, g: Tensor, factor: number): Tensor {
  const out = w instanceof Float64Array ? new Float64Array(w.length) : matrix(w.rows, w.cols);
  const wd = dataOf(w);
  const gd = dataOf(g);
  const od = dataOf(out);
  for (let k = 0; k < wd.length; k++) od[k] = wd[k] - factor * gd[k];
  return out;
}

/** New tensors for every key of `params` (the inputs are left untouched). */
export function sgdStep<P extends { readonly [K in keyof P]: Tensor }>(
  params: P,
  grads: { readonly [K in keyof P]: Tensor },
  options: SgdOptions,
): SgdResult<P> {
  if (!Number.isFinite(options.lr)) throw new RangeError(`lr must be a finite number; got ${options.lr}`);
  const keys = Object.keys(params) as (keyof P & string)[];
  for (const k of keys) {
    if (dataOf(grads[k]).length !== dataOf(params[k]).length) {
      throw new RangeError(`the gradient of ${k} must have the shape of ${k}`);
    }
  }
  const norm = globalNorm(keys.map((k) => grads[k]));
  const scale = clipScale(norm, options.clipNorm);
  const out: Record<string, Tensor> = {};
  for (const k of keys) out[k] = updated(params[k], grads[k], options.lr * scale);
  return { params: out as P, norm, scale };
}

/** A recurrent cell's trained tensors, by PyTorch name. */
export interface CellTensors {
  readonly W_ih: Matrix;
  readonly W_hh: Matrix;
  readonly b_ih: Float64Array;
  readonly b_hh: Float64Array;
}

/** The trained tensors of a recurrent cell with its output head. */
export type CellTrained = CellTensors & OutputHead;

/** One step on a cell and its head, and the loss `lossWith` computes with the new tensors. */
export function cellSgdStep(
  p: CellTensors,
  head: OutputHead,
  grads: CellTrained,
  options: SgdOptions,
  lossWith: (trained: CellTrained) => number,
): SgdResult<CellTrained> & { readonly newLoss: number } {
  const { W_ih, W_hh, b_ih, b_hh, W_hy, b_y } = grads;
  const trained: CellTrained = { W_ih: p.W_ih, W_hh: p.W_hh, b_ih: p.b_ih, b_hh: p.b_hh, ...head };
  const step = sgdStep(trained, { W_ih, W_hh, b_ih, b_hh, W_hy, b_y }, options);
  return { ...step, newLoss: lossWith(step.params) };
}

/**
 * NN.*: the scalar activations over any range (same shape back) and the seeded
 * initializer the walkthrough sheets use, so a learner can reproduce a sheet's weights.
 */
import { sigmoid, silu, softplus } from '../src/core/activations';
import { initMatrix, type InitStyle } from '../src/core/random';
import { readInteger, readMatrix, readOption, resultRows } from './args';
import { checkCost, checkInputs } from './cost';

const ANY_RANGE = 'a number or a range of numbers';

function elementwise(
  fn: 'NN.SIGMOID' | 'NN.SOFTPLUS' | 'NN.SILU',
  x: unknown,
  f: (v: number) => number,
): number[][] {
  const inputs = checkInputs(fn, [x]);
  const m = readMatrix('x', x, ANY_RANGE);
  checkCost(fn, { rows: m.rows, cols: m.cols }, inputs);
  for (let i = 0; i < m.data.length; i++) m.data[i] = f(m.data[i]);
  return resultRows(fn, m);
}

/** NN.SIGMOID: σ(x) element-wise. */
export function nnSigmoid(x: unknown): number[][] {
  return elementwise('NN.SIGMOID', x, sigmoid);
}

/** NN.SOFTPLUS: ln(1 + eˣ) element-wise, in the overflow-free form. */
export function nnSoftplus(x: unknown): number[][] {
  return elementwise('NN.SOFTPLUS', x, softplus);
}

/** NN.SILU: x·σ(x) element-wise. */
export function nnSilu(x: unknown): number[][] {
  return elementwise('NN.SILU', x, silu);
}

export const INIT_STYLES: readonly InitStyle[] = ['torch', 'hand'];
/** NN.INIT: a rows×cols matrix from a fresh seeded stream (core `initMatrix`). */
export function nnInit(rows: unknown, cols: unknown, seed: unknown, style?: unknown): number[][] {
  const r = readInteger('rows', rows, 1, 16_384);
  const c = readInteger('cols', cols, 1, 16_384);
  const s = readInteger('seed', seed, -2_147_483_648, 4_294_967_295);
  const st = readOption('style', style, INIT_STYLES, 'torch');
  checkCost('NN.INIT', { rows: r, cols: c }, checkInputs('NN.INIT', [rows, cols, seed, style]));
  return resultRows('NN.INIT', initMatrix(r, c, s, st));
}

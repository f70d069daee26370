/**
 * The input sequence shown on a sheet. It has its own random stream (offset from the
 * weights' seed) so changing the sizes of the weights never reshuffles the inputs a
 * learner has been working with, and vice versa.
 */
import { createRng, drawMatrix, type InitStyle } from '../core/random';
import type { Matrix } from '../core/tensor';

const INPUT_STREAM_OFFSET = 0x1f2e3d;

/** T × I: hand style small integers −2..2, torch style U(−1, 1). */
export function seededInput(steps: number, inputSize: number, seed: number, style: InitStyle): Matrix {
  return drawMatrix(createRng(Math.trunc(seed) + INPUT_STREAM_OFFSET), steps, inputSize, style, 1);
}

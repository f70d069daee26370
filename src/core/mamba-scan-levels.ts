/**
 * The selective scan's state computed by a Hillis–Steele parallel scan, level by level,
 * as the scan sheet shows it below the sequential scan. The pairs (Ā_t, b_t = B̄_t u_t)
 * of each (channel d, state n) are combined by (a₁, b₁) ∘ (a₂, b₂) = (a₂a₁, a₂b₁ + b₂);
 * the last level's b must equal the sequential h.
 */
import { scanPairs, selectiveScanTrace, type ScanInputs } from './mamba-scan';
import { hillisSteeleLevels, type ScanLevel } from './parallel-scan';
import type { Trace } from './trace';

/** Trace names of level k's two halves. */
export function scanLevelNames(k: number): { a: string; b: string } {
  return { a: `scan_a_l${k}`, b: `scan_b_l${k}` };
}

/** The levels for the inputs' pairs (an initial state, when given, is not part of the sheet's scan). */
export function scanLevels(inp: ScanInputs): ScanLevel[] {
  const { aBar, bu } = scanPairs(inp);
  const T = inp.u.rows;
  return hillisSteeleLevels(aBar, bu, T, T === 0 ? 0 : aBar.length / T);
}

/**
 * Per step t (D × N each): `scan_a_l{k}`, `scan_b_l{k}` for every level k, `scan_diff`
 * = |b of the last level − sequential h|, and at step 0 `scan_check` = the largest
 * scan_diff. The sequential h is `selectiveScanTrace`'s, a separate computation.
 */
export function scanLevelsTrace(inp: ScanInputs, sequential: Trace = selectiveScanTrace(inp)): Trace {
  const levels = scanLevels(inp);
  const T = inp.u.rows;
  const W = T === 0 ? 0 : levels[0].a.length / T;
  const shape = [inp.A.rows, inp.A.cols];
  const tensors: Record<string, Float64Array[]> = {};
  const shapes: Record<string, readonly number[]> = {};
  const perStep = (name: string, flat: Float64Array) => {
    tensors[name] = Array.from({ length: T }, (_, t) => flat.slice(t * W, (t + 1) * W));
    shapes[name] = shape;
  };
  levels.forEach((level, k) => {
    const names = scanLevelNames(k);
    perStep(names.a, level.a);
    perStep(names.b, level.b);
  });
  const last = levels[levels.length - 1].b;
  const diff = new Float64Array(T * W);
  for (let t = 0; t < T; t++) {
    const h = sequential.tensors.h[t];
    for (let j = 0; j < W; j++) diff[t * W + j] = Math.abs(last[t * W + j] - h[j]);
  }
  perStep('scan_diff', diff);
  tensors.scan_check = [Float64Array.of(diff.reduce((m, v) => Math.max(m, v), 0))];
  shapes.scan_check = [1];
  return { steps: T, tensors, shapes };
}

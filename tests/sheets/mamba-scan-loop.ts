/**
 * The scan sheet's selection written out with plain loops from the sheet's own parameter
 * cells, independent of the core: δ = w_Δ·u, Δ = ln(1 + e^{δ + b_Δ}), B = W_B u, C = W_C u.
 */
import type { MambaScanConfig } from '../../src/sheets/model-spec';

export interface LoopSelection {
  delta(t: number, d: number): number;
  B(t: number, n: number): number;
  C(t: number, n: number): number;
}

export function loopSelection(config: MambaScanConfig, p: Record<string, Float64Array>): LoopSelection {
  const D = config.channels;
  const u = (t: number, c: number) => p.u[t * D + c];
  const row = (W: Float64Array, n: number, t: number) => {
    let s = 0;
    for (let c = 0; c < D; c++) s += W[n * D + c] * u(t, c);
    return s;
  };
  return {
    delta: (t, d) => Math.log(1 + Math.exp(row(p.w_dt, 0, t) + p.dt_bias[d])),
    B: (t, n) => row(p.W_B, n, t),
    C: (t, n) => row(p.W_C, n, t),
  };
}

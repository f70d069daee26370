/**
 * The Mamba block sheet's one departure from mamba_ssm's init. mamba_ssm starts every
 * channel's step size Δ₀ log-uniform in [0.001, 0.1], which suits sequences of thousands
 * of tokens; over a sheet's few steps it leaves Ā = exp(ΔA) ≈ 0.99 and B̄ ≈ 0, so the scan
 * shows nothing at three decimals. The sheet keeps every other seeded draw and moves each
 * Δ₀ to the same relative place in [0.5, 1] instead, so Ā falls to about 0.4–0.6 and the
 * state visibly moves. The bias cells hold the result like any other weight, so the
 * sheet still matches the core on whatever values it shows.
 */
import { inverseSoftplus, softplus } from '../core/activations';
import type { MambaParams } from '../core/mamba-block';

/** mamba_ssm's range of initial step sizes. */
const TORCH_STEP = { lo: 1e-3, hi: 1e-1 };
/** Step sizes whose effect shows at three decimals over a handful of tokens. */
export const READABLE_STEP = { lo: 0.5, hi: 1 };

/** Maps one torch-style dt bias to the readable range, keeping its place on the log scale. */
export function readableStepBias(torchBias: number): number {
  const dt = softplus(torchBias);
  const place = Math.log(dt / TORCH_STEP.lo) / Math.log(TORCH_STEP.hi / TORCH_STEP.lo);
  // mamba_ssm floors Δ₀ at 1e-4, below the range: clamp so every bias lands inside it.
  const clamped = Math.min(1, Math.max(0, place));
  return inverseSoftplus(READABLE_STEP.lo * Math.pow(READABLE_STEP.hi / READABLE_STEP.lo, clamped));
}

/** The seeded parameters with readable step sizes (only the dt bias changes). */
export function withReadableSteps(p: MambaParams): MambaParams {
  return { ...p, dt_proj_b: p.dt_proj_b.map(readableStepBias) };
}

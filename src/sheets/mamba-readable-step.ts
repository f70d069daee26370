/**
 * The Mamba block sheet's one departure from mamba_ssm's init. mamba_ssm starts every
 * channel's step size Δ₀ log-uniform in [0.001, 0.1], which suits sequences of thousands
 * of tokens; over a sheet's few steps it leaves Ā = exp(ΔA) ≈ 0.99 and B̄ ≈ 0, so the scan
 * shows nothing at three decimals. The sheet keeps every other seeded draw and moves each
 * Δ₀ to the same relative place in [0.5, 1] instead, so Ā falls to about 0.4–0.6 and the
 * state visibly moves. It also scales dt_proj up (×8): at mamba_ssm's init Δ hardly
 * depends on the token (it varies by about 0.01 over a sheet), which is what training
 * changes; scaled, Δ moves by a few tenths from token to token, so the selection shows.
 * The cells hold the results like any other weight, so the sheet still matches the core
 * on whatever values it shows.
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

/** How much dt_proj is scaled up so that Δ visibly changes from token to token. */
export const READABLE_DT_GAIN = 8;

/** The seeded parameters with readable step sizes (the dt bias and the dt_proj weights change). */
export function withReadableSteps(p: MambaParams): MambaParams {
  const w = p.dt_proj_w;
  return {
    ...p,
    dt_proj_w: { ...w, data: w.data.map((v) => v * READABLE_DT_GAIN) },
    dt_proj_b: p.dt_proj_b.map(readableStepBias),
  };
}

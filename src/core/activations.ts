/**
 * Scalar activations in numerically stable forms. The sheets use the same forms as
 * Excel formulas (docs/ARCHITECTURE.md, "The core"), so core and sheet agree to the last few ulps.
 */

/** σ(x) = ½(1 + tanh(x/2)): no overflow for any finite x, the form the sheets write. */
export function sigmoid(x: number): number {
  return 0.5 * (1 + Math.tanh(0.5 * x));
}

/** log σ(x) = −softplus(−x), finite for x = −1000. */
export function logSigmoid(x: number): number {
  return -softplus(-x);
}

/** softplus(x) = max(x, 0) + ln(1 + e^{−|x|}). */
export function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/** The x with softplus(x) = y, for y > 0: y + ln(1 − e^{−y}), exact for small y too. */
export function inverseSoftplus(y: number): number {
  return y + Math.log(-Math.expm1(-y));
}

export function silu(x: number): number {
  return x * sigmoid(x);
}

export function relu(x: number): number {
  return x > 0 ? x : 0;
}

export const tanh = Math.tanh;

/**
 * Associative (parallel-prefix) scan of the first-order linear recurrence
 * h_t = a_t ⊙ h_{t−1} + b_t, which is what a selective SSM computes per channel and state.
 *
 * Each step is the affine map h ↦ a·h + b. Applying (a1, b1) and then (a2, b2) gives
 * (a2·a1, a2·b1 + b2): an associative (not commutative) operator, so prefixes can be
 * combined in any bracketing. That is what lets a GPU compute all T states in O(log T)
 * levels; here each level's combines are independent loops, the same data flow run on
 * one core, so the sheet and the tests can show that the bracketing does not change h.
 */

/**
 * Combines element `left` (earlier in time) into element `right` in place:
 * right ← left then right. Elements are `width`-long rows of `a` and `b`.
 */
function combineInto(a: Float64Array, b: Float64Array, width: number, left: number, right: number): void {
  const l = left * width;
  const r = right * width;
  for (let k = 0; k < width; k++) {
    const ar = a[r + k];
    b[r + k] = ar * b[l + k] + b[r + k];
    a[r + k] = ar * a[l + k];
  }
}

/**
 * Inclusive scan in place over `steps` rows of `width` values (Brent–Kung: an up-sweep
 * that builds sums over blocks of 2, 4, 8… steps, then a down-sweep that finishes every
 * prefix from the block sums). Afterwards row t of `b` is h_t for h_{−1} = 0 and row t of
 * `a` is the product a_t ⋯ a_0. Fold a non-zero initial state into b_0 before calling.
 */
export function linearRecurrenceScan(a: Float64Array, b: Float64Array, steps: number, width: number): void {
  if (a.length < steps * width || b.length < steps * width) {
    throw new RangeError(`linearRecurrenceScan: ${steps}×${width} needs ${steps * width} values per array`);
  }
  let stride = 1;
  for (; stride < steps; stride *= 2) {
    for (let i = 2 * stride - 1; i < steps; i += 2 * stride) combineInto(a, b, width, i - stride, i);
  }
  for (stride = Math.floor(stride / 2); stride >= 1; stride = Math.floor(stride / 2)) {
    for (let i = 3 * stride - 1; i < steps; i += 2 * stride) combineInto(a, b, width, i - stride, i);
  }
}

/** One level of a scan: the pairs (a_t, b_t) of every step, `steps × width` row-major. */
export interface ScanLevel {
  readonly a: Float64Array;
  readonly b: Float64Array;
}

/** ⌈log₂ T⌉: the levels a Hillis–Steele scan needs after level 0 (0 for T ≤ 1). */
export function scanDepth(steps: number): number {
  let levels = 0;
  while (2 ** levels < steps) levels++;
  return levels;
}

/**
 * The Hillis–Steele inclusive scan, kept level by level (what the scan sheet shows).
 * Level 0 is the input pairs; level k (stride s = 2^(k−1)) combines every step t ≥ s with
 * step t − s of level k − 1 and copies the steps before s. Every level reads only the one
 * before it, so all T combines of a level can run at once: ⌈log₂ T⌉ levels (the depth),
 * about T·log₂T combines (the work). The last level's b is h_t for h_{−1} = 0, its a the
 * product a_t ⋯ a_0.
 */
export function hillisSteeleLevels(
  a: Float64Array,
  b: Float64Array,
  steps: number,
  width: number,
): ScanLevel[] {
  const n = steps * width;
  if (a.length < n || b.length < n) {
    throw new RangeError(`hillisSteeleLevels: ${steps}×${width} needs ${n} values per array`);
  }
  const levels: ScanLevel[] = [{ a: a.slice(0, n), b: b.slice(0, n) }];
  for (let k = 1, s = 1; k <= scanDepth(steps); k++, s *= 2) {
    const prev = levels[k - 1];
    const next = { a: prev.a.slice(), b: prev.b.slice() };
    for (let t = s; t < steps; t++) {
      for (let j = 0; j < width; j++) {
        const r = t * width + j;
        const l = (t - s) * width + j;
        next.a[r] = prev.a[r] * prev.a[l];
        next.b[r] = prev.a[r] * prev.b[l] + prev.b[r];
      }
    }
    levels.push(next);
  }
  return levels;
}

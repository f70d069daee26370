import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { discretize } from '../../../src/core/mamba-scan';

const dbl = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

describe('discretize', () => {
  it('gives the textbook values for Δ = ln 2, a = −1 (Ā = ½, zoh B̄ = ½·b, euler B̄ = ln 2·b)', () => {
    const zoh = discretize(Math.LN2, -1, 3, 'zoh');
    expect(zoh.aBar).toBeCloseTo(0.5, 15);
    expect(zoh.bBar).toBeCloseTo(1.5, 15);
    const euler = discretize(Math.LN2, -1, 3, 'euler');
    expect(euler.aBar).toBeCloseTo(0.5, 15);
    expect(euler.bBar).toBeCloseTo(3 * Math.LN2, 15);
  });

  it('zoh equals (exp(Δa) − 1)/a · b away from a = 0; euler equals Δ·b; Ā = exp(Δa) for both', () => {
    fc.assert(
      fc.property(dbl(1e-3, 3), dbl(-5, -0.1), dbl(-3, 3), (delta, a, b) => {
        const zoh = discretize(delta, a, b, 'zoh');
        const euler = discretize(delta, a, b, 'euler');
        const aBar = Math.exp(delta * a);
        expect(Math.abs(zoh.aBar - aBar)).toBeLessThanOrEqual(1e-15);
        expect(euler.aBar).toBe(zoh.aBar);
        expect(Math.abs(zoh.bBar - ((aBar - 1) / a) * b)).toBeLessThanOrEqual(
          1e-12 * Math.max(1, Math.abs(b)),
        );
        expect(Math.abs(euler.bBar - delta * b)).toBeLessThanOrEqual(
          1e-15 * Math.max(1, Math.abs(delta * b)),
        );
      }),
    );
  });

  it('zoh and euler differ by Δ²·a·b/2 + O(Δ³) for small Δ', () => {
    fc.assert(
      fc.property(dbl(-4, -0.1), dbl(-2, 2), fc.constantFrom(1e-2, 1e-3, 1e-4), (a, b, delta) => {
        const diff = discretize(delta, a, b, 'zoh').bBar - discretize(delta, a, b, 'euler').bBar;
        // Taylor: (e^{Δa} − 1)/a = Δ + Δ²a/2 + Δ³a²/6 + …; the Δ³ term bounds the remainder.
        const remainder = Math.abs(diff - (delta * delta * a * b) / 2);
        expect(remainder).toBeLessThanOrEqual(((delta ** 3 * a * a * Math.abs(b)) / 6) * 1.01 + 1e-17);
      }),
    );
  });

  it('zoh stays finite as a → 0 and tends to the Δ·b limit', () => {
    const delta = 0.37;
    const b = -1.3;
    let prevErr = Infinity;
    for (let k = 1; k <= 320; k++) {
      const a = -(10 ** -k);
      const { aBar, bBar } = discretize(delta, a, b, 'zoh');
      expect(Number.isFinite(bBar)).toBe(true);
      expect(aBar).toBeLessThanOrEqual(1);
      const err = Math.abs(bBar - delta * b);
      // |B̄ − Δb| ≈ |Δ²ab/2|: shrinks with a, and never worse than that bound.
      expect(err).toBeLessThanOrEqual(
        ((delta * delta * Math.abs(a * b)) / 2) * 1.01 + 1e-16 * Math.abs(delta * b),
      );
      expect(err).toBeLessThanOrEqual(prevErr);
      prevErr = err;
    }
    for (const a of [0, -0, Number.MIN_VALUE, -Number.MIN_VALUE]) {
      const { aBar, bBar } = discretize(delta, a, b, 'zoh');
      expect(aBar).toBe(1);
      expect(bBar).toBe(delta * b);
    }
  });

  it('zoh keeps full precision for tiny Δa where exp(Δa) − 1 would cancel', () => {
    fc.assert(
      fc.property(dbl(1e-12, 1e-6), dbl(-2, 2), (x, b) => {
        const delta = 0.5;
        const a = -x / delta;
        // Series to x²: the next term, x³/24, is far below one ulp of the result.
        const want = delta * b * (1 - x / 2 + (x * x) / 6);
        const got = discretize(delta, a, b, 'zoh').bBar;
        expect(Math.abs(got - want)).toBeLessThanOrEqual(4e-16 * Math.abs(want) + 1e-300);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mambaScanSpec } from '../../src/sheets/mamba-scan-sheet';
import type { MambaScanConfig } from '../../src/sheets/model-spec';
import { paramsFromPlan } from '../../src/sheets/params';
import { loadPlan } from './evaluate';
import { loopSelection } from './mamba-scan-loop';
import { expectEngineSteps, expectSheetPasses, tensorAt } from './sheet-checks';

const base = mambaScanSpec.defaults;

/**
 * The scan written out from the equations with plain loops, independent of the core:
 * Δ = ln(1 + e^x), A = −e^{A_log}, B̄ either (e^{ΔA} − 1)/A · B or Δ·B.
 */
function loopScan(config: MambaScanConfig, p: Record<string, Float64Array>): number[][] {
  const D = config.channels;
  const N = config.stateSize;
  const sel = loopSelection(config, p);
  const h = new Array<number>(D * N).fill(0);
  const ys: number[][] = [];
  for (let t = 0; t < config.steps; t++) {
    const y: number[] = [];
    for (let d = 0; d < D; d++) {
      const delta = sel.delta(t, d);
      const u = p.u[t * D + d];
      let acc = p.D[d] * u;
      for (let n = 0; n < N; n++) {
        const a = -Math.exp(p.A_log[d * N + n]);
        const bBar =
          config.variant === 'euler' ? delta * sel.B(t, n) : ((Math.exp(delta * a) - 1) / a) * sel.B(t, n);
        h[d * N + n] = Math.exp(delta * a) * h[d * N + n] + bBar * u;
        acc += sel.C(t, n) * h[d * N + n];
      }
      y.push(acc);
    }
    ys.push(y);
  }
  return ys;
}

function expectOutputsMatchLoop(config: MambaScanConfig): void {
  const plan = mambaScanSpec.build(config);
  const expected = loopScan(config, paramsFromPlan(plan));
  expectEngineSteps(plan, 'y', config.steps, (t) => expected[t]);
}

describe('Mamba selective scan sheet', () => {
  it('every formula equals the core trace, before and after editing an input and A_log', () => {
    for (const variant of ['zoh', 'euler']) {
      expectSheetPasses(mambaScanSpec, { ...base, variant });
    }
  });

  it('random sizes, seeds, init styles and both discretizations evaluate to the core trace and to a plain loop', () => {
    fc.assert(
      fc.property(
        fc.record({
          channels: fc.integer({ min: 1, max: 4 }),
          stateSize: fc.integer({ min: 1, max: 4 }),
          steps: fc.integer({ min: 1, max: 5 }),
          seed: fc.integer({ min: 0, max: 10_000 }),
          init: fc.constantFrom('torch' as const, 'hand' as const),
          variant: fc.constantFrom('zoh', 'euler'),
          language: fc.constantFrom('en' as const, 'zh' as const),
        }),
        (over) => {
          const config: MambaScanConfig = { ...base, ...over };
          expectSheetPasses(mambaScanSpec, config);
          expectOutputsMatchLoop(config);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('shows both discretizations by name, and they give different B̄', () => {
    const zoh = mambaScanSpec.build({ ...base, variant: 'zoh' });
    const euler = mambaScanSpec.build({ ...base, variant: 'euler' });
    const bbar = (plan: typeof zoh) => plan.cells.find((c) => c.meaning?.trace?.name === 'Bbar')!.formula!;
    expect(bbar(zoh)).toMatch(/^=\(EXP\(.+\)-1\)\/\$/);
    expect(bbar(euler)).not.toMatch(/EXP/);
    const texts = (plan: typeof zoh) => plan.cells.map((c) => String(c.value ?? '')).join('\n');
    expect(texts(zoh)).toMatch(/zero-order hold/);
    expect(texts(euler)).toMatch(/Euler/);
  });

  it("each channel's scan reads only its own parameters: editing channel 1's leaves channel 2 unchanged", () => {
    const config: MambaScanConfig = { ...base, channels: 2, stateSize: 3, steps: 3 };
    const plan = mambaScanSpec.build(config);
    const hf = loadPlan(plan);
    try {
      const before = [0, 1, 2].map((t) => tensorAt(hf, plan, 'h', t));
      for (const cell of plan.cells) {
        const p = cell.meaning?.param;
        // Channel 0's own parameters: b_Δ, A_log and D. (u is not one of them: through the
        // selection, B, C and δ read every channel of u_t.)
        const channel0 =
          p &&
          ((p.name === 'dt_bias' && p.flat === 0) ||
            (p.name === 'A_log' && p.flat < 3) ||
            (p.name === 'D' && p.flat === 0));
        if (channel0)
          hf.setCellContents({ sheet: 0, row: cell.row, col: cell.col }, Number(cell.value) + 0.5);
      }
      let changed = 0;
      for (let t = 0; t < 3; t++) {
        const after = tensorAt(hf, plan, 'h', t);
        for (let k = 0; k < 6; k++) {
          // h is channel-major (d · N + n): entries 0..2 are channel 0, 3..5 channel 1.
          if (k < 3) changed += after.get(k) === before[t].get(k) ? 0 : 1;
          else expect(after.get(k)).toBe(before[t].get(k));
        }
      }
      expect(changed).toBeGreaterThan(0);
    } finally {
      hf.destroy();
    }
  });

  it('softplus, A = −exp(A_log) and LN (never LOG) in the formulas', () => {
    const plan = mambaScanSpec.build(base);
    const delta = plan.cells.find((c) => c.meaning?.trace?.name === 'delta')!.formula!;
    expect(delta).toMatch(/^=\(MAX\(.+,0\)\+LN\(1\+EXP\(-ABS\(.+\)\)\)\)$/);
    const a = plan.cells.find((c) => c.meaning?.trace?.name === 'A')!.formula!;
    expect(a).toMatch(/^=-EXP\([A-Z]+\d+\)$/);
  });

  it('rejects sizes above the limits and unknown variants, in both languages', () => {
    expect(mambaScanSpec.validate({ ...base, stateSize: 9 }).join(' ')).toMatch(
      /state size N must be between 1 and 4/,
    );
    expect(mambaScanSpec.validate({ ...base, stateSize: 9 }).join(' ')).toMatch(/about [\d,]+ cells/);
    expect(mambaScanSpec.validate({ ...base, variant: 'rk4' }).join(' ')).toMatch(/unknown variant/);
    expect(mambaScanSpec.validate({ ...base, language: 'zh', channels: 0 }).join(' ')).toMatch(/输入维度/);
    expect(() => mambaScanSpec.build({ ...base, steps: 50 })).toThrow(/sequence length/);
    expect(mambaScanSpec.validate(base)).toEqual([]);
  });
});

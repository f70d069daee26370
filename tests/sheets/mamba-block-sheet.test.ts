import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { initMamba, mambaBlockForward } from '../../src/core/mamba-block';
import { matrix } from '../../src/core/tensor';
import { mambaBlockSpec } from '../../src/sheets/mamba-block-sheet';
import type { MambaBlockConfig } from '../../src/sheets/model-spec';
import { paramsFromPlan } from '../../src/sheets/params';
import type { SheetPlan } from '../../src/sheets/plan';
import { loadPlan } from './evaluate';
import { expectEngineSteps, expectSheetPasses, tensorAt } from './sheet-checks';

const base = mambaBlockSpec.defaults;

/** The sheet's out cells, as the formula engine computes them, against the core's forward pass (not its trace). */
function expectOutMatchesForward(config: MambaBlockConfig, plan: SheetPlan): void {
  const seeded = initMamba(
    { dModel: config.dModel, dInner: config.dInner, dState: config.stateSize },
    config.seed,
    config.init,
  );
  const onSheet = paramsFromPlan(plan);
  // A torch-style sheet moves the step sizes to a readable range and scales dt_proj (checked below); every other
  // weight is the seeded one.
  const p = {
    ...seeded,
    dt_proj_b: onSheet.dt_proj_b,
    dt_proj_w: matrix(seeded.dt_proj_w.rows, seeded.dt_proj_w.cols, onSheet.dt_proj_w),
  };
  const X = matrix(config.steps, config.dModel, onSheet.x);
  const out = mambaBlockForward(p, X, config.variant === 'euler' ? 'euler' : 'zoh');
  const I = config.dModel;
  expectEngineSteps(plan, 'out', config.steps, (t) => out.data.subarray(t * I, (t + 1) * I));
}

describe('Mamba block sheet', () => {
  it('every formula equals the core trace for both discretizations, before and after edits', () => {
    for (const variant of ['zoh', 'euler']) {
      expectSheetPasses(mambaBlockSpec, { ...base, variant });
    }
  });

  it('random sizes, seeds, init styles and variants evaluate to the core trace and forward pass', () => {
    fc.assert(
      fc.property(
        fc.record({
          dModel: fc.integer({ min: 1, max: 3 }),
          dInner: fc.integer({ min: 1, max: 5 }),
          stateSize: fc.integer({ min: 1, max: 3 }),
          steps: fc.integer({ min: 1, max: 6 }),
          seed: fc.integer({ min: 0, max: 10_000 }),
          init: fc.constantFrom('torch' as const, 'hand' as const),
          variant: fc.constantFrom('zoh', 'euler'),
          language: fc.constantFrom('en' as const, 'zh' as const),
        }),
        (over) => {
          const config: MambaBlockConfig = { ...base, ...over };
          expectOutMatchesForward(config, expectSheetPasses(mambaBlockSpec, config));
        },
      ),
      { numRuns: 10 },
    );
  });

  it('torch-style sheets start with dt_bias steps in [0.5, 1], in the order of the seeded ones, dt_proj ×8, and every other weight seeded', () => {
    for (const seed of [1, 7, 123]) {
      const config: MambaBlockConfig = { ...base, init: 'torch', dInner: 6, seed };
      const onSheet = paramsFromPlan(mambaBlockSpec.build(config));
      const seeded = initMamba(
        { dModel: config.dModel, dInner: config.dInner, dState: config.stateSize },
        seed,
        'torch',
      );
      const step = (b: number) => Math.log1p(Math.exp(b));
      const sheetSteps = [...onSheet.dt_proj_b].map(step);
      const seededSteps = [...seeded.dt_proj_b].map(step);
      for (const dt of sheetSteps) {
        expect(dt).toBeGreaterThanOrEqual(0.5 - 1e-12);
        expect(dt).toBeLessThanOrEqual(1 + 1e-12);
      }
      for (const dt of seededSteps) expect(dt).toBeLessThanOrEqual(0.1 + 1e-12);
      // Same log-scale place: log(dt / 0.5) / log 2 equals log(dt₀ / 0.001) / log 100.
      sheetSteps.forEach((dt, c) =>
        expect(Math.log(dt / 0.5) / Math.log(2)).toBeCloseTo(
          Math.log(seededSteps[c] / 0.001) / Math.log(100),
          9,
        ),
      );
      expect([...onSheet.in_proj]).toEqual([...seeded.in_proj.data]);
      expect([...onSheet.x_proj]).toEqual([...seeded.x_proj.data]);
      expect([...onSheet.dt_proj_w]).toEqual([...seeded.dt_proj_w.data].map((w) => 8 * w));
      expect([...onSheet.out_proj]).toEqual([...seeded.out_proj.data]);
    }
  });

  it('hand-style sheets keep the seeded dt bias', () => {
    const config: MambaBlockConfig = { ...base, init: 'hand' };
    const seeded = initMamba(
      { dModel: config.dModel, dInner: config.dInner, dState: config.stateSize },
      config.seed,
      'hand',
    );
    expect([...paramsFromPlan(mambaBlockSpec.build(config)).dt_proj_b]).toEqual([...seeded.dt_proj_b]);
  });

  it('the convolution is causal and w[3] multiplies the current token', () => {
    const config: MambaBlockConfig = { ...base, steps: 5 };
    const plan = mambaBlockSpec.build(config);
    const hf = loadPlan(plan);
    try {
      const T = config.steps;
      const before = Array.from({ length: T }, (_, t) => tensorAt(hf, plan, 'conv', t));
      const xIn = Array.from({ length: T }, (_, t) => tensorAt(hf, plan, 'x_in', t));
      // Change the token at t = 3 (index 2): conv at t = 1, 2 must not move.
      const xCell = plan.cells.find(
        (c) => c.meaning?.param?.name === 'x' && c.meaning.param.flat === 2 * config.dModel,
      )!;
      hf.setCellContents({ sheet: 0, row: xCell.row, col: xCell.col }, Number(xCell.value) + 1);
      const w = paramsFromPlan(plan).conv_w;
      const after = Array.from({ length: T }, (_, t) => tensorAt(hf, plan, 'conv', t));
      const xInAfter = tensorAt(hf, plan, 'x_in', 2);
      for (let t = 0; t < 2; t++) expect(after[t]).toEqual(before[t]);
      for (let c = 0; c < config.dInner; c++) {
        const dx = (xInAfter.get(c) as number) - (xIn[2].get(c) as number);
        // At t = 3 the new x_in enters through tap 3, one step later through tap 2, then tap 1.
        for (const [t, tap] of [
          [2, 3],
          [3, 2],
          [4, 1],
        ]) {
          const diff = (after[t].get(c) as number) - (before[t].get(c) as number);
          expect(diff).toBeCloseTo(w[c * 4 + tap] * dx, 10);
        }
      }
    } finally {
      hf.destroy();
    }
  });

  it('shows the first steps without the zero-padded taps', () => {
    const plan = mambaBlockSpec.build(base);
    const conv0 = plan.cells.find(
      (c) => c.meaning?.trace?.name === 'conv' && c.meaning.trace.step === 0,
    )!.formula!;
    const conv3 = plan.cells.find(
      (c) => c.meaning?.trace?.name === 'conv' && c.meaning.trace.step === 3,
    )!.formula!;
    expect(conv0.split('*').length - 1).toBe(1);
    expect(conv3.split('*').length - 1).toBe(4);
  });

  it('rejects sizes above the limits and a state_dict it cannot load', () => {
    expect(mambaBlockSpec.validate({ ...base, dInner: 16 }).join(' ')).toMatch(
      /hidden size must be between 1 and 8/,
    );
    expect(mambaBlockSpec.validate({ ...base, dModel: 5 }).join(' ')).toMatch(/about [\d,]+ cells/);
    expect(mambaBlockSpec.validate({ ...base, stateDict: {} }).join(' ')).toMatch(/state_dict/);
    expect(mambaBlockSpec.validate(base)).toEqual([]);
  });
});

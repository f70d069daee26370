import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { MlstmConfig } from '../../src/sheets/model-spec';
import { mlstmSpec, PARALLEL_PREFIX } from '../../src/sheets/mlstm-sheet';
import { paramsFromPlan } from '../../src/sheets/params';
import type { SheetPlan } from '../../src/sheets/plan';
import { dot, naiveMlstm, rowsOfFlat } from '../core/xlstm/oracles';
import { loadPlan } from './evaluate';
import { close, expectEngineSteps, expectSheetPasses, tensorAt } from './sheet-checks';

const base = mlstmSpec.defaults;

/**
 * The unstabilised mLSTM oracle (shared with the core's tests) on projections computed
 * here from the sheet's own parameter cells: q = W_q x, k = W_k x, v = W_v x,
 * õ = W_o x + b_o, ĩ = w_i·x + b_i, f̃ = w_f·x + b_f.
 */
function naiveH(config: MlstmConfig, plan: SheetPlan): number[][] {
  const p = paramsFromPlan(plan);
  const I = config.inputSize;
  const X = rowsOfFlat(p.x, I);
  const project = (W: Float64Array, bias?: Float64Array) =>
    X.map((x) => rowsOfFlat(W, I).map((w, r) => dot(w, x) + (bias ? bias[r] : 0)));
  const gate = (w: Float64Array, b: Float64Array) => project(w, b).map((row) => row[0]);
  return naiveMlstm(
    project(p.W_q),
    project(p.W_k),
    project(p.W_v),
    gate(p.w_i, p.b_i),
    gate(p.w_f, p.b_f),
    project(p.W_o, p.b_o),
  );
}

/** Recurrent h and parallel H, as the formula engine computes them, against the naive cell. */
function expectBothFormsMatchNaive(config: MlstmConfig, plan: SheetPlan): void {
  const expected = naiveH(config, plan);
  expectEngineSteps(plan, 'h', config.steps, (t) => expected[t]);
  expectEngineSteps(plan, `${PARALLEL_PREFIX}h`, config.steps, (t) => expected[t]);
}

describe('mLSTM walkthrough sheet', () => {
  it('every formula (recurrent and parallel) equals the core traces, before and after edits', () => {
    expectBothFormsMatchNaive(base, expectSheetPasses(mlstmSpec, base));
  });

  it('random sizes, seeds and init styles: both forms agree with the core and the naive cell', () => {
    fc.assert(
      fc.property(
        fc.record({
          inputSize: fc.integer({ min: 1, max: 4 }),
          headSize: fc.integer({ min: 1, max: 4 }),
          steps: fc.integer({ min: 1, max: 6 }),
          seed: fc.integer({ min: 0, max: 10_000 }),
          init: fc.constantFrom('torch' as const, 'hand' as const),
          language: fc.constantFrom('en' as const, 'zh' as const),
        }),
        (over) => {
          const config: MlstmConfig = { ...base, ...over };
          expectBothFormsMatchNaive(config, expectSheetPasses(mlstmSpec, config));
        },
      ),
      { numRuns: 12 },
    );
  });

  it('lays out log D, D̃ and S as lower-triangular T × T matrices', () => {
    const plan = mlstmSpec.build({ ...base, steps: 4 });
    for (const name of ['log_D', 'D_tilde', 'S', 'qk']) {
      const cells = plan.cells.filter((c) => c.meaning?.trace?.name === PARALLEL_PREFIX + name);
      const pairs = cells.map((c) => [c.meaning!.trace!.step, c.meaning!.trace!.flat]);
      expect(pairs.length).toBe(name === 'qk' ? 16 : 10);
      if (name !== 'qk') for (const [t, s] of pairs) expect(s).toBeLessThanOrEqual(t);
    }
    expect(plan.cells.some((c) => c.value === '−∞')).toBe(true);
  });

  it('a gate edit moves the recurrent and the parallel h together', () => {
    const plan = mlstmSpec.build(base);
    const hf = loadPlan(plan);
    try {
      const bf = plan.cells.find((c) => c.meaning?.param?.name === 'b_f')!;
      hf.setCellContents({ sheet: 0, row: bf.row, col: bf.col }, -3);
      const T = base.steps;
      const h = tensorAt(hf, plan, 'h', T - 1);
      const H = tensorAt(hf, plan, `${PARALLEL_PREFIX}h`, T - 1);
      for (const [a, v] of h) expect(close(H.get(a) as number, v)).toBe(true);
    } finally {
      hf.destroy();
    }
  });

  it('rejects sizes above the limits', () => {
    expect(mlstmSpec.validate({ ...base, steps: 7 }).join(' ')).toMatch(
      /sequence length must be between 1 and 6/,
    );
    expect(mlstmSpec.validate({ ...base, language: 'zh', headSize: 5 }).join(' ')).toMatch(/隐藏维度/);
    expect(mlstmSpec.validate(base)).toEqual([]);
  });
});

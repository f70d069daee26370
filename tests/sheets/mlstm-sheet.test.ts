import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ModelConfig } from '../../src/sheets/model-spec';
import { mlstmSpec, PARALLEL_PREFIX } from '../../src/sheets/mlstm-sheet';
import { paramsFromPlan } from '../../src/sheets/params';
import type { SheetPlan } from '../../src/sheets/plan';
import { loadPlan } from './evaluate';
import { close, expectEngineSteps, expectSheetPasses, tensorAt } from './sheet-checks';

const base = mlstmSpec.defaults;

/**
 * mLSTM without the stabiliser, from the paper's equations and the sheet's own parameter
 * cells: i = exp(ĩ), f = σ(f̃), C = f C + i v kᵀ/√d, n = f n + i k/√d,
 * h = σ(õ) ⊙ C q / max(|nᵀq|, 1). Shares no code with the core.
 */
function naiveH(config: ModelConfig, plan: SheetPlan): number[][] {
  const p = paramsFromPlan(plan);
  const I = config.inputSize;
  const d = config.hiddenSize;
  const dot = (w: Float64Array, off: number, t: number) => {
    let s = 0;
    for (let c = 0; c < I; c++) s += w[off + c] * p.x[t * I + c];
    return s;
  };
  const C = new Array<number>(d * d).fill(0);
  const n = new Array<number>(d).fill(0);
  const out: number[][] = [];
  for (let t = 0; t < config.steps; t++) {
    const q = Array.from({ length: d }, (_, r) => dot(p.W_q, r * I, t));
    const k = Array.from({ length: d }, (_, r) => dot(p.W_k, r * I, t) / Math.sqrt(d));
    const v = Array.from({ length: d }, (_, r) => dot(p.W_v, r * I, t));
    const o = Array.from({ length: d }, (_, r) => 1 / (1 + Math.exp(-(dot(p.W_o, r * I, t) + p.b_o[r]))));
    const i = Math.exp(dot(p.w_i, 0, t) + p.b_i[0]);
    const f = 1 / (1 + Math.exp(-(dot(p.w_f, 0, t) + p.b_f[0])));
    for (let a = 0; a < d; a++) for (let j = 0; j < d; j++) C[a * d + j] = f * C[a * d + j] + i * v[a] * k[j];
    for (let j = 0; j < d; j++) n[j] = f * n[j] + i * k[j];
    const nq = n.reduce((s, nj, j) => s + nj * q[j], 0);
    const den = Math.max(Math.abs(nq), 1);
    out.push(Array.from({ length: d }, (_, a) => (o[a] * C.slice(a * d, (a + 1) * d).reduce((s, c, j) => s + c * q[j], 0)) / den));
  }
  return out;
}

/** Recurrent h and parallel H, as the formula engine computes them, against the naive cell. */
function expectBothFormsMatchNaive(config: ModelConfig, plan: SheetPlan): void {
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
          hiddenSize: fc.integer({ min: 1, max: 4 }),
          steps: fc.integer({ min: 1, max: 6 }),
          seed: fc.integer({ min: 0, max: 10_000 }),
          init: fc.constantFrom('torch' as const, 'hand' as const),
          language: fc.constantFrom('en' as const, 'zh' as const),
        }),
        (over) => {
          const config: ModelConfig = { ...base, ...over };
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
    expect(mlstmSpec.validate({ ...base, steps: 7 }).join(' ')).toMatch(/sequence length must be between 1 and 6/);
    expect(mlstmSpec.validate({ ...base, language: 'zh', hiddenSize: 5 }).join(' ')).toMatch(/隐藏维度/);
    expect(mlstmSpec.validate(base)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SlstmConfig } from '../../src/sheets/model-spec';
import { paramsFromPlan } from '../../src/sheets/params';
import { a1, type SheetPlan } from '../../src/sheets/plan';
import { slstmSpec } from '../../src/sheets/slstm-sheet';
import { naiveSlstm, rowsOfFlat } from '../core/xlstm/oracles';
import { runHarness } from './evaluate';
import { expectEngineSteps, expectHarnessPasses, expectSheetPasses } from './sheet-checks';

const base = slstmSpec.defaults;

/** The unstabilised sLSTM oracle (shared with the core's tests) on the sheet's own parameter cells. */
function naiveH(config: SlstmConfig, plan: SheetPlan): number[][] {
  const p = paramsFromPlan(plan);
  const I = config.inputSize;
  const H = config.hiddenSize;
  const forget = config.variant === 'exp' ? 'exp' : 'sigmoid';
  return naiveSlstm(
    rowsOfFlat(p.W, I),
    rowsOfFlat(p.R, H),
    Array.from(p.b),
    forget,
    rowsOfFlat(p.x, I),
    Array.from(p.h0),
  );
}

function expectMatchesNaive(config: SlstmConfig, plan: SheetPlan): void {
  const expected = naiveH(config, plan);
  expectEngineSteps(plan, 'h', config.steps, (t) => expected[t]);
}

const sizes = fc
  .record({ heads: fc.integer({ min: 1, max: 3 }), headSize: fc.integer({ min: 1, max: 2 }) })
  .map(({ heads, headSize }) => ({ heads, hiddenSize: heads * headSize }));

describe('sLSTM walkthrough sheet', () => {
  it('every formula equals the core trace for both forget gates, before and after edits', () => {
    for (const variant of ['sigmoid', 'exp'] as const) {
      const config = { ...base, variant };
      expectMatchesNaive(config, expectSheetPasses(slstmSpec, config));
    }
  });

  it('random sizes, heads, seeds, init styles and forget gates evaluate to the core trace and the unstabilised cell', () => {
    fc.assert(
      fc.property(
        sizes,
        fc.record({
          inputSize: fc.integer({ min: 1, max: 3 }),
          steps: fc.integer({ min: 1, max: 5 }),
          seed: fc.integer({ min: 0, max: 10_000 }),
          init: fc.constantFrom('torch' as const, 'hand' as const),
          variant: fc.constantFrom('sigmoid', 'exp'),
          language: fc.constantFrom('en' as const, 'zh' as const),
        }),
        (hs, over) => {
          const config: SlstmConfig = { ...base, ...hs, ...over };
          expectMatchesNaive(config, expectSheetPasses(slstmSpec, config));
        },
      ),
      { numRuns: 12 },
    );
  });

  it('the stabiliser starts as m_1 = ĩ_1 and every later m is a MAX', () => {
    const plan = slstmSpec.build(base);
    const m = plan.cells.filter((c) => c.meaning?.trace?.name === 'm');
    const pre = plan.cells.filter((c) => c.meaning?.trace?.name === 'pre_i' && c.meaning.trace.step === 0);
    for (const cell of m) {
      if (cell.meaning!.trace!.step === 0) {
        const target = pre.find((p) => p.meaning!.trace!.flat === cell.meaning!.trace!.flat)!;
        expect(cell.formula).toBe(`=${a1(target.row, target.col)}`);
      } else expect(cell.formula).toMatch(/^=MAX\(/);
    }
    expect(m.length).toBe(base.steps * base.hiddenSize);
  });

  it('R is block-diagonal per head on the sheet, and an edit outside a block still flows through', () => {
    const config: SlstmConfig = { ...base, hiddenSize: 4, heads: 2 };
    const plan = slstmSpec.build(config);
    const R = plan.cells.filter((c) => c.meaning?.param?.name === 'R');
    expect(R.length).toBe(4 * 4 * 4);
    for (const cell of R) {
      const flat = cell.meaning!.param!.flat;
      const [r, c] = [Math.floor(flat / 4) % 4, flat % 4];
      if (Math.floor(r / 2) !== Math.floor(c / 2)) expect(cell.value).toBe(0);
    }
    // Off-block entry R_i[0, 3] couples head 2 into head 1: the core applies R in full, as the sheet does.
    const off = R.find((c) => c.meaning!.param!.flat === 3)!;
    const edited = { ...plan, cells: plan.cells.map((c) => (c === off ? { ...c, value: 1.5 } : c)) };
    expectHarnessPasses(runHarness(edited, slstmSpec));
    expectMatchesNaive(config, edited);
  });

  it('rejects a hidden size that the heads do not divide, and sizes above the limits', () => {
    expect(slstmSpec.validate({ ...base, hiddenSize: 5, heads: 2 }).join(' ')).toMatch(
      /multiple of the number of heads/,
    );
    expect(slstmSpec.validate({ ...base, language: 'zh', hiddenSize: 3, heads: 2 }).join(' ')).toMatch(
      /头数/,
    );
    expect(slstmSpec.validate({ ...base, heads: 8, hiddenSize: 8 }).join(' ')).toMatch(
      /heads must be between 1 and 4/,
    );
    expect(() => slstmSpec.build({ ...base, variant: 'tanh' })).toThrow(/unknown variant/);
    expect(slstmSpec.validate(base)).toEqual([]);
  });
});

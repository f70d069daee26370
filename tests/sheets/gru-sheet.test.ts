import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gruSpec } from '../../src/sheets/gru-sheet';
import type { ModelConfig } from '../../src/sheets/model-spec';
import { a1 } from '../../src/sheets/plan';
import { runHarness } from './evaluate';
import { expectHarnessPasses, finalOutputMatchesStack } from './recurrent-checks';

const base = gruSpec.defaults;

describe('GRU walkthrough sheet', () => {
  it('every formula equals the core trace, before and after editing an input and a weight', () => {
    const plan = gruSpec.build(base);
    expectHarnessPasses(runHarness(plan, gruSpec));
    finalOutputMatchesStack('gru', base, plan);
  });

  it('random sizes, variants, layers and init styles all evaluate to the core trace', () => {
    fc.assert(
      fc.property(
        fc.record({
          inputSize: fc.integer({ min: 1, max: 4 }),
          hiddenSize: fc.integer({ min: 1, max: 3 }),
          steps: fc.integer({ min: 1, max: 4 }),
          seed: fc.integer({ min: 0, max: 10_000 }),
          init: fc.constantFrom('torch' as const, 'hand' as const),
          variant: fc.constantFrom('standard', 'bidirectional'),
          numLayers: fc.integer({ min: 1, max: 2 }),
          language: fc.constantFrom('en' as const, 'zh' as const),
        }),
        (over) => {
          const config: ModelConfig = { ...base, ...over };
          const plan = gruSpec.build(config);
          expectHarnessPasses(runHarness(plan, gruSpec));
          finalOutputMatchesStack('gru', config, plan);
        },
      ),
      { numRuns: 10 },
    );
  });

  it('applies the reset gate after the hidden matmul: n reads r times gh_n, where b_hn sits', () => {
    const plan = gruSpec.build(base);
    const n = plan.cells.find((c) => c.meaning?.trace?.name === 'n' && c.meaning.trace.step === 1);
    const gh = plan.cells.find((c) => c.meaning?.trace?.name === 'gh_n' && c.meaning.trace.step === 1 && c.meaning.trace.flat === n?.meaning?.trace?.flat);
    const r = plan.cells.find((c) => c.meaning?.trace?.name === 'r' && c.meaning.trace.step === 1 && c.meaning.trace.flat === n?.meaning?.trace?.flat);
    expect(n?.formula).toContain('*');
    if (!r || !gh) throw new Error('missing r or gh_n cells');
    expect(n?.formula).toContain(`${a1(r.row, r.col)}*${a1(gh.row, gh.col)}`);
  });
});

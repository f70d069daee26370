import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gruSpec } from '../../src/sheets/gru-sheet';
import { a1 } from '../../src/sheets/plan';
import { expectSheetMatchesStack, recurrentConfigs } from './recurrent-checks';

const base = gruSpec.defaults;

describe('GRU walkthrough sheet', () => {
  it('every formula equals the core trace, before and after editing an input and a weight', () => {
    expectSheetMatchesStack(gruSpec, 'gru', base);
  });

  it('random sizes, variants, layers and init styles all evaluate to the core trace', () => {
    const configs = recurrentConfigs(base, ['standard', 'bidirectional']);
    fc.assert(
      fc.property(configs, (config) => expectSheetMatchesStack(gruSpec, 'gru', config)),
      { numRuns: 10 },
    );
  });

  it('applies the reset gate after the hidden matmul: n reads r times gh_n, where b_hn sits', () => {
    const plan = gruSpec.build(base);
    const n = plan.cells.find((c) => c.meaning?.trace?.name === 'n' && c.meaning.trace.step === 1);
    const gh = plan.cells.find(
      (c) =>
        c.meaning?.trace?.name === 'gh_n' &&
        c.meaning.trace.step === 1 &&
        c.meaning.trace.flat === n?.meaning?.trace?.flat,
    );
    const r = plan.cells.find(
      (c) =>
        c.meaning?.trace?.name === 'r' &&
        c.meaning.trace.step === 1 &&
        c.meaning.trace.flat === n?.meaning?.trace?.flat,
    );
    expect(n?.formula).toContain('*');
    if (!r || !gh) throw new Error('missing r or gh_n cells');
    expect(n?.formula).toContain(`${a1(r.row, r.col)}*${a1(gh.row, gh.col)}`);
  });
});

import { describe, expect, it } from 'vitest';
import { encodeMarker } from '../../src/host/sheet-marker';
import { loadPracticeContext } from '../../src/practice/context';
import { createPracticeSheet } from '../../src/practice/create';
import { makePracticePlan } from '../../src/practice/practice-plan';
import type { ModelConfig, VariantIds } from '../../src/sheets/model-spec';
import { buildPlan, specFor } from '../../src/sheets/registry';
import { FormulaHost } from './formula-host';

/** The largest sizes the pane offers for a model. */
function largest(model: 'lstm' | 'gru', variant: VariantIds['lstm'] & VariantIds['gru']): ModelConfig {
  const spec = specFor(model);
  const sizes: Record<string, number> = {};
  for (const [field, limit] of Object.entries(spec.limits)) sizes[field] = limit!.max;
  // The variant is one both cells offer; buildPlan validates the config in any case.
  return { ...spec.defaults, ...sizes, variant } as ModelConfig;
}

describe('practice markers stay small', () => {
  it('a maximum "everything" sheet stores a handful of marker properties, not one per answer', () => {
    const plan = buildPlan(largest('lstm', 'bidirectional'));
    const practice = makePracticePlan(plan, 'everything', 1);
    expect(practice.answers.length).toBeGreaterThan(10_000);
    const marker = encodeMarker({ ...practice.metadata });
    expect(marker.length).toBeLessThanOrEqual(3);
    expect(marker.reduce((n, p) => n + p.value.length, 0)).toBeLessThan(600);
  });

  it('the answers derived from a compact marker are the cells the sheet blanked', async () => {
    const host = new FormulaHost();
    const config = { ...specFor('gru').defaults, inputSize: 2, hiddenSize: 2, steps: 3 };
    const made = await createPracticeSheet(host, config, 'all-gates', 3);
    const ctx = await loadPracticeContext(host, made.sheetName);
    expect(ctx.answers).toEqual(made.answers);
  });

  it('still reads a marker of an earlier version that lists the answers, and refuses a digest that does not match', async () => {
    const host = new FormulaHost();
    const config = { ...specFor('gru').defaults, inputSize: 2, hiddenSize: 2, steps: 3 };
    const made = await createPracticeSheet(host, config, 'one-step', 3);
    const saved = host.save();
    const withMetadata = (metadata: Record<string, unknown>) =>
      new FormulaHost({
        sheets: saved.sheets.map((s) => (s.name === made.sheetName ? { ...s, metadata } : s)),
      });
    const { answerDigest: _digest, ...rest } = saved.sheets.find((s) => s.name === made.sheetName)!.metadata!;
    const old = withMetadata({ ...rest, answers: made.answers.slice(0, 2) });
    expect((await loadPracticeContext(old, made.sheetName)).answers).toEqual(made.answers.slice(0, 2));
    const wrong = withMetadata({ ...rest, answerDigest: '1:00000000' });
    await expect(loadPracticeContext(wrong, made.sheetName)).rejects.toThrow(/do not match/);
  });
});

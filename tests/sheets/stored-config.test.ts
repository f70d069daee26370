/**
 * Variant ids belong to their model: the one parser of stored settings accepts a model's
 * own variants and rejects any other model's, naming the field; the config types refuse
 * them at compile time too.
 */
import { describe, expect, it } from 'vitest';
import type { MambaScanConfig, RecurrentConfig, SlstmConfig } from '../../src/sheets/model-spec';
import { availableModels } from '../../src/sheets/registry';
import { parseConfig } from '../../src/sheets/stored-config';

const specs = availableModels();
const allIds = [...new Set(specs.flatMap((s) => s.variants.map((v) => v.id)))];

describe('stored settings: variants per model', () => {
  it('every model accepts each of its own variants', () => {
    for (const spec of specs)
      for (const v of spec.variants) {
        const parsed = parseConfig({ ...spec.defaults, variant: v.id });
        expect(parsed, `${spec.id}/${v.id}`).toMatchObject({
          ok: true,
          config: { model: spec.id, variant: v.id },
        });
      }
  });

  it("rejects another model's variant, naming the field and listing the model's own ids", () => {
    let rejected = 0;
    for (const spec of specs) {
      const own = spec.variants.map((v) => v.id);
      for (const id of allIds.filter((x) => !own.includes(x))) {
        for (const language of ['en', 'zh'] as const) {
          const parsed = parseConfig({ ...spec.defaults, language, variant: id });
          expect(parsed.ok, `${spec.id} took ${id}`).toBe(false);
          if (parsed.ok) continue;
          expect(parsed.field).toBe('variant');
          expect(parsed.problem).toContain('variant');
          expect(parsed.problem).toContain(own.join(' | '));
          expect(parsed.problem).toContain(JSON.stringify(id));
          rejected++;
        }
      }
    }
    // Every model offers only a few of the ids in use, so most pairs are foreign.
    expect(rejected).toBeGreaterThan(specs.length * 4);
  });

  it('the config types take only their own model’s ids', () => {
    const gru: RecurrentConfig<'gru'> = {
      model: 'gru',
      language: 'en',
      inputSize: 1,
      hiddenSize: 1,
      steps: 1,
      seed: 1,
      init: 'hand',
      variant: 'bidirectional',
    };
    // @ts-expect-error 'peephole' is an LSTM variant
    const peepholeGru: RecurrentConfig<'gru'> = { ...gru, variant: 'peephole' };
    // @ts-expect-error 'zoh' is a Mamba variant
    const zohSlstm: Pick<SlstmConfig, 'variant'> = { variant: 'zoh' };
    // @ts-expect-error 'exp' is an sLSTM variant
    const expScan: Pick<MambaScanConfig, 'variant'> = { variant: 'exp' };
    expect([peepholeGru.variant, zohSlstm.variant, expScan.variant]).toEqual(['peephole', 'zoh', 'exp']);
  });
});

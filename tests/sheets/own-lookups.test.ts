/**
 * A user string (a model id, a variant, a language, a stored marker's fields) is looked
 * up by own properties only: names every object inherits are unknown, with a clear
 * message, never a crash such as "spec.build is not a function".
 */
import { describe, expect, it } from 'vitest';
import { listNames } from '../../src/core/name-list';
import { stackFromStateDict } from '../../src/core/state-dict';
import { availableModels, buildPlan, specFor } from '../../src/sheets/registry';
import { label, pick } from '../../src/sheets/i18n';

const INHERITED = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

describe('lookups by own properties', () => {
  it('refuses inherited names as models', () => {
    for (const name of INHERITED) expect(() => specFor(name)).toThrow(`unknown model "${name}"`);
  });

  it('reports inherited names as unknown variants and languages, for every model', () => {
    for (const spec of availableModels()) {
      for (const name of INHERITED) {
        const variant = spec.validate({ ...spec.defaults, variant: name });
        expect(variant.join('\n')).toContain(`unknown variant "${name}"`);
        const language = spec.validate({ ...spec.defaults, language: name as 'en' });
        expect(language.join('\n')).toMatch(/language must be "?en"? (\| |or )"?zh"?/);
        expect(() => buildPlan({ ...spec.defaults, language: name as 'en' })).toThrow(/language/);
      }
    }
  });

  it('falls back to English text for a language that is not a table', () => {
    expect(label('constructor' as 'en', 'seed')).toBe('Seed');
    expect(pick('toString' as 'en', { en: 'a', zh: 'b' })).toBe('a');
  });

  it('does not count inherited names as state_dict tensors', () => {
    const dict = Object.create({ weight_ih_l1: [[1]], weight_ih_l0_reverse: [[1]] }) as Record<
      string,
      unknown
    >;
    dict.weight_ih_l0 = [[1, 2]];
    dict.weight_hh_l0 = [[0.5]];
    const p = stackFromStateDict('rnn', dict);
    expect(p.numLayers).toBe(1);
    expect(p.bidirectional).toBe(false);
  });
});

describe('bounded name lists', () => {
  it('lists a handful of names, then how many more', () => {
    const names = Array.from({ length: 1000 }, (_, i) => `k${i}`);
    expect(listNames(names)).toBe('k0, k1, k2, k3, k4 and 995 more');
    expect(listNames(names, 2, (shown, rest) => `${shown} 等另外 ${rest} 个`)).toBe('k0, k1 等另外 998 个');
    expect(listNames(['a', 'b'])).toBe('a, b');
  });

  it('keeps the message of a state_dict with a hundred thousand stray keys short', () => {
    const dict: Record<string, unknown> = { weight_ih_l0: [[1, 2]], weight_hh_l0: [[0.5]] };
    for (let i = 0; i < 100_000; i++) dict[`extra_${i}`] = 0;
    let message = '';
    try {
      stackFromStateDict('rnn', dict);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('extra_0, extra_1, extra_2, extra_3, extra_4 and 99995 more');
    expect(message.length).toBeLessThan(300);
  });
});

/**
 * Property-based fuzzing of the state_dict text parser and the checks that read the dict
 * it returns: for any text (random characters, any JSON, deep nesting, near-valid
 * state_dicts with spoiled entries), parsing never throws and never hangs, and every
 * model's `validate` answers with a list of problems instead of throwing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { performance } from 'node:perf_hooks';
import { initStack } from '../../src/core/stack';
import { stackToStateDict } from '../../src/core/state-dict';
import { availableModels } from '../../src/sheets/registry';
import { MAX_STATE_DICT_DEPTH, nestingDepth, parseStateDictText } from '../../src/sheets/state-dict-text';

/** Generous for a loaded machine; a hang or a quadratic blow-up takes far longer. */
const QUICK_MS = 500;

function timed<T>(f: () => T): T {
  const start = performance.now();
  const out = f();
  expect(performance.now() - start).toBeLessThan(QUICK_MS);
  return out;
}

const TENSOR_NAMES = [
  'weight_ih_l0',
  'weight_hh_l0',
  'bias_ih_l0',
  'bias_hh_l0',
  'weight_ih_l0_reverse',
  'weight_ih_l1',
  'weight_ci_l0',
  'in_proj.weight',
  'conv1d.weight',
  'A_log',
  'D',
  'constructor',
  '__proto__',
  'toString',
];

/** Deeply nested arrays, objects and strings with brackets in them. */
const nested = fc
  .integer({ min: 0, max: 20_000 })
  .map((d) => `{"weight_ih_l0": ${'['.repeat(d)}${']'.repeat(d)}}`);
const bracketsInStrings = fc.integer({ min: 1, max: 5000 }).map((d) => JSON.stringify({ k: '['.repeat(d) }));
const tensorish: fc.Arbitrary<unknown> = fc.letrec<{ t: unknown }>((tie) => ({
  t: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.double(),
    fc.constantFrom(null, true, 'x', 1e308, -0),
    fc.array(tie('t'), { maxLength: 4 }),
  ),
})).t;
const nearStateDict = fc.dictionary(fc.constantFrom(...TENSOR_NAMES), tensorish, { maxKeys: 6 });
const realWithSpoil = fc
  .tuple(
    fc.constantFrom('rnn', 'lstm', 'gru') as fc.Arbitrary<'rnn' | 'lstm' | 'gru'>,
    fc.constantFrom(...TENSOR_NAMES),
    tensorish,
  )
  .map(([kind, key, value]) => ({
    ...stackToStateDict(initStack(kind, 2, 2, 1, false, 3, 'hand')),
    [key]: value,
  }));

const anyText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.json({ maxDepth: 6 }),
  fc.json({ maxDepth: 6 }).map((j) => `\uFEFF${j}`),
  nested,
  bracketsInStrings,
  nearStateDict.map((d) => JSON.stringify(d)),
  realWithSpoil.map((d) => JSON.stringify(d)),
);

describe('state_dict text parser (fuzzed)', () => {
  it('never throws or hangs, and refuses deep nesting before parsing', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const r = timed(() => parseStateDictText(text));
        if (r.ok) {
          expect(typeof r.dict).toBe('object');
          expect(Array.isArray(r.dict)).toBe(false);
          expect(nestingDepth(text)).toBeLessThanOrEqual(MAX_STATE_DICT_DEPTH);
        } else if (nestingDepth(text) > MAX_STATE_DICT_DEPTH) {
          expect(r.problem.kind).toBe('too-deep');
        }
      }),
      { numRuns: 400 },
    );
  });

  it('every model validates whatever dict it returns with problems, never a throw', () => {
    const models = availableModels();
    fc.assert(
      fc.property(anyText, fc.constantFrom(...models), (text, spec) => {
        const r = parseStateDictText(text);
        if (!r.ok) return;
        const problems = timed(() => spec.validate({ ...spec.defaults, stateDict: r.dict }));
        expect(Array.isArray(problems)).toBe(true);
        for (const p of problems) expect(p.length).toBeLessThan(2000);
      }),
      { numRuns: 400 },
    );
  });
});

/**
 * Property-based fuzzing of what reads a sheet's stored settings back: the marker's
 * custom properties (`decodeMarker`), the stored record (`readStoredSheet`) and the plan
 * rebuilt from it (`buildPlan`, as explain and practice do after a reopen). Whatever a
 * marker holds (damaged parts, wrong types, inherited names, huge numbers), reading it
 * never throws and never hangs, and rebuilding either succeeds or throws the project's
 * validation error (a plain Error with the problems), never a TypeError or a RangeError.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { performance } from 'node:perf_hooks';
import { decodeMarker, encodeMarker, MARKER_KEY, partKey } from '../../src/host/sheet-marker';
import { readStoredSheet } from '../../src/practice/metadata';
import { availableModels, buildPlan } from '../../src/sheets/registry';

const QUICK_MS = 2000;
const WORDS = [
  'constructor',
  '__proto__',
  'toString',
  'valueOf',
  'rnn',
  'lstm',
  'mamba-block',
  'en',
  'zh',
  'fr',
  'practice',
  'walkthrough',
  'peephole',
  'torch',
  'hand',
];

const scalar = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -5, max: 40 }),
  fc.constantFrom(0, -1, 1e9, 2 ** 53, 4294967296, 1.5, NaN, Infinity, null, true, false),
);
const value: fc.Arbitrary<unknown> = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom(...WORDS), scalar, { maxKeys: 3 }),
);

/** A config close to a real one (a model's defaults) with fields replaced by anything. */
const config = fc
  .tuple(
    fc.constantFrom(...availableModels()),
    fc.dictionary(
      fc.constantFrom(
        'model',
        'language',
        'variant',
        'inputSize',
        'hiddenSize',
        'steps',
        'seed',
        'init',
        'numLayers',
        'stateSize',
        'heads',
        'stateDict',
      ),
      value,
      { maxKeys: 4 },
    ),
  )
  .map(([spec, patch]) => ({ ...spec.defaults, ...patch }));

const metadata = fc.record(
  {
    mode: fc.oneof(fc.constantFrom('walkthrough', 'practice'), scalar),
    config: fc.oneof(config, value),
    difficulty: fc.oneof(fc.constantFrom('one-gate', 'one-step', 'all-gates', 'everything'), scalar),
    seed: scalar,
    answers: fc.oneof(fc.array(fc.constantFrom('C3', 'D4', 'A1', 'ZZ99'), { maxLength: 3 }), value),
  },
  { requiredKeys: [] },
);

function rebuilds(meta: Record<string, unknown>): void {
  const stored = readStoredSheet({ name: 'S', metadata: meta });
  if (!stored) return;
  try {
    buildPlan(stored.config);
  } catch (e) {
    expect(e).toBeInstanceOf(Error);
    expect((e as Error).name, (e as Error).message).toBe('Error');
  }
}

describe('stored settings (fuzzed)', () => {
  it('a marker with any metadata reads back and rebuilds or gives a validation error', () => {
    fc.assert(
      fc.property(metadata, (meta) => {
        const start = performance.now();
        const decoded = decodeMarker(encodeMarker(meta));
        expect(decoded).not.toBeNull();
        rebuilds(decoded!);
        expect(performance.now() - start).toBeLessThan(QUICK_MS);
      }),
      { numRuns: 300 },
    );
  });

  it('damaged marker properties never throw', () => {
    const header = fc.oneof(
      fc.constant(JSON.stringify({ v: 1, parts: 1 })),
      fc.record({ v: scalar, parts: scalar }).map((h) => JSON.stringify(h)),
      fc.string({ maxLength: 30 }),
      fc.constant(JSON.stringify({ v: 1, parts: 1e9 })),
    );
    const part = fc.oneof(
      fc.json({ maxDepth: 4 }),
      fc.string({ maxLength: 40 }),
      metadata.map((m) => JSON.stringify(m)),
    );
    fc.assert(
      fc.property(header, fc.array(part, { maxLength: 3 }), (h, parts) => {
        const start = performance.now();
        const props = [
          { key: MARKER_KEY, value: h },
          ...parts.map((value, i) => ({ key: partKey(i + 1), value })),
        ];
        const meta = decodeMarker(props);
        if (meta) rebuilds(meta);
        expect(performance.now() - start).toBeLessThan(QUICK_MS);
      }),
      { numRuns: 300 },
    );
  });
});

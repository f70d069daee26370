/**
 * Property-based fuzzing of the command line's argument parser: any argv made of its
 * flags, unknown flags and odd values (inherited names, huge and negative numbers, other
 * extensions, the weights file itself as --out) either gives a job or rejects with the
 * tool's UsageError, quickly; it never throws anything else and never writes a file.
 */
import fc from 'fast-check';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { initStack } from '../../src/core/stack';
import { stackToStateDict } from '../../src/core/state-dict';
import { parseWorkbookArgs, UsageError } from '../../tools/workbook';

const dir = mkdtempSync(join(tmpdir(), 'workbook-fuzz-'));
const weights = join(dir, 'w.json');
writeFileSync(weights, JSON.stringify(stackToStateDict(initStack('rnn', 2, 2, 1, false, 3, 'hand'))));
const deep = join(dir, 'deep.json');
writeFileSync(deep, `${'['.repeat(10_000)}${']'.repeat(10_000)}`);
const existing = join(dir, 'exists.xlsx');
writeFileSync(existing, 'x');

const FLAGS = [
  '--model',
  '--variant',
  '--input',
  '--hidden',
  '--steps',
  '--seed',
  '--init',
  '--lang',
  '--layers',
  '--state',
  '--heads',
  '--weights',
  '--out',
  '--force',
  '--no-results',
  '--help',
  '--frobnicate',
  '-x',
  '--',
];
const VALUES = [
  'rnn',
  'lstm',
  'gru',
  'mamba-scan',
  'mamba-block',
  'slstm',
  'mlstm',
  'constructor',
  '__proto__',
  'toString',
  'peephole',
  'bidirectional',
  'en',
  'zh',
  'torch',
  'hand',
  '3',
  '0',
  '-1',
  '1e3',
  '4294967296',
  '99999999999999999999',
  ' 2 ',
  'two',
  '',
  weights,
  deep,
  existing,
  join(dir, 'new.xlsx'),
  join(dir, 'a.txt'),
  join(dir, 'missing.json'),
];

const argv = fc.array(
  fc.oneof(fc.constantFrom(...FLAGS), fc.constantFrom(...VALUES), fc.string({ maxLength: 8 })),
  { maxLength: 12 },
);
/** Mostly well-formed: --model and --out present, plus random pairs. */
const likely = fc
  .tuple(
    fc.constantFrom(...VALUES),
    fc.constantFrom(...VALUES),
    fc.array(fc.tuple(fc.constantFrom(...FLAGS), fc.constantFrom(...VALUES)), { maxLength: 5 }),
  )
  .map(([model, out, pairs]) => ['--model', model, '--out', out, ...pairs.flat()]);

describe('workbook argument parser (fuzzed)', () => {
  it('resolves or rejects with UsageError only, quickly, and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(argv, likely), async (args) => {
        const start = performance.now();
        try {
          const job = await parseWorkbookArgs(args);
          if (job !== 'help') {
            expect(job.out).toMatch(/\.xlsx$/i);
            expect(job.config.seed).toBeGreaterThanOrEqual(-2147483648);
            expect(job.config.seed).toBeLessThanOrEqual(2147483647);
          }
        } catch (e) {
          expect(e, String(e)).toBeInstanceOf(UsageError);
          expect((e as Error).message.length).toBeLessThan(4000);
        }
        expect(performance.now() - start).toBeLessThan(2000);
      }),
      { numRuns: 400 },
    );
    expect(readdirSync(dir).sort()).toEqual(['deep.json', 'exists.xlsx', 'w.json']);
  });
});

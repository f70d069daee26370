/**
 * Mutation checks: each case rewrites one line of the backward code (a wrong sign, a
 * missing term, a wrong operand), bundles the mutant with esbuild and runs the same
 * finite-difference comparison the real code passes. Every mutant must miss by far more
 * than the tolerance, which shows the comparison can fail on exactly those mistakes.
 */
import { build, type Plugin } from 'esbuild';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LstmParams } from '../../../src/core/lstm';
import type { LstmBackwardResult } from '../../../src/core/lstm-backward';
import type { RnnParams } from '../../../src/core/rnn';
import type { RnnBackwardResult } from '../../../src/core/rnn-backward';
import { gradientErrors, makeCase, type AnyBackward } from './cases';

const core = resolve(__dirname, '../../../src/core');

interface Mutant {
  readonly file: string;
  readonly from: string;
  readonly to: string;
}

function mutate(m: Mutant): Plugin {
  return {
    name: 'mutate',
    setup(b) {
      b.onLoad({ filter: new RegExp(`${m.file}\\.ts$`) }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes(m.from)) throw new Error(`mutant not applicable: ${m.from}`);
        return { contents: source.replace(m.from, m.to), loader: 'ts' };
      });
    },
  };
}

async function loadMutant(entry: string, m: Mutant): Promise<Record<string, unknown>> {
  const out = await build({
    entryPoints: [join(core, `${entry}.ts`)],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    plugins: [mutate(m)],
  });
  const file = join(mkdtempSync(join(tmpdir(), 'bptt-mutant-')), 'mutant.mjs');
  writeFileSync(file, out.outputFiles[0].text);
  return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
}

const rnnMutants: Mutant[] = [
  { file: 'rnn-backward', from: 'const g = dhOut[j] + dhFuture[j];', to: 'const g = dhOut[j];' },
  { file: 'rnn-backward', from: 'const g = dhOut[j] + dhFuture[j];', to: 'const g = dhFuture[j];' },
  { file: 'rnn-backward', from: 'g * (1 - h * h)', to: 'g * (1 + h * h)' },
  { file: 'backward-kernels', from: 'grads.b_hh.set(grads.b_ih);', to: '' },
  { file: 'backward-kernels', from: 'out.data[j * T] = T > 0 ? h0[j] : 0;', to: 'out.data[j * T] = 0;' },
  { file: 'backward-kernels', from: 'states.data[(t - 1) * H + j]', to: 'states.data[t * H + j]' },
  { file: 'output-head', from: 'dhOut[j] += e * w[k * H + j];', to: 'dhOut[j] -= e * w[k * H + j];' },
  { file: 'output-head', from: 'dw[k * H + j] += e * h[t * H + j];', to: 'dw[k * H + j] += e;' },
  { file: 'backward-kernels', from: 'out[c] = s0 + s2;', to: 'out[c] = -(s0 + s2);' },
  { file: 'backward-kernels', from: 's10 += x1 * y0;', to: 's10 += x0 * y0;' },
];

const lstmMutants: Mutant[] = [
  { file: 'lstm-backward', from: ' + s.dcFuture[j];', to: ';' },
  { file: 'lstm-backward', from: 'gf * (1 - gf)', to: 'gf * (1 + gf)' },
  { file: 'lstm-backward', from: 's.dGate[H + j] = dc * cPrev;', to: 's.dGate[H + j] = dc * cs[t * H + j];' },
  { file: 'lstm-backward', from: 'dh * go * (1 - tc * tc)', to: 'dh * go' },
  {
    file: 'lstm-backward',
    from: 's.dcFuture[j] = s.dc[j] * gates.data[t * 4 * H + H + j];',
    to: 's.dcFuture[j] = s.dc[j];',
  },
  { file: 'lstm-backward', from: 's.dGate[3 * H + j] = dh * tc;', to: 's.dGate[3 * H + j] = -dh * tc;' },
  { file: 'lstm-backward', from: '(1 - gg * gg)', to: '(1 - gg)' },
];

const worst = (errors: Record<string, number>): number => Math.max(...Object.values(errors));

describe('the finite-difference comparison catches broken backward passes', () => {
  const rnnCase = makeCase('rnn', { I: 2, H: 3, O: 2, T: 4, seed: 11 });
  const lstmCase = makeCase('lstm', { I: 2, H: 3, O: 2, T: 4, seed: 12 });

  for (const m of rnnMutants) {
    it(`RNN: ${m.file}: ${m.from} → ${m.to || '(deleted)'}`, async () => {
      const mod = await loadMutant('rnn-backward', m);
      const rnnBackward = mod.rnnBackward as (...a: unknown[]) => RnnBackwardResult;
      const run: AnyBackward = (c) => rnnBackward(c.p as RnnParams, c.head, c.X, c.Y, c.h0);
      expect(worst(gradientErrors(rnnCase, run))).toBeGreaterThan(1e-3);
    });
  }

  for (const m of lstmMutants) {
    it(`LSTM: ${m.from} → ${m.to}`, async () => {
      const mod = await loadMutant('lstm-backward', m);
      const lstmBackward = mod.lstmBackward as (...a: unknown[]) => LstmBackwardResult;
      const run: AnyBackward = (c) => lstmBackward(c.p as LstmParams, c.head, c.X, c.Y, c.h0, c.c0);
      expect(worst(gradientErrors(lstmCase, run))).toBeGreaterThan(1e-3);
    });
  }

  it('the unmutated bundle passes the same comparison (the harness itself is sound)', async () => {
    const mod = await loadMutant('rnn-backward', { file: 'no-such-file', from: '', to: '' });
    const rnnBackward = mod.rnnBackward as (...a: unknown[]) => RnnBackwardResult;
    const run: AnyBackward = (c) => rnnBackward(c.p as RnnParams, c.head, c.X, c.Y, c.h0);
    expect(worst(gradientErrors(rnnCase, run))).toBeLessThan(1e-6);
  });
});

import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { initStack } from '../../src/core/stack';
import { stackToStateDict } from '../../src/core/state-dict';
import { SEED_RANGE } from '../../src/sheets/limits';
import { MAX_STATE_DICT_CHARS } from '../../src/sheets/state-dict-text';
import { parseWorkbookArgs, runWorkbook, UsageError } from '../../tools/workbook';

const dir = mkdtempSync(join(tmpdir(), 'workbook-cli-'));

describe('npm run workbook', () => {
  it('writes an .xlsx with the requested sizes', async () => {
    const out = join(dir, 'lstm.xlsx');
    const msg = await runWorkbook([
      '--model',
      'lstm',
      '--input',
      '3',
      '--hidden',
      '2',
      '--steps',
      '4',
      '--seed',
      '7',
      '--out',
      out,
    ]);
    expect(msg).toMatch(/wrote .*lstm\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out).buffer as ArrayBuffer);
    expect(wb.worksheets[0].name).toBe('LSTM');
  });

  it('reads every option', async () => {
    const job = await parseWorkbookArgs([
      '--model',
      'rnn',
      '--variant',
      'relu',
      '--input',
      '2',
      '--hidden',
      '3',
      '--steps',
      '5',
      '--seed',
      '9',
      '--init',
      'torch',
      '--lang',
      'zh',
      '--layers',
      '2',
      '--out',
      'x.xlsx',
      '--no-results',
    ]);
    if (job === 'help') throw new Error('unexpected help');
    expect(job.config).toMatchObject({
      model: 'rnn',
      variant: 'relu',
      inputSize: 2,
      hiddenSize: 3,
      steps: 5,
      seed: 9,
      init: 'torch',
      language: 'zh',
      numLayers: 2,
    });
    expect(job.results).toBe(false);
    expect(await parseWorkbookArgs(['--help'])).toBe('help');
  });

  it('takes sizes from a state_dict', async () => {
    const file = join(dir, 'gru.json');
    writeFileSync(file, JSON.stringify(stackToStateDict(initStack('gru', 4, 3, 1, true, 5, 'torch'))));
    const job = await parseWorkbookArgs(['--model', 'gru', '--weights', file, '--out', 'g.xlsx']);
    if (job === 'help') throw new Error('unexpected help');
    expect(job.config).toMatchObject({ inputSize: 4, hiddenSize: 3, variant: 'bidirectional', numLayers: 1 });
  });

  it('explains what is wrong', async () => {
    await expect(parseWorkbookArgs(['--model', 'lstm'])).rejects.toThrow(/--out is required/);
    await expect(parseWorkbookArgs(['--model', 'nope', '--out', 'a.xlsx'])).rejects.toThrow(
      /unknown model "nope"/,
    );
    await expect(
      parseWorkbookArgs(['--model', 'lstm', '--hidden', 'two', '--out', 'a.xlsx']),
    ).rejects.toThrow(/--hidden must be a whole number/);
    await expect(
      parseWorkbookArgs(['--model', 'lstm', '--init', 'xavier', '--out', 'a.xlsx']),
    ).rejects.toThrow(/--init must be one of torch, hand/);
    await expect(parseWorkbookArgs(['--model', 'lstm', '--steps', '99', '--out', 'a.xlsx'])).rejects.toThrow(
      UsageError,
    );
    await expect(
      parseWorkbookArgs(['--model', 'lstm', '--weights', join(dir, 'missing.json'), '--out', 'a.xlsx']),
    ).rejects.toThrow(/cannot read/);
    await expect(parseWorkbookArgs(['--model', 'lstm', '--frobnicate', '--out', 'a.xlsx'])).rejects.toThrow(
      /Unknown option/,
    );
  });

  it('refuses an existing --out unless --force, and never writes over --weights', async () => {
    const out = join(dir, 'exists.xlsx');
    writeFileSync(out, 'precious');
    const args = ['--model', 'rnn', '--out', out];
    await expect(runWorkbook(args)).rejects.toThrow(/exists; add --force/);
    expect(readFileSync(out, 'utf8')).toBe('precious');
    expect(await runWorkbook([...args, '--force'])).toMatch(/wrote/);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');

    const weights = join(dir, 'weights.xlsx');
    writeFileSync(weights, JSON.stringify(stackToStateDict(initStack('rnn', 2, 2, 1, false, 5, 'torch'))));
    const before = readFileSync(weights, 'utf8');
    const sameFile = join(dir, '.', 'sub', '..', 'weights.xlsx');
    for (const force of [[], ['--force']]) {
      await expect(
        runWorkbook(['--model', 'rnn', '--weights', weights, '--out', sameFile, ...force]),
      ).rejects.toThrow(/is the --weights file/);
    }
    const link = join(dir, 'link.xlsx');
    symlinkSync(weights, link);
    await expect(
      runWorkbook(['--model', 'rnn', '--weights', weights, '--out', link, '--force']),
    ).rejects.toThrow(/is the --weights file/);
    expect(readFileSync(weights, 'utf8')).toBe(before);
  });

  it('requires an .xlsx name for --out', async () => {
    for (const out of ['victim.txt', 'book.xls', 'xlsx', 'a.xlsx.json']) {
      await expect(parseWorkbookArgs(['--model', 'rnn', '--out', out])).rejects.toThrow(
        /--out must name an \.xlsx file/,
      );
    }
    await expect(
      parseWorkbookArgs(['--model', 'rnn', '--out', join(dir, 'UPPER.XLSX')]),
    ).resolves.toBeTruthy();
  });

  it('reads a weights file that starts with a UTF-8 byte order mark', async () => {
    const file = join(dir, 'bom.json');
    const dict = stackToStateDict(initStack('lstm', 3, 2, 1, false, 5, 'torch'));
    writeFileSync(file, `\uFEFF${JSON.stringify(dict)}`, 'utf8');
    const job = await parseWorkbookArgs(['--model', 'lstm', '--weights', file, '--out', join(dir, 'b.xlsx')]);
    if (job === 'help') throw new Error('unexpected help');
    expect(job.config).toMatchObject({ inputSize: 3, hiddenSize: 2 });
  });

  it('refuses weights nested deeper than a tensor or larger than the cap', async () => {
    const deep = join(dir, 'deep.json');
    writeFileSync(deep, `{"weight_ih_l0": ${'['.repeat(6000)}${']'.repeat(6000)}}`);
    await expect(
      parseWorkbookArgs(['--model', 'rnn', '--weights', deep, '--out', join(dir, 'd.xlsx')]),
    ).rejects.toThrow(/nests arrays more than 8 deep/);
    const big = join(dir, 'big.json');
    writeFileSync(big, `{"k": "${'x'.repeat(MAX_STATE_DICT_CHARS)}"}`);
    await expect(
      parseWorkbookArgs(['--model', 'rnn', '--weights', big, '--out', join(dir, 'e.xlsx')]),
    ).rejects.toThrow(/is too large/);
  });

  it('takes seeds in the range the pane allows, and refuses the rest', async () => {
    for (const seed of [SEED_RANGE.min, SEED_RANGE.max]) {
      const job = await parseWorkbookArgs(['--model', 'rnn', `--seed=${seed}`, '--out', 's.xlsx']);
      if (job === 'help') throw new Error('unexpected help');
      expect(job.config.seed).toBe(seed);
    }
    for (const seed of [
      '4294967296',
      String(SEED_RANGE.max + 1),
      String(SEED_RANGE.min - 1),
      '1' + '0'.repeat(30),
    ]) {
      await expect(
        parseWorkbookArgs(['--model', 'rnn', `--seed=${seed}`, '--out', 's.xlsx']),
      ).rejects.toThrow(/--seed must be from -2147483648 to 2147483647/);
    }
  });

  it('refuses inherited names as models', async () => {
    for (const model of ['constructor', '__proto__', 'toString']) {
      await expect(parseWorkbookArgs(['--model', model, '--out', 'm.xlsx'])).rejects.toThrow(
        `unknown model "${model}"`,
      );
    }
  });
});

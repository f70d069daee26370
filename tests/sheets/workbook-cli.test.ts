import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { initStack } from '../../src/core/stack';
import { stackToStateDict } from '../../src/core/state-dict';
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
    await expect(parseWorkbookArgs(['--model', 'nope', '--out', 'a'])).rejects.toThrow(
      /unknown model "nope"/,
    );
    await expect(parseWorkbookArgs(['--model', 'lstm', '--hidden', 'two', '--out', 'a'])).rejects.toThrow(
      /--hidden must be a whole number/,
    );
    await expect(parseWorkbookArgs(['--model', 'lstm', '--init', 'xavier', '--out', 'a'])).rejects.toThrow(
      /--init must be one of torch, hand/,
    );
    await expect(parseWorkbookArgs(['--model', 'lstm', '--steps', '99', '--out', 'a'])).rejects.toThrow(
      UsageError,
    );
    await expect(
      parseWorkbookArgs(['--model', 'lstm', '--weights', join(dir, 'missing.json'), '--out', 'a']),
    ).rejects.toThrow(/cannot read/);
    await expect(parseWorkbookArgs(['--model', 'lstm', '--frobnicate', '--out', 'a'])).rejects.toThrow(
      /Unknown option/,
    );
  });
});

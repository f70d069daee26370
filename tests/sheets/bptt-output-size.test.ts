/**
 * The training sheets' output size O is a real setting: the pane offers it as a size field
 * with its limits, the command line takes it as --output, and the one parser of stored
 * settings reads it (a marker written before O was a setting means O = 1).
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/sheets/stored-config';
import { specFor } from '../../src/sheets/registry';
import { initialForm, specFields } from '../../taskpane/form';
import { STRINGS } from '../../taskpane/strings';
import { parseWorkbookArgs, UsageError } from '../../tools/workbook';

const MODELS = ['rnn-bptt', 'lstm-bptt'] as const;

describe.each(MODELS)('%s output size', (model) => {
  const spec = specFor(model);

  it('is a size field of the pane with limits 1 … 4, labelled in both languages', () => {
    expect(specFields(spec)).toContain('outputSize');
    expect(spec.limits.outputSize).toEqual({ min: 1, max: 4 });
    expect(initialForm(spec).sizes.outputSize).toBe('1');
    expect(STRINGS.en.sizeLabel('outputSize', model)).toBe('Output size O');
    expect(STRINGS.zh.sizeLabel('outputSize', model)).toBe('输出维度 O');
  });

  it('stored settings: read as given, 1 when a marker predates it, refused when not whole', () => {
    const stored = { ...spec.defaults, outputSize: 3 };
    const read = parseConfig(stored);
    expect(read.ok && 'outputSize' in read.config && read.config.outputSize).toBe(3);
    const { outputSize: _dropped, ...older } = stored;
    const old = parseConfig(older);
    expect(old.ok && 'outputSize' in old.config && old.config.outputSize).toBe(1);
    const bad = parseConfig({ ...stored, outputSize: 2.5 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.field).toBe('outputSize');
  });

  it('npm run workbook takes --output within the limits', async () => {
    const job = await parseWorkbookArgs(['--model', model, '--output', '3', '--out', 'never-written.xlsx']);
    if (job === 'help') throw new Error('help');
    expect('outputSize' in job.config && job.config.outputSize).toBe(3);
    await expect(
      parseWorkbookArgs(['--model', model, '--output', '5', '--out', 'never-written.xlsx']),
    ).rejects.toThrow(UsageError);
  });
});

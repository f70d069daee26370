// @vitest-environment jsdom
import './dom-shims';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../taskpane/App';
import { MODELS } from '../../src/sheets/registry';
import type { ModelId, SheetPlan } from '../../src/sheets/plan';
import { FakeHost } from './fake-host';
import { initMamba } from '../../src/core/mamba-block';
import { mambaToStateDict } from '../../src/core/mamba-state-dict';

afterEach(cleanup);

function setup(
  host = new FakeHost(),
  language: 'en' | 'zh' = 'en',
  extra: Partial<Parameters<typeof App>[0]> = {},
) {
  const user = userEvent.setup();
  render(<App host={host} language={language} theme="light" {...extra} />);
  return { host, user };
}

const buildButton = () => screen.getByRole('button', { name: 'Build sheet' });

describe('task pane', () => {
  it('offers exactly the registered models', () => {
    setup();
    const options = within(screen.getByLabelText('Model')).getAllByRole('option');
    const registered = Object.values(MODELS).map((m) => m!.label.en);
    expect(options.map((o) => o.textContent)).toEqual(expect.arrayContaining(registered));
    expect(options).toHaveLength(registered.length);
  });

  it('shows only the size fields the spec lists, with their ranges', async () => {
    const { user } = setup();
    await user.selectOptions(screen.getByLabelText('Model'), 'lstm');
    const spec = MODELS.lstm!;
    for (const [field, limit] of Object.entries(spec.limits)) {
      const label = {
        inputSize: 'Input size I',
        hiddenSize: 'Hidden size H',
        steps: 'Steps T',
        numLayers: 'Layers',
      }[field]!;
      expect(screen.getByLabelText(label)).toBeTruthy();
      expect(screen.getAllByText(`${limit!.min}–${limit!.max}`).length).toBeGreaterThan(0);
    }
    expect(screen.queryByLabelText('State size N')).toBeNull();
  });

  it('flags an out-of-range size as it is typed and disables Build until fixed', async () => {
    const { user } = setup();
    const hidden = screen.getByLabelText('Hidden size H');
    const max = MODELS.rnn!.limits.hiddenSize!.max;
    await user.clear(hidden);
    await user.type(hidden, String(max + 1));
    expect(screen.getByText(`Must be between 1 and ${max}.`)).toBeTruthy();
    expect(buildButton()).toHaveProperty('disabled', true);
    await user.clear(hidden);
    expect(screen.getByText('Enter a number.')).toBeTruthy();
    await user.type(hidden, '2');
    expect(screen.queryByText(/Must be between/)).toBeNull();
    expect(buildButton()).toHaveProperty('disabled', false);
  });

  it('rejects a fractional seed', async () => {
    const { user } = setup();
    const seed = screen.getByLabelText('Seed');
    await user.clear(seed);
    await user.type(seed, '1.5');
    expect(screen.getByText('Enter a whole number.')).toBeTruthy();
    expect(buildButton()).toHaveProperty('disabled', true);
  });

  it('shows progress while building, then the result', async () => {
    const host = new FakeHost();
    host.holdWith = [
      { done: 0, total: 3 },
      { done: 1, total: 3 },
    ];
    const { user } = setup(host);
    await user.selectOptions(screen.getByLabelText('Model'), 'lstm');
    await user.click(buildButton());
    expect(await screen.findByText('Writing the sheet… 1 of 3')).toBeTruthy();
    expect(screen.getByRole('progressbar')).toBeTruthy();
    expect(buildButton()).toHaveProperty('disabled', true);
    await act(async () => host.release());
    const plan = host.builds[0].plan;
    const formulas = plan.cells.filter((c) => c.formula).length;
    const steps = MODELS.lstm!.defaults.steps;
    expect(
      await screen.findByText(`LSTM · ${steps} steps · ${formulas} formulas on sheet '${plan.baseName} 1'`),
    ).toBeTruthy();
  });

  it('shows the error when the build fails', async () => {
    const host = new FakeHost();
    host.failWith = new Error(
      "Could not build the sheet 'RNN': The request payload size has exceeded the limit.",
    );
    const { user } = setup(host);
    await user.click(buildButton());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The sheet could not be built.');
    expect(alert.textContent).toContain('payload size');
    expect(buildButton()).toHaveProperty('disabled', false);
  });

  it('builds on Enter in a size field', async () => {
    const { host, user } = setup();
    await user.type(screen.getByLabelText('Steps T'), '{Enter}');
    await waitFor(() => expect(host.builds).toHaveLength(1));
  });

  it('switches every string to Chinese and builds a Chinese sheet', async () => {
    const { host, user } = setup();
    await user.selectOptions(screen.getByLabelText('Language'), 'zh');
    const build = screen.getByRole('button', { name: '生成工作表' });
    expect(screen.getByLabelText('隐藏维度 H')).toBeTruthy();
    expect(screen.getByText('按随机种子生成')).toBeTruthy();
    await user.click(build);
    await waitFor(() => expect(host.builds).toHaveLength(1));
    expect(host.builds[0].plan.language).toBe('zh');
    expect(await screen.findByText(/个公式，位于工作表“/)).toBeTruthy();
  });

  it('starts in the language it is given', () => {
    setup(new FakeHost(), 'zh');
    expect(screen.getByRole('button', { name: '生成工作表' })).toBeTruthy();
  });

  it('reports pasted weights that are not JSON, and builder errors naming the tensor and shape', async () => {
    const { user } = setup();
    await user.click(screen.getByLabelText('PyTorch state_dict (JSON)'));
    expect(screen.getByText('Paste or upload a state_dict.')).toBeTruthy();
    const box = screen.getByLabelText('state_dict JSON');
    await user.click(box);
    await user.paste('{not json');
    expect(screen.getByText(/Not valid JSON/)).toBeTruthy();
    expect(buildButton()).toHaveProperty('disabled', true);
    await user.clear(box);
    await user.paste(
      JSON.stringify({ weight_ih_l0: [[1, 2]], weight_hh_l0: [[1]], bias_ih_l0: [0], bias_hh_l0: [0] }),
    );
    // A 1×2 input weight means I = 2, H = 1: the builder compares with the sizes asked for.
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/state_dict/);
    expect(buildButton()).toHaveProperty('disabled', true);
  });

  it('builds from a pasted state_dict that matches the sizes, without storing it in the marker', async () => {
    const { host, user } = setup();
    const d = MODELS.rnn!.defaults;
    const I = d.inputSize;
    const H = d.hiddenSize;
    const m = (r: number, c: number) =>
      Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => (i + j) / 10));
    const dict = {
      weight_ih_l0: m(H, I),
      weight_hh_l0: m(H, H),
      bias_ih_l0: Array(H).fill(0.1),
      bias_hh_l0: Array(H).fill(0),
    };
    await user.click(screen.getByLabelText('PyTorch state_dict (JSON)'));
    await user.click(screen.getByLabelText('state_dict JSON'));
    await user.paste(JSON.stringify(dict));
    await user.click(buildButton());
    await waitFor(() => expect(host.builds).toHaveLength(1));
    const weights = host.builds[0].plan.cells
      .filter((c) => c.meaning?.param?.name === 'W_ih')
      .map((c) => c.value);
    expect(weights.sort()).toEqual(dict.weight_ih_l0.flat().sort());
    expect(JSON.stringify(host.builds[0].metadata)).not.toContain('weight_ih_l0');
    expect(host.builds[0].metadata).toMatchObject({ mode: 'walkthrough', weights: 'state_dict' });
  });

  it('builds a Mamba block from a pasted mamba_ssm state_dict, and names a tensor of the wrong shape', async () => {
    const { host, user } = setup();
    await user.selectOptions(screen.getByLabelText('Model'), 'mamba-block');
    const d = MODELS['mamba-block']!.defaults;
    const p = initMamba({ dModel: d.dModel, dInner: d.dInner, dState: d.stateSize }, 7, 'torch');
    const dict = JSON.parse(JSON.stringify(mambaToStateDict(p))) as Record<string, number[][]>;
    await user.click(screen.getByLabelText('PyTorch state_dict (JSON)'));
    const box = screen.getByLabelText('state_dict JSON');
    await user.click(box);
    await user.paste(JSON.stringify({ ...dict, 'x_proj.weight': dict['x_proj.weight'].slice(1) }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'x_proj.weight must have shape (5, 4); got (4, 4)',
    );
    expect(buildButton()).toHaveProperty('disabled', true);
    await user.clear(box);
    await user.paste(JSON.stringify(dict));
    await user.click(buildButton());
    await waitFor(() => expect(host.builds).toHaveLength(1));
    const inProj = host.builds[0].plan.cells.filter((c) => c.meaning?.param?.name === 'in_proj');
    expect(
      inProj
        .map((c) => [c.meaning!.param!.flat, c.value])
        .sort((a, b) => Number(a[0]) - Number(b[0]))
        .map((x) => x[1]),
    ).toEqual(Array.from(p.in_proj.data));
  });

  it('reads an uploaded state_dict file into the box', async () => {
    const { user } = setup();
    await user.click(screen.getByLabelText('PyTorch state_dict (JSON)'));
    const file = new File(['{"weight_ih_l0": [[1]]}'], 'rnn.json', { type: 'application/json' });
    await user.upload(screen.getByTestId('state-dict-file'), file);
    await waitFor(() =>
      expect((screen.getByLabelText('state_dict JSON') as HTMLTextAreaElement).value).toContain(
        'weight_ih_l0',
      ),
    );
  });

  it('builds a practice sheet with the practice metadata and shows the practice slot', async () => {
    const { host, user } = setup(new FakeHost(), 'en', { practicePanel: (s) => <p>practice on {s.name}</p> });
    await user.click(screen.getByLabelText('Practice (blanks to fill)'));
    await user.selectOptions(screen.getByLabelText('What to leave blank'), 'one-step');
    await user.click(buildButton());
    await waitFor(() => expect(host.builds).toHaveLength(1));
    const { plan, metadata } = host.builds[0];
    expect(metadata).toMatchObject({ mode: 'practice', difficulty: 'one-step' });
    expect(plan.cells.some((c) => c.role === 'answer')).toBe(true);
    expect(await screen.findByText(`practice on ${plan.baseName} 1`)).toBeTruthy();
  });

  it('downloads the plan as .xlsx', async () => {
    const saved: { name: string; bytes: Uint8Array }[] = [];
    const exported: SheetPlan[] = [];
    const { user } = setup(new FakeHost(), 'en', {
      exportXlsx: async (plan) => {
        exported.push(plan);
        return new Uint8Array([80, 75, 3, 4]);
      },
      saveFile: (bytes, name) => saved.push({ bytes, name }),
    });
    await user.click(screen.getByRole('button', { name: 'Download .xlsx' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].name).toBe(`${exported[0].baseName}.xlsx`);
    expect(exported[0].model).toBe('rnn');
    // A browser download cannot be confirmed: the pane says it started, never that it saved.
    expect(
      await screen.findByText(`Download of ${saved[0].name} started; check your downloads folder.`),
    ).toBeTruthy();
  });

  it('opens the .xlsx as a new workbook where the host can, and downloads nothing then', async () => {
    const saved: string[] = [];
    const opened: Uint8Array[] = [];
    const host = Object.assign(new FakeHost(), {
      openWorkbook: async (bytes: Uint8Array) => void opened.push(bytes),
    });
    const { user } = setup(host, 'en', {
      exportXlsx: async () => new Uint8Array([80, 75, 3, 4]),
      saveFile: (_bytes, name) => saved.push(name),
    });
    await user.click(screen.getByRole('button', { name: 'Download .xlsx' }));
    expect(await screen.findByText(/as a new workbook/)).toBeTruthy();
    expect(opened).toEqual([new Uint8Array([80, 75, 3, 4])]);
    expect(saved).toEqual([]);
  });

  it('falls back to a download when opening a workbook fails (an Excel without ExcelApi 1.8)', async () => {
    const saved: string[] = [];
    const host = Object.assign(new FakeHost(), {
      openWorkbook: async () => {
        throw new Error('Excel.createWorkbook needs ExcelApi 1.8');
      },
    });
    const { user } = setup(host, 'en', {
      exportXlsx: async () => new Uint8Array([80, 75, 3, 4]),
      saveFile: (_bytes, name) => saved.push(name),
    });
    await user.click(screen.getByRole('button', { name: 'Download .xlsx' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(await screen.findByText(/started; check your downloads folder/)).toBeTruthy();
  });

  it('explains an old Excel and keeps Build disabled', async () => {
    const host = new FakeHost();
    host.support = { ok: false, message: 'This version of Excel does not support ExcelApi 1.12.' };
    setup(host);
    expect((await screen.findByRole('alert')).textContent).toContain('ExcelApi 1.12');
    expect(buildButton()).toHaveProperty('disabled', true);
  });

  const registered = Object.keys(MODELS) as ModelId[];
  it.each(registered)('builds a %s sheet with every variant through the host', async (id) => {
    const { host, user } = setup();
    await user.selectOptions(screen.getByLabelText('Model'), id);
    const spec = MODELS[id]!;
    for (const variant of spec.variants) {
      if (spec.variants.length > 1) await user.selectOptions(screen.getByLabelText('Variant'), variant.id);
      const before = host.builds.length;
      await user.click(buildButton());
      await waitFor(() => expect(host.builds).toHaveLength(before + 1));
      const { plan, metadata } = host.builds[before];
      expect(plan.model).toBe(id);
      expect(metadata).toMatchObject({ mode: 'walkthrough', config: { model: id, variant: variant.id } });
      const formulas = plan.cells.filter((c) => c.formula).length;
      expect(formulas).toBeGreaterThan(0);
      expect(
        await screen.findByText(new RegExp(`${formulas} formulas on sheet '${plan.baseName} ${before + 1}'`)),
      ).toBeTruthy();
    }
  });
});

// @vitest-environment jsdom
/**
 * The pane remembers its language through the host's settings store, and the page's
 * <html lang> follows the pane's language.
 */
import './dom-shims';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../taskpane/App';
import {
  documentSettings,
  memorySettings,
  SETTINGS_KEY,
  storageSettings,
  type DocumentSettings,
} from '../../src/host/settings';
import { FakeHost } from './fake-host';
import { restoreForm } from '../../taskpane/remembered-form';
import { MODELS } from '../../src/sheets/registry';
import type { ModelSpec } from '../../src/sheets/model-spec';

afterEach(cleanup);

describe('settings stores', () => {
  it('localStorage: merges changes, survives a new store on the same storage, ignores junk', async () => {
    const items = new Map<string, string>();
    const storage = {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
    };
    await storageSettings(storage).write({ language: 'zh' });
    await storageSettings(storage).write({ model: 'gru' });
    expect(await storageSettings(storage).read()).toEqual({ language: 'zh', model: 'gru' });
    items.set(SETTINGS_KEY, '{not json');
    expect(await storageSettings(storage).read()).toEqual({});
    expect(await storageSettings(undefined).read()).toEqual({});
  });

  it("Office's document settings: set, then saved", async () => {
    const saved: unknown[] = [];
    const values = new Map<string, unknown>();
    const doc: DocumentSettings = {
      get: (k) => values.get(k),
      set: (k, v) => void values.set(k, v),
      saveAsync: (cb) => {
        saved.push(values.get(SETTINGS_KEY));
        cb?.({ status: 'succeeded' });
      },
    };
    await documentSettings(doc).write({ language: 'zh' });
    expect(saved).toEqual([{ language: 'zh' }]);
    expect(await documentSettings(doc).read()).toEqual({ language: 'zh' });
  });
});

describe('the pane remembers the last build settings', () => {
  it('restores the model, sizes and mode of the last build; pasted weights are not kept', async () => {
    const host = new FakeHost();
    const user = userEvent.setup();
    render(<App host={host} language="en" theme="light" />);
    await user.selectOptions(screen.getByLabelText('Model'), 'gru');
    await user.click(screen.getByRole('radio', { name: 'Practice (blanks to fill)' }));
    const steps = screen.getByLabelText('Steps T');
    await user.clear(steps);
    await user.type(steps, '3');
    await user.click(screen.getByRole('button', { name: 'Build sheet' }));
    await waitFor(async () => expect((await host.settings.read()).lastForm).toBeDefined());
    expect(JSON.stringify(await host.settings.read())).not.toContain('stateDictText');
    cleanup();

    render(<App host={host} language="en" theme="light" />);
    await waitFor(() => expect((screen.getByLabelText('Model') as HTMLSelectElement).value).toBe('gru'));
    expect((screen.getByLabelText('Steps T') as HTMLInputElement).value).toBe('3');
    expect(
      (screen.getByRole('radio', { name: 'Practice (blanks to fill)' }) as HTMLInputElement).checked,
    ).toBe(true);
  });

  it('ignores a stored form for a model that is not offered', () => {
    expect(restoreForm({ model: 'transformer' }, Object.values(MODELS) as ModelSpec[])).toBeNull();
    expect(restoreForm('junk', Object.values(MODELS) as ModelSpec[])).toBeNull();
    const back = restoreForm({ model: 'lstm', mode: 'exam', difficulty: 'one-step', seed: 9 }, [
      MODELS.lstm!,
    ]);
    expect(back).toMatchObject({ model: 'lstm', mode: 'walkthrough', difficulty: 'one-step' });
    expect(back?.seed).toBe(String(MODELS.lstm!.defaults.seed));
  });
});

describe('the pane remembers its language', () => {
  it('opens in the remembered language, and <html lang> follows', async () => {
    const host = new FakeHost();
    Object.assign(host, { settings: memorySettings({ language: 'zh' }) });
    render(<App host={host} language="en" theme="light" />);
    expect(await screen.findByText('手算序列模型', {}, { timeout: 5000 })).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('stores a language the learner picks, for next time', async () => {
    const host = new FakeHost();
    const seen: string[] = [];
    render(<App host={host} language="en" theme="light" onLanguageChange={(l) => seen.push(l)} />);
    await userEvent.selectOptions(screen.getByLabelText('Language'), 'zh');
    await waitFor(async () => expect((await host.settings.read()).language).toBe('zh'));
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(seen.at(-1)).toBe('zh');
    cleanup();
    render(<App host={host} language="en" theme="light" />);
    expect(await screen.findByText('手算序列模型', {}, { timeout: 5000 })).toBeTruthy();
  });
});

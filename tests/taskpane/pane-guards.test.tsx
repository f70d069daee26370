// @vitest-environment jsdom
/**
 * The pane never goes blank: a panel that throws while rendering is replaced by a message
 * naming it, the rest of the pane keeps working; a state_dict text is parsed once per
 * change, refused from its length over the cap and from its depth before JSON.parse, and
 * never stringified while rendering.
 */
import './dom-shims';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../taskpane/App';
import { ErrorBoundary } from '../../taskpane/ErrorBoundary';
import { GUARD_STRINGS } from '../../taskpane/guard-strings';
import { STRINGS } from '../../taskpane/strings';
import { MODELS } from '../../src/sheets/registry';
import { MAX_STATE_DICT_CHARS } from '../../src/sheets/state-dict-text';
import { initStack } from '../../src/core/stack';
import { stackToStateDict } from '../../src/core/state-dict';
import { FakeHost } from './fake-host';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const buildButton = () => screen.getByRole('button', { name: 'Build sheet' });

async function pasteStateDict(text: string) {
  const user = userEvent.setup();
  await user.click(screen.getByLabelText('PyTorch state_dict (JSON)'));
  // fireEvent sets the whole text at once, as a paste does (user.paste types it through per-character events).
  fireEvent.change(screen.getByLabelText('state_dict JSON'), { target: { value: text } });
  return user;
}

describe('error boundary', () => {
  it('names the failed panel and what failed, and renders it again on "Try again"', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let fail = true;
    function Flaky() {
      if (fail) throw new Error('the explain data is gone');
      return <p>explain is back</p>;
    }
    const user = userEvent.setup();
    render(
      <ErrorBoundary panel="explain panel" strings={GUARD_STRINGS.en}>
        <Flaky />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('The explain panel stopped working.');
    expect(screen.getByRole('alert').textContent).toContain('the explain data is gone');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('explain is back')).toBeTruthy();
  });

  it('keeps the pane usable when the build panel throws while rendering', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = {
      ...MODELS.rnn!,
      validate: () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
    };
    const user = userEvent.setup();
    render(<App host={new FakeHost()} language="en" theme="light" models={{ rnn: broken }} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The build panel stopped working.');
    expect(alert.textContent).toContain('Maximum call stack size exceeded');
    // The rest of the pane is still there and still answers.
    await user.selectOptions(screen.getByLabelText('Language'), 'zh');
    expect(screen.getByRole('alert').textContent).toContain(GUARD_STRINGS.zh.panelFailed('生成面板'));
  });
});

describe('state_dict text', () => {
  it('refuses a 6,000-deep nesting with a message, and the pane stays', async () => {
    render(<App host={new FakeHost()} language="en" theme="light" />);
    await pasteStateDict(`{"weight_ih_l0": ${'['.repeat(6000)}${']'.repeat(6000)}}`);
    expect(screen.getByText(GUARD_STRINGS.en.stateDictTooDeep)).toBeTruthy();
    expect((buildButton() as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByText(/stopped working/)).toBeNull();
  });

  it('refuses a text over the cap from its length, without parsing it, and says the cap', async () => {
    render(<App host={new FakeHost()} language="en" theme="light" />);
    expect(STRINGS.en.stateDictHint).toContain(`${MAX_STATE_DICT_CHARS / 1e6} MB`);
    expect(STRINGS.zh.stateDictHint).toContain(`${MAX_STATE_DICT_CHARS / 1e6} MB`);
    const parse = vi.spyOn(JSON, 'parse');
    const big = `{"k": "${'x'.repeat(MAX_STATE_DICT_CHARS)}"}`;
    await pasteStateDict(big);
    expect(screen.getByText(STRINGS.en.stateDictHint)).toBeTruthy();
    expect(screen.getByText(GUARD_STRINGS.en.stateDictTooLarge(big.length))).toBeTruthy();
    expect(parse.mock.calls.some(([text]) => typeof text === 'string' && text.length > 1000)).toBe(false);
  });

  it('parses the text once per change and never stringifies the config while rendering', async () => {
    render(<App host={new FakeHost()} language="en" theme="light" />);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Model'), 'lstm');
    const dict = stackToStateDict(initStack('lstm', 3, 2, 1, false, 5, 'torch'));
    const text = JSON.stringify(dict);
    const parse = vi.spyOn(JSON, 'parse');
    const stringify = vi.spyOn(JSON, 'stringify');
    await pasteStateDict(text);
    const parsesOfText = () => parse.mock.calls.filter(([t]) => t === text).length;
    expect(parsesOfText()).toBe(1);
    expect((buildButton() as HTMLButtonElement).disabled).toBe(false);
    // Re-renders from other fields do not parse the text again.
    await user.click(screen.getByLabelText('Practice (blanks to fill)'));
    await user.click(screen.getByLabelText('Walkthrough (every formula filled in)'));
    await user.selectOptions(screen.getByLabelText('Language'), 'zh');
    expect(parsesOfText()).toBe(1);
    const stringified = stringify.mock.calls.filter(([v]) => {
      if (v === null || typeof v !== 'object') return false;
      return 'stateDict' in v || 'weight_ih_l0' in v;
    });
    expect(stringified).toHaveLength(0);
  });
});

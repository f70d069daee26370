// @vitest-environment jsdom
/**
 * Finding the blanks from the pane, as a learner does: read how many there are and where,
 * go to one, type into it and watch the progress, let Fill next step show what it filled,
 * and Reset leave no trace of the attempt.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { listBlanks } from '../../src/practice/blanks';
import { createPracticeSheet } from '../../src/practice/create';
import { specFor } from '../../src/sheets/registry';
import { PracticePanel } from '../../taskpane/practice/PracticePanel';
import { FormulaHost } from './formula-host';

afterEach(cleanup);
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

const wrap = (ui: ReactNode) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
const findDialog = () => screen.findByRole('dialog', { hidden: true }, { timeout: 5000 });

async function lstmOneGate() {
  const host = new FormulaHost();
  // Hand-style integers, the numbers these steps were written for.
  const made = await createPracticeSheet(host, { ...specFor('lstm').defaults, init: 'hand' }, 'one-gate', 1);
  return { host, sheet: made.sheetName };
}

describe('blanks you can find', () => {
  it('lists each blank 1-based ("f₄[1] at t = 4"), with its fill state', async () => {
    const { host, sheet } = await lstmOneGate();
    host.setContent(sheet, 'Y34', 0.017);
    const list = await listBlanks(host, sheet);
    expect(list.blanks).toEqual([
      { address: 'Y33', name: 'f₄[1]', step: 4, filled: false },
      { address: 'Y34', name: 'f₄[2]', step: 4, filled: true },
    ]);
    expect(list.filled).toBe(1);
  });

  it('shows count, places and progress; Go to selects the blank; typing updates the progress', async () => {
    const { host, sheet } = await lstmOneGate();
    wrap(<PracticePanel host={host} language="en" sheet={sheet} />);
    const blanks = await screen.findByTestId('practice-blanks');
    expect(within(blanks).getByText('2 blanks to fill')).toBeTruthy();
    expect(within(blanks).getByText('f₄[1] at t = 4')).toBeTruthy();
    expect(within(blanks).getByText('f₄[2] at t = 4')).toBeTruthy();
    expect(screen.getByTestId('practice-progress').textContent).toBe('0 of 2 filled');

    await userEvent.click(within(blanks).getByRole('button', { name: 'Go to Y34 (f₄[2])' }));
    expect(await host.getSelection()).toEqual({ sheet, address: 'Y34' });

    host.setContent(sheet, 'Y34', 0.017);
    host.select(sheet, 'Y35'); // Enter moves the selection down, as after typing
    await waitFor(() => expect(screen.getByTestId('practice-progress').textContent).toBe('1 of 2 filled'));
  });

  it('lists the blanks in Chinese', async () => {
    const { host, sheet } = await lstmOneGate();
    wrap(<PracticePanel host={host} language="zh" sheet={sheet} />);
    const blanks = await screen.findByTestId('practice-blanks');
    expect(within(blanks).getByText('共 2 个空格待填')).toBeTruthy();
    expect(within(blanks).getByText('t = 4 时的 f₄[1]')).toBeTruthy();
    expect(screen.getByTestId('practice-progress').textContent).toBe('已填 0 / 2');
  });

  it('Fill next step and Reveal select what they filled', async () => {
    const { host, sheet } = await lstmOneGate();
    host.select(sheet, 'A1');
    wrap(<PracticePanel host={host} language="en" sheet={sheet} />);
    await screen.findByTestId('practice-blanks');
    await userEvent.click(screen.getByRole('button', { name: 'Fill next step' }));
    await waitFor(async () => expect(await host.getSelection()).toEqual({ sheet, address: 'Y33' }));
    await waitFor(() => expect(screen.getByTestId('practice-progress').textContent).toBe('2 of 2 filled'));

    await userEvent.click(screen.getByRole('button', { name: 'Reset' }));
    await userEvent.click(within(await findDialog()).getByRole('button', { name: 'Go ahead', hidden: true }));
    await waitFor(() => expect(screen.getByTestId('practice-progress').textContent).toBe('0 of 2 filled'));
    host.select(sheet, 'Y34');
    await userEvent.click(screen.getByRole('button', { name: 'Reveal cell' }));
    await waitFor(() => expect(host.cell(sheet, 'Y34').formula).not.toBeNull());
    expect(await host.getSelection()).toEqual({ sheet, address: 'Y34' });
  });

  it('Reset clears the score and the hint of the earlier attempt', async () => {
    const { host, sheet } = await lstmOneGate();
    host.setContent(sheet, 'Y33', 0.031);
    host.select(sheet, 'Y34');
    wrap(<PracticePanel host={host} language="en" sheet={sheet} />);
    await screen.findByTestId('practice-blanks');
    await userEvent.click(screen.getByRole('button', { name: 'Check' }));
    await screen.findByTestId('practice-score');
    await userEvent.click(screen.getByRole('button', { name: 'Hint' }));
    await screen.findByTestId('practice-hint');
    await userEvent.click(screen.getByRole('button', { name: 'Reset' }));
    await userEvent.click(within(await findDialog()).getByRole('button', { name: 'Go ahead', hidden: true }));
    await waitFor(() => expect(screen.queryByTestId('practice-hint')).toBeNull());
    expect(screen.queryByTestId('practice-score')).toBeNull();
    expect(host.cell(sheet, 'Y33').value).toBeNull();
  });
});

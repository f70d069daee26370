// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { readable } from '../../../src/sheets/notation';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReactNode } from 'react';
import { RIGHT_FILL, WRONG_FILL } from '../../../src/practice/checker';
import { createPracticeSheet } from '../../../src/practice/create';
import { a1 } from '../../../src/sheets/plan';
import { buildPlan } from '../../../src/sheets/registry';
import { ExplainPanel } from '../../../taskpane/practice/ExplainPanel';
import { PracticePanel } from '../../../taskpane/practice/PracticePanel';
import { rnnConfig, sheetTruth } from '../../practice/fixtures';
import { FormulaHost } from '../../practice/formula-host';

afterEach(cleanup);

// jsdom has no ResizeObserver; Fluent's MessageBar only needs it to reflow, which a test never sees.
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

/**
 * Fluent's focus manager (tabster) is one per window and outlives a test's cleanup, so in
 * jsdom a dialog of an earlier test can leave the next one marked aria-hidden for a while.
 * The dialog is therefore found regardless of that flag; the browser e2e sees the real thing.
 */
const findDialog = () => screen.findByRole('dialog', { hidden: true }, { timeout: 5000 });

const wrap = (ui: ReactNode) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

async function practice() {
  const config = rnnConfig();
  const host = new FormulaHost();
  const { sheetName: sheet, answers } = await createPracticeSheet(host, config, 'one-step', 2);
  const walkthrough = buildPlan(config);
  return { host, sheet, answers, walkthrough, truth: sheetTruth(walkthrough, answers) };
}

describe('PracticePanel', () => {
  it('checks the sheet, shows the score and colours the answers', async () => {
    const { host, sheet, answers, truth } = await practice();
    host.setContent(sheet, answers[0], truth.get(answers[0]) as number);
    host.setContent(sheet, answers[1], (truth.get(answers[1]) as number) + 0.2);
    wrap(<PracticePanel host={host} language="en" sheet={sheet} />);
    expect(screen.getByText(/judged against the true value/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByText(`Score: 1 / ${answers.length}`)).toBeTruthy();
    expect(screen.getByText(`1 right, 1 wrong, ${answers.length - 2} not answered`)).toBeTruthy();
    expect(host.fillOf(sheet, answers[0])).toBe(RIGHT_FILL);
    expect(host.fillOf(sheet, answers[1])).toBe(WRONG_FILL);
  });

  it('asks before Reveal replaces an entry; Cancel changes nothing, Go ahead writes the formula', async () => {
    const { host, sheet, answers, walkthrough } = await practice();
    host.setContent(sheet, answers[0], 7);
    host.select(sheet, answers[0]);
    wrap(<PracticePanel host={host} language="en" />);
    await screen.findByText(`Practice: ${sheet}`);

    await userEvent.click(screen.getByRole('button', { name: 'Reveal cell' }));
    const dialog = await findDialog();
    expect(
      within(dialog).getByText(`Reveal will replace your entries in ${answers[0]} with the real formulas.`),
    ).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());
    expect(host.writes).toEqual([]);
    expect(host.cell(sheet, answers[0]).value).toBe(7);

    await userEvent.click(screen.getByRole('button', { name: 'Reveal cell' }));
    await userEvent.click(within(await findDialog()).getByRole('button', { name: 'Go ahead', hidden: true }));
    const formula = walkthrough.cells.find((c) => a1(c.row, c.col) === answers[0])?.formula;
    await waitFor(() => expect(host.cell(sheet, answers[0]).formula).toBe(formula));
  });

  it('gives a hint for the selected answer with its typeset equation and the cells it reads', async () => {
    const { host, sheet, answers } = await practice();
    host.select(sheet, answers[0]);
    const { container } = wrap(<PracticePanel host={host} language="en" />);
    await screen.findByText(`Practice: ${sheet}`);
    await userEvent.click(screen.getByRole('button', { name: 'Hint' }));
    const hint = await screen.findByTestId('practice-hint');
    expect(within(hint).getByText(new RegExp(`^Hint for ${answers[0]}`))).toBeTruthy();
    expect(container.querySelector('.katex')).not.toBeNull();
    expect(within(hint).getAllByRole('listitem').length).toBeGreaterThan(0);
  });

  it('fills the next step and resets after confirmation, in Chinese', async () => {
    const { host, sheet, answers } = await practice();
    host.select(sheet, answers[0]);
    wrap(<PracticePanel host={host} language="zh" />);
    await screen.findByText(`练习：${sheet}`);
    await userEvent.click(screen.getByRole('button', { name: '填写下一步' }));
    expect(await screen.findByText(/^已填写第 t = \d+ 步的公式/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: '重置' }));
    const dialog = await findDialog();
    expect(within(dialog).getByText(/重置将清除你在/)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: '继续', hidden: true }));
    await waitFor(() => {
      for (const a of answers) expect(host.cell(sheet, a).formula).toBeNull();
    });
  });

  it('says what to do when no practice sheet is selected', async () => {
    const host = new FormulaHost();
    wrap(<PracticePanel host={host} language="en" />);
    expect(screen.getByText(/Select a cell on a practice sheet/)).toBeTruthy();
  });
});

describe('ExplainPanel', () => {
  it('follows the selection: a computed cell with its equation and feeding values, then an input', async () => {
    const config = rnnConfig();
    const plan = buildPlan(config);
    const host = new FormulaHost();
    const { sheetName: sheet } = await host.buildSheet(plan, { mode: 'walkthrough', config });
    const { container } = wrap(<ExplainPanel host={host} language="en" />);
    expect(screen.getByText(/Select a cell of a walkthrough/)).toBeTruthy();

    const dot = plan.cells.find((c) => c.formula?.includes('MMULT'));
    if (!dot) throw new Error('no dot-product cell');
    host.select(sheet, a1(dot.row, dot.col));
    const e = await screen.findByTestId('explanation');
    expect(within(e).getByText(/A computed cell/)).toBeTruthy();
    expect(
      within(e).getByText(new RegExp(`^${a1(dot.row, dot.col)} · ${readable(dot.meaning?.tensor ?? '')}`)),
    ).toBeTruthy();
    expect(container.querySelector(`[data-latex]`)?.getAttribute('data-latex')).toBe(dot.meaning?.equation);
    expect(container.querySelector('.katex')).not.toBeNull();
    const weight = plan.cells.find((c) => c.role === 'weight' && c.meaning?.param);
    expect(within(e).getAllByText(Number(weight?.value).toFixed(4)).length).toBeGreaterThan(0);

    const x = plan.cells.find((c) => c.role === 'input' && c.meaning?.param);
    host.select(sheet, a1(x!.row, x!.col));
    expect(await screen.findByText(/An input or weight/)).toBeTruthy();
  });

  it("says when a sheet is not the add-in's", async () => {
    const host = new FormulaHost();
    host.addPlainSheet('Budget', [[1]]);
    wrap(<ExplainPanel host={host} language="zh" />);
    host.select('Budget', 'A1');
    expect(await screen.findByText('此工作表不是由本加载项生成的。')).toBeTruthy();
  });
});

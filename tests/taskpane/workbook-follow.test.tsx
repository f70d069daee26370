// @vitest-environment jsdom
import './dom-shims';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../taskpane/App';
import { RIGHT_FILL, WRONG_FILL } from '../../src/practice/checker';
import { createPracticeSheet } from '../../src/practice/create';
import type { SheetPlan } from '../../src/sheets/plan';
import { buildPlan, specFor } from '../../src/sheets/registry';
import { rnnConfig, sheetTruth } from '../practice/fixtures';
import { FormulaHost } from '../practice/formula-host';

afterEach(cleanup);

const practiceHeading = (sheet: string) => screen.queryByRole('heading', { name: `Practice: ${sheet}` });
const picker = () => screen.queryByLabelText('Your practice sheets') as HTMLSelectElement | null;

interface Made {
  readonly sheet: string;
  readonly answers: readonly string[];
  readonly walkthrough: SheetPlan;
}

/**
 * A workbook as a learner leaves it: an RNN walkthrough, an RNN practice sheet and a GRU
 * practice sheet, saved; the pane then opens on a fresh host over the saved file only.
 */
async function reopenedWorkbook() {
  const first = new FormulaHost();
  const rnn = rnnConfig();
  const gru = { ...specFor('gru').defaults, inputSize: 2, hiddenSize: 2, steps: 2 };
  const { sheetName: walkthrough } = await first.buildSheet(buildPlan(rnn), {
    mode: 'walkthrough',
    config: rnn,
  });
  const made = async (config: typeof rnn): Promise<Made> => {
    const { sheetName, answers } = await createPracticeSheet(first, config, 'one-step', 2);
    return { sheet: sheetName, answers, walkthrough: buildPlan(config) };
  };
  const rnnPractice = await made(rnn);
  const gruPractice = await made(gru);
  const host = new FormulaHost(first.save());
  const user = userEvent.setup();
  render(<App host={host} language="en" theme="light" />);
  return { host, user, walkthrough, rnnPractice, gruPractice };
}

/** Selection events come from the workbook, outside React: let the pane settle on them. */
async function select(host: FormulaHost, sheet: string, address: string) {
  await act(async () => host.select(sheet, address));
}

describe('the pane follows the workbook after it is reopened', () => {
  it('shows the practice panel when a practice sheet is selected, and Check works', async () => {
    const { host, user, rnnPractice } = await reopenedWorkbook();
    const { sheet, answers, walkthrough } = rnnPractice;
    expect(practiceHeading(sheet)).toBeNull();
    const truth = sheetTruth(walkthrough, answers);
    host.setContent(sheet, answers[0], truth.get(answers[0]) as number);
    host.setContent(sheet, answers[1], (truth.get(answers[1]) as number) + 0.5);

    await select(host, sheet, answers[0]);
    await waitFor(() => expect(practiceHeading(sheet)).not.toBeNull());
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByText(`Score: 1 / ${answers.length}`)).toBeTruthy();
    expect(host.fillOf(sheet, answers[0])).toBe(RIGHT_FILL);
    expect(host.fillOf(sheet, answers[1])).toBe(WRONG_FILL);
    // The explain panel follows the same selection.
    expect(within(await screen.findByTestId('explanation')).getByText(/An answer cell/)).toBeTruthy();
  });

  it('a walkthrough sheet, or a sheet the add-in did not make, shows no practice panel', async () => {
    const { host, walkthrough, rnnPractice } = await reopenedWorkbook();
    host.addPlainSheet('Notes', [[1]]);
    await select(host, rnnPractice.sheet, 'A1');
    await waitFor(() => expect(practiceHeading(rnnPractice.sheet)).not.toBeNull());

    await select(host, walkthrough, 'B2');
    await waitFor(() => expect(practiceHeading(rnnPractice.sheet)).toBeNull());
    expect(screen.queryByRole('button', { name: 'Check' })).toBeNull();

    await select(host, rnnPractice.sheet, 'A1');
    await waitFor(() => expect(practiceHeading(rnnPractice.sheet)).not.toBeNull());
    // A sheet added after the pane opened is looked up afresh, and is not a practice sheet.
    await select(host, 'Notes', 'A1');
    await waitFor(() => expect(practiceHeading(rnnPractice.sheet)).toBeNull());
    expect(await screen.findByText('This sheet was not made by the add-in.')).toBeTruthy();
  });

  it('switching sheets switches the panel, and a check acts on the sheet shown', async () => {
    const { host, user, rnnPractice, gruPractice } = await reopenedWorkbook();
    await select(host, rnnPractice.sheet, rnnPractice.answers[0]);
    await waitFor(() => expect(practiceHeading(rnnPractice.sheet)).not.toBeNull());

    await select(host, gruPractice.sheet, gruPractice.answers[0]);
    await waitFor(() => expect(practiceHeading(gruPractice.sheet)).not.toBeNull());
    expect(practiceHeading(rnnPractice.sheet)).toBeNull();
    expect(picker()?.value).toBe(gruPractice.sheet);
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByText(`Score: 0 / ${gruPractice.answers.length}`)).toBeTruthy();
    expect(host.writes.every((w) => w.sheet === gruPractice.sheet)).toBe(true);
  });

  it('lists the practice sheets, and picking one opens its panel without selecting it', async () => {
    const { host, user, walkthrough, rnnPractice, gruPractice } = await reopenedWorkbook();
    await waitFor(() => expect(picker()).not.toBeNull());
    const options = within(picker()!).getAllByRole('option') as HTMLOptionElement[];
    expect(options.filter((o) => !o.disabled).map((o) => o.value)).toEqual([
      rnnPractice.sheet,
      gruPractice.sheet,
    ]);
    expect(options.map((o) => o.value)).not.toContain(walkthrough);

    await select(host, walkthrough, 'A1');
    await user.selectOptions(picker()!, gruPractice.sheet);
    expect(practiceHeading(gruPractice.sheet)).not.toBeNull();
    // Clicking around the sheet the learner is on keeps the pick; moving to another sheet follows it.
    await select(host, walkthrough, 'C3');
    expect(practiceHeading(gruPractice.sheet)).not.toBeNull();
    await select(host, rnnPractice.sheet, 'A1');
    await waitFor(() => expect(practiceHeading(rnnPractice.sheet)).not.toBeNull());
  });

  it('a practice sheet built from the pane joins the list and shows its panel', async () => {
    const host = new FormulaHost();
    const user = userEvent.setup();
    render(<App host={host} language="en" theme="light" />);
    expect(picker()).toBeNull();
    await user.click(screen.getByLabelText('Practice (blanks to fill)'));
    await user.click(screen.getByRole('button', { name: 'Build sheet' }));
    await waitFor(async () => expect(await host.listAddinSheets()).toHaveLength(1));
    const [{ name }] = await host.listAddinSheets();
    await waitFor(() => expect(practiceHeading(name)).not.toBeNull());
    await waitFor(() => expect(picker()?.value).toBe(name));
  });
});

// @vitest-environment jsdom
/**
 * The pane's "Check this Excel" panel on the preview host: the button runs the check,
 * the outcome and the whole report appear (the report in a read-only text area), Copy
 * puts exactly that report on the clipboard, and a disagreeing cell turns the outcome
 * into a warning. Hosts that cannot remove sheets get no panel.
 */
import './dom-shims';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CheckExcelPanel } from '../../taskpane/CheckExcelPanel';
import { PreviewHost } from '../../src/host/preview-host';
import { memorySettings } from '../../src/host/settings';
import type { CellContent, WorkbookHost } from '../../src/host/host';
import { registerAllFunctions } from '../../tools/excel-double/calculate';
import { availableModels } from '../../src/sheets/registry';
import { FakeHost } from './fake-host';

afterEach(cleanup);
// Counted from the registry and functions.json, so a new model or function keeps the
// sentence honest without editing this test.
let declared = 0;
beforeAll(async () => {
  declared = (await registerAllFunctions()).length;
});

const report = () => screen.getByRole('textbox', { name: /Report|报告/ }) as HTMLTextAreaElement;

describe('Check this Excel panel', () => {
  it('runs the check, shows the report and copies it', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<CheckExcelPanel host={new PreviewHost(undefined, memorySettings())} language="en" />);
    await user.click(screen.getByRole('button', { name: 'Check this Excel' }));
    await waitFor(
      () =>
        expect(
          screen.getByText(
            `All ${availableModels().length} models and ${declared} custom functions agree with the core (tolerance 1e-9).`,
            { ignore: 'textarea' },
          ),
        ).toBeTruthy(),
      {
        timeout: 30_000,
      },
    );
    expect(report().readOnly).toBe(true);
    expect(report().value).toMatch(/^Check this Excel — preview, /);
    expect(report().value).toContain('LSTM (lstm): ok');
    expect(report().value).toContain('MAMBA.BLOCK: ok');
    await user.click(screen.getByRole('button', { name: 'Copy report' }));
    expect(writeText).toHaveBeenCalledWith(report().value);
    expect(await screen.findByText('Copied.')).toBeTruthy();
  }, 60_000);

  it('warns, in Chinese, when a cell disagrees with the core', async () => {
    const user = userEvent.setup();
    const preview = new PreviewHost(undefined, memorySettings());
    // This "Excel" shows the first cell it is asked for one unit off.
    let spoiled = false;
    const host: WorkbookHost = Object.assign(Object.create(preview) as PreviewHost, {
      readCells: async (sheet: string, addresses: readonly string[]): Promise<CellContent[]> => {
        const cells = await preview.readCells(sheet, addresses);
        if (spoiled) return cells;
        spoiled = true;
        return [{ ...cells[0], value: (cells[0].value as number) + 1 }, ...cells.slice(1)];
      },
    });
    render(<CheckExcelPanel host={host} language="zh" />);
    await user.click(screen.getByRole('button', { name: '检查此 Excel' }));
    await waitFor(
      () => expect(screen.getByText('1 项检查未通过：请查看报告。', { ignore: 'textarea' })).toBeTruthy(),
      {
        timeout: 30_000,
      },
    );
    expect(report().value).toMatch(/RNN.*\(rnn\)：\d+ 个单元格中有 1 个不一致/);
  }, 60_000);

  it('is not offered where the host cannot remove the sheets it builds', () => {
    const { container } = render(<CheckExcelPanel host={new FakeHost()} language="en" />);
    expect(container.innerHTML).toBe('');
  });
});

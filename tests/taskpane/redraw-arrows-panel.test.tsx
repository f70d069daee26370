// @vitest-environment jsdom
/**
 * The pane's "Redraw arrows" action, in both languages: on a sheet the add-in built it
 * asks the host to redraw and says how many arrows stand where the cells are now; on a
 * learner's own sheet it refuses in the pane's words without asking the host to redraw
 * anything, and the sheet keeps what it held; where the sheet shows its flows as notes it
 * says there is nothing to move; a host failure is shown as an alert. Hosts that cannot
 * redraw get no panel.
 */
import './dom-shims';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../taskpane/App';
import { RedrawArrowsPanel } from '../../taskpane/RedrawArrowsPanel';
import { PreviewHost } from '../../src/host/preview-host';
import { memorySettings } from '../../src/host/settings';
import type { AddinSheet } from '../../src/host/host';
import { specFor } from '../../src/sheets/registry';
import { FakeHost } from './fake-host';

afterEach(cleanup);

const lstmPlan = () => specFor('lstm').build(specFor('lstm').defaults);

async function previewWithLstm() {
  const host = new PreviewHost(undefined, memorySettings());
  const plan = lstmPlan();
  const { sheetName } = await host.buildSheet(plan, { model: 'lstm' });
  return { host, plan, sheetName };
}

/** A fake host that lists one add-in sheet and answers a redraw with `redraw`. */
function fakeHost(sheet: string, redraw: () => Promise<number>) {
  const host = new FakeHost();
  const listed: AddinSheet[] = [{ name: sheet, metadata: { model: 'lstm' } }];
  return Object.assign(host, {
    listAddinSheets: async () => listed,
    redrawFlows: vi.fn(redraw),
  });
}

describe('Redraw arrows in the pane', () => {
  it('redraws the arrows of the sheet holding the selection and says how many', async () => {
    const user = userEvent.setup();
    const { host, plan, sheetName } = await previewWithLstm();
    const redraw = vi.spyOn(host, 'redrawFlows');
    render(<App host={host} language="en" theme="light" />);
    // Building selected the sheet's first cell: the pane offers that sheet.
    await user.click(await screen.findByRole('button', { name: `Redraw arrows on '${sheetName}'` }));
    const n = plan.flows!.length;
    expect(n).toBeGreaterThan(1);
    expect(
      await screen.findByText(`Redrew ${n} arrows on '${sheetName}' where its cells are now.`),
    ).toBeTruthy();
    expect(redraw).toHaveBeenCalledWith(sheetName);
  });

  it('refuses a sheet the add-in did not build, in Chinese, and changes nothing on it', async () => {
    const user = userEvent.setup();
    const { host } = await previewWithLstm();
    const own = host.workbook.addSheet('Sheet1');
    host.workbook.setContent(own, 0, 0, 'my notes');
    const redraw = vi.spyOn(host, 'redrawFlows');
    render(<App host={host} language="zh" theme="light" />);
    act(() => host.workbook.select(own, 0, 0));
    await user.click(await screen.findByRole('button', { name: '重画“Sheet1”上的箭头' }));
    expect(await screen.findByText('“Sheet1”不是本加载项生成的工作表，因此未做任何更改。')).toBeTruthy();
    expect(redraw).not.toHaveBeenCalled();
    expect(host.workbook.sheetNames()).toContain(own);
    expect(host.workbook.cellAt(own, 'A1').value).toBe('my notes');
  });

  it('says so when the sheet shows its arrows as notes, in both languages', async () => {
    const user = userEvent.setup();
    const host = fakeHost('LSTM', async () => 0);
    const { unmount } = render(<RedrawArrowsPanel host={host} language="en" sheet="LSTM" />);
    await user.click(screen.getByRole('button', { name: "Redraw arrows on 'LSTM'" }));
    expect(
      await screen.findByText(/^'LSTM' has no arrows to redraw: .*notes move with their cells\.$/),
    ).toBeTruthy();
    unmount();
    render(<RedrawArrowsPanel host={host} language="zh" sheet="LSTM" />);
    await user.click(screen.getByRole('button', { name: '重画“LSTM”上的箭头' }));
    expect(await screen.findByText(/^“LSTM”上没有需要重画的箭头：.*批注会随单元格移动。$/)).toBeTruthy();
    expect(host.redrawFlows).toHaveBeenCalledTimes(2);
  });

  it('shows the host’s failure as an alert, in Chinese', async () => {
    const user = userEvent.setup();
    const host = fakeHost('LSTM', async () => {
      throw new Error('工作表“LSTM”不是本加载项生成的，不会写入。');
    });
    render(<RedrawArrowsPanel host={host} language="zh" sheet="LSTM" />);
    await user.click(screen.getByRole('button', { name: '重画“LSTM”上的箭头' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('无法重画箭头');
    expect(alert.textContent).toContain('不会写入');
  });

  it('is absent where the host cannot redraw, or before a sheet is selected', async () => {
    const { container } = render(<RedrawArrowsPanel host={new FakeHost()} language="en" sheet="LSTM" />);
    expect(container.textContent).toBe('');
    const { host } = await previewWithLstm();
    const again = render(<RedrawArrowsPanel host={host} language="en" sheet={null} />);
    expect(again.container.textContent).toBe('');
  });
});

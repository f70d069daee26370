// @vitest-environment jsdom
/**
 * The sheet tabs under Excel's rules, driven with the keyboard and the mouse as a person
 * does: rename in the tab (Enter keeps, Escape cancels, a refused name is explained and
 * changes nothing), delete an empty sheet at once and one with cells only when confirmed,
 * and never the last sheet.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SheetTabs } from '../../preview/SheetTabs';
import { PreviewWorkbook } from '../../src/host/preview-workbook';

afterEach(cleanup);

function setup() {
  const wb = new PreviewWorkbook();
  wb.addSheet('Inputs');
  wb.addSheet('Empty');
  wb.setInput('Inputs', 0, 0, '42');
  wb.select('Inputs', 0, 0);
  render(<SheetTabs workbook={wb} language="en" />);
  return { wb, user: userEvent.setup() };
}

const tab = (name: string) => screen.getByRole('tab', { name });
const nameBox = () => screen.queryByRole('textbox', { name: /^New name for the sheet/ });

describe('sheet tabs', () => {
  it('renames in the tab: a refused name is explained and kept out, Escape cancels, Enter renames', async () => {
    const { wb, user } = setup();
    await user.dblClick(tab('Inputs'));
    expect((nameBox() as HTMLInputElement).value).toBe('Inputs');
    await user.keyboard('{Control>}a{/Control}Bad:Name');
    expect(screen.getByRole('alert').textContent).toMatch(/cannot contain/);
    expect(nameBox()?.getAttribute('aria-invalid')).toBe('true');
    await user.keyboard('{Enter}');
    expect(nameBox()).not.toBeNull();
    await user.keyboard('{Control>}a{/Control}empty');
    expect(screen.getByRole('alert').textContent).toMatch(/already called that/);
    await user.keyboard('{Escape}');
    expect(nameBox()).toBeNull();
    expect(wb.sheetNames()).toEqual(['Inputs', 'Empty']);
    expect(document.activeElement).toBe(tab('Inputs'));
    await user.keyboard('{F2}');
    await user.keyboard('{Control>}a{/Control}My inputs{Enter}');
    expect(wb.sheetNames()).toEqual(['My inputs', 'Empty']);
    expect(wb.cellAt('My inputs', 'A1').value).toBe(42);
    expect(document.activeElement).toBe(tab('My inputs'));
  });

  it('deletes an empty sheet at once, a sheet with cells only when confirmed, never the last', async () => {
    const { wb, user } = setup();
    await user.click(tab('Empty'));
    tab('Empty').focus();
    await user.keyboard('{Delete}');
    expect(wb.sheetNames()).toEqual(['Inputs']);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    // The last sheet stays, as in Excel.
    expect((screen.getByRole('button', { name: 'Delete sheet' }) as HTMLButtonElement).disabled).toBe(true);
    act(() => {
      wb.addSheet('Other');
    });
    await user.click(tab('Inputs'));
    tab('Inputs').focus();
    await user.keyboard('{Delete}');
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toMatch(/Delete the sheet "Inputs"\?/);
    expect(document.activeElement?.textContent).toBe('Cancel');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(wb.sheetNames()).toEqual(['Inputs', 'Other']);
    await user.click(screen.getByRole('button', { name: 'Delete sheet' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(wb.sheetNames()).toEqual(['Other']);
  });

  it("says what is lost when the sheet is the add-in's", async () => {
    const { wb, user } = setup();
    wb.setMetadata('Empty', { mode: 'practice' });
    await user.click(tab('Empty'));
    await user.click(screen.getByRole('button', { name: 'Delete sheet' }));
    expect(screen.getByRole('alertdialog').textContent).toMatch(/The add-in built it/);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(wb.sheetNames()).toEqual(['Inputs', 'Empty']);
  });
});

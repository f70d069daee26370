/**
 * The preview grid behaving as a spreadsheet, done as a person does it: a custom function
 * typed over a range that still holds text computes once the text is fixed; a click on the
 * empty cell beside overflowing text selects that cell; a long General number is rounded
 * to fit; sheets renamed in their tab and deleted only after a confirmation (the add-in's
 * sheets too); and the frozen title row and weight columns of a walkthrough stay in view.
 */
import { axeFindings, buildMode, describeFindings } from './learner.mjs';

const logistic = (x) => 1 / (1 + Math.exp(-x));

export async function spreadsheetScenario({ test, assert, page, project, typeInCell, gotoCell }) {
  const pane = page.getByRole('complementary', { name: 'Task pane' });
  const tab = (name) => page.getByRole('tab', { name, exact: true });
  const tabNames = () => page.locator('.sheet-tab').allInnerTexts();
  const valueAt = (sheet, address) =>
    page.evaluate(([s, a]) => window.previewHost.workbook.cellAt(s, a).value, [sheet, address]);
  const selected = () =>
    page.evaluate(() => {
      const s = window.previewHost.workbook.getSelection();
      return s && { sheet: s.sheet, row: s.row, col: s.col };
    });
  const near = (got, want, what) =>
    assert(
      typeof got === 'number' && Math.abs(got - want) <= 1e-9,
      `${what}: the grid shows ${got}, want ${want}`,
    );
  // Select through the name box and type: a click could land on a neighbour's spilled text.
  const typeAt = async (address, text) => {
    await gotoCell(page, address);
    await page.locator('.scroller').focus();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  };
  let scratch = null;
  let lstmH = null;

  await test('spreadsheet: a custom function typed over text computes once the text is fixed', async () => {
    const before = (await tabNames()).length;
    await page.getByRole('button', { name: 'New sheet' }).click();
    await page.locator('.sheet-tab').nth(before).waitFor();
    scratch = await page.locator('.sheet-tab.active').innerText();
    // =NN.SIGMOID over a 2×2 range whose first row is still text: #VALUE!, then the text is fixed.
    for (const [a, v] of [
      ['B1', 'two'],
      ['A1', 'one'],
      ['B2', '0'],
      ['A2', '3'],
    ])
      await typeAt(a, v);
    await typeAt('D1', '=NN.SIGMOID(A1:B2)');
    assert(
      (await valueAt(scratch, 'D1')) === '#VALUE!',
      `D1 over text shows ${await valueAt(scratch, 'D1')}`,
    );
    await typeAt('A1', '1');
    await typeAt('B1', '-1');
    const xs = { D1: 1, E1: -1, D2: 3, E2: 0 };
    for (const [a, x] of Object.entries(xs))
      near(await valueAt(scratch, a), logistic(x), `NN.SIGMOID at ${a}`);
    // =LSTM.STEP (I = H = 1) typed while one W_ih cell held text, then that cell fixed.
    const wih = [0.5, -0.25, 1, 0.75];
    const whh = [-0.5, 0.3, 0.2, -1];
    await typeAt('A5', '0.8');
    await typeAt('B5', '-0.3');
    await typeAt('C5', '0.6');
    for (let k = 0; k < 4; k++) {
      await typeAt(`D${5 + k}`, k === 2 ? 'w?' : String(wih[k]));
      await typeAt(`E${5 + k}`, String(whh[k]));
    }
    await typeAt('G5', '=LSTM.STEP(A5,B5,C5,D5:D8,E5:E8)');
    assert((await valueAt(scratch, 'G5')) === '#VALUE!', 'LSTM.STEP over a text weight is not #VALUE!');
    await typeAt('D7', String(wih[2]));
    const p = {
      inputSize: 1,
      hiddenSize: 1,
      W_ih: project.fromRows(wih.map((w) => [w])),
      W_hh: project.fromRows(whh.map((w) => [w])),
      b_ih: new Float64Array(4),
      b_hh: new Float64Array(4),
    };
    const r = project.lstmStep(p, Float64Array.of(0.8), Float64Array.of(-0.3), Float64Array.of(0.6));
    near(await valueAt(scratch, 'G5'), r.h[0], 'LSTM.STEP h');
    lstmH = r.h[0];
    near(await valueAt(scratch, 'H5'), r.c[0], 'LSTM.STEP c');
  });
  if (!scratch) return;

  await test('spreadsheet: a click on the empty cell right of overflowing text selects that cell', async () => {
    await typeInCell(page, 'A12', 'a label long enough to run over three columns');
    const target = await page.locator('.scroller [data-address="C12"]').boundingBox();
    const x = target.x + target.width / 2;
    const y = target.y + target.height / 2;
    // The label's element is what lies under the pointer there …
    const under = await page.evaluate(
      ([px, py]) => document.elementFromPoint(px, py)?.closest('.cell')?.dataset.address,
      [x, y],
    );
    assert(under === 'A12', `the element under C12's middle is ${under}, so this would not test the spill`);
    // … and yet the click selects C12, as in Excel.
    await page.mouse.click(x, y);
    const sel = await selected();
    assert(sel.row === 11 && sel.col === 2, `the click selected ${project.a1(sel.row, sel.col)}, not C12`);
    const nameBox = await page.getByLabel('Name box').inputValue();
    assert(nameBox === 'C12', `the name box says ${nameBox}`);
  });

  await test('spreadsheet: 0.7095296197 in a narrow General cell shows rounded (0.70953), not cut', async () => {
    const v = 0.7095296197;
    await typeInCell(page, 'A14', String(v));
    const cell = await gotoCell(page, 'A14');
    const text = await cell.locator('.cell-text').innerText();
    const fits = await cell.locator('.cell-text').evaluate((el) => el.scrollWidth <= el.clientWidth);
    const decimals = text.split('.')[1]?.length ?? 0;
    assert(fits, `"${text}" does not fit its cell`);
    assert(
      text === v.toFixed(decimals).replace(/0+$/, ''),
      `"${text}" is not ${v} rounded to ${decimals} decimals`,
    );
    // Excel shows 0.70953 in a column of the default width (8.43).
    assert(text === '0.70953', `the cell shows "${text}", Excel shows 0.70953`);
    assert((await valueAt(scratch, 'A14')) === v, 'the stored value changed');
  });

  await test('spreadsheet: rename a sheet in its tab: refused names explained, Escape cancels, Enter renames', async () => {
    await tab(scratch).dblclick();
    const box = page.getByRole('textbox', { name: /^New name for the sheet/ });
    await box.waitFor();
    assert((await box.inputValue()) === scratch, 'the box does not start with the old name');
    await page.keyboard.type('a:b'); // the old name is selected, so this replaces it
    const alert = page.locator('.sheet-tabs [role="alert"]');
    await alert.getByText(/cannot contain/).waitFor();
    const found = await axeFindings(page);
    assert(found.length === 0, `with the name box open:\n${describeFindings(found)}`);
    await page.keyboard.press('Enter');
    assert(await box.isVisible(), 'Enter with a refused name closed the box');
    assert((await tabNames()).includes(scratch), 'a refused name changed the tab');
    await page.keyboard.press('Escape');
    await box.waitFor({ state: 'detached' });
    assert((await tabNames()).includes(scratch), 'Escape did not keep the old name');
    // From the keyboard: the tab has the focus back; F2 renames it, as in Excel.
    assert(await tab(scratch).evaluate((el) => el === document.activeElement), 'the tab lost the focus');
    await page.keyboard.press('F2');
    await box.waitFor();
    await page.keyboard.type('sheet1');
    await alert.getByText(/already called that/).waitFor();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Scratch work');
    assert((await alert.count()) === 0, 'a good name is still explained as refused');
    await page.keyboard.press('Enter');
    await tab('Scratch work').waitFor();
    assert(!(await tabNames()).includes(scratch), 'the old tab is still there');
    scratch = 'Scratch work';
    if (lstmH !== null) near(await valueAt(scratch, 'G5'), lstmH, 'LSTM.STEP after the rename');
    assert(
      (await valueAt(scratch, 'A12')) === 'a label long enough to run over three columns',
      'cells lost in the rename',
    );
  });

  await test('spreadsheet: delete: an empty sheet at once, one with cells only after confirming', async () => {
    const start = await tabNames();
    await page.getByRole('button', { name: 'New sheet' }).click();
    await page.locator('.sheet-tab').nth(start.length).waitFor();
    await page.getByRole('button', { name: 'Delete sheet' }).click();
    assert(
      JSON.stringify(await tabNames()) === JSON.stringify(start),
      'deleting the empty sheet left the tabs changed',
    );
    assert((await page.getByRole('alertdialog').count()) === 0, 'an empty sheet asked for confirmation');
    // A sheet with cells: Delete on its tab asks; Escape keeps it.
    await tab(scratch).click();
    await page.keyboard.press('Delete');
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText(`Delete the sheet "${scratch}"?`).waitFor();
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    assert(focused === 'Cancel', `the focus is on "${focused}", not Cancel`);
    const found = await axeFindings(page);
    assert(found.length === 0, `with the question open:\n${describeFindings(found)}`);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert((await tabNames()).includes(scratch), 'Escape deleted the sheet');
    assert((await valueAt(scratch, 'A14')) === 0.7095296197, 'the kept sheet lost its cells');
    // Cancel keeps it too; Delete removes exactly that sheet.
    await page.getByRole('button', { name: 'Delete sheet' }).click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    assert((await tabNames()).includes(scratch), 'Cancel deleted the sheet');
    await page.getByRole('button', { name: 'Delete sheet' }).click();
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    const after = await tabNames();
    assert(
      JSON.stringify(after) === JSON.stringify(start.filter((n) => n !== scratch)),
      `after deleting ${scratch} the tabs are ${after.join(', ')}`,
    );
  });

  const lstm = project.registry.availableModels().find((s) => s.id === 'lstm');
  await test('spreadsheet: frozen panes: the title row and frozen columns stay in view while scrolling', async () => {
    const plan = lstm.build(lstm.defaults);
    const freeze = plan.freeze;
    assert(freeze && freeze.rows > 0, `the LSTM plan freezes ${JSON.stringify(freeze)}`);
    const sheet = await buildMode(page, pane, lstm, 'walkthrough');
    const scroller = page.locator('.scroller');
    await scroller.evaluate((el) => {
      el.scrollTop = 600;
      el.scrollLeft = 1500;
    });
    await page.waitForFunction(() => document.querySelector('.scroller').scrollTop === 600);
    await page.waitForTimeout(100);
    const view = await scroller.boundingBox();
    const at = (x, y) =>
      page.evaluate(
        ([px, py]) => document.elementFromPoint(px, py)?.closest('.cell')?.dataset.address ?? null,
        [x, y],
      );
    // Just inside the top-left corner lies A1, the title, however far the sheet scrolled.
    const corner = await at(view.x + 4, view.y + 4);
    assert(corner === 'A1', `the top-left of the scrolled grid shows ${corner}, not A1`);
    // Along the top edge, right of the frozen columns: row 1 cells of the scrolled columns.
    const top = await at(view.x + view.width - 40, view.y + 4);
    assert(top && /^[A-Z]+1$/.test(top), `the top edge shows ${top}, not a cell of row 1`);
    const lastCol = freeze.cols > 0 ? project.a1(0, freeze.cols - 1).replace(/\d+$/, '') : null;
    const below = await at(view.x + 4, view.y + view.height / 2);
    if (lastCol) assert(below && below.startsWith('A'), `the left edge shows ${below}, not column A`);
    else assert(below && !below.startsWith('A'), `nothing is frozen left, yet the left edge shows ${below}`);
    // The scrolled cells really moved: the middle of the grid is far from the top-left.
    const middle = await at(view.x + view.width / 2, view.y + view.height / 2);
    const m = project.parseA1(middle);
    assert(m.row > 10 && m.col > 5, `the middle shows ${middle}`);
    // The plan's boxes in the frozen columns (the red weight boxes) are drawn there, in view.
    const pinnedBoxes = plan.boxes.filter((b) => b.left < freeze.cols && b.top >= freeze.rows);
    if (pinnedBoxes.length > 0) {
      await scroller.evaluate((el) => (el.scrollTop = 0));
      await page.waitForFunction(() => document.querySelector('.scroller').scrollTop === 0);
      // What shows of a box is what the frozen layer's clip at the split leaves of it.
      const drawn = await page.locator('.frozen-left .box').evaluateAll((els) => {
        const split = document.querySelector('.frozen-left')?.style.clipPath ?? '';
        const width = Number(/polygon\(0(?:px)? 0(?:px)?, ([\d.]+)px/.exec(split)?.[1] ?? Infinity);
        const left = document.querySelector('.scroller').getBoundingClientRect().x;
        return els
          .map((e) => e.getBoundingClientRect())
          .map((r) => ({ x: r.x, right: Math.min(r.right, left + width) }));
      });
      assert(drawn.length > 0, `${pinnedBoxes.length} boxes lie in the frozen columns, none is drawn there`);
      // A box crossing the split (the What-to-try box) is cell borders in Excel: its part right
      // of the split is drawn by the scrolling pane, reaching past the split's line.
      const crossing = plan.boxes.filter(
        (b) => b.left < freeze.cols && b.right >= freeze.cols && b.top >= freeze.rows,
      );
      if (crossing.length > 0) {
        await scroller.evaluate((el) => (el.scrollLeft = 0));
        await page.waitForFunction(() => document.querySelector('.scroller').scrollLeft === 0);
        const reach = await page.evaluate(() => {
          const split = document.querySelector('.frozen-left .frozen-split').getBoundingClientRect().x;
          const right = [...document.querySelectorAll('.box')]
            .filter((el) => !el.closest('.frozen-pane'))
            .map((el) => el.getBoundingClientRect())
            .filter((r) => r.x < split);
          return Math.max(...right.map((r) => r.right)) - split;
        });
        assert(reach > 20, `no box crossing the split reaches past it in the scrolling pane (${reach}px)`);
      }
      for (const r of drawn)
        assert(
          r.x >= view.x - 2 && r.right <= view.x + view.width,
          `a frozen box is out of view: ${JSON.stringify(r)}`,
        );
    }
    // The row header "1" stays beside the frozen row, and a click on the title selects it.
    await page.locator('.row-header.frozen', { hasText: /^1$/ }).waitFor();
    await page.mouse.click(view.x + 4, view.y + 4);
    const sel = await selected();
    assert(
      sel.sheet === sheet && sel.row === 0 && sel.col === 0,
      `the click selected ${JSON.stringify(sel)}`,
    );
  });

  await test('spreadsheet: a band equation ends where its results begin, spilling left, and stays in view scrolling right', async () => {
    const plan = lstm.build(lstm.defaults);
    const eq = plan.cells.find((c) => c.role === 'sideEquation');
    assert(eq, 'the LSTM plan writes no equation beside its results');
    assert(
      plan.freeze && plan.freeze.cols > eq.col,
      `the equation's column is not frozen: ${JSON.stringify(plan.freeze)}`,
    );
    await buildMode(page, pane, lstm, 'walkthrough');
    const scroller = page.locator('.scroller');
    await scroller.evaluate((el) => el.scrollTo(0, 0));
    const address = project.a1(eq.row, eq.col);
    await gotoCell(page, address);
    const cell = page.locator(`.frozen-left [data-address="${address}"]`);
    const letter = address.replace(/\d+$/, '');
    const box = async () =>
      cell.evaluate((el, col) => {
        const own = [...document.querySelectorAll('.col-header')].find((h) => h.textContent === col);
        const r = el.getBoundingClientRect();
        const text = el.querySelector('.cell-text').getBoundingClientRect();
        return { left: r.left, right: r.right, textLeft: text.left, own: own?.getBoundingClientRect() };
      }, letter);
    const b = await box();
    assert(b.own, "no column header for the equation's column");
    // Right-aligned: the text ends at its own column's right edge and runs left over the free cells.
    assert(
      Math.abs(b.right - b.own.right) <= 2,
      `the equation ends at ${b.right}, its column at ${b.own.right}`,
    );
    assert(
      b.textLeft < b.own.left - 20,
      `the text starts at ${b.textLeft}, not left of its column (${b.own.left})`,
    );
    assert(b.textLeft >= b.left - 1, `the text is cut on the left: ${JSON.stringify(b)}`);
    // A click on the spilled part selects the cell under the pointer, as in Excel.
    const y = (await cell.boundingBox()).y + 8;
    await page.mouse.click(b.textLeft + 4, y);
    const sel = await selected();
    assert(sel.row === eq.row && sel.col < eq.col, `the click selected ${project.a1(sel.row, sel.col)}`);
    // Scrolled right, the frozen equation stays where it was, beside whatever step is in view.
    await scroller.evaluate((el) => (el.scrollLeft = 1200));
    await page.waitForFunction(() => document.querySelector('.scroller').scrollLeft > 0);
    const after = await box();
    assert(Math.abs(after.right - b.right) <= 1, `the equation moved from ${b.right} to ${after.right}`);
  });

  await test("spreadsheet: the add-in's sheets: a renamed practice sheet keeps its pane; deleting one asks first", async () => {
    const practice = await buildMode(page, pane, lstm, 'practice');
    const progress = pane.getByTestId('practice-progress');
    await progress.getByText(/^0 of \d+ filled/).waitFor();
    const total = Number((await progress.innerText()).match(/of (\d+)/)[1]);
    await tab(practice).dblclick();
    await page.keyboard.type('My LSTM practice');
    await page.keyboard.press('Enter');
    await tab('My LSTM practice').waitFor();
    // The pane follows the sheet to its new name: typing a blank counts.
    const sel = await selected();
    assert(sel.sheet === 'My LSTM practice', `the selection is on ${sel.sheet}`);
    await typeInCell(page, project.a1(sel.row, sel.col), '0.5');
    await progress.getByText(`1 of ${total} filled`).waitFor({ timeout: 10000 });
    await pane.getByRole('button', { name: 'Check', exact: true }).click();
    await pane.getByText(new RegExp(`Score: \\d+ / ${total}`)).waitFor({ timeout: 10000 });
    await tab('My LSTM practice').click();
    await page.keyboard.press('Delete');
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText(/The add-in built it/).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    assert((await tabNames()).includes('My LSTM practice'), 'Cancel deleted the practice sheet');
    // Deleted when asked, it leaves the tabs and the pane's list of practice sheets (the
    // selection moves to the walkthrough beside it, a sheet the pane already knows).
    const others = (await tabNames()).filter((n) => n !== 'My LSTM practice');
    await page.getByRole('button', { name: 'Delete sheet' }).click();
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    assert(JSON.stringify(await tabNames()) === JSON.stringify(others), 'the tabs after the delete');
    const listed = () => pane.locator('option', { hasText: 'My LSTM practice' }).count();
    for (let i = 0; i < 20 && (await listed()) > 0; i++) await page.waitForTimeout(100);
    assert((await listed()) === 0, 'the pane still offers the deleted practice sheet');
  });
}

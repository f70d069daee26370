/**
 * The preview as a learner uses it, for the practice and spreadsheet issues: find the
 * blanks from the pane, type what the walkthrough shows and pass Check on the LSTM, GRU,
 * Mamba scan and mLSTM sheets, see cells wait for a blank instead of computing from it,
 * move with F6 and the skip link, reach Build without scrolling, come back to the language
 * chosen last time, and no serious or critical axe-core finding on the way.
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import { practiceAnswers } from './expected.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const MODELS = ['lstm', 'gru', 'mamba-scan', 'mlstm'];

/** axe-core's serious and critical violations on the page as it is now. */
export async function axeFindings(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export const describeFindings = (found) =>
  found.map((v) => `${v.id} (${v.impact}): ${v.nodes.join(', ')}`).join('\n');

/** Builds `spec` in `mode` from the pane; `beforeBuild` runs with the form filled in, Build not yet pressed. */
export async function buildMode(page, pane, spec, mode, beforeBuild) {
  await pane.getByRole('radio', { name: mode === 'practice' ? /^Practice/ : /^Walkthrough/ }).check();
  if (mode === 'practice') await pane.getByLabel('What to leave blank').selectOption({ label: 'One gate' });
  const picker = pane.getByLabel('Model', { exact: true }).first();
  await picker.selectOption({ label: spec.label.en });
  const before = await page.locator('.sheet-tab').count();
  await beforeBuild?.();
  await pane.getByRole('button', { name: /^build sheet$/i }).click();
  await page.locator('.sheet-tab').nth(before).waitFor({ timeout: 30000 });
  return page.locator('.sheet-tab.active').innerText();
}

/** How many cells of the sheet show the waiting text. */
const waitingCount = (page, sheet) =>
  page.evaluate((s) => {
    const wb = window.previewHost.workbook;
    const info = wb.sheet(s);
    let n = 0;
    for (let r = 0; r < info.rowCount; r++)
      for (let c = 0; c < info.colCount; c++) if (wb.cell(s, r, c).value === 'waiting') n++;
    return n;
  }, sheet);

export async function learnerScenario({ test, assert, page, project, typeInCell, gotoCell, outDir }) {
  const pane = page.getByRole('complementary', { name: 'Task pane' });
  const tab = (name) => page.getByRole('tab', { name, exact: true });

  await test('a11y: the empty page has no serious or critical axe-core finding', async () => {
    await page.setViewportSize({ width: 1600, height: 1000 });
    await tab('Sheet1').click();
    const found = await axeFindings(page);
    assert(found.length === 0, describeFindings(found));
  });

  await test('layout: Build is reachable without scrolling at 1600×1000', async () => {
    await page.locator('.pane-body').evaluate((el) => el.scrollTo(0, 0));
    const box = await pane.getByRole('button', { name: /^build sheet$/i }).boundingBox();
    assert(box && box.y >= 0 && box.y + box.height <= 1000, `Build is at ${JSON.stringify(box)}`);
  });

  await test('keyboard: F6 moves grid → formula bar → pane → grid; Tab stays in the grid; skip link', async () => {
    await (await gotoCell(page, 'B2')).click();
    await page.keyboard.press('Tab');
    const sel = await page.evaluate(() => window.previewHost.workbook.getSelection());
    assert(sel.row === 1 && sel.col === 2, `Tab moved to ${JSON.stringify(sel)}, expected C2`);
    const where = () =>
      page.evaluate(() => {
        const a = document.activeElement;
        if (a?.closest('.scroller')) return 'grid';
        if (a?.classList.contains('formula-input')) return 'formula';
        if (a?.closest('#pane')) return 'pane';
        return a?.tagName ?? 'none';
      });
    assert((await where()) === 'grid', `focus starts in ${await where()}`);
    const seen = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('F6');
      seen.push(await where());
    }
    assert(seen.join(',') === 'formula,pane,grid', `F6 went ${seen.join(' → ')}`);
    await page.keyboard.press('Shift+F6');
    assert((await where()) === 'pane', `Shift+F6 went to ${await where()}`);
    const skip = page.getByRole('link', { name: /Skip to the task pane/ });
    assert(await skip.isVisible(), 'the skip link is not visible');
    await (await gotoCell(page, 'A1')).click();
    await skip.click();
    assert((await where()) === 'pane', `the skip link went to ${await where()}`);
  });

  for (const id of MODELS) {
    const spec = project.registry.availableModels().find((s) => s.id === id);
    if (!spec) continue;
    await test(`practice ${id}: find the blanks, type what the walkthrough shows, Check → all right`, async () => {
      const walkthrough = await buildMode(page, pane, spec, 'walkthrough');
      // The README's practice pictures: the form, the blanks, the checked sheet (LSTM only).
      const picture = async (name, show) => {
        if (id !== 'lstm') return;
        await show.evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await page.locator('.pane-body').evaluate((el) => el.scrollBy(0, -40));
        await page.screenshot({ path: path.join(outDir, name) });
      };
      const practice = await buildMode(page, pane, spec, 'practice', () =>
        picture('practice-1-build.png', pane.getByRole('radio', { name: /^Walkthrough/ })),
      );
      const stored = (await page.evaluate(() => window.previewHost.listAddinSheets())).find(
        (s) => s.name === practice,
      )?.metadata;
      const answers = stored ? practiceAnswers(project, stored) : [];
      assert(answers.length > 0, `no blanks on ${practice}`);

      // The new sheet opens on its first blank, selected and on screen.
      const sel = await page.evaluate(() => window.previewHost.workbook.getSelection());
      assert(
        project.a1(sel.row, sel.col) === answers[0],
        `selected ${project.a1(sel.row, sel.col)}, not ${answers[0]}`,
      );
      const cellBox = await page.locator(`.scroller [data-address="${answers[0]}"]`).boundingBox();
      const view = await page.locator('.scroller').boundingBox();
      assert(
        cellBox && cellBox.x >= view.x && cellBox.x + cellBox.width <= view.x + view.width + 1,
        `${answers[0]} is not in view`,
      );
      // The pane says how many blanks, where, and how many are filled.
      const list = pane.getByTestId('practice-blanks');
      await list
        .getByText(answers.length === 1 ? '1 blank to fill' : `${answers.length} blanks to fill`)
        .waitFor();
      await pane.getByTestId('practice-progress').getByText(`0 of ${answers.length} filled`).waitFor();
      await list.getByRole('button', { name: new RegExp(`^Go to ${answers[0]} `) }).waitFor();
      // Cells after a blank wait for it instead of computing from an empty cell.
      assert((await waitingCount(page, practice)) > 0, 'no cell waits for the blanks');
      await picture('practice-2-blanks.png', list);

      // Read what the walkthrough shows in each blank's place …
      await tab(walkthrough).click();
      const shown = [];
      for (const a of answers) {
        const cell = await gotoCell(page, a);
        shown.push(await cell.locator('.cell-text').innerText());
      }
      // … and type it into the blanks.
      await tab(practice).click();
      for (let i = 0; i < answers.length; i++) await typeInCell(page, answers[i], shown[i]);
      await pane
        .getByTestId('practice-progress')
        .getByText(`${answers.length} of ${answers.length} filled`)
        .waitFor();
      await pane.getByRole('button', { name: 'Check', exact: true }).click();
      await pane.getByText(`Score: ${answers.length} / ${answers.length}`).waitFor({ timeout: 10000 });
      await pane
        .getByText(/to 3 decimals/)
        .first()
        .waitFor();
      assert((await waitingCount(page, practice)) === 0, 'cells still wait after every blank is filled');
      if (id === 'lstm') await (await gotoCell(page, answers[0])).click();
      await picture('practice-3-checked.png', list);
    });
  }

  await test('a11y: a walkthrough and a practice sheet after Check have no serious or critical finding', async () => {
    const found = await axeFindings(page);
    assert(found.length === 0, describeFindings(found));
  });

  await test('status line, undo and numbers: 1E+300, an error message, Ctrl+Z / Ctrl+Y', async () => {
    await tab('Sheet1').click();
    await typeInCell(page, 'J2', '=1E+300/1E+299');
    const v = await page.evaluate(() => window.previewHost.workbook.cellAt('Sheet1', 'J2').value);
    assert(Math.abs(v - 10) < 1e-9, `=1E+300/1E+299 gives ${v}`);
    await typeInCell(page, 'J3', '=NN.SIGMOID("x")');
    // Selected through the name box: a click on the middle of the spilled "#VALUE!" would
    // select the neighbour it spills over, as in Excel.
    await gotoCell(page, 'J3');
    const status = await page.getByTestId('status-line').innerText();
    assert(/^J3: #VALUE!/.test(status), `the status line says "${status}"`);
    // A cell no error text spills over (H4's message from an earlier check runs right).
    await typeInCell(page, 'P20', '7');
    await (await gotoCell(page, 'P20')).click();
    await page.keyboard.press('Control+z');
    const undone = await page.evaluate(() => window.previewHost.workbook.cellAt('Sheet1', 'P20').value);
    assert(undone === null, `Ctrl+Z left ${undone}`);
    await page.keyboard.press('Control+y');
    const redone = await page.evaluate(() => window.previewHost.workbook.cellAt('Sheet1', 'P20').value);
    assert(redone === 7, `Ctrl+Y gave ${redone}`);
  });

  await test('the pane remembers its language: 中文 after a reload, <html lang> and the banner follow', async () => {
    await pane.getByLabel('Language', { exact: true }).selectOption('zh');
    await page.reload();
    const zhPane = page.getByRole('complementary', { name: '任务窗格' });
    await zhPane.getByLabel('语言', { exact: true }).waitFor({ timeout: 20000 });
    assert((await page.locator('html').getAttribute('lang')) === 'zh-CN', 'the page is not marked zh-CN');
    await page.locator('.title-app', { hasText: '手算序列模型' }).waitFor();
    const found = await axeFindings(page);
    assert(found.length === 0, `in Chinese:\n${describeFindings(found)}`);
    await zhPane.getByLabel('语言', { exact: true }).selectOption('en');
    await pane.getByLabel('Language', { exact: true }).waitFor();
  });
}

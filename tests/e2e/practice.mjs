/**
 * Practice mode in the browser, as a learner uses it: make a practice sheet from the pane,
 * type two answers (one right, one wrong), press Check, and see the score and the marks.
 * The truth is computed in Node from the stored config and the sheet's own parameter
 * cells, never read from the page.
 */
import path from 'node:path';
import { buildFromPane } from './pane.mjs';
import { expectedValue, paramsFrom, practiceAnswers } from './expected.mjs';

const RIGHT_FILL = '#C6EFCE';
const WRONG_FILL = '#FFC7CE';

export async function practiceScenario({ test, assert, page, project, typeInCell, gotoCell, outDir }) {
  const spec =
    project.registry.availableModels().find((s) => s.id === 'rnn') ?? project.registry.availableModels()[0];
  const pane = page.getByRole('complementary', { name: 'Task pane' });
  let sheet = null;
  let stored = null;
  let answers = [];

  await test('practice: make a practice sheet from the pane', async () => {
    await pane.getByRole('radio', { name: /^Practice/ }).check();
    await pane.getByLabel('What to leave blank').selectOption({ label: 'One time step' });
    const before = await page.locator('.sheet-tab').count();
    await buildFromPane(page, spec);
    await page.locator('.sheet-tab').nth(before).waitFor({ timeout: 20000 });
    sheet = await page.locator('.sheet-tab.active').innerText();
    const list = await page.evaluate(() => window.previewHost.listAddinSheets());
    stored = list.find((s) => s.name === sheet)?.metadata;
    assert(stored?.mode === 'practice', `"${sheet}" is not stored as a practice sheet`);
    answers = practiceAnswers(project, stored);
    assert(answers.length >= 2, `only ${answers.length} blank cells`);
    const blank = await page.evaluate(
      ([s, a]) => window.previewHost.workbook.cellAt(s, a),
      [sheet, answers[0]],
    );
    assert(blank.formula === null && blank.value === null, `${answers[0]} is not blank`);
  });
  if (!sheet || !stored) return;

  await test('practice: one right and one wrong answer, Check shows the marks and the score', async () => {
    const plan = spec.build(stored.config);
    const byAddress = new Map(plan.cells.map((c) => [project.a1(c.row, c.col), c]));
    const values = new Map();
    for (const c of plan.cells.filter((x) => x.meaning?.param)) {
      const a = project.a1(c.row, c.col);
      values.set(
        a,
        await page.evaluate(([s, x]) => window.previewHost.workbook.cellAt(s, x).value, [sheet, a]),
      );
    }
    const trace = spec.evaluate(
      stored.config,
      paramsFrom(plan, (c) => values.get(project.a1(c.row, c.col))),
    );
    const [right, wrong] = answers;
    const truth = (a) => expectedValue(trace, byAddress.get(a));
    await typeInCell(page, right, truth(right).toFixed(6));
    await typeInCell(page, wrong, (truth(wrong) + 0.5).toFixed(6));

    await pane.getByRole('button', { name: 'Check', exact: true }).click();
    const total = answers.length;
    await pane.getByText(`Score: 1 / ${total}`).waitFor({ timeout: 10000 });
    await pane.getByText(`1 right, 1 wrong, ${total - 2} not answered`).waitFor({ timeout: 5000 });
    const fill = (a) =>
      page.evaluate(([s, x]) => window.previewHost.workbook.cellAt(s, x).fillOverride, [sheet, a]);
    assert((await fill(right)) === RIGHT_FILL, `${right} is marked ${await fill(right)}, expected green`);
    assert((await fill(wrong)) === WRONG_FILL, `${wrong} is marked ${await fill(wrong)}, expected red`);
    const shown = await (await gotoCell(page, right)).evaluate((el) => getComputedStyle(el).backgroundColor);
    assert(shown === 'rgb(198, 239, 206)', `${right} is drawn with ${shown}`);
    // Show the sheet from its left edge (the marks stay in view) for the docs screenshot.
    await page.locator('.scroller').evaluate((el) => el.scrollTo(0, 0));
    await page.screenshot({ path: path.join(outDir, 'practice-checked.png') });
  });

  await test('practice: explain this cell follows the selection', async () => {
    await gotoCell(page, answers[2] ?? answers[0]);
    await (await gotoCell(page, answers[2] ?? answers[0])).click();
    await pane.getByText(/An answer cell/).waitFor({ timeout: 10000 });
    assert((await pane.locator('.katex').count()) > 0, 'no typeset equation in the pane');
    await page.screenshot({ path: path.join(outDir, 'practice-explain.png') });
  });
}

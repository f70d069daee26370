/**
 * "Check this Excel" in the preview, as a user runs it: the pane's button builds every
 * model on temporary sheets, compares what the workbook computed with the core, types
 * each custom function once, and removes its sheets again. The report must list every
 * registered model and every declared custom function as agreeing, and the workbook must
 * hold exactly the sheets it held before.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTree } from 'custom-functions-metadata';

/** The custom functions the add-in declares, read from its source as the build reads them. */
function declaredFunctions() {
  const source = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../functions/functions.ts');
  return parseTree(readFileSync(source, 'utf8'), source).functions.map((f) => f.id);
}

export async function checkExcelScenario({ test, assert, page, project, outDir }) {
  const pane = page.getByRole('complementary', { name: 'Task pane' });
  await test('check this Excel: every model and custom function agrees, and its sheets are gone', async () => {
    const tabs = () => page.locator('.sheet-tab').allInnerTexts();
    const before = await tabs();
    const button = pane.getByRole('button', { name: 'Check this Excel', exact: true });
    await button.scrollIntoViewIfNeeded();
    await button.click();
    const outcome = pane.getByRole('status').filter({ hasText: /agree with the core|did not pass/ });
    await outcome.waitFor({ timeout: 90_000 });
    const summary = await outcome.innerText();
    const report = await pane.getByRole('textbox', { name: /^Report/ }).inputValue();
    assert(
      /^All \d+ models and \d+ custom functions agree/.test(summary),
      `the check says: ${summary}\n${report}`,
    );
    for (const spec of project.registry.availableModels()) {
      assert(
        report.includes(`(${spec.id}): ok,`),
        `the report has no passing line for ${spec.id}:\n${report}`,
      );
    }
    for (const id of declaredFunctions()) {
      assert(report.includes(`\n  ${id}: ok,`), `the report has no passing line for ${id}:\n${report}`);
    }
    assert(
      !/disagree|could not be checked|Not removed/.test(report),
      `the report shows a failure:\n${report}`,
    );
    const after = await tabs();
    assert(
      JSON.stringify(after) === JSON.stringify(before),
      `sheets before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`,
    );
    await pane.getByRole('button', { name: 'Copy report' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(outDir, 'check-excel.png') });
  });
}

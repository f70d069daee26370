/**
 * The preview in Simplified Chinese (`?lang=zh`): the pane's labels, a walkthrough built
 * from the Chinese pane whose sheet labels are Chinese too, and a screenshot for the docs.
 * The checks read text, not pixels; the screenshot shows the characters only where a CJK
 * font is installed (Debian: fonts-noto-cjk), otherwise empty boxes.
 */
import path from 'node:path';

const HAN = /[\u4e00-\u9fff]/;

export async function chineseScenario({ test, assert, context, url, project, watch, outDir }) {
  const spec =
    project.registry.availableModels().find((s) => s.id === 'lstm') ?? project.registry.availableModels()[0];
  const page = await context.newPage();
  watch(page);
  try {
    await test('zh: the pane in Chinese builds a walkthrough with Chinese labels', async () => {
      await page.goto(`${url}?lang=zh`);
      const pane = page.getByRole('complementary', { name: '任务窗格' });
      await pane.getByLabel('语言', { exact: true }).waitFor({ timeout: 20000 });
      assert((await page.locator('html').getAttribute('lang')) === 'zh-CN', 'the page is not marked zh-CN');
      await pane.getByLabel('模型', { exact: true }).selectOption({ label: spec.label.zh });
      await pane.getByRole('button', { name: '生成工作表', exact: true }).click();
      await page.locator('.sheet-tab').nth(1).waitFor({ timeout: 20000 });
      const sheet = await page.locator('.sheet-tab.active').innerText();
      const title = await page.evaluate((s) => window.previewHost.workbook.cellAt(s, 'A1').value, sheet);
      assert(typeof title === 'string' && HAN.test(title), `the sheet title is "${title}", expected Chinese`);
      await page.locator('.pane-body').evaluate((el) => el.scrollTo(0, 0));
      await page.screenshot({ path: path.join(outDir, 'preview-zh.png') });
    });
  } finally {
    await page.close();
  }
}

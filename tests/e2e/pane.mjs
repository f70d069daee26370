/**
 * Driving the task pane: pick a model and build its walkthrough sheet with the pane's
 * own controls, found by their visible labels as a person finds them.
 */

/** Selects `spec`'s model in the pane (a native select or a Fluent dropdown) and presses Build. */
export async function buildFromPane(page, spec) {
  const pane = page.getByRole('complementary', { name: 'Task pane' });
  const label = spec.label.en;
  const picker = pane.getByLabel('Model', { exact: true }).first();
  await picker.waitFor({ timeout: 10000 });
  const tag = await picker.evaluate((el) => el.tagName);
  if (tag === 'SELECT') {
    await picker.selectOption({ label });
  } else {
    await picker.click();
    await page.getByRole('option', { name: label, exact: true }).click();
  }
  await pane.getByRole('button', { name: /^build sheet$/i }).click();
}

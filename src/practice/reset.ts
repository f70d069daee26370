/** Reset empties every answer cell and removes the check marks; nothing else on the sheet changes. */
import type { WorkbookHost } from '../host/host';
import type { ActionOptions, ActionResult } from './action';
import { loadPracticeContext } from './context';
import { isEmptyEntry } from './entries';
import { writeAnswerCells } from './guard';

export async function resetPractice(
  host: WorkbookHost,
  sheet: string,
  options: ActionOptions = {},
): Promise<ActionResult> {
  const ctx = await loadPracticeContext(host, sheet);
  const entries = await host.readCells(ctx.sheet, ctx.answers);
  const replaces = ctx.answers.filter((_, i) => !isEmptyEntry(entries[i]));
  if (replaces.length > 0 && !options.confirmed) {
    return { status: 'needs-confirmation', kind: 'reset', replaces, writes: ctx.answers };
  }
  // Empty cells are written too: they may still carry a mark from the last check.
  await writeAnswerCells(
    host,
    ctx,
    ctx.answers.map((address) => ({ address, content: null, fill: null })),
  );
  return { status: 'done', kind: 'reset', written: ctx.answers };
}

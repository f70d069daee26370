/**
 * Reveal puts the real formula into one answer cell or all of them. The formula comes from
 * the walkthrough plan rebuilt from the stored config; the sheet itself never held it.
 */
import type { CellWrite, WorkbookHost } from '../host/host';
import type { ActionOptions, ActionResult } from './action';
import { normalizeAddress, sameFormula } from './addresses';
import { loadPracticeContext, trueFormula } from './context';
import { isEmptyEntry } from './entries';
import { writeAnswerCells } from './guard';

export async function reveal(
  host: WorkbookHost,
  sheet: string,
  target: 'all' | string,
  options: ActionOptions = {},
): Promise<ActionResult> {
  const ctx = await loadPracticeContext(host, sheet);
  const kind = target === 'all' ? 'reveal-all' : 'reveal';
  const addresses = target === 'all' ? ctx.answers : [normalizeAddress(target)];
  const outside = addresses.filter((a) => !ctx.answerSet.has(a));
  if (outside.length > 0) throw new Error(`${outside.join(', ')} is not an answer cell of "${sheet}"`);
  const entries = await host.readCells(ctx.sheet, addresses);
  const writes: CellWrite[] = [];
  const replaces: string[] = [];
  addresses.forEach((address, i) => {
    const formula = trueFormula(ctx, address);
    const entry = entries[i];
    // Already the real formula: nothing to write and nothing of the learner's to lose.
    if (entry.formula !== null && sameFormula(entry.formula, formula)) return;
    if (!isEmptyEntry(entry)) replaces.push(address);
    writes.push({ address, content: formula, fill: null });
  });
  if (writes.length === 0) return { status: 'nothing', kind };
  if (replaces.length > 0 && !options.confirmed) {
    return { status: 'needs-confirmation', kind, replaces, writes: writes.map((w) => w.address) };
  }
  await writeAnswerCells(host, ctx, writes);
  return { status: 'done', kind, written: writes.map((w) => w.address) };
}

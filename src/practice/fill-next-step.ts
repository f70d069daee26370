/**
 * "Fill next step" helps a learner who is stuck on a time step: it writes the real
 * formulas into the empty answer cells of the earliest step that still has empty ones.
 * It never overwrites an entry, so it needs no confirmation.
 */
import type { WorkbookHost } from '../host/host';
import type { ActionResult } from './action';
import { loadPracticeContext, trueFormula, type PracticeContext } from './context';
import { isEmptyEntry } from './entries';
import { writeAnswerCells } from './guard';

export function answerStep(ctx: PracticeContext, address: string): number {
  const m = ctx.cells.get(address)?.meaning;
  return m?.trace?.step ?? m?.step ?? 0;
}

export async function fillNextStep(host: WorkbookHost, sheet: string): Promise<ActionResult> {
  const ctx = await loadPracticeContext(host, sheet);
  const entries = await host.readCells(ctx.sheet, ctx.answers);
  const empty = ctx.answers.filter((_, i) => isEmptyEntry(entries[i]));
  if (empty.length === 0) return { status: 'nothing', kind: 'fill-next-step' };
  const step = Math.min(...empty.map((a) => answerStep(ctx, a)));
  const targets = empty.filter((a) => answerStep(ctx, a) === step);
  await writeAnswerCells(
    host,
    ctx,
    targets.map((address) => ({ address, content: trueFormula(ctx, address), fill: null })),
  );
  return { status: 'done', kind: 'fill-next-step', written: targets, step };
}

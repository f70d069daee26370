/**
 * The single gate every practice write passes through. Practice actions may only touch
 * the learner's answer cells; a write anywhere else (an input, a weight, a live formula)
 * would silently change the lesson, so it is refused before anything reaches the host.
 */
import type { CellWrite, WorkbookHost } from '../host/host';
import { normalizeAddress } from './addresses';

export class OutsideAnswersError extends Error {
  constructor(readonly addresses: readonly string[]) {
    super(`practice may only write answer cells; refused: ${addresses.join(', ')}`);
    this.name = 'OutsideAnswersError';
  }
}

/** The writes with normalised addresses; throws when any falls outside the answers. */
export function restrictToAnswers(answers: ReadonlySet<string>, writes: readonly CellWrite[]): CellWrite[] {
  const normal = writes.map((w) => ({ ...w, address: normalizeAddress(w.address) }));
  const outside = normal.filter((w) => !answers.has(w.address)).map((w) => w.address);
  if (outside.length > 0) throw new OutsideAnswersError(outside);
  return normal;
}

export async function writeAnswerCells(
  host: WorkbookHost,
  target: { readonly sheet: string; readonly answerSet: ReadonlySet<string> },
  writes: readonly CellWrite[],
): Promise<void> {
  const allowed = restrictToAnswers(target.answerSet, writes);
  if (allowed.length > 0) await host.writeCells(target.sheet, allowed);
}

/**
 * The cells a computed cell reads, described by their meaning (tensor, step, index), so the
 * pane can say "reads h_{t−1}[0] at t = 1" instead of a bare address. Used by hints and by
 * the explain view; the formula itself is parsed from the rebuilt walkthrough plan.
 */
import type { CellRole } from '../sheets/plan';
import { expandRange, referencedRanges } from './addresses';
import type { SheetContext } from './context';

export interface FeedCell {
  readonly address: string;
  readonly role: CellRole | null;
  readonly tensor?: string;
  readonly step?: number;
  readonly index?: readonly number[];
  /** An answer cell of a practice sheet (its value is the learner's, not the truth). */
  readonly isAnswer: boolean;
}

export interface FeedRange {
  /** "B3:B6" or "C9", as the formula refers to it. */
  readonly ref: string;
  readonly cells: readonly FeedCell[];
}

export function describeCell(ctx: SheetContext, address: string, answers: ReadonlySet<string>): FeedCell {
  const cell = ctx.cells.get(address);
  const m = cell?.meaning;
  const isAnswer = answers.has(address);
  return {
    address,
    role: isAnswer ? 'answer' : (cell?.role ?? null),
    tensor: m?.tensor,
    step: m?.trace?.step ?? m?.step,
    index: m?.index,
    isAnswer,
  };
}

/** The ranges a cell's true formula reads, each expanded to described cells; [] for literals. */
export function feedRanges(ctx: SheetContext, address: string, answers: ReadonlySet<string>): FeedRange[] {
  const formula = ctx.cells.get(address)?.formula;
  if (!formula) return [];
  return referencedRanges(formula).map((ref) => ({
    ref,
    cells: expandRange(ref).map((a) => describeCell(ctx, a, answers)),
  }));
}

/**
 * A hint for one answer cell: what it is, its equation and the cells it reads. It gives
 * the route, not the result: no value, and not the formula text either (typing that in
 * is the exercise).
 */
import type { WorkbookHost } from '../host/host';
import { normalizeAddress } from './addresses';
import { loadPracticeContext } from './context';
import { feedRanges, type FeedRange } from './feeds';

export interface Hint {
  readonly address: string;
  readonly tensor: string;
  readonly step?: number;
  readonly index?: readonly number[];
  /** LaTeX, for KaTeX. */
  readonly equation?: string;
  readonly feeds: readonly FeedRange[];
}

/** Null when the address is not an answer cell of the sheet. */
export async function hintFor(host: WorkbookHost, sheet: string, address: string): Promise<Hint | null> {
  const ctx = await loadPracticeContext(host, sheet);
  const at = normalizeAddress(address);
  if (!ctx.answerSet.has(at)) return null;
  const m = ctx.cells.get(at)?.meaning;
  return {
    address: at,
    tensor: m?.tensor ?? '',
    step: m?.trace?.step ?? m?.step,
    index: m?.index,
    equation: m?.equation,
    feeds: feedRanges(ctx, at, ctx.answerSet),
  };
}

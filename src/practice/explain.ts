/**
 * "Explain this cell" for walkthrough and practice sheets: what the selected cell is, the
 * equation that produces it and the current values of the cells it reads. Everything is
 * rebuilt from the sheet's marker, so it works on a workbook that was saved and reopened.
 */
import type { CellContent, SelectedCell, WorkbookHost } from '../host/host';
import type { CellRole } from '../sheets/plan';
import { normalizeAddress } from './addresses';
import { loadSheetContext, practiceContextFrom } from './context';
import { describeCell, feedRanges, type FeedCell } from './feeds';

/** Enough feeding values to follow a dot product; a longer list is cut and says how many were left out. */
export const MAX_FEED_VALUES = 48;

export interface FeedValue extends FeedCell {
  readonly value: CellContent['value'];
}

export interface CellExplanation {
  readonly sheet: string;
  readonly address: string;
  readonly mode: 'walkthrough' | 'practice';
  /** param: an input or weight the learner may edit; computed: a live formula; answer: a blank to fill. */
  readonly kind: 'param' | 'computed' | 'answer' | 'other';
  readonly role: CellRole | null;
  readonly tensor?: string;
  readonly step?: number;
  readonly index?: readonly number[];
  readonly equation?: string;
  /** The equation written out for this entry (a derivative's chain-rule term, 1-based indices). */
  readonly term?: string;
  readonly paramName?: string;
  readonly feeds: readonly FeedValue[];
  readonly feedsLeftOut: number;
}

export async function explainCell(
  host: WorkbookHost,
  selected: SelectedCell,
): Promise<CellExplanation | null> {
  const ctx = await loadSheetContext(host, selected.sheet);
  if (!ctx) return null;
  const answers = ctx.stored.mode === 'practice' ? practiceContextFrom(ctx).answerSet : new Set<string>();
  const address = normalizeAddress(selected.address);
  const cell = ctx.cells.get(address);
  const described = describeCell(ctx, address, answers);
  const kind = described.isAnswer
    ? 'answer'
    : cell?.meaning?.param
      ? 'param'
      : cell?.formula
        ? 'computed'
        : 'other';
  const all = feedRanges(ctx, address, answers).flatMap((r) => r.cells);
  const unique = [...new Map(all.map((c) => [c.address, c])).values()];
  const shown = unique.slice(0, MAX_FEED_VALUES);
  const contents =
    shown.length > 0
      ? await host.readCells(
          ctx.sheet,
          shown.map((c) => c.address),
        )
      : [];
  return {
    sheet: ctx.sheet,
    address,
    mode: ctx.stored.mode,
    kind,
    role: described.role,
    tensor: described.tensor,
    step: described.step,
    index: described.index,
    equation: cell?.meaning?.equation,
    term: cell?.meaning?.term,
    paramName: cell?.meaning?.param?.name,
    feeds: shown.map((c, i) => ({ ...c, value: contents[i].value })),
    feedsLeftOut: unique.length - shown.length,
  };
}

/**
 * Kit: visible flow. Where a step reads an earlier step's state (a copy of hₜ₋₁ in the
 * stacked column, a formula reading hₜ₋₁ directly, the encoder's final state handed to the
 * decoder, a parallel scan's level reading the pair 2^(k−1) steps back), the part that
 * writes the reference records a flow from the range that produced the state to the cells
 * that read it. Writers draw it as an arrow (Excel shapes, the preview's overlay) or show
 * its label on the reading cells (the .xlsx).
 *
 *   carried(b, { from: h(t - 1), to: hPrev(t), state: 'h', step: t - 1 });
 *   carried(b, { from: b1(t - 2), to: b2(t), state: 'b', step: t - 2, level: 1 });
 */
import { t as message } from '../../i18n';
import type { Block, PlanBuilder } from '../layout';
import { readable } from '../notation';
import type { PlanRange } from '../plan';

export interface Carried {
  /** Where the state was produced. */
  readonly from: Block | PlanRange;
  /** The cells of the later step that read it. */
  readonly to: Block | PlanRange;
  /** The state's name as the sheet writes it: 'h', 'c', 'C', 'h⁽²⁾' … */
  readonly state: string;
  /** The 0-based step that produced it. */
  readonly step: number;
  /** The encoder's final state handed to the decoder (its own wording). */
  readonly handover?: boolean;
  /**
   * A parallel scan's level that produced it (its own wording, "← b₂ of level 1 from t = 2"):
   * level k reads level k − 1 of the step 2^(k−1) back, not the step just before.
   */
  readonly level?: number;
}

function rangeOf(r: Block | PlanRange): PlanRange {
  return 'range' in r ? r.range : r;
}

/** The flow's label: "← h₃ from t = 3" (the producing step, 1-based as the sheet shows it). */
export function flowLabel(b: PlanBuilder, c: Pick<Carried, 'state' | 'step' | 'handover' | 'level'>): string {
  const t = c.step + 1;
  const state = readable(`${c.state}_{${t}}`);
  if (c.level !== undefined) return message(b.language, 'sheets.flow.level', { state, t, level: c.level });
  return message(b.language, c.handover ? 'sheets.flow.handover' : 'sheets.flow.from', { state, t });
}

/** Records that `to` reads the state `from` holds. */
export function carried(b: PlanBuilder, c: Carried): void {
  b.flow({ from: rangeOf(c.from), to: rangeOf(c.to), label: flowLabel(b, c) });
}

/** A state each step computes from its own previous value: a flow from step t − 1's cells to step t's, t ≥ 1. */
export function carriedAlong(
  b: PlanBuilder,
  blocks: (t: number) => Block | PlanRange,
  steps: number,
  state: string,
): void {
  for (let t = 1; t < steps; t++) carried(b, { from: blocks(t - 1), to: blocks(t), state, step: t - 1 });
}

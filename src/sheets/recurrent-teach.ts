/**
 * The teaching parts of the RNN, LSTM and GRU sheets that are not bands: the note that
 * says where the sheet follows PyTorch and the papers rather than the article, the "What
 * to try" box (kit/try-box.ts) filled from a model's `tryIt`, and a bidirectional stack's
 * joined output [h→ₜ ; h←ₜ], what nn.RNN, nn.LSTM and nn.GRU return.
 */
import { t } from '../i18n';
import type { PlainKey } from './i18n';
import { roleLine, narrativeLine } from './kit/role-line';
import { tryBox, TRY_BOX_ROWS, type TryBoxSpec } from './kit/try-box';
import { editValue, settleEdit, strengths, type SheetEvaluator } from './kit/try-edit';
import type { Block, PlanBuilder } from './layout';
import type { Verdict } from './plan';
import type { Section } from './recurrent-sheet';

/** What a model's box says, given the first section (layer 1, forward) of its sheet. */
export type TryContent = Omit<TryBoxSpec, 'top' | 'left' | 'cols'>;

/** Rows the papers note and the try box take below the frame. */
export function teachingTopRows(hasBox: boolean): number {
  return 2 + (hasBox ? TRY_BOX_ROWS + 1 : 0);
}

/**
 * The papers note at `top`, then the try box spanning columns 0 … `right`, in the rows
 * `teachingTopRows` reserved: a box where none was reserved (or none where one was) is a
 * mistake of the sheet's builder, caught here rather than as overlapping or blank rows.
 */
export function writeTeachingTop(
  b: PlanBuilder,
  top: number,
  right: number,
  note: PlainKey,
  content: TryContent | undefined,
  reserved: boolean,
): void {
  if (reserved !== (content !== undefined))
    throw new Error(
      `the sheet reserved ${reserved ? 'a' : 'no'} "What to try" box but has ${content ? 'one' : 'none'}`,
    );
  narrativeLine(b, { row: top, col: 0 }, t(b.language, note));
  if (content) tryBox(b, { ...content, top: top + 2, left: 0, cols: right + 1 });
}

/** The texts of a box whose verdict reads a running product (∏f, ∏z) at the section's last step. */
export interface KeepTry {
  /** Where the bias entry to edit (b_if[1], named by the edit text) sits. */
  readonly at: Block;
  readonly edit: 'sheets.lstm.try.edit' | 'sheets.gru.try.edit';
  readonly watch: 'sheets.lstm.try.watch' | 'sheets.gru.try.watch';
  /** Verdicts: most of the first memory kept, almost none kept, in between. */
  readonly kept: PlainKey;
  readonly gone: PlainKey;
  readonly between: PlainKey;
  /** Trace name of the running product ('f_keep', 'z_keep'). */
  readonly trace: string;
}

/** Above this share of the first memory left at the last step, the memory "carries through". */
export const KEEP_HIGH = 0.9;
/** Below this share, the memory "resets". */
export const KEEP_LOW = 0.05;

/** A running product's box needs a step to carry the first memory into. */
export const KEEP_MIN_STEPS = 2;

/**
 * A box whose live verdict reads unit 1 of the running product at the section's last
 * step; undefined when the section has one step (nothing to carry). The values it asks
 * for are the first of ±5, ±10, … that carry and reset on this sheet's weights.
 */
export function keepTry(s: Section, k: KeepTry, evaluate: SheetEvaluator): TryContent | undefined {
  if (s.T < KEEP_MIN_STEPS) return undefined;
  const last = s.T - 1;
  const lang = s.lang;
  const verdict: Verdict = {
    gauges: [{ name: k.trace, step: last, flat: 0 }],
    cases: [
      { when: [{ gauge: 0, op: '>', value: KEEP_HIGH }], text: t(lang, k.kept) },
      { when: [{ gauge: 0, op: '<', value: KEEP_LOW }], text: t(lang, k.gone) },
    ],
    otherwise: t(lang, k.between),
  };
  const settle = (sign: 1 | -1, wanted: PlainKey) =>
    editValue(
      settleEdit(s.b, evaluate, verdict, {
        cells: [{ row: k.at.top, col: k.at.left }],
        candidates: strengths(sign),
        wanted: t(lang, wanted),
      }),
    );
  const values = { up: settle(1, k.kept), down: settle(-1, k.gone) };
  return {
    edit: t(lang, k.edit, { cell: k.at.at(0), ...values }),
    watch: t(lang, k.watch, values),
    verdict,
    gaugeCells: [s.band('keep', last).at(0)],
    tensor: k.trace,
    equation: `P_T[1] > ${KEEP_HIGH}`,
  };
}

/**
 * Below the last layer of a bidirectional stack: at every step the forward hₜ stacked on
 * the backward hₜ (copies, trace `out`, flat d·H + r). Returns the row below it.
 */
export function writeJoinedOutput(
  b: PlanBuilder,
  top: number,
  steps: number,
  col: (t: number) => number,
  directions: readonly ((t: number) => Block)[],
): number {
  const lang = b.language;
  b.text(top, 0, t(lang, 'sheets.recurrent.outputHeading'), 'section');
  roleLine(b, { row: top, col: col(0) }, t(lang, 'sheets.roles.output'));
  const H = directions[0](0).rows;
  const rows = directions.length * H;
  for (let step = 0; step < steps; step++) {
    b.text(top + 1, col(step), '[h→;h←]', 'label');
    b.computed({
      top: top + 2,
      left: col(step),
      rows,
      cols: 1,
      role: 'output',
      formula: (r) => directions[Math.floor(r / H)](step).at(r % H),
      trace: 'out',
      step,
      tensor: 'output_t',
      equation: 'output_t = [\\overrightarrow{h}_t ; \\overleftarrow{h}_t]',
    });
  }
  return top + 2 + rows + 1;
}

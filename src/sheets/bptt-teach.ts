/**
 * The teaching parts of a training sheet: a plain-language line above each of its four
 * parts (forward, backward, gradients, the SGD step) and the "What to try" box on the
 * learning rate, whose live verdict reads L′ − L from the sheet.
 */
import { t } from '../i18n';
import type { BpttKind } from './bptt-model';
import type { SgdCells } from './bptt-sgd';
import { narrativeLine } from './kit/role-line';
import { cellName, tryBox, TRY_BOX_ROWS } from './kit/try-box';
import { editValue, settleEdit, type SheetEvaluator } from './kit/try-edit';
import type { PlanBuilder } from './layout';
import type { Verdict } from './plan';

export type BpttPart = 'forward' | 'backward' | 'gradients' | 'sgd';

const PART_LINES = {
  rnn: {
    forward: 'sheets.training.roles.rnnForward',
    backward: 'sheets.training.roles.rnnBackward',
    gradients: 'sheets.training.roles.gradients',
    sgd: 'sheets.training.roles.sgd',
  },
  lstm: {
    forward: 'sheets.training.roles.lstmForward',
    backward: 'sheets.training.roles.lstmBackward',
    gradients: 'sheets.training.roles.gradients',
    sgd: 'sheets.training.roles.sgd',
  },
} as const;

/** Rows the box takes at the top of the sheet, with the blank row below it. */
export const BPTT_TRY_ROWS = TRY_BOX_ROWS + 1;

/** The part's line at `row`, in the words that teach; returns the row the part starts on. */
export function partLine(b: PlanBuilder, kind: BpttKind, part: BpttPart, row: number): number {
  narrativeLine(b, { row, col: 0 }, t(b.language, PART_LINES[kind][part]));
  return row + 1;
}

/** Learning rates the box may suggest: a moderate one that helps, then one that overshoots. */
const MODERATE_RATES = [0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001];
const LARGE_RATES = [2, 5, 10, 20, 50, 100];

/**
 * The box at `top`, `cols` wide: change η, watch whether L′ ends below L. The rates it
 * suggests are the first of each list that does so on this sheet's weights and data (the
 * clipped step and small-integer weights can need a larger η to overshoot).
 */
export function bpttTryBox(
  b: PlanBuilder,
  top: number,
  cols: number,
  sgd: SgdCells,
  evaluate: SheetEvaluator,
): void {
  const lang = b.language;
  const verdict: Verdict = {
    gauges: [{ name: 'loss_change', step: 0, flat: 0 }],
    cases: [{ when: [{ gauge: 0, op: '<', value: 0 }], text: t(lang, 'sheets.training.try.helped') }],
    otherwise: t(lang, 'sheets.training.try.overshot'),
  };
  const rate = (candidates: readonly number[], wanted: string) =>
    editValue(settleEdit(b, evaluate, verdict, { cells: [sgd.eta], candidates, wanted }), false);
  tryBox(b, {
    top,
    left: 0,
    cols,
    edit: t(lang, 'sheets.training.try.edit', {
      cell: cellName('η', sgd.eta),
      small: rate(MODERATE_RATES, verdict.cases[0].text),
      large: rate(LARGE_RATES, verdict.otherwise),
    }),
    watch: t(lang, 'sheets.training.try.watch'),
    verdict,
    gaugeCells: [sgd.lossChange],
    tensor: "L' - L",
    equation: "L' - L < 0",
  });
}

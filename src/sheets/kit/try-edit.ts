/**
 * Kit: the value a "What to try" box asks for. A box says "set b_if[1] to +5" and its
 * live verdict says what that does; but a fixed +5 is only enough on the usual decimal
 * weights. Small-integer weights reach pre-activations beyond 5, and at the largest sizes
 * a product over many steps needs a gate nearer 1, so the same words would promise an
 * effect the sheet then does not show. The builder therefore asks the core, with the
 * sheet's own weights and inputs, which of a few round values brings about the stated
 * case, and writes that one.
 */
import type { Trace } from '../../core/trace';
import type { PlanBuilder } from '../layout';
import type { CellPos, Verdict } from '../plan';
import { verdictText } from './verdict';
import { readable } from '../notation';

/** The sheet's model run on a parameter record (the sheet's sizes and variant fixed). */
export type SheetEvaluator = (params: Readonly<Record<string, Float64Array>>) => Trace;

/** Magnitudes an edit tries, in order: the first is what the usual weights need. */
export const EDIT_STRENGTHS: readonly number[] = [5, 10, 20, 50, 100, 1000];

export interface EditTrial {
  /** The literal parameter cells the edit sets (already written). */
  readonly cells: readonly CellPos[];
  /** Values to try, in order. */
  readonly candidates: readonly number[];
  /** The verdict's sentence the edit is meant to bring about. */
  readonly wanted: string;
}

/** The trace entry a verdict gauge reads. */
function gaugeOf(trace: Trace) {
  return (g: { name: string; step: number; flat: number }) => trace.tensors[g.name]?.[g.step]?.[g.flat];
}

/**
 * The first candidate for which the core, run on the sheet's parameters with the edit
 * made, makes `verdict` state `trial.wanted`; undefined when none does.
 */
export function trySettle(
  b: PlanBuilder,
  evaluate: SheetEvaluator,
  verdict: Verdict,
  trial: EditTrial,
): number | undefined {
  // The builder hands back fresh arrays; the edit is made in them, one value at a time.
  const edited = b.paramValues();
  const targets = trial.cells.map((c) => {
    const p = b.paramAt(c.row, c.col);
    if (!p) throw new Error(`the edit names row ${c.row + 1}, column ${c.col + 1}, which holds no parameter`);
    return p;
  });
  const wanted = readable(trial.wanted);
  for (const value of trial.candidates) {
    for (const p of targets) edited[p.name][p.flat] = value;
    if (verdictText(verdict, gaugeOf(evaluate(edited))) === wanted) return value;
  }
  return undefined;
}

/**
 * `trySettle`, or the last candidate when none works: the live verdict still tells the
 * truth about the sheet, and the value asked for is the strongest tried.
 */
export function settleEdit(
  b: PlanBuilder,
  evaluate: SheetEvaluator,
  verdict: Verdict,
  trial: EditTrial,
): number {
  return trySettle(b, evaluate, verdict, trial) ?? trial.candidates[trial.candidates.length - 1];
}

/** A value as an edit line writes it: a typographic minus, and '+' where `plus` asks. */
export function editValue(value: number, plus = true): string {
  if (value < 0) return `−${-value}`;
  return plus ? `+${value}` : String(value);
}

/** `EDIT_STRENGTHS` with a sign. */
export function strengths(sign: 1 | -1): number[] {
  return EDIT_STRENGTHS.map((v) => sign * v);
}

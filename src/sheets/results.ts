/**
 * What each formula cell of a plan evaluates to, computed by the core from the plan's
 * own parameter cells. The .xlsx export stores these as cached results so a file shows
 * numbers even where nothing recalculates (previews, mail attachments). A verdict cell
 * (a "what to try" box's live sentence) gets the sentence its gauges pick on the trace.
 */
import { verdictText } from './kit/verdict';
import type { ModelConfig } from './model-spec';
import { paramsFromPlan } from './params';
import type { PlanCell, SheetPlan } from './plan';
import { specFor } from './registry';

export function coreResults(plan: SheetPlan): (cell: PlanCell) => number | string | undefined {
  const trace = specFor(plan.model).evaluate(plan.config as unknown as ModelConfig, paramsFromPlan(plan));
  return (cell) => {
    const t = cell.meaning?.trace;
    if (t) return trace.tensors[t.name]?.[t.step]?.[t.flat];
    const verdict = cell.meaning?.verdict;
    return verdict && verdictText(verdict, (g) => trace.tensors[g.name]?.[g.step]?.[g.flat]);
  };
}

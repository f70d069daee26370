/**
 * Checking a practice sheet. The parameters are read off the sheet (so a learner who
 * edits an input or a weight is checked against the edited model), the model is
 * recomputed with the core, and every answer cell is compared with its TRUE trace value.
 * A later answer is judged against the true value even when an earlier answer it reads
 * is wrong: the learner's own upstream mistake does not make a later cell right.
 * What counts as right (the value as the cell displays it, or closer) is in grading.ts.
 */
import type { CellContent, CellWrite, WorkbookHost } from '../host/host';
import type { Trace } from '../core/trace';
import { a1, type PlanCell } from '../sheets/plan';
import { collectParams, paramCells } from '../sheets/params';
import { loadPracticeContext, type PracticeContext } from './context';
import { styleFor } from '../sheets/style';
import { isEmptyEntry, numericValue } from './entries';
import { formatDecimals, isRight } from './grading';
import { writeAnswerCells } from './guard';

export type Verdict = 'right' | 'wrong' | 'unanswered';

export interface CellVerdict {
  readonly address: string;
  readonly verdict: Verdict;
}

export interface CheckResult {
  readonly sheet: string;
  readonly verdicts: readonly CellVerdict[];
  readonly right: number;
  readonly wrong: number;
  readonly unanswered: number;
  readonly total: number;
  /** "7 / 12" */
  readonly score: string;
  /** Decimals the answer cells show, which the rule is stated in ("to 3 decimals"); null when not fixed. */
  readonly decimals: number | null;
}

export { ABSOLUTE_TOLERANCE, closeEnough, RELATIVE_TOLERANCE } from './grading';

/** Decimals an answer cell shows: the walkthrough cell's own format, else the answer style's. */
export function answerDecimals(cell: PlanCell | undefined): number | null {
  return formatDecimals(cell?.numberFormat ?? styleFor('answer').numberFormat);
}

/** A parameter cell that does not hold a number: the model cannot be recomputed. */
export class ParamCellError extends Error {
  constructor(
    readonly address: string,
    readonly tensor: string,
  ) {
    super(`${address} (${tensor}) must hold a number to check the sheet`);
    this.name = 'ParamCellError';
  }
}

/** The trace of the model as the sheet's input and weight cells (`contents`, in `paramCells` order) define it. */
function recomputeFrom(
  ctx: PracticeContext,
  cells: readonly PlanCell[],
  contents: readonly CellContent[],
): Trace {
  const values = new Map<string, number>();
  cells.forEach((cell, i) => {
    const v = numericValue(contents[i].value);
    if (v === null) throw new ParamCellError(contents[i].address, cell.meaning?.tensor ?? '');
    values.set(a1(cell.row, cell.col), v);
  });
  const params = collectParams(cells, (cell) => values.get(a1(cell.row, cell.col)) as number);
  return ctx.spec.evaluate(ctx.stored.config, params);
}

export async function checkPractice(host: WorkbookHost, sheet: string): Promise<CheckResult> {
  return checkContext(host, await loadPracticeContext(host, sheet));
}

export async function checkContext(host: WorkbookHost, ctx: PracticeContext): Promise<CheckResult> {
  // Inputs, weights and the learner's answers in one read: one round trip to the workbook.
  const cells = paramCells(ctx.walkthrough);
  const contents = await host.readCells(ctx.sheet, [...cells.map((c) => a1(c.row, c.col)), ...ctx.answers]);
  const trace = recomputeFrom(ctx, cells, contents);
  const entries = contents.slice(cells.length);
  const verdicts = ctx.answers.map((address, i): CellVerdict => {
    const entry = entries[i];
    if (isEmptyEntry(entry)) return { address, verdict: 'unanswered' };
    const t = ctx.cells.get(address)?.meaning?.trace;
    const expected = t ? trace.tensors[t.name]?.[t.step]?.[t.flat] : undefined;
    if (expected === undefined)
      throw new Error(`the ${ctx.stored.config.model} trace has no value for ${address}`);
    const right = isRight(entry, expected, answerDecimals(ctx.cells.get(address)));
    return { address, verdict: right ? 'right' : 'wrong' };
  });
  const count = (v: Verdict) => verdicts.filter((x) => x.verdict === v).length;
  const right = count('right');
  return {
    sheet: ctx.sheet,
    verdicts,
    right,
    wrong: count('wrong'),
    unanswered: count('unanswered'),
    total: verdicts.length,
    score: `${right} / ${verdicts.length}`,
    decimals: answerDecimals(ctx.cells.get(ctx.answers[0])),
  };
}

/** Feedback fills: green right, red wrong; unanswered cells get the plan's own fill back. */
export const RIGHT_FILL = '#C6EFCE';
export const WRONG_FILL = '#FFC7CE';

export function markWrites(result: CheckResult): CellWrite[] {
  return result.verdicts.map((v) => ({
    address: v.address,
    fill: v.verdict === 'right' ? RIGHT_FILL : v.verdict === 'wrong' ? WRONG_FILL : null,
  }));
}

/** Check, then colour the answer cells (only the answer cells: the write goes through the guard). */
export async function checkAndMark(host: WorkbookHost, sheet: string): Promise<CheckResult> {
  const ctx = await loadPracticeContext(host, sheet);
  const result = await checkContext(host, ctx);
  await writeAnswerCells(host, ctx, markWrites(result));
  return result;
}

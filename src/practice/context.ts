/**
 * Everything an action on a practice sheet needs, rebuilt from the sheet's marker alone:
 * the walkthrough plan (true formulas and meanings, never stored on the sheet) and the
 * answer set. Rebuilding on every action is what makes save/close/reopen just work.
 */
import type { WorkbookHost } from '../host/host';
import type { ModelSpec } from '../sheets/model-spec';
import { a1, type PlanCell, type SheetPlan } from '../sheets/plan';
import { specFor } from '../sheets/registry';
import { normalizeAddress } from './addresses';
import { planFor } from './plan-for';
import { answerDigest } from './answer-digest';
import { answersInSheetOrder } from './practice-plan';
import { readStoredSheet, type PracticeMetadata, type StoredSheet } from './metadata';

export interface SheetContext {
  readonly sheet: string;
  readonly stored: StoredSheet;
  readonly spec: ModelSpec;
  /** The full walkthrough plan for the stored config. */
  readonly walkthrough: SheetPlan;
  /** Walkthrough cells by normalised address. */
  readonly cells: ReadonlyMap<string, PlanCell>;
}

export interface PracticeContext extends SheetContext {
  readonly practice: PracticeMetadata;
  readonly answers: readonly string[];
  readonly answerSet: ReadonlySet<string>;
}

export function indexCells(plan: SheetPlan): Map<string, PlanCell> {
  return new Map(plan.cells.map((c) => [a1(c.row, c.col), c]));
}

export function contextFromStored(stored: StoredSheet): SheetContext {
  const spec = specFor(stored.config.model);
  // The walkthrough only: the practice blanks are on the sheet, the answers in the marker.
  const walkthrough = planFor({ config: stored.config }).walkthrough;
  return { sheet: stored.name, stored, spec, walkthrough, cells: indexCells(walkthrough) };
}

/** Null when the sheet is not one of ours (or its marker cannot be read). */
export async function loadSheetContext(host: WorkbookHost, sheet: string): Promise<SheetContext | null> {
  const found = (await host.listAddinSheets()).find((s) => s.name === sheet);
  const stored = found ? readStoredSheet(found) : null;
  return stored ? contextFromStored(stored) : null;
}

export function practiceContextFrom(ctx: SheetContext): PracticeContext {
  const practice = ctx.stored.practice;
  if (!practice) throw new Error(`"${ctx.sheet}" is a walkthrough sheet, not a practice sheet`);
  const answers = practice.answers
    ? practice.answers.map(normalizeAddress)
    : answersInSheetOrder(ctx.walkthrough, practice.difficulty, practice.seed);
  if (!practice.answers && answerDigest(answers) !== practice.answerDigest) {
    throw new Error(
      `the answer cells of "${ctx.sheet}" do not match this version's ${ctx.stored.config.model} sheet`,
    );
  }
  for (const address of answers) {
    const cell = ctx.cells.get(address);
    // A marker written by another version of a builder: refuse rather than judge the wrong cells.
    if (!cell?.formula || !cell.meaning?.trace) {
      throw new Error(
        `answer cell ${address} of "${ctx.sheet}" does not match this version's ${ctx.stored.config.model} sheet`,
      );
    }
  }
  return { ...ctx, practice, answers, answerSet: new Set(answers) };
}

export async function loadPracticeContext(host: WorkbookHost, sheet: string): Promise<PracticeContext> {
  const ctx = await loadSheetContext(host, sheet);
  if (!ctx) throw new Error(`"${sheet}" is not a sheet this add-in created`);
  return practiceContextFrom(ctx);
}

/** The true formula of an answer cell, from the rebuilt walkthrough plan. */
export function trueFormula(ctx: SheetContext, address: string): string {
  const f = ctx.cells.get(address)?.formula;
  if (!f) throw new Error(`${address} is not a computed cell`);
  return f;
}

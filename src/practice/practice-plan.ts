/**
 * A practice sheet is the walkthrough plan with some computed cells left blank for the
 * learner. Inputs and weights stay as they are (and stay editable: the checker recomputes
 * from them), every other formula stays live, and the blanks become 'answer' boxes. A
 * formula downstream of a blank waits for it (waiting.ts) instead of computing from an
 * empty cell, and the legend gains a line for the answers' own fill.
 */
import { createRng } from '../core/random';
import type { DerivativeTraces, ModelConfig, ModelSpec } from '../sheets/model-spec';
import { specFor } from '../sheets/registry';
import { parseConfig } from '../sheets/stored-config';
import { a1, type PlanCell, type SheetPlan } from '../sheets/plan';
import { withoutCells } from '../sheets/kit/colour';
import { withAnswerLegend } from './answer-legend';
import { t } from '../i18n';
import { answerDigest } from './answer-digest';
import { BACKWARD_DIFFICULTIES, DIFFICULTIES, type Difficulty, type PracticeMetadata } from './metadata';
import { wrapDependents } from './waiting';

export interface PracticeSheet {
  readonly plan: SheetPlan;
  /** Blanked addresses in sheet order (row, then column). */
  readonly answers: readonly string[];
  /** What the host stores with the sheet: enough to rebuild, never an answer. */
  readonly metadata: PracticeMetadata;
}

export const DEFAULT_PRACTICE_SEED = 1;

const GATE_ROLES = new Set(['gate', 'activation']);
/**
 * Copies (x_t repeated in another section, the rows of Q, K, V) and formula cells coloured
 * as inputs or parameters (a tied weight) are givens to the learner, so they are never blanked.
 */
const GIVEN_ROLES = new Set(['copy', 'input', 'weight', 'recurrentWeight', 'bias']);

/** Cells the learner could be asked to compute: formulas that match a trace entry. */
export function computedCells(plan: SheetPlan): PlanCell[] {
  return plan.cells.filter(
    (c) => c.formula !== undefined && c.meaning?.trace !== undefined && !GIVEN_ROLES.has(c.role),
  );
}

/**
 * Gates and activations. A model whose builder marks none (a plain RNN may colour its
 * hidden state only as 'state') falls back to its non-state intermediates, and then to
 * every computed cell, so each difficulty always has something to blank.
 */
export function gateCells(plan: SheetPlan): PlanCell[] {
  const all = computedCells(plan);
  const gates = all.filter((c) => GATE_ROLES.has(c.role));
  if (gates.length > 0) return gates;
  const inner = all.filter((c) => c.role !== 'state' && c.role !== 'output');
  return inner.length > 0 ? inner : all;
}

function stepOf(cell: PlanCell): number {
  return cell.meaning?.trace?.step ?? cell.meaning?.step ?? 0;
}

/** Groups in first-appearance order, so a seed picks the same group on every machine. */
function groupBy(cells: readonly PlanCell[], key: (c: PlanCell) => string): PlanCell[][] {
  const groups = new Map<string, PlanCell[]>();
  for (const c of cells) {
    const k = key(c);
    const g = groups.get(k);
    if (g) g.push(c);
    else groups.set(k, [c]);
  }
  return [...groups.values()];
}

/** The cells a difficulty blanks; deterministic in (plan, difficulty, seed). */
export function chooseBlanks(plan: SheetPlan, difficulty: Difficulty, seed: number): PlanCell[] {
  const rng = createRng(seed);
  const pickOne = <T>(items: readonly T[]): T => items[Math.floor(rng.next() * items.length)];
  switch (difficulty) {
    case 'one-gate': {
      const groups = groupBy(gateCells(plan), (c) => `${c.meaning?.trace?.name}@${stepOf(c)}`);
      return groups.length > 0 ? pickOne(groups) : [];
    }
    case 'one-step': {
      const steps = groupBy(computedCells(plan), (c) => String(stepOf(c)));
      return steps.length > 0 ? pickOne(steps) : [];
    }
    case 'all-gates':
      return gateCells(plan);
    case 'everything':
      return computedCells(plan);
    case 'one-level': {
      const levels = groupBy(levelCells(plan), (c) => String(levelOf(c)));
      return levels.length > 0 ? pickOne(levels) : [];
    }
    case 'one-gradient': {
      const groups = groupBy(
        derivativeCells(plan, 'gradients'),
        (c) => `${c.meaning?.trace?.name}@${stepOf(c)}`,
      );
      return groups.length > 0 ? pickOne(groups) : [];
    }
    case 'one-backward-step': {
      const steps = groupBy(derivativeCells(plan, 'backwardStep'), (c) => String(stepOf(c)));
      return steps.length > 0 ? pickOne(steps) : [];
    }
  }
}

/**
 * Computed cells of a training sheet's derivatives: every one ('gradients': ∂L/∂hₜ, ∂L/∂cₜ,
 * a gate's derivative, a step's contribution, an accumulated ∂L/∂W) or only the backward
 * band's per-step cells ('backwardStep'). None on a sheet without a backward pass.
 */
export function derivativeCells(plan: SheetPlan, which: keyof DerivativeTraces): PlanCell[] {
  const names = new Set(specFor(plan.model).derivatives?.[which] ?? []);
  return computedCells(plan).filter((c) => names.has(c.meaning?.trace?.name ?? ''));
}

/** A parallel scan's level k carries trace names scan_a_l{k} and scan_b_l{k}. */
const LEVEL_TRACE = /^scan_[ab]_l(\d+)$/;

function levelOf(cell: PlanCell): number {
  return Number(LEVEL_TRACE.exec(cell.meaning?.trace?.name ?? '')?.[1] ?? -1);
}

/** Computed cells of a level-by-level computation (copies between levels are givens). */
export function levelCells(plan: SheetPlan): PlanCell[] {
  return computedCells(plan).filter((c) => levelOf(c) >= 0);
}

/** `chosen` when the sheet offers it, else the first it offers (a choice the sheet lost falls back). */
export function offeredDifficulty(spec: ModelSpec, config: ModelConfig, chosen: Difficulty): Difficulty {
  const offered = difficultiesFor(spec, config);
  return offered.includes(chosen) ? chosen : offered[0];
}

/**
 * The difficulties a sheet offers: one level only where the sheet is computed level by
 * level, one gradient and one backward step only where it runs a backward pass.
 */
export function difficultiesFor(spec: ModelSpec, config: ModelConfig | undefined): Difficulty[] {
  const levelled = config !== undefined && (spec.levelled?.(config) ?? false);
  const backward = spec.derivatives !== undefined;
  return DIFFICULTIES.filter(
    (d) => (d !== 'one-level' || levelled) && (backward || !BACKWARD_DIFFICULTIES.includes(d)),
  );
}

/** The blanked cells' addresses in sheet (plan) order, as `makePracticePlan` lists them. */
export function answersInSheetOrder(plan: SheetPlan, difficulty: Difficulty, seed: number): string[] {
  const blanks = new Set(chooseBlanks(plan, difficulty, seed));
  return plan.cells.filter((c) => blanks.has(c)).map((c) => a1(c.row, c.col));
}

function practiceName(plan: SheetPlan): string {
  return t(plan.language, 'practice.sheetName', { base: plan.baseName });
}

/** The config a plan was built from, read back through the one parser of stored settings. */
function storedConfig(plan: SheetPlan): ModelConfig {
  const parsed = parseConfig(plan.config);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.config;
}

export function makePracticePlan(
  plan: SheetPlan,
  difficulty: Difficulty,
  seed: number = DEFAULT_PRACTICE_SEED,
): PracticeSheet {
  const blanks = new Set(chooseBlanks(plan, difficulty, seed));
  if (blanks.size === 0) throw new Error(`the ${plan.model} sheet has no computed cells to practise`);
  const answers: string[] = [];
  const cells = plan.cells.map((cell): PlanCell => {
    if (!blanks.has(cell)) return cell;
    answers.push(a1(cell.row, cell.col));
    // The meaning stays (tensor, step, equation: what to compute), the formula goes.
    return {
      row: cell.row,
      col: cell.col,
      role: 'answer',
      meaning: cell.meaning,
      numberFormat: cell.numberFormat,
    };
  });
  const finished = withAnswerLegend(plan, wrapDependents(cells, new Set(answers), plan.language));
  const rowCount = finished.reduce((n, c) => Math.max(n, c.row + 1), plan.rowCount);
  return {
    plan: {
      ...plan,
      baseName: practiceName(plan),
      cells: finished,
      rowCount,
      ...(plan.conditionalFormats
        ? { conditionalFormats: withoutCells(plan.conditionalFormats, [...blanks]) }
        : {}),
    },
    answers,
    metadata: {
      mode: 'practice',
      config: storedConfig(plan),
      difficulty,
      seed,
      answerDigest: answerDigest(answers),
    },
  };
}

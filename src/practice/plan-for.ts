/**
 * "Stored sheet → plan", written once: the walkthrough plan of the stored config and, for
 * a practice sheet, the practice plan blanked by the stored difficulty and seed, with the
 * marker to store beside it. The pane builds through it, the practice actions rebuild
 * through it, and the host restores a reopened sheet's fills through it.
 */
import type { ModelConfig } from '../sheets/model-spec';
import type { SheetPlan } from '../sheets/plan';
import { buildPlan } from '../sheets/registry';
import type { Difficulty } from './metadata';
import { DEFAULT_PRACTICE_SEED, makePracticePlan } from './practice-plan';

/** What a sheet's marker holds that decides its plan. */
export interface StoredSettings {
  readonly config: ModelConfig;
  readonly practice?: { readonly difficulty: Difficulty; readonly seed?: number };
}

export interface PlannedSheet {
  /** The full walkthrough (true formulas and meanings). */
  readonly walkthrough: SheetPlan;
  /** The sheet as written: the walkthrough, or the practice sheet with its blanks. */
  readonly plan: SheetPlan;
  /** The marker stored with the sheet. */
  readonly metadata: Readonly<Record<string, unknown>>;
  /** Practice sheets: the addresses of the blanks. */
  readonly answers: readonly string[];
}

/**
 * Models whose sheet layout depends on sizes only the weights carry: a Mamba block's
 * dt_rank and d_conv have no size field. Their limits keep such a state_dict small.
 */
const LAYOUT_FROM_WEIGHTS: ReadonlySet<string> = new Set(['mamba-block']);

/**
 * What is stored with a walkthrough sheet. Pasted weights are left out: they are in the
 * sheet's own cells already, and a large state_dict would not fit the sheet's marker.
 * Where the layout depends on them they are kept, so a rebuild from the marker (explain
 * after reopening) lays out the same cells.
 */
export function walkthroughMetadata(config: ModelConfig): Record<string, unknown> {
  const { stateDict, ...rest } = config;
  const stored = stateDict && LAYOUT_FROM_WEIGHTS.has(config.model) ? config : rest;
  return { mode: 'walkthrough', config: stored, weights: stateDict ? 'state_dict' : 'seed' };
}

export function planFor(stored: StoredSettings): PlannedSheet {
  const walkthrough = buildPlan(stored.config);
  if (!stored.practice) {
    return { walkthrough, plan: walkthrough, metadata: walkthroughMetadata(stored.config), answers: [] };
  }
  const { difficulty, seed = DEFAULT_PRACTICE_SEED } = stored.practice;
  const practice = makePracticePlan(walkthrough, difficulty, seed);
  return { walkthrough, plan: practice.plan, metadata: { ...practice.metadata }, answers: practice.answers };
}

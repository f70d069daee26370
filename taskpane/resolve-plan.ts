/**
 * Rebuilds the plan of a sheet built in an earlier session from the metadata stored with
 * it, so the host can restore a cell's planned fill after the workbook was reopened.
 */
import type { AddinSheet } from '../src/host/host';
import type { SheetPlan } from '../src/sheets/plan';
import { buildPlan } from '../src/sheets/registry';
import { readStoredSheet } from '../src/practice/metadata';
import { makePracticePlan } from '../src/practice/practice-plan';

export function resolveStoredPlan(sheet: AddinSheet): SheetPlan | undefined {
  const stored = readStoredSheet(sheet);
  if (!stored) return undefined;
  try {
    const plan = buildPlan(stored.config);
    return stored.practice
      ? makePracticePlan(plan, stored.practice.difficulty, stored.practice.seed).plan
      : plan;
  } catch {
    // A sheet from another version of the add-in may no longer build: leave its fills alone.
    return undefined;
  }
}

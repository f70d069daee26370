/**
 * Rebuilds the plan of a sheet built in an earlier session from the metadata stored with
 * it, so the host can restore a cell's planned fill after the workbook was reopened.
 */
import type { AddinSheet } from '../src/host/host';
import type { SheetPlan } from '../src/sheets/plan';
import { readStoredSheet } from '../src/practice/metadata';
import { planFor } from '../src/practice/plan-for';

export function resolveStoredPlan(sheet: AddinSheet): SheetPlan | undefined {
  const stored = readStoredSheet(sheet);
  if (!stored) return undefined;
  try {
    return planFor(stored).plan;
  } catch {
    // A sheet from another version of the add-in may no longer build: leave its fills alone.
    return undefined;
  }
}

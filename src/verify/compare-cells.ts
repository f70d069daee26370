/**
 * Cells this Excel computed against the numbers the core computes: the tolerance, the
 * comparison, and a read that waits while custom functions still show #BUSY!.
 */
import type { CellContent, WorkbookHost } from '../host/host';

/** Sheet formulas against the core: the project's tolerance, relative above 1. */
export const CHECK_TOLERANCE = 1e-9;
/** How many disagreeing cells a report lists for one model or function. */
export const LISTED_MISMATCHES = 5;

export interface CellMismatch {
  readonly address: string;
  readonly expected: number;
  readonly got: CellContent['value'];
}

export interface CheckResult {
  /** A model id ('lstm') or a function name ('LSTM.SEQ'). */
  readonly id: string;
  /** Computed cells compared with the core. */
  readonly compared: number;
  /** How many of them disagree (the first LISTED_MISMATCHES are listed). */
  readonly failed: number;
  readonly mismatches: readonly CellMismatch[];
  /** The largest difference seen, relative above 1 (NaN when a cell held no number). */
  readonly largestError: number;
  /** The step that failed (building, reading, removing), if one did. */
  readonly error?: string;
}

function difference(got: CellContent['value'], expected: number): number {
  if (typeof got !== 'number') return Number.NaN;
  return Math.abs(got - expected) / Math.max(1, Math.abs(expected));
}

/** Compares cells read back with the numbers expected at the same addresses. */
export function compareCells(
  id: string,
  read: readonly CellContent[],
  expected: readonly number[],
): CheckResult {
  const mismatches: CellMismatch[] = [];
  let failed = 0;
  let largestError = 0;
  read.forEach((cell, i) => {
    const d = difference(cell.value, expected[i]);
    // NaN (text, an error, an empty cell) is never within tolerance.
    if (!(d <= CHECK_TOLERANCE)) {
      failed++;
      if (mismatches.length < LISTED_MISMATCHES)
        mismatches.push({ address: cell.address, expected: expected[i], got: cell.value });
    }
    largestError = Number.isNaN(d) || Number.isNaN(largestError) ? Number.NaN : Math.max(largestError, d);
  });
  return { id, compared: read.length, failed, mismatches, largestError };
}

/** What Excel shows in a cell whose custom function has not returned yet. */
export const BUSY = '#BUSY!';
/** How long the check waits for custom functions to return, in all. */
export const SETTLE_MS = 10_000;
const SETTLE_STEP_MS = 250;

/**
 * Reads the cells once every custom function among them has returned: Excel computes them
 * asynchronously and shows #BUSY! meanwhile. After SETTLE_MS the cells are taken as they
 * are, and a #BUSY! left is reported as a disagreement.
 */
export async function readSettled(
  host: WorkbookHost,
  sheet: string,
  addresses: readonly string[],
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<CellContent[]> {
  let read = await host.readCells(sheet, addresses);
  for (let waited = 0; waited < SETTLE_MS && read.some((c) => c.value === BUSY); waited += SETTLE_STEP_MS) {
    await wait(SETTLE_STEP_MS);
    read = await host.readCells(sheet, addresses);
  }
  return read;
}

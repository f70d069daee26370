/** Timing helpers for the benchmark modules: warm-up runs, then the median of timed runs. */
import { performance } from 'node:perf_hooks';

/**
 * Median wall time (ms) of each function after `warmup` untimed rounds. The functions
 * take turns within every round, so load from other processes on a shared machine falls
 * on all of them alike instead of skewing whichever happened to run during a burst.
 */
export function medianTimes(fns: readonly (() => unknown)[], runs: number, warmup = 2): number[] {
  for (let k = 0; k < warmup; k++) for (const fn of fns) fn();
  const times = fns.map(() => [] as number[]);
  for (let k = 0; k < runs; k++) {
    fns.forEach((fn, i) => {
      const start = performance.now();
      fn();
      times[i].push(performance.now() - start);
    });
  }
  return times.map((list) => {
    list.sort((a, b) => a - b);
    const mid = list.length >> 1;
    return list.length % 2 ? list[mid] : (list[mid - 1] + list[mid]) / 2;
  });
}

export function fmtMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

/**
 * A markdown table: the header row, its rule, then the rows. Columns from `rightFrom` on
 * are right-aligned (for numbers); by default none are.
 */
export function markdownTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  rightFrom = headers.length,
): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const rule = `|${headers.map((_, i) => (i >= rightFrom ? '---:' : '---')).join('|')}|`;
  return [line(headers), rule, ...rows.map(line)];
}

/** A sequence-model size to time: T steps, hidden size H, input size I, and timed runs. */
export interface SizeCase {
  readonly T: number;
  readonly H: number;
  readonly I: number;
  readonly runs: number;
}

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

/** CPU time (user + system, ms) the process spends in `fn`: time the scheduler gives other processes does not count. */
export function cpuMs(fn: () => unknown): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  return sorted[lo] + (sorted[Math.ceil(at)] - sorted[lo]) * (at - lo);
}

export interface PairedRatio {
  /** Median of the per-round ratios a / b, with the lower and upper quartiles. */
  readonly median: number;
  readonly low: number;
  readonly high: number;
  /** Median CPU ms of a and of b. */
  readonly a: number;
  readonly b: number;
}

/**
 * How much `a` costs against `b`, robust on a shared, loaded machine: after `warmup`
 * rounds, `runs` rounds each time a and b back to back in the same process (which goes
 * first alternates), in CPU time rather than wall time, and the ratio is taken within
 * each round, so a burst of load from elsewhere falls on both sides of one ratio.
 */
export function pairedRatio(a: () => unknown, b: () => unknown, runs: number, warmup = 3): PairedRatio {
  for (let k = 0; k < warmup; k++) {
    a();
    b();
  }
  const ratios: number[] = [];
  const ta: number[] = [];
  const tb: number[] = [];
  for (let k = 0; k < runs; k++) {
    const [x, y] = k % 2 === 0 ? [cpuMs(a), cpuMs(b)] : [cpuMs(b), cpuMs(a)].reverse();
    ta.push(x);
    tb.push(y);
    ratios.push(x / y);
  }
  const sort = (v: number[]) => [...v].sort((p, q) => p - q);
  const r = sort(ratios);
  return {
    median: quantile(r, 0.5),
    low: quantile(r, 0.25),
    high: quantile(r, 0.75),
    a: quantile(sort(ta), 0.5),
    b: quantile(sort(tb), 0.5),
  };
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

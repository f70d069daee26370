/**
 * `npm run bench -- limits`: every custom function at the worst case its limits allow
 * must answer (a result or a clear error) within 1 s and under 512 MB. For each family
 * of shapes in limits-cases.ts it finds, by bisection on the cost model and the shape
 * limits alone, the largest call the function accepts, then runs that call in a child
 * process of its own and reports the call's time and the process's peak resident memory
 * (Node itself and the inputs Excel would hold included). Then it runs the calls that
 * froze or crashed the add-in before the cost model and shows they are refused at once.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_RANGE_COLS, MAX_STEPS } from '../../functions/args';
import { checkCost, MAX_INPUT_CELLS } from '../../functions/cost';
import { isFunctionError } from '../../functions/errors';
import { LIMIT_CASES, REFUSED_CASES, type ArgSpec, type LimitCase } from './limits-cases';
import type { ProbeResult } from './limits-probe';
import { fmtMs, markdownTable } from './timing';

const TIME_BUDGET_MS = 1000;
const MEMORY_BUDGET_MB = 512;
const here = dirname(fileURLToPath(import.meta.url));

/** Whether the function's limits accept the call: shape limits, input cells, cost. */
function accepted(c: LimitCase, n: number): boolean {
  const args = c.args(n);
  const shapes = args.filter(
    (a): a is Exclude<ArgSpec, string | number | null> => a !== null && typeof a === 'object',
  );
  if (shapes.some((s) => s.rows > MAX_STEPS || s.cols > MAX_RANGE_COLS)) return false;
  const cells = shapes.reduce((sum, a) => sum + a.rows * a.cols, 0);
  if (cells > MAX_INPUT_CELLS) return false;
  try {
    checkCost(c.fn, c.sizes(n), { cells, rows: shapes.reduce((sum, a) => sum + a.rows, 0) });
    return true;
  } catch (e) {
    if (isFunctionError(e)) return false;
    throw e;
  }
}

/** Largest n in [1, maxN] the limits accept (acceptance falls as n grows), or 0. */
function largestAccepted(c: LimitCase): number {
  if (!accepted(c, 1)) return 0;
  let lo = 1;
  let hi = c.maxN;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (accepted(c, mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function probe(fn: string, args: ArgSpec[]): ProbeResult {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(here, 'limits-probe.ts'), JSON.stringify({ fn, args })],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as ProbeResult;
}

function shorten(outcome: string): string {
  return outcome.length > 110 ? `${outcome.slice(0, 110)}…` : outcome;
}

export default async function run(): Promise<string> {
  const rows: string[][] = [];
  let worstMs = 0;
  let worstMB = 0;
  for (const c of LIMIT_CASES) {
    const n = largestAccepted(c);
    if (n === 0) continue;
    const r = probe(c.fn, c.args(n));
    const over = r.ms > TIME_BUDGET_MS || r.peakMB > MEMORY_BUDGET_MB;
    worstMs = Math.max(worstMs, r.ms);
    worstMB = Math.max(worstMB, r.peakMB);
    const cells = c
      .args(n)
      .reduce<number>((s, a) => s + (a && typeof a === 'object' ? a.rows * a.cols : 0), 0);
    rows.push([
      c.fn,
      c.family,
      String(n),
      cells.toLocaleString('en-US'),
      fmtMs(r.ms),
      String(r.peakMB),
      shorten(r.outcome),
      over ? 'OVER' : 'ok',
    ]);
  }
  const refused = REFUSED_CASES.map(({ label, fn, args }) => {
    const r = probe(fn, args);
    return [label, fmtMs(r.ms), String(r.peakMB), shorten(r.outcome)];
  });
  return [
    '### Custom functions at the limits: time and peak memory of the worst case',
    '',
    `For each family of shapes, the largest call the limits accept (found by bisection on n), run once in a child process. Time is the call alone (arguments already built, as Excel passes them); peak is the child's maximum resident memory, Node itself and the inputs included. Budget: ${TIME_BUDGET_MS} ms and ${MEMORY_BUDGET_MB} MB. Worst: ${fmtMs(worstMs)} ms, ${worstMB} MB.`,
    '',
    ...markdownTable(
      ['function', 'family', 'largest n', 'input cells', 'ms', 'peak MB', 'outcome', 'budget'],
      rows,
      2,
    ),
    '',
    'Calls that froze or crashed the add-in before the cost model, now refused before any work:',
    '',
    ...markdownTable(['call', 'ms', 'peak MB', 'outcome'], refused, 1),
  ].join('\n');
}

/**
 * The custom function LSTM.SEQ as Excel calls it: ranges in as number[][], validated and
 * converted, the core's forward pass, the result back out as number[][]. Shown beside the
 * core's forward pass alone, so the cost of the Excel-facing layer is visible. Target
 * (docs/ARCHITECTURE.md, "Performance"): T = 1000, H = 64, I = 32 well under 10 ms.
 */
import { lstmSeq } from '../../functions/lstm';
import { initLstm, lstmForward } from '../../src/core/lstm';
import { createRng } from '../../src/core/random';
import { toRows } from '../../src/core/tensor';
import { fmtMs, markdownTable, medianTimes, type SizeCase } from './timing';

const TARGET_MS = 10;

const cases: readonly SizeCase[] = [
  { T: 1000, H: 64, I: 32, runs: 21 },
  { T: 100, H: 8, I: 4, runs: 51 },
];

function column(v: Float64Array): number[][] {
  return Array.from(v, (x) => [x]);
}

export default async function run(): Promise<string> {
  const rows: string[][] = [];
  for (const { T, H, I, runs } of cases) {
    const p = initLstm(I, H, 1, 'torch');
    const rng = createRng(2);
    const X: number[][] = Array.from({ length: T }, () =>
      Array.from({ length: I }, () => 2 * rng.next() - 1),
    );
    const args = [X, toRows(p.W_ih), toRows(p.W_hh), column(p.b_ih), column(p.b_hh)] as const;
    const Xm = { rows: T, cols: I, data: Float64Array.from(X.flat()) };
    // Same numbers before timing, so a fast wrong path cannot be reported.
    const expected = toRows(lstmForward(p, Xm).output);
    const got = lstmSeq(...args);
    if (JSON.stringify(got) !== JSON.stringify(expected))
      throw new Error('LSTM.SEQ disagrees with lstmForward');
    const [fn, core] = medianTimes([() => lstmSeq(...args), () => lstmForward(p, Xm)], runs);
    const verdict = T === 1000 && H === 64 && I === 32 ? (fn < TARGET_MS ? 'met' : 'missed') : '—';
    rows.push([`${T}`, `${H}`, `${I}`, fmtMs(fn), fmtMs(core), `${fmtMs(fn - core)} ms`, verdict]);
  }
  return [
    '## Custom functions: LSTM.SEQ from ranges to ranges',
    '',
    `Median of timed runs after warm-up; the function's time includes validating every cell and building the number[][] result. Target: under ${TARGET_MS} ms at T = 1000, H = 64, I = 32.`,
    '',
    ...markdownTable(
      ['T', 'H', 'I', 'LSTM.SEQ (ms)', 'core lstmForward (ms)', 'layer overhead', 'target'],
      rows,
    ),
  ].join('\n');
}

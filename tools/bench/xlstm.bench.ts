/**
 * xLSTM timings: the mLSTM recurrent form (O(T·d²)) against the parallel form (O(T²·d)),
 * and the core's sLSTM forward against a raw Float64Array loop with everything inlined,
 * about the fastest plain JS can go.
 */
import { mlstmParallel, mlstmRecurrent, type MlstmSequence } from '../../src/core/mlstm';
import { createRng } from '../../src/core/random';
import { initSlstm, slstmForward, type SlstmParams } from '../../src/core/slstm';
import type { Matrix } from '../../src/core/tensor';
import { maxAbsDiff, randomMatrix } from './data';
import { markdownTable, medianTimes } from './timing';

function sequence(T: number, d: number): MlstmSequence {
  const rng = createRng(7);
  const next = () => rng.next();
  return {
    Q: randomMatrix(T, d, next),
    K: randomMatrix(T, d, next),
    V: randomMatrix(T, d, next),
    iPre: randomMatrix(1, T, next).data,
    fPre: randomMatrix(1, T, next).data.map((v) => 3 + v),
    oPre: randomMatrix(T, d, next),
  };
}

/** sLSTM forward (sigmoid forget) with one flat state and no calls in the inner loops. */
function rawSlstm(p: SlstmParams, X: Matrix): Float64Array {
  const T = X.rows;
  const I = p.inputSize;
  const H = p.hiddenSize;
  const W = p.W.data;
  const R = p.R.data;
  const b = p.b;
  const x = X.data;
  const pre = new Float64Array(4 * H);
  const h = new Float64Array(H);
  const c = new Float64Array(H);
  const n = new Float64Array(H);
  const m = new Float64Array(H).fill(-Infinity);
  const out = new Float64Array(T * H);
  for (let t = 0; t < T; t++) {
    for (let r = 0; r < 4 * H; r++) {
      let s = b[r];
      for (let j = 0; j < I; j++) s += W[r * I + j] * x[t * I + j];
      for (let j = 0; j < H; j++) s += R[r * H + j] * h[j];
      pre[r] = s;
    }
    for (let u = 0; u < H; u++) {
      const ip = pre[u];
      const fp = pre[H + u];
      const lf = -(Math.max(-fp, 0) + Math.log1p(Math.exp(-Math.abs(fp))));
      const mp = m[u];
      const mn = mp === -Infinity ? ip : Math.max(lf + mp, ip);
      const is = Math.exp(ip - mn);
      const fs = mp === -Infinity ? 0 : Math.exp(lf + mp - mn);
      c[u] = fs * c[u] + is * Math.tanh(pre[2 * H + u]);
      n[u] = fs * n[u] + is;
      m[u] = mn;
      h[u] = (0.5 * (1 + Math.tanh(0.5 * pre[3 * H + u])) * c[u]) / n[u];
      out[t * H + u] = h[u];
    }
  }
  return out;
}

export default async function run(): Promise<string> {
  const mlstmRows: string[][] = [];
  for (const [T, d] of [
    [8, 4],
    [256, 16],
    [256, 64],
  ]) {
    const seq = sequence(T, d);
    const [rec, par] = medianTimes([() => mlstmRecurrent(seq), () => mlstmParallel(seq)], 7);
    const diff = maxAbsDiff(mlstmRecurrent(seq).H.data, mlstmParallel(seq).data);
    mlstmRows.push([
      `${T} × ${d}`,
      rec.toFixed(3),
      par.toFixed(3),
      (par / rec).toFixed(2),
      diff.toExponential(1),
    ]);
  }
  const I = 32;
  const H = 64;
  const T = 1000;
  const p = initSlstm(I, H, 4, 3, 'torch');
  const X = randomMatrix(T, I, createRng(11).next);
  const [raw, core] = medianTimes([() => rawSlstm(p, X), () => slstmForward(p, X)], 7);
  const diff = maxAbsDiff(rawSlstm(p, X), slstmForward(p, X).output.data);
  return (
    [
      '## xLSTM',
      '',
      'Median of 7 interleaved runs after 2 warm-up rounds.',
      '',
      ...markdownTable(
        ['mLSTM, T × d', 'recurrent (ms)', 'parallel (ms)', 'parallel / recurrent', 'max abs difference'],
        mlstmRows,
      ),
      '',
      ...markdownTable(
        ['sLSTM, T × I × H (4 heads)', 'raw loop (ms)', 'core (ms)', 'core / raw', 'max abs difference'],
        [
          [
            `${T} × ${I} × ${H}`,
            raw.toFixed(3),
            core.toFixed(3),
            (core / raw).toFixed(2),
            diff.toExponential(1),
          ],
        ],
      ),
      '',
      'The parallel mLSTM does O(T²·d) work against the recurrent O(T·d²), so on one JS thread',
      'it loses except at tiny T; it is there to show the attention-like form, whose matrix',
      'products parallel hardware would run at once. Both sLSTM loops apply the full R.',
    ].join('\n') + '\n'
  );
}

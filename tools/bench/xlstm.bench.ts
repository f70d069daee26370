/**
 * xLSTM timings: the mLSTM recurrent form (O(T·d²)) against the parallel form (O(T²·d)),
 * and the core's sLSTM forward against a raw Float64Array loop with everything inlined,
 * about the fastest plain JS can go.
 */
import { mlstmParallel, mlstmRecurrent, type MlstmSequence } from '../../src/core/mlstm';
import { createRng } from '../../src/core/random';
import { initSlstm, slstmForward, type SlstmParams } from '../../src/core/slstm';
import { matrix, type Matrix } from '../../src/core/tensor';

function randomMatrix(rows: number, cols: number, next: () => number): Matrix {
  const m = matrix(rows, cols);
  for (let i = 0; i < m.data.length; i++) m.data[i] = 2 * next() - 1;
  return m;
}

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

/** Median milliseconds of `runs` timed calls after two warm-up calls. */
function time(fn: () => unknown, runs = 7): number {
  fn();
  fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  return ms[Math.floor(runs / 2)];
}

function maxDiff(a: Float64Array, b: Float64Array): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

export default async function run(): Promise<string> {
  const lines = [
    '## xLSTM',
    '',
    'Median of 7 runs.',
    '',
    '| mLSTM, T × d | recurrent (ms) | parallel (ms) | parallel / recurrent | max abs difference |',
    '|---|---|---|---|---|',
  ];
  for (const [T, d] of [
    [8, 4],
    [256, 16],
    [256, 64],
  ]) {
    const seq = sequence(T, d);
    const rec = time(() => mlstmRecurrent(seq));
    const par = time(() => mlstmParallel(seq));
    const diff = maxDiff(mlstmRecurrent(seq).H.data, mlstmParallel(seq).data);
    lines.push(
      `| ${T} × ${d} | ${rec.toFixed(3)} | ${par.toFixed(3)} | ${(par / rec).toFixed(2)} | ${diff.toExponential(1)} |`,
    );
  }
  const I = 32;
  const H = 64;
  const T = 1000;
  const p = initSlstm(I, H, 4, 3, 'torch');
  const X = randomMatrix(T, I, createRng(11).next);
  const raw = time(() => rawSlstm(p, X));
  const core = time(() => slstmForward(p, X));
  const diff = maxDiff(rawSlstm(p, X), slstmForward(p, X).output.data);
  lines.push(
    '',
    '| sLSTM, T × I × H (4 heads) | raw loop (ms) | core (ms) | core / raw | max abs difference |',
    '|---|---|---|---|---|',
    `| ${T} × ${I} × ${H} | ${raw.toFixed(3)} | ${core.toFixed(3)} | ${(core / raw).toFixed(2)} | ${diff.toExponential(1)} |`,
    '',
    'The parallel mLSTM does O(T²·d) work against the recurrent O(T·d²), so on one JS thread',
    'it loses except at tiny T; it is there to show the attention-like form, whose matrix',
    'products parallel hardware would run at once. Both sLSTM loops apply the full R.',
  );
  return lines.join('\n') + '\n';
}

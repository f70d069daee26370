/**
 * Selective scan timings: the core's sequential scan, its associative (parallel-prefix)
 * scan run on one core, and a raw Float64Array loop with everything inlined, which is
 * about the fastest plain JS can go. Ratios are against the raw loop.
 */
import { parallelScan, selectiveScan, type ScanInputs } from '../../src/core/mamba-scan';
import { createRng } from '../../src/core/random';
import { matrix, type Matrix } from '../../src/core/tensor';

function randomMatrix(rows: number, cols: number, next: () => number, lo: number, hi: number): Matrix {
  const m = matrix(rows, cols);
  for (let i = 0; i < m.data.length; i++) m.data[i] = lo + (hi - lo) * next();
  return m;
}

function inputs(T: number, D: number, N: number): ScanInputs {
  const rng = createRng(42);
  const next = () => rng.next();
  return {
    u: randomMatrix(T, D, next, -1, 1),
    delta: randomMatrix(T, D, next, 1e-3, 0.1),
    A: randomMatrix(D, N, next, -N, -1),
    B: randomMatrix(T, N, next, -1, 1),
    C: randomMatrix(T, N, next, -1, 1),
    D: randomMatrix(1, D, next, -1, 1).data,
    method: 'zoh',
  };
}

/** zoh scan with no function calls in the inner loop and one state buffer. */
function rawLoop(inp: ScanInputs): Float64Array {
  const T = inp.u.rows;
  const D = inp.u.cols;
  const N = inp.A.cols;
  const u = inp.u.data;
  const dl = inp.delta.data;
  const A = inp.A.data;
  const B = inp.B.data;
  const C = inp.C.data;
  const skip = inp.D!;
  const h = new Float64Array(D * N);
  const y = new Float64Array(T * D);
  for (let t = 0; t < T; t++) {
    for (let d = 0; d < D; d++) {
      const dt = dl[t * D + d];
      const ut = u[t * D + d];
      let acc = skip[d] * ut;
      for (let n = 0; n < N; n++) {
        const a = A[d * N + n];
        const x = dt * a;
        const hv = Math.exp(x) * h[d * N + n] + (x === 0 ? dt : Math.expm1(x) / a) * B[t * N + n] * ut;
        h[d * N + n] = hv;
        acc += C[t * N + n] * hv;
      }
      y[t * D + d] = acc;
    }
  }
  return y;
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

export default async function run(): Promise<string> {
  const lines = [
    '## Mamba selective scan',
    '',
    'zoh, median of 7 runs; ratio = time / raw Float64Array loop.',
    '',
    '| T × D × N | raw loop (ms) | sequential (ms) | ratio | parallel (ms) | ratio |',
    '|---|---|---|---|---|---|',
  ];
  for (const [T, D, N] of [
    [64, 8, 4],
    [1000, 64, 16],
    [4096, 32, 16],
  ]) {
    const inp = inputs(T, D, N);
    const raw = time(() => rawLoop(inp));
    const seq = time(() => selectiveScan(inp));
    const par = time(() => parallelScan(inp));
    lines.push(
      `| ${T} × ${D} × ${N} | ${raw.toFixed(3)} | ${seq.toFixed(3)} | ${(seq / raw).toFixed(2)} | ${par.toFixed(3)} | ${(par / raw).toFixed(2)} |`,
    );
  }
  lines.push(
    '',
    'The parallel form does about twice the work of the sequential one; its gain needs parallel hardware.',
  );
  return lines.join('\n') + '\n';
}

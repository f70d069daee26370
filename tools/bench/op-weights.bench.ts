/**
 * The weights of the custom functions' cost model (functions/cost.ts): what one call of
 * Math.exp, Math.log1p, Math.tanh, Math.expm1 and a division cost in V8, and what one
 * cell costs to read from an argument or to write into the result, each in units of one
 * multiply-add of a Float64Array dot product (the inner loop of every matrix product).
 * Every loop runs over 2²⁰ values from a fixed seed, and its result is kept so the JIT
 * cannot drop the work. `npm run bench -- op-weights` prints the table; the constants in
 * cost.ts are these measurements rounded up.
 */
import { readMatrix, resultRows } from '../../functions/args';
import { matrix } from '../../src/core/tensor';
import { fmtMs, markdownTable, medianTimes } from './timing';

const SIZE = 1 << 20;
let sink = 0;

function values(scale: number, offset = 0): Float64Array {
  const v = new Float64Array(SIZE);
  for (let i = 0; i < SIZE; i++) v[i] = offset + scale * Math.sin(1.3 * i + 0.7);
  return v;
}

export default async function run(): Promise<string> {
  const a = values(1);
  const b = values(0.5);
  const x = values(3);
  const pos = values(0.4, 1);
  const rows = 1024;
  const cols = SIZE / rows;
  const grid = Array.from({ length: rows }, (_, r) => Array.from(a.subarray(r * cols, (r + 1) * cols)));
  const result = matrix(rows, cols, a.slice());
  const ops: [string, () => void][] = [
    [
      'multiply-add',
      () => {
        let s = 0;
        for (let i = 0; i < SIZE; i++) s += a[i] * b[i];
        sink += s;
      },
    ],
    [
      'Math.exp',
      () => {
        let s = 0;
        for (let i = 0; i < SIZE; i++) s += Math.exp(x[i]);
        sink += s;
      },
    ],
    [
      'Math.expm1',
      () => {
        let s = 0;
        for (let i = 0; i < SIZE; i++) s += Math.expm1(x[i]);
        sink += s;
      },
    ],
    [
      'Math.log1p',
      () => {
        let s = 0;
        for (let i = 0; i < SIZE; i++) s += Math.log1p(pos[i]);
        sink += s;
      },
    ],
    [
      'Math.tanh',
      () => {
        let s = 0;
        for (let i = 0; i < SIZE; i++) s += Math.tanh(x[i]);
        sink += s;
      },
    ],
    [
      'division',
      () => {
        let s = 0;
        for (let i = 0; i < SIZE; i++) s += a[i] / pos[i];
        sink += s;
      },
    ],
    [
      'read an argument cell',
      () => {
        sink += readMatrix('x', grid, 'a range').data[7];
      },
    ],
    [
      'write a result cell',
      () => {
        sink += resultRows('bench', result)[3][5];
      },
    ],
  ];
  const times = medianTimes(
    ops.map(([, fn]) => fn),
    9,
  );
  const base = times[0];
  const table = markdownTable(
    ['operation', `ms per 2²⁰`, 'ns each', 'multiply-adds'],
    ops.map(([name], i) => [
      name,
      fmtMs(times[i]),
      ((times[i] * 1e6) / SIZE).toFixed(2),
      (times[i] / base).toFixed(1),
    ]),
    1,
  );
  return [
    '### Cost-model weights: one operation in multiply-adds',
    '',
    `Median of 9 interleaved runs over 2²⁰ values after 2 warm-up rounds (checksum ${sink.toExponential(3)}).`,
    '',
    ...table,
  ].join('\n');
}

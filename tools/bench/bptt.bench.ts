/**
 * Backpropagation through time in the core (rnnBackward / lstmBackward: forward pass with
 * the output head, loss and every gradient) against two yardsticks: tfjs's automatic
 * differentiation (tf.grads) of the same graph written out in tf ops on the CPU backend,
 * and the core's own forward pass. Targets: faster than tfjs, at most 2.5× the forward.
 * The loss and dW_hh are checked against tfjs before timing. The ratio to the forward pass
 * is measured so that load from other processes cannot move it: many rounds in this one
 * process, each timing the call and the forward pass back to back in CPU time, and the
 * median of the per-round ratios. tfjs (seconds a call) is timed in wall time, a few runs.
 */
import * as tf from '@tensorflow/tfjs';
import { initLstm, lstmForward, type LstmParams } from '../../src/core/lstm';
import { lstmBackward } from '../../src/core/lstm-backward';
import type { OutputHead } from '../../src/core/output-head';
import { createRng } from '../../src/core/random';
import { initRnn, rnnForward, type RnnParams } from '../../src/core/rnn';
import { rnnBackward } from '../../src/core/rnn-backward';
import type { Matrix } from '../../src/core/tensor';
import { maxAbsDiff, randomMatrix } from './data';
import { fmtMs, markdownTable, medianTimes, pairedRatio } from './timing';

const T = 1000;
const H = 64;
const I = 32;
const O = 4;
/** Rounds of the paired call / forward measurement, and timed tfjs runs. */
const RATIO_RUNS = 41;
const TFJS_RUNS = 3;

type Cell = RnnParams | LstmParams;

const mat = (m: Matrix): tf.Tensor2D => tf.tensor2d(Array.from(m.data), [m.rows, m.cols]);
const row = (v: ArrayLike<number>): tf.Tensor2D => tf.tensor2d(Array.from(v), [1, v.length]);

/** L as a graph of [W_ih, W_hh, b_ih, b_hh, W_hy, b_y], unrolled over the T rows of xs / ys. */
function tfLoss(
  lstm: boolean,
  xs: tf.Tensor2D[],
  ys: tf.Tensor2D[],
  [W_ih, W_hh, b_ih, b_hh, W_hy, b_y]: tf.Tensor[],
): tf.Scalar {
  let h: tf.Tensor = tf.zeros([1, H]);
  let c: tf.Tensor = tf.zeros([1, H]);
  let L: tf.Tensor = tf.scalar(0);
  const bias = b_ih.add(b_hh);
  for (let t = 0; t < xs.length; t++) {
    const a = xs[t]
      .matMul(W_ih, false, true)
      .add(h.matMul(W_hh, false, true))
      .add(bias);
    if (lstm) {
      const [i, f, g, o] = tf.split(a, 4, 1);
      c = tf
        .sigmoid(f)
        .mul(c)
        .add(tf.sigmoid(i).mul(tf.tanh(g)));
      h = tf.sigmoid(o).mul(tf.tanh(c));
    } else h = tf.tanh(a);
    L = L.add(h.matMul(W_hy, false, true).add(b_y).sub(ys[t]).square().sum().mul(0.5));
  }
  return L as tf.Scalar;
}

function tfjsGradients(
  p: Cell,
  head: OutputHead,
  X: Matrix,
  Y: Matrix,
): () => { loss: number; dW_hh: Float32Array } {
  const lstm = !('nonlinearity' in p);
  const params = [mat(p.W_ih), mat(p.W_hh), row(p.b_ih), row(p.b_hh), mat(head.W_hy), row(head.b_y)];
  const xs = Array.from({ length: X.rows }, (_, t) => row(X.data.subarray(t * X.cols, (t + 1) * X.cols)));
  const ys = Array.from({ length: Y.rows }, (_, t) => row(Y.data.subarray(t * Y.cols, (t + 1) * Y.cols)));
  const grad = tf.valueAndGrads((...ts: tf.Tensor[]) => tfLoss(lstm, xs, ys, ts));
  return () =>
    tf.tidy(() => {
      const { value, grads } = grad(params);
      return { loss: value.dataSync()[0], dW_hh: grads[1].dataSync() as Float32Array };
    });
}

function benchOne(name: string, p: Cell, head: OutputHead, X: Matrix, Y: Matrix): string[] {
  const lstm = !('nonlinearity' in p);
  const backward = () => (lstm ? lstmBackward(p, head, X, Y) : rnnBackward(p as RnnParams, head, X, Y));
  const forward = () => (lstm ? lstmForward(p, X) : rnnForward(p as RnnParams, X));
  const tfjs = tfjsGradients(p, head, X, Y);
  const ours = backward();
  const theirs = tfjs();
  const lossDiff = Math.abs(ours.loss - theirs.loss) / Math.max(1, ours.loss);
  const gradDiff =
    maxAbsDiff(ours.grads.W_hh.data, theirs.dW_hh) / Math.max(1, ...ours.grads.W_hh.data.map(Math.abs));
  if (lossDiff > 1e-4 || gradDiff > 1e-3)
    throw new Error(`${name}: core and tfjs disagree (loss ${lossDiff}, dW_hh ${gradDiff})`);
  const ratio = pairedRatio(backward, forward, RATIO_RUNS);
  const [b, t] = medianTimes([backward, tfjs], TFJS_RUNS, 1);
  const verdict = ratio.median <= 2.5 ? 'met' : 'missed (over 2.5× the forward pass)';
  return [
    name,
    fmtMs(ratio.a),
    fmtMs(ratio.b),
    ratio.median.toFixed(2),
    `${ratio.low.toFixed(2)}–${ratio.high.toFixed(2)}`,
    fmtMs(b),
    fmtMs(t),
    (b / t).toFixed(3),
    b < t ? verdict : 'missed (slower than tfjs)',
  ];
}

export default async function run(): Promise<string> {
  await tf.setBackend('cpu');
  const rng = createRng(3);
  const X = randomMatrix(T, I, () => rng.next());
  const Y = randomMatrix(T, O, () => rng.next());
  const head = { W_hy: randomMatrix(O, H, () => rng.next(), -0.1, 0.1), b_y: new Float64Array(O) };
  const rows = [
    benchOne('RNN', initRnn(I, H, 1, 'torch'), head, X, Y),
    benchOne('LSTM', initLstm(I, H, 1, 'torch'), head, X, Y),
  ];
  return [
    '## BPTT: backward pass',
    '',
    `T = ${T}, H = ${H}, I = ${I}, O = ${O}. \`rnnBackward\` / \`lstmBackward\` (float64; forward pass, head, loss and every gradient) vs the core's forward pass alone and vs tfjs \`tf.valueAndGrads\` of the same unrolled graph (float32, CPU backend); the loss and dW_hh are checked against tfjs first. Call / forward: ${RATIO_RUNS} rounds in one process, each timing the call and the forward pass back to back in CPU time (which goes first alternates), after 3 warm-up rounds; the median of the per-round ratios and its quartiles. tfjs: median of ${TFJS_RUNS} wall-time runs beside the call. Targets: call ≤ 2.5× forward (median ratio) and faster than tfjs.`,
    '',
    ...markdownTable(
      [
        'model',
        'call CPU ms',
        'forward CPU ms',
        'call / forward',
        'quartiles',
        'call wall ms',
        'tfjs grads wall ms',
        'call / tfjs',
        'targets',
      ],
      rows,
      1,
    ),
  ].join('\n');
}

/**
 * The recurrent core against @tensorflow/tfjs layers given the same weights. tfjs is a
 * separate float32 implementation (Keras layout: kernel (I × G·H) = W_ihᵀ, recurrent
 * kernel (H × G·H) = W_hhᵀ, one bias = b_ih + b_hh, LSTM gates i, f, c, o = PyTorch's
 * i, f, g, o), so agreement to 1e-5 checks layout, gate order, time alignment and the
 * stacking wiring independently of our own reference code.
 */
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { initLstm, lstmForward } from '../../../src/core/lstm';
import { initRnn, rnnForward } from '../../../src/core/rnn';
import { initStack, stackForward, type CellParams, type StackParams } from '../../../src/core/stack';
import { fromRows, type Matrix } from '../../../src/core/tensor';
import { maxDiff, nested, testSequence, testValues, type Mat } from './reference';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const TOL = 1e-5;

function kerasWeights(cell: CellParams): tf.Tensor[] {
  const T = (m: Matrix) => tf.tensor2d(Array.from(m.data), [m.rows, m.cols]).transpose();
  const bias = cell.b_ih.map((v, k) => v + cell.b_hh[k]);
  return [T(cell.W_ih), T(cell.W_hh), tf.tensor1d(Array.from(bias))];
}

function makeLayer(kind: 'lstm' | 'rnn', H: number, activation: 'tanh' | 'relu' = 'tanh'): tf.RNN {
  return kind === 'lstm'
    ? tf.layers.lstm({ units: H, returnSequences: true, recurrentActivation: 'sigmoid' })
    : tf.layers.simpleRNN({ units: H, returnSequences: true, activation });
}

/** Runs `layers` in sequence on one batch item, building each with its weights first. */
function runKeras(
  layers: { layer: tf.layers.Layer; weights: tf.Tensor[] }[],
  xs: Mat,
  initialState?: tf.Tensor[],
): Mat {
  return tf.tidy(() => {
    let x: tf.Tensor = tf.tensor3d([xs]);
    layers.forEach(({ layer, weights }, k) => {
      layer.apply(x); // builds the variables so setWeights has something to fill
      layer.setWeights(weights);
      x = layer.apply(x, k === 0 && initialState ? { initialState } : {}) as tf.Tensor;
    });
    return (x.arraySync() as number[][][])[0];
  });
}

function kerasStack(p: StackParams, xs: Mat): Mat {
  const kind = p.kind === 'lstm' ? 'lstm' : 'rnn';
  const layers = p.layers.map((dirs) => {
    if (!p.bidirectional)
      return {
        layer: makeLayer(kind, p.hiddenSize, p.nonlinearity) as tf.layers.Layer,
        weights: kerasWeights(dirs[0]),
      };
    return {
      layer: tf.layers.bidirectional({
        layer: makeLayer(kind, p.hiddenSize, p.nonlinearity),
        mergeMode: 'concat',
      }) as tf.layers.Layer,
      weights: [...kerasWeights(dirs[0]), ...kerasWeights(dirs[1])],
    };
  });
  return runKeras(layers, xs);
}

const sizes = fc.record({
  I: fc.integer({ min: 1, max: 5 }),
  H: fc.integer({ min: 1, max: 5 }),
  T: fc.integer({ min: 1, max: 8 }),
  seed: fc.integer({ min: 0, max: 1e6 }),
});

describe('against tfjs (float32, CPU backend)', () => {
  it('LSTM with initial states equals tf.layers.lstm', () => {
    fc.assert(
      fc.property(sizes, ({ I, H, T, seed }) => {
        const p = initLstm(I, H, seed, 'torch');
        const xs = testSequence(seed, T, I, 2);
        const h0 = testValues(seed + 1, H);
        const c0 = testValues(seed + 2, H);
        const ours = lstmForward(p, fromRows(xs), Float64Array.from(h0), Float64Array.from(c0));
        const initial = [tf.tensor2d([h0]), tf.tensor2d([c0])];
        const theirs = runKeras([{ layer: makeLayer('lstm', H), weights: kerasWeights(p) }], xs, initial);
        tf.dispose(initial);
        expect(maxDiff(nested(ours.output), theirs)).toBeLessThan(TOL);
      }),
      { numRuns: 12 },
    );
  });

  it('RNN (tanh and relu) equals tf.layers.simpleRNN', () => {
    fc.assert(
      fc.property(sizes, fc.constantFrom('tanh' as const, 'relu' as const), ({ I, H, T, seed }, act) => {
        const p = initRnn(I, H, seed, 'torch', act);
        const xs = testSequence(seed, T, I, 2);
        const h0 = testValues(seed + 1, H);
        const ours = rnnForward(p, fromRows(xs), Float64Array.from(h0));
        const initial = [tf.tensor2d([h0])];
        const theirs = runKeras([{ layer: makeLayer('rnn', H, act), weights: kerasWeights(p) }], xs, initial);
        tf.dispose(initial);
        expect(maxDiff(nested(ours.output), theirs)).toBeLessThan(TOL);
      }),
      { numRuns: 12 },
    );
  });

  it('bidirectional LSTM and RNN equal tf.layers.bidirectional (concat)', () => {
    fc.assert(
      fc.property(sizes, fc.constantFrom('lstm' as const, 'rnn' as const), ({ I, H, T, seed }, kind) => {
        const p = initStack(kind, I, H, 1, true, seed, 'torch');
        const xs = testSequence(seed, T, I, 2);
        expect(maxDiff(nested(stackForward(p, fromRows(xs)).output), kerasStack(p, xs))).toBeLessThan(TOL);
      }),
      { numRuns: 10 },
    );
  });

  it('stacked LSTM/RNN, uni- and bidirectional, equal the same tfjs layers applied in sequence', () => {
    fc.assert(
      fc.property(
        sizes,
        fc.constantFrom('lstm' as const, 'rnn' as const),
        fc.integer({ min: 2, max: 3 }),
        fc.boolean(),
        ({ I, H, T, seed }, kind, L, bi) => {
          const p = initStack(kind, I, H, L, bi, seed, 'torch', kind === 'rnn' ? 'relu' : undefined);
          const xs = testSequence(seed, T, I, 2);
          expect(maxDiff(nested(stackForward(p, fromRows(xs)).output), kerasStack(p, xs))).toBeLessThan(TOL);
        },
      ),
      { numRuns: 10 },
    );
  });

  it('notices a wrong gate order: swapping f and o rows breaks the agreement', () => {
    const I = 3;
    const H = 4;
    const p = initLstm(I, H, 5, 'torch');
    const xs = testSequence(5, 6, I, 2);
    const W_ih = Float64Array.from(p.W_ih.data);
    W_ih.set(p.W_ih.data.subarray(3 * H * I, 4 * H * I), H * I);
    W_ih.set(p.W_ih.data.subarray(H * I, 2 * H * I), 3 * H * I);
    const swapped = { ...p, W_ih: { rows: 4 * H, cols: I, data: W_ih } };
    const theirs = runKeras([{ layer: makeLayer('lstm', H), weights: kerasWeights(p) }], xs);
    expect(maxDiff(nested(lstmForward(p, fromRows(xs)).output), theirs)).toBeLessThan(TOL);
    expect(maxDiff(nested(lstmForward(swapped, fromRows(xs)).output), theirs)).toBeGreaterThan(1e-3);
  });
});

/**
 * The LSTM encoder–decoder against independent paths: tfjs (two tf.layers.lstm, the
 * second started from the first's returned state, and a dense head; float32, 1e-5); a
 * reduction (decoder = encoder weights: the decoder continues one LSTM run over X then
 * Y_in, 1e-12); the naive reference cell for the fed-back decoder; and mutations that
 * the oracles must notice.
 */
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { lstmForward } from '../../../src/core/lstm';
import {
  initLstmSeq2seq,
  lstmSeq2seqFeedBack,
  lstmSeq2seqForward,
  lstmSeq2seqTrace,
  type LstmSeq2seqParams,
} from '../../../src/core/lstm-seq2seq';
import { outputHead } from '../../../src/core/output-head';
import { fromRows, type Matrix } from '../../../src/core/tensor';
import { dot, maxDiff, nested, refCellOf, refLstm, testSequence, testValues, type Mat } from './reference';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const TOL_TF = 1e-5;
const TOL = 1e-12;

const sizes = fc.record({
  I: fc.integer({ min: 1, max: 4 }),
  H: fc.integer({ min: 1, max: 4 }),
  O: fc.integer({ min: 1, max: 4 }),
  Ts: fc.integer({ min: 1, max: 6 }),
  Tt: fc.integer({ min: 1, max: 6 }),
  seed: fc.integer({ min: 0, max: 1e6 }),
});

const keras = (m: Matrix) => tf.tensor2d(Array.from(m.data), [m.rows, m.cols]).transpose();

function lstmLayerWeights(p: LstmSeq2seqParams['encoder']): tf.Tensor[] {
  const bias = p.b_ih.map((v, k) => v + p.b_hh[k]);
  return [keras(p.W_ih), keras(p.W_hh), tf.tensor1d(Array.from(bias))];
}

/** The encoder–decoder in tfjs: returnState on the encoder, initialState on the decoder, a dense head. */
function tfjsSeq2seq(p: LstmSeq2seqParams, xs: Mat, ys: Mat): Mat {
  return tf.tidy(() => {
    const make = () =>
      tf.layers.lstm({
        units: p.encoder.hiddenSize,
        returnSequences: true,
        returnState: true,
        recurrentActivation: 'sigmoid',
      });
    const enc = make();
    const dec = make();
    const x = tf.tensor3d([xs]);
    const y = tf.tensor3d([ys]);
    enc.apply(x);
    enc.setWeights(lstmLayerWeights(p.encoder));
    const [, h, c] = enc.apply(x) as tf.Tensor[];
    dec.apply(y);
    dec.setWeights(lstmLayerWeights(p.decoder));
    const [states] = dec.apply(y, { initialState: [h, c] }) as tf.Tensor[];
    const head = tf.layers.dense({ units: p.W_hy.rows });
    head.apply(states);
    head.setWeights([keras(p.W_hy), tf.tensor1d(Array.from(p.b_y))]);
    return ((head.apply(states) as tf.Tensor).arraySync() as number[][][])[0];
  });
}

function caseOf({
  I,
  H,
  O,
  Ts,
  Tt,
  seed,
}: {
  I: number;
  H: number;
  O: number;
  Ts: number;
  Tt: number;
  seed: number;
}) {
  const p = initLstmSeq2seq(I, H, O, seed, 'torch');
  return { p, xs: testSequence(seed, Ts, I, 2), ys: testSequence(seed + 1, Tt, O, 2) };
}

describe('LSTM encoder–decoder', () => {
  it('with teacher forcing equals two tfjs LSTM layers (returnState → initialState) and a dense head', () => {
    fc.assert(
      fc.property(sizes, (s) => {
        const { p, xs, ys } = caseOf(s);
        const ours = lstmSeq2seqForward(p, fromRows(xs), fromRows(ys));
        expect(maxDiff(nested(ours.yHat), tfjsSeq2seq(p, xs, ys))).toBeLessThan(TOL_TF);
      }),
      { numRuns: 12 },
    );
  });

  it('the tfjs comparison notices a decoder that starts from zeros or gets only h', () => {
    const { p, xs, ys } = caseOf({ I: 3, H: 4, O: 2, Ts: 5, Tt: 4, seed: 11 });
    const theirs = tfjsSeq2seq(p, xs, ys);
    const ours = lstmSeq2seqForward(p, fromRows(xs), fromRows(ys));
    expect(maxDiff(nested(ours.yHat), theirs)).toBeLessThan(TOL_TF);
    const head = (hs: Matrix) =>
      nested(hs).map((h) => Array.from(outputHead(p.W_hy, p.b_y, Float64Array.from(h))));
    const fromZero = lstmForward(p.decoder, fromRows(ys));
    expect(maxDiff(head(fromZero.output), theirs)).toBeGreaterThan(1e-3);
    const onlyH = lstmForward(p.decoder, fromRows(ys), ours.encoder.hN);
    expect(maxDiff(head(onlyH.output), theirs)).toBeGreaterThan(1e-3);
  });

  it('reduces to one LSTM over X then Y_in when the decoder has the encoder weights (O = I)', () => {
    fc.assert(
      fc.property(sizes, ({ I, H, Ts, Tt, seed }) => {
        const base = initLstmSeq2seq(I, H, I, seed, 'torch');
        const p = { ...base, decoder: base.encoder };
        const xs = testSequence(seed, Ts, I, 2);
        const ys = testSequence(seed + 1, Tt, I, 2);
        const ours = lstmSeq2seqForward(p, fromRows(xs), fromRows(ys));
        const whole = lstmForward(p.encoder, fromRows([...xs, ...ys]));
        const tail = (m: Matrix) => nested(m).slice(Ts);
        expect(maxDiff(nested(ours.decoder.output), tail(whole.output))).toBeLessThan(TOL);
        expect(maxDiff(nested(ours.decoder.cells), tail(whole.cells))).toBeLessThan(TOL);
        expect(maxDiff(nested(ours.encoder.output), nested(whole.output).slice(0, Ts))).toBeLessThan(TOL);
      }),
      { numRuns: 30 },
    );
  });

  it('feeding ŷ back equals the naive cell run one step at a time, and teacher forcing on those inputs', () => {
    fc.assert(
      fc.property(sizes, ({ I, H, O, Ts, Tt, seed }) => {
        const p = initLstmSeq2seq(I, H, O, seed, 'hand');
        const xs = testSequence(seed, Ts, I, 1);
        const start = testValues(seed + 3, O);
        const run = lstmSeq2seqFeedBack(p, fromRows(xs), Float64Array.from(start), Tt);
        const enc = refLstm(refCellOf(p.encoder), xs, new Array(H).fill(0), new Array(H).fill(0));
        let h = enc.hs[Ts - 1];
        let c = enc.cs[Ts - 1];
        let x = start;
        const want: Mat = [];
        const W = nested(p.W_hy);
        for (let t = 0; t < Tt; t++) {
          const step = refLstm(refCellOf(p.decoder), [x], h, c);
          [h, c] = [step.hs[0], step.cs[0]];
          x = W.map((row, k) => dot(row, h) + p.b_y[k]);
          want.push(x);
        }
        expect(maxDiff(nested(run.yHat), want)).toBeLessThan(1e-10);
        const forced = lstmSeq2seqForward(p, fromRows(xs), run.decoderInputs);
        expect(maxDiff(nested(forced.yHat), nested(run.yHat))).toBeLessThan(TOL);
        expect(nested(run.decoderInputs)[0]).toEqual(start);
      }),
      { numRuns: 30 },
    );
  });

  it('traces every intermediate: encoder and decoder gates, the hand-over and ŷ', () => {
    const { p, xs, ys } = caseOf({ I: 2, H: 3, O: 2, Ts: 4, Tt: 3, seed: 5 });
    const run = lstmSeq2seqForward(p, fromRows(xs), fromRows(ys));
    const tr = lstmSeq2seqTrace(p, fromRows(xs), run);
    expect(tr.steps).toBe(3);
    for (const g of [
      'x',
      'h_prev',
      'c_prev',
      'pre_i',
      'pre_f',
      'pre_g',
      'pre_o',
      'i',
      'f',
      'g',
      'o',
      'c',
      'tanh_c',
      'h',
    ]) {
      expect(tr.tensors[`enc_${g}`].length).toBe(4);
      expect(tr.tensors[`dec_${g}`].length).toBe(3);
    }
    expect(Array.from(tr.tensors.handover_h[0])).toEqual(Array.from(run.encoder.hN));
    expect(Array.from(tr.tensors.dec_h_prev[0])).toEqual(Array.from(run.encoder.hN));
    expect(Array.from(tr.tensors.dec_c_prev[0])).toEqual(Array.from(run.encoder.cN));
    expect(Array.from(tr.tensors.y_hat[2])).toEqual(Array.from(run.yHat.data.slice(4, 6)));
  });

  it('refuses mismatched sizes with messages naming the tensor', () => {
    const p = initLstmSeq2seq(2, 3, 2, 1, 'hand');
    expect(() => lstmSeq2seqForward(p, fromRows([[1, 2, 3]]), fromRows([[1, 2]]))).toThrow(
      /X must have 2 columns/,
    );
    expect(() => lstmSeq2seqForward(p, fromRows([[1, 2]]), fromRows([[1]]))).toThrow(
      /Y_in must have 2 columns/,
    );
    const wide = initLstmSeq2seq(2, 3, 2, 1, 'hand', 3);
    expect(() => lstmSeq2seqFeedBack(wide, fromRows([[1, 2]]), Float64Array.of(0, 0), 2)).toThrow(
      /input size to equal O = 2/,
    );
    const other = initLstmSeq2seq(2, 4, 2, 1, 'hand');
    expect(() =>
      lstmSeq2seqForward({ ...p, decoder: other.decoder }, fromRows([[1, 2]]), fromRows([[1, 2]])),
    ).toThrow(/hidden size H = 3/);
  });
});

/**
 * An LSTM encoder–decoder (sequence to sequence), PyTorch gate order, float64. The
 * encoder reads the source X (T_src × I) from a zero state; its final (h, c) is the
 * whole summary of the source the decoder gets: the decoder LSTM starts from it and reads
 * Y_in (T_tgt × O_in). With teacher forcing Y_in is the known target shifted by one step;
 * in the "feed back" variant the decoder reads its own previous prediction ŷ_{t−1} after
 * a given start vector, as at inference time (which needs O = the decoder's input size).
 * A linear head reads every decoder state: ŷ_t = W_hy·h_t + b_y.
 */
import { drawLstm, lstmForward, lstmStep, lstmTrace, type LstmOutput, type LstmParams } from './lstm';
import { outputHead } from './output-head';
import { createRng, drawMatrix, drawVector, type InitStyle } from './random';
import { affineInto, checkSequence, checkVector } from './recurrent-common';
import { matrix, type Matrix, type Vector } from './tensor';
import type { Trace } from './trace';

export interface LstmSeq2seqParams {
  /** I → H */
  readonly encoder: LstmParams;
  /** O_in → H; the same H as the encoder, whose state it starts from. */
  readonly decoder: LstmParams;
  /** O × H */
  readonly W_hy: Matrix;
  /** O */
  readonly b_y: Vector;
}

export interface LstmSeq2seqOutput {
  readonly encoder: LstmOutput;
  /** What the decoder read, T_tgt × O_in: Y_in, or the start vector and the fed-back ŷ. */
  readonly decoderInputs: Matrix;
  readonly decoder: LstmOutput;
  /** T_tgt × O */
  readonly yHat: Matrix;
}

export function checkLstmSeq2seq(p: LstmSeq2seqParams): void {
  const H = p.encoder.hiddenSize;
  if (p.decoder.hiddenSize !== H) {
    throw new RangeError(
      `the decoder must have the encoder's hidden size H = ${H} (it starts from the encoder's state); got ${p.decoder.hiddenSize}`,
    );
  }
  if (p.W_hy.cols !== H) {
    throw new RangeError(`W_hy must have ${H} columns (O × H, H = ${H}); got ${p.W_hy.rows}×${p.W_hy.cols}`);
  }
  checkVector('b_y', p.b_y, p.W_hy.rows);
}

/**
 * Seeded weights in the order a PyTorch module holding `encoder`, `decoder` (nn.LSTM)
 * and `fc` (nn.Linear) lists them: encoder, decoder, then the head with nn.Linear's
 * bound 1/√H. The decoder reads O_in features (default O, as teacher forcing and feed
 * back both need).
 */
export function initLstmSeq2seq(
  I: number,
  H: number,
  O: number,
  seed: number,
  style: InitStyle,
  decoderInputSize = O,
): LstmSeq2seqParams {
  const rng = createRng(seed);
  const encoder = drawLstm(rng, I, H, style);
  const decoder = drawLstm(rng, decoderInputSize, H, style);
  const bound = 1 / Math.sqrt(H);
  return {
    encoder,
    decoder,
    W_hy: drawMatrix(rng, O, H, style, bound),
    b_y: drawVector(rng, O, style, bound),
  };
}

/** ŷ_t for every row of the decoder's states. */
function headRows(p: LstmSeq2seqParams, states: Matrix): Matrix {
  const O = p.W_hy.rows;
  const H = states.cols;
  const out = matrix(states.rows, O);
  const row = new Float64Array(O);
  for (let t = 0; t < states.rows; t++) {
    affineInto(row, p.W_hy, states.data, t * H, p.b_y);
    out.data.set(row, t * O);
  }
  return out;
}

/** Teacher forcing: the decoder reads Y_in (T_tgt × O_in). */
export function lstmSeq2seqForward(p: LstmSeq2seqParams, X: Matrix, Yin: Matrix): LstmSeq2seqOutput {
  checkLstmSeq2seq(p);
  checkSequence(X, p.encoder.inputSize);
  if (Yin.cols !== p.decoder.inputSize) {
    throw new RangeError(
      `Y_in must have ${p.decoder.inputSize} columns (the decoder's input size, one step per row); got ${Yin.rows}×${Yin.cols}`,
    );
  }
  const encoder = lstmForward(p.encoder, X);
  const decoder = lstmForward(p.decoder, Yin, encoder.hN, encoder.cN);
  return { encoder, decoderInputs: Yin, decoder, yHat: headRows(p, decoder.output) };
}

/**
 * Feed back: the decoder reads `start` first, then its own previous prediction, for
 * `steps` steps. Each input depends on the previous step's output, so the decoder runs
 * one step at a time.
 */
export function lstmSeq2seqFeedBack(
  p: LstmSeq2seqParams,
  X: Matrix,
  start: Vector,
  steps: number,
): LstmSeq2seqOutput {
  checkLstmSeq2seq(p);
  checkSequence(X, p.encoder.inputSize);
  const O = p.W_hy.rows;
  const H = p.encoder.hiddenSize;
  if (p.decoder.inputSize !== O) {
    throw new RangeError(
      `feeding ŷ back needs the decoder's input size to equal O = ${O} (the rows of W_hy); got ${p.decoder.inputSize}`,
    );
  }
  checkVector('start', start, O);
  const encoder = lstmForward(p.encoder, X);
  const inputs = matrix(steps, O);
  const output = matrix(steps, H);
  const cells = matrix(steps, H);
  const yHat = matrix(steps, O);
  let h: Vector = encoder.hN;
  let c: Vector = encoder.cN;
  let x: Vector = start;
  for (let t = 0; t < steps; t++) {
    inputs.data.set(x, t * O);
    const r = lstmStep(p.decoder, x, h, c);
    const y = outputHead(p.W_hy, p.b_y, r.h);
    output.data.set(r.h, t * H);
    cells.data.set(r.c, t * H);
    yHat.data.set(y, t * O);
    h = r.h;
    c = r.c;
    x = y;
  }
  const decoder = { output, cells, hN: Float64Array.from(h), cN: Float64Array.from(c) };
  return { encoder, decoderInputs: inputs, decoder, yHat };
}

function prefixed(prefix: string, trace: Trace): Pick<Trace, 'tensors' | 'shapes'> {
  const tensors: Record<string, Float64Array[]> = {};
  const shapes: Record<string, readonly number[]> = {};
  for (const [name, list] of Object.entries(trace.tensors)) {
    tensors[prefix + name] = list;
    shapes[prefix + name] = trace.shapes[name];
  }
  return { tensors, shapes };
}

/**
 * Every intermediate of a pass already run (`lstmSeq2seqForward` or `…FeedBack`):
 * `enc_*` (LSTM trace names, T_src steps), `handover_h` and `handover_c` (the encoder's
 * final state, step 0 only), `dec_*` (T_tgt steps; `dec_x` is what the decoder read,
 * Y_in or the fed-back ŷ), and `y_hat` (O per decoder step). `steps` is T_tgt.
 */
export function lstmSeq2seqTrace(p: LstmSeq2seqParams, X: Matrix, run: LstmSeq2seqOutput): Trace {
  const enc = prefixed('enc_', lstmTrace(p.encoder, X));
  const dec = prefixed('dec_', lstmTrace(p.decoder, run.decoderInputs, run.encoder.hN, run.encoder.cN));
  const O = run.yHat.cols;
  const T = run.yHat.rows;
  const yHat: Float64Array[] = [];
  for (let t = 0; t < T; t++) yHat.push(run.yHat.data.slice(t * O, (t + 1) * O));
  const H = p.encoder.hiddenSize;
  return {
    steps: T,
    tensors: {
      ...enc.tensors,
      handover_h: [Float64Array.from(run.encoder.hN)],
      handover_c: [Float64Array.from(run.encoder.cN)],
      ...dec.tensors,
      y_hat: yHat,
    },
    shapes: { ...enc.shapes, handover_h: [H], handover_c: [H], ...dec.shapes, y_hat: [O] },
  };
}

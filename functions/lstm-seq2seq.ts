/**
 * LSTM.SEQ2SEQ: an LSTM encoder–decoder with teacher forcing. The encoder reads X from
 * zeros; the decoder starts from the encoder's final (h, c), reads Y_in, and a linear
 * head gives ŷ_t = W_hy·h_t + b_y for every decoder step.
 */
import { lstmSeq2seqForward } from '../src/core/lstm-seq2seq';
import { checkSize, expectShape, readMatrix, readOptionalVector, resultRows } from './args';
import { checkCost, checkInputs } from './cost';
import { invalidValue } from './errors';
import { readCellWeights, readSequence, readWhh, type CellWeights, type WeightArgs } from './recurrent-args';

const FN = 'LSTM.SEQ2SEQ';

/** The decoder's W_hh must have the encoder's H: it starts from the encoder's state. */
function readDecoder(H: number, O_in: number, args: WeightArgs): CellWeights {
  const W_hh = readWhh(args.W_hh, 4, 'dec_');
  if (W_hh.cols !== H) {
    expectShape('dec_W_hh', W_hh, 4 * H, H, `4·H × H`, `H = ${H} (the encoder's hidden size, from enc_W_hh)`);
  }
  return readCellWeights(4, O_in, H, args, W_hh, 'dec_', 'O_in');
}

function readHead(H: number, W_hy: unknown, b_y: unknown) {
  const W = readMatrix('W_hy', W_hy, 'O×H (one row per output)');
  if (W.cols !== H) {
    throw invalidValue(
      `W_hy must have ${H} columns (O × H, H = ${H} from enc_W_hh); got ${W.rows}×${W.cols}${W.rows === H ? '; it looks transposed (matrices are out × in, as in PyTorch)' : ''}`,
    );
  }
  const O = checkSize('O', W.rows, 'the rows of W_hy');
  return { W_hy: W, b_y: readOptionalVector('b_y', b_y, O, `O = ${O}, the rows of W_hy`) };
}

/** LSTM.SEQ2SEQ → T_tgt × O: ŷ_t in row t. */
export function lstmSeq2seq(
  X: unknown,
  Y_in: unknown,
  enc_W_ih: unknown,
  enc_W_hh: unknown,
  enc_b_ih: unknown,
  enc_b_hh: unknown,
  dec_W_ih: unknown,
  dec_W_hh: unknown,
  dec_b_ih: unknown,
  dec_b_hh: unknown,
  W_hy: unknown,
  b_y?: unknown,
): number[][] {
  const inputs = checkInputs(FN, [
    X,
    Y_in,
    enc_W_ih,
    enc_W_hh,
    enc_b_ih,
    enc_b_hh,
    dec_W_ih,
    dec_W_hh,
    dec_b_ih,
    dec_b_hh,
    W_hy,
    b_y,
  ]);
  const Xm = readSequence('X', X);
  const Ym = readSequence('Y_in', Y_in, 'O_in');
  const encWhh = readWhh(enc_W_hh, 4, 'enc_');
  const H = checkSize('H', encWhh.cols, 'the columns of enc_W_hh');
  const encoder = readCellWeights(
    4,
    Xm.cols,
    H,
    { W_ih: enc_W_ih, W_hh: enc_W_hh, b_ih: enc_b_ih, b_hh: enc_b_hh },
    encWhh,
    'enc_',
  );
  const decoder = readDecoder(H, Ym.cols, { W_ih: dec_W_ih, W_hh: dec_W_hh, b_ih: dec_b_ih, b_hh: dec_b_hh });
  const head = readHead(H, W_hy, b_y);
  checkCost(FN, { Ts: Xm.rows, I: Xm.cols, H, Tt: Ym.rows, Oin: Ym.cols, O: head.W_hy.rows }, inputs);
  const run = lstmSeq2seqForward({ encoder, decoder, ...head }, Xm, Ym);
  return resultRows(FN, run.yHat);
}

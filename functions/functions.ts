/**
 * The Excel custom functions. This is the one file the metadata generator reads: each
 * JSDoc block below becomes an entry of functions.json (name, parameters, help link),
 * and the build appends one `CustomFunctions.associate(id, fn)` per function, so this
 * file must not call `associate` itself (that would register each function twice) and
 * stays importable in Node, where `CustomFunctions` does not exist.
 *
 * Ranges are typed `any[][]`: typed as numbers, Excel would reject a text cell before
 * our code runs and the user would get a bare #VALUE! without the argument's name.
 * Each wrapper only forwards to its adapter and turns whatever it throws into the
 * runtime's error, so Excel never sees an unhandled exception.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes untyped cell values; the adapters validate them */
import { gruBptt, lstmBptt, rnnBptt } from './bptt';
import { asFunctionError } from './errors';
import { gruSeq, gruStep } from './gru';
import { lstmSeq, lstmStep } from './lstm';
import { lstmSeq2seq } from './lstm-seq2seq';
import { mambaBlock, mambaDiscretize, mambaScan, mambaStep } from './mamba';
import { nnInit, nnSigmoid, nnSilu, nnSoftplus } from './nn';
import { rnnSeq, rnnStep } from './rnn';
import { mlstmSeq, mlstmStep, slstmSeq, slstmStep } from './xlstm';

function call(adapter: () => number[][]): number[][] {
  try {
    return adapter();
  } catch (e) {
    throw asFunctionError(e);
  }
}

/**
 * Logistic sigmoid σ(x) = 1/(1 + e^−x), cell by cell.
 * @customfunction NN.SIGMOID
 * @param x A number or a range of numbers (any shape).
 * @returns σ of every cell, in the same shape as x.
 * @helpurl https://localhost:3000/help/functions.html#nn-sigmoid
 */
export function excelNnSigmoid(x: any[][]): number[][] {
  return call(() => nnSigmoid(x));
}

/**
 * Softplus ln(1 + e^x), cell by cell (the form that never overflows).
 * @customfunction NN.SOFTPLUS
 * @param x A number or a range of numbers (any shape).
 * @returns softplus of every cell, in the same shape as x.
 * @helpurl https://localhost:3000/help/functions.html#nn-softplus
 */
export function excelNnSoftplus(x: any[][]): number[][] {
  return call(() => nnSoftplus(x));
}

/**
 * SiLU (swish) x·σ(x), cell by cell.
 * @customfunction NN.SILU
 * @param x A number or a range of numbers (any shape).
 * @returns SiLU of every cell, in the same shape as x.
 * @helpurl https://localhost:3000/help/functions.html#nn-silu
 */
export function excelNnSilu(x: any[][]): number[][] {
  return call(() => nnSilu(x));
}

/**
 * A seeded random matrix, the same numbers on every machine (the walkthrough sheets' weights).
 * @customfunction NN.INIT
 * @param rows Number of rows (1 to 16384).
 * @param cols Number of columns (1 to 16384); "torch" values lie in ±1/√cols.
 * @param seed Whole-number seed.
 * @param style "torch" (default): uniform ±1/√cols like PyTorch; "hand": integers −2..2.
 * @returns A rows×cols matrix.
 * @helpurl https://localhost:3000/help/functions.html#nn-init
 */
export function excelNnInit(rows: number, cols: number, seed: number, style?: string): number[][] {
  return call(() => nnInit(rows, cols, seed, style));
}

/**
 * One step of a vanilla RNN (PyTorch nn.RNN): h = tanh(W_ih·x + b_ih + W_hh·h_prev + b_hh).
 * @customfunction RNN.STEP
 * @param x Input at this step: a row or a column of I values.
 * @param h_prev Previous hidden state: a row or a column of H values.
 * @param W_ih Input weights, H×I (PyTorch weight_ih_l0).
 * @param W_hh Recurrent weights, H×H (PyTorch weight_hh_l0).
 * @param b_ih Input bias, H values (default zeros).
 * @param b_hh Recurrent bias, H values (default zeros).
 * @param nonlinearity "tanh" (default) or "relu".
 * @returns The new hidden state h as a column (H×1).
 * @helpurl https://localhost:3000/help/functions.html#rnn-step
 */
export function excelRnnStep(
  x: any[][],
  h_prev: any[][],
  W_ih: any[][],
  W_hh: any[][],
  b_ih?: any[][],
  b_hh?: any[][],
  nonlinearity?: string,
): number[][] {
  return call(() => rnnStep(x, h_prev, W_ih, W_hh, b_ih, b_hh, nonlinearity));
}

/**
 * A vanilla RNN over a whole sequence (PyTorch nn.RNN, one layer).
 * @customfunction RNN.SEQ
 * @param X Input sequence, T×I: one time step per row.
 * @param W_ih Input weights, H×I.
 * @param W_hh Recurrent weights, H×H (its columns give H).
 * @param b_ih Input bias, H values (default zeros).
 * @param b_hh Recurrent bias, H values (default zeros).
 * @param h0 Initial hidden state, H values (default zeros).
 * @param nonlinearity "tanh" (default) or "relu".
 * @returns T×H: the hidden state h_t in row t.
 * @helpurl https://localhost:3000/help/functions.html#rnn-seq
 */
export function excelRnnSeq(
  X: any[][],
  W_ih: any[][],
  W_hh: any[][],
  b_ih?: any[][],
  b_hh?: any[][],
  h0?: any[][],
  nonlinearity?: string,
): number[][] {
  return call(() => rnnSeq(X, W_ih, W_hh, b_ih, b_hh, h0, nonlinearity));
}

/**
 * Training a vanilla RNN by hand: the loss ½Σ(ŷ−y)² of ŷ_t = W_hy·h_t + b_y, or a gradient by backpropagation through time.
 * @customfunction RNN.BPTT
 * @param X Input sequence, T×I: one time step per row.
 * @param Y Targets, T×O: one row per step (O = the rows of W_hy).
 * @param W_ih Input weights, H×I.
 * @param W_hh Recurrent weights, H×H (its columns give H).
 * @param b_ih Input bias, H values.
 * @param b_hh Recurrent bias, H values.
 * @param W_hy Output weights, O×H.
 * @param b_y Output bias, O values.
 * @param h0 Initial hidden state, H values (default zeros).
 * @param output "loss" (default, 1×1); a gradient in its parameter's shape: "W_ih", "W_hh", "b_ih", "b_hh", "W_hy", "b_y", "h0" (vectors as a column); or "dh": dL/dh_t, T×H.
 * @returns The loss, or the gradient chosen by output.
 * @helpurl https://localhost:3000/help/functions.html#rnn-bptt
 */
export function excelRnnBptt(
  X: any[][],
  Y: any[][],
  W_ih: any[][],
  W_hh: any[][],
  b_ih: any[][],
  b_hh: any[][],
  W_hy: any[][],
  b_y: any[][],
  h0?: any[][],
  output?: string,
): number[][] {
  return call(() => rnnBptt(X, Y, W_ih, W_hh, b_ih, b_hh, W_hy, b_y, h0, output));
}

/**
 * One LSTM step (PyTorch nn.LSTM): gates i, f, g, o; c = f⊙c_prev + i⊙g; h = o⊙tanh(c).
 * @customfunction LSTM.STEP
 * @param x Input at this step: a row or a column of I values.
 * @param h_prev Previous hidden state: a row or a column of H values.
 * @param c_prev Previous cell state: a row or a column of H values.
 * @param W_ih Input weights, 4H×I, rows stacked i, f, g, o (PyTorch weight_ih_l0).
 * @param W_hh Recurrent weights, 4H×H, rows stacked i, f, g, o (PyTorch weight_hh_l0).
 * @param b_ih Input bias, 4H values (default zeros).
 * @param b_hh Recurrent bias, 4H values (default zeros).
 * @param output "state" (default): H×2 block [h c]; "h" or "c": H×1; "gates": H×4 block [i f g o].
 * @returns The new state [h c] (H×2), or the part chosen by output.
 * @helpurl https://localhost:3000/help/functions.html#lstm-step
 */
export function excelLstmStep(
  x: any[][],
  h_prev: any[][],
  c_prev: any[][],
  W_ih: any[][],
  W_hh: any[][],
  b_ih?: any[][],
  b_hh?: any[][],
  output?: string,
): number[][] {
  return call(() => lstmStep(x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh, output));
}

/**
 * An LSTM over a whole sequence (PyTorch nn.LSTM, one layer).
 * @customfunction LSTM.SEQ
 * @param X Input sequence, T×I: one time step per row.
 * @param W_ih Input weights, 4H×I, rows stacked i, f, g, o.
 * @param W_hh Recurrent weights, 4H×H (its columns give H).
 * @param b_ih Input bias, 4H values (default zeros).
 * @param b_hh Recurrent bias, 4H values (default zeros).
 * @param h0 Initial hidden state, H values (default zeros).
 * @param c0 Initial cell state, H values (default zeros).
 * @param output "h" (default): hidden states; "c": cell states.
 * @returns T×H: h_t (or c_t) in row t.
 * @helpurl https://localhost:3000/help/functions.html#lstm-seq
 */
export function excelLstmSeq(
  X: any[][],
  W_ih: any[][],
  W_hh: any[][],
  b_ih?: any[][],
  b_hh?: any[][],
  h0?: any[][],
  c0?: any[][],
  output?: string,
): number[][] {
  return call(() => lstmSeq(X, W_ih, W_hh, b_ih, b_hh, h0, c0, output));
}

/**
 * Training an LSTM by hand: the loss ½Σ(ŷ−y)² of ŷ_t = W_hy·h_t + b_y, or a gradient by backpropagation through time.
 * @customfunction LSTM.BPTT
 * @param X Input sequence, T×I: one time step per row.
 * @param Y Targets, T×O: one row per step (O = the rows of W_hy).
 * @param W_ih Input weights, 4H×I, rows stacked i, f, g, o.
 * @param W_hh Recurrent weights, 4H×H (its columns give H).
 * @param b_ih Input bias, 4H values.
 * @param b_hh Recurrent bias, 4H values.
 * @param W_hy Output weights, O×H.
 * @param b_y Output bias, O values.
 * @param h0 Initial hidden state, H values (default zeros).
 * @param c0 Initial cell state, H values (default zeros).
 * @param output "loss" (default, 1×1); a gradient in its parameter's shape: "W_ih", "W_hh", "b_ih", "b_hh", "W_hy", "b_y", "h0", "c0" (vectors as a column); or "dh", "dc": dL/dh_t, dL/dc_t, T×H.
 * @returns The loss, or the gradient chosen by output.
 * @helpurl https://localhost:3000/help/functions.html#lstm-bptt
 */
export function excelLstmBptt(
  X: any[][],
  Y: any[][],
  W_ih: any[][],
  W_hh: any[][],
  b_ih: any[][],
  b_hh: any[][],
  W_hy: any[][],
  b_y: any[][],
  h0?: any[][],
  c0?: any[][],
  output?: string,
): number[][] {
  return call(() => lstmBptt(X, Y, W_ih, W_hh, b_ih, b_hh, W_hy, b_y, h0, c0, output));
}

/**
 * An LSTM encoder–decoder with teacher forcing: the encoder reads X from zeros, the decoder starts from its final (h, c) and reads Y_in, and ŷ_t = W_hy·h_t + b_y.
 * @customfunction LSTM.SEQ2SEQ
 * @param X Source sequence, T_src×I: one time step per row.
 * @param Y_in Decoder input, T_tgt×O_in (teacher forcing: the target shifted one step, usually O_in = O).
 * @param enc_W_ih Encoder input weights, 4H×I, rows stacked i, f, g, o (encoder.weight_ih_l0).
 * @param enc_W_hh Encoder recurrent weights, 4H×H (its columns give H).
 * @param enc_b_ih Encoder input bias, 4H values.
 * @param enc_b_hh Encoder recurrent bias, 4H values.
 * @param dec_W_ih Decoder input weights, 4H×O_in (decoder.weight_ih_l0).
 * @param dec_W_hh Decoder recurrent weights, 4H×H, the encoder's H.
 * @param dec_b_ih Decoder input bias, 4H values.
 * @param dec_b_hh Decoder recurrent bias, 4H values.
 * @param W_hy Output weights, O×H (fc.weight).
 * @param b_y Output bias, O values (default zeros).
 * @returns T_tgt×O: ŷ_t in row t.
 * @helpurl https://localhost:3000/help/functions.html#lstm-seq2seq
 */
export function excelLstmSeq2seq(
  X: any[][],
  Y_in: any[][],
  enc_W_ih: any[][],
  enc_W_hh: any[][],
  enc_b_ih: any[][],
  enc_b_hh: any[][],
  dec_W_ih: any[][],
  dec_W_hh: any[][],
  dec_b_ih: any[][],
  dec_b_hh: any[][],
  W_hy: any[][],
  b_y?: any[][],
): number[][] {
  return call(() =>
    lstmSeq2seq(
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
    ),
  );
}

/**
 * One GRU step (PyTorch nn.GRU): gates r, z, n with n = tanh(W_in·x + b_in + r⊙(W_hn·h + b_hn)).
 * @customfunction GRU.STEP
 * @param x Input at this step: a row or a column of I values.
 * @param h_prev Previous hidden state: a row or a column of H values.
 * @param W_ih Input weights, 3H×I, rows stacked r, z, n (PyTorch weight_ih_l0).
 * @param W_hh Recurrent weights, 3H×H, rows stacked r, z, n (PyTorch weight_hh_l0).
 * @param b_ih Input bias, 3H values (default zeros).
 * @param b_hh Recurrent bias, 3H values (default zeros); b_hn sits inside the reset gate.
 * @param output "h" (default): H×1; "gates": H×3 block [r z n].
 * @returns The new hidden state h as a column (H×1), or the gates.
 * @helpurl https://localhost:3000/help/functions.html#gru-step
 */
export function excelGruStep(
  x: any[][],
  h_prev: any[][],
  W_ih: any[][],
  W_hh: any[][],
  b_ih?: any[][],
  b_hh?: any[][],
  output?: string,
): number[][] {
  return call(() => gruStep(x, h_prev, W_ih, W_hh, b_ih, b_hh, output));
}

/**
 * A GRU over a whole sequence (PyTorch nn.GRU, one layer).
 * @customfunction GRU.SEQ
 * @param X Input sequence, T×I: one time step per row.
 * @param W_ih Input weights, 3H×I, rows stacked r, z, n.
 * @param W_hh Recurrent weights, 3H×H (its columns give H).
 * @param b_ih Input bias, 3H values (default zeros).
 * @param b_hh Recurrent bias, 3H values (default zeros).
 * @param h0 Initial hidden state, H values (default zeros).
 * @returns T×H: the hidden state h_t in row t.
 * @helpurl https://localhost:3000/help/functions.html#gru-seq
 */
export function excelGruSeq(
  X: any[][],
  W_ih: any[][],
  W_hh: any[][],
  b_ih?: any[][],
  b_hh?: any[][],
  h0?: any[][],
): number[][] {
  return call(() => gruSeq(X, W_ih, W_hh, b_ih, b_hh, h0));
}

/**
 * Training a GRU by hand: the loss ½Σ(ŷ−y)² of ŷ_t = W_hy·h_t + b_y, or a gradient by backpropagation through time.
 * @customfunction GRU.BPTT
 * @param X Input sequence, T×I: one time step per row.
 * @param Y Targets, T×O: one row per step (O = the rows of W_hy).
 * @param W_ih Input weights, 3H×I, rows stacked r, z, n.
 * @param W_hh Recurrent weights, 3H×H (its columns give H).
 * @param b_ih Input bias, 3H values.
 * @param b_hh Recurrent bias, 3H values (b_hn sits inside r).
 * @param W_hy Output weights, O×H.
 * @param b_y Output bias, O values.
 * @param h0 Initial hidden state, H values (default zeros).
 * @param output "loss" (default, 1×1); a gradient in its parameter's shape: "W_ih", "W_hh", "b_ih", "b_hh", "W_hy", "b_y", "h0" (vectors as a column); or "dh": dL/dh_t, T×H.
 * @returns The loss, or the gradient chosen by output.
 * @helpurl https://localhost:3000/help/functions.html#gru-bptt
 */
export function excelGruBptt(
  X: any[][],
  Y: any[][],
  W_ih: any[][],
  W_hh: any[][],
  b_ih: any[][],
  b_hh: any[][],
  W_hy: any[][],
  b_y: any[][],
  h0?: any[][],
  output?: string,
): number[][] {
  return call(() => gruBptt(X, Y, W_ih, W_hh, b_ih, b_hh, W_hy, b_y, h0, output));
}

/**
 * Discretizes a continuous state-space model cell by cell: Ā = exp(ΔA); B̄ = (exp(ΔA) − 1)/A·B (zoh) or Δ·B (euler).
 * @customfunction MAMBA.DISCRETIZE
 * @param delta Step sizes Δ ≥ 0: a number or a range, e.g. a column with one Δ per channel.
 * @param A State matrix values (negative): a number or a range, e.g. D×N.
 * @param B Input matrix values: a number or a range, e.g. a row with one value per state.
 * @param method "zoh" (default, exact) or "euler" (Δ·B, what mamba_ssm uses).
 * @param output "Abar" (default) or "Bbar".
 * @returns Ā or B̄ in the broadcast shape of delta, A and B (each dimension 1 or shared).
 * @helpurl https://localhost:3000/help/functions.html#mamba-discretize
 */
export function excelMambaDiscretize(
  delta: any[][],
  A: any[][],
  B: any[][],
  method?: string,
  output?: string,
): number[][] {
  return call(() => mambaDiscretize(delta, A, B, method, output));
}

/**
 * One token of the selective scan: h = Ā⊙h_prev + B̄·u; y = C·h + D⊙u.
 * @customfunction MAMBA.STEP
 * @param u Input at this token: a row or a column of D values (one per channel).
 * @param h_prev Previous state, D×N (one row per channel).
 * @param delta Step sizes Δ ≥ 0 at this token, D values.
 * @param A State matrix, D×N (negative values).
 * @param B Input projection at this token, N values (shared by all channels).
 * @param C Output projection at this token, N values (shared by all channels).
 * @param D Skip weights, D values (default: no skip).
 * @param method "zoh" (default) or "euler".
 * @param output "state" (default): the new state, D×N; "y": the output, D×1.
 * @returns The new state h (D×N), or y.
 * @helpurl https://localhost:3000/help/functions.html#mamba-step
 */
export function excelMambaStep(
  u: any[][],
  h_prev: any[][],
  delta: any[][],
  A: any[][],
  B: any[][],
  C: any[][],
  D?: any[][],
  method?: string,
  output?: string,
): number[][] {
  return call(() => mambaStep(u, h_prev, delta, A, B, C, D, method, output));
}

/**
 * The selective scan over a sequence, starting from a zero state.
 * @customfunction MAMBA.SCAN
 * @param U Inputs, T×D: one token per row, one channel per column.
 * @param Delta Step sizes Δ ≥ 0, T×D like U.
 * @param A State matrix, D×N (negative values).
 * @param B Input projections, T×N: one row per token.
 * @param C Output projections, T×N: one row per token.
 * @param D Skip weights, D values (default: no skip).
 * @param Z Gate inputs, T×D (default: no gate); the output is then y⊙SiLU(z).
 * @param method "zoh" (default) or "euler".
 * @param output "y" (default): T×D outputs; "state": the final state, D×N.
 * @returns T×D: y_t in row t, or the final state.
 * @helpurl https://localhost:3000/help/functions.html#mamba-scan
 */
export function excelMambaScan(
  U: any[][],
  Delta: any[][],
  A: any[][],
  B: any[][],
  C: any[][],
  D?: any[][],
  Z?: any[][],
  method?: string,
  output?: string,
): number[][] {
  return call(() => mambaScan(U, Delta, A, B, C, D, Z, method, output));
}

/**
 * The Mamba block (state-spaces/mamba): in_proj, causal conv1d, SiLU, x_proj, softplus Δ, selective scan, gate, out_proj.
 * @customfunction MAMBA.BLOCK
 * @param X Input sequence, T×d_model: one token per row.
 * @param W_in in_proj weights, 2·d_inner×d_model: rows [x; z].
 * @param conv_w conv1d weights, d_inner×d_conv (the last column multiplies the current token).
 * @param conv_b conv1d bias, d_inner values.
 * @param W_x x_proj weights, (dt_rank+2N)×d_inner: rows [δ; B; C].
 * @param W_dt dt_proj weights, d_inner×dt_rank.
 * @param b_dt dt_proj bias, d_inner values.
 * @param A_log A_log, d_inner×N (A = −exp(A_log)).
 * @param D Skip weights, d_inner values.
 * @param W_out out_proj weights, d_model×d_inner.
 * @param method "zoh" (default) or "euler" (what mamba_ssm checkpoints were trained with).
 * @returns T×d_model: the block's output, one token per row.
 * @helpurl https://localhost:3000/help/functions.html#mamba-block
 */
export function excelMambaBlock(
  X: any[][],
  W_in: any[][],
  conv_w: any[][],
  conv_b: any[][],
  W_x: any[][],
  W_dt: any[][],
  b_dt: any[][],
  A_log: any[][],
  D: any[][],
  W_out: any[][],
  method?: string,
): number[][] {
  return call(() => mambaBlock(X, W_in, conv_w, conv_b, W_x, W_dt, b_dt, A_log, D, W_out, method));
}

/**
 * One sLSTM step (xLSTM) with exponential input gate and stabiliser m.
 * @customfunction SLSTM.STEP
 * @param x Input at this step: a row or a column of I values.
 * @param h_prev Previous hidden state, H values.
 * @param c_prev Previous cell state, H values.
 * @param n_prev Previous normaliser state, H values.
 * @param m_prev Previous stabiliser, H values (first step: −1E300 stands for −∞).
 * @param W Input weights, 4H×I, rows stacked i, f, z, o.
 * @param R Recurrent weights, 4H×H, rows stacked i, f, z, o (block-diagonal per head).
 * @param b Bias, 4H values.
 * @param forget "sigmoid" (default) or "exp" forget gate.
 * @param output "state" (default): H×4 block [h c n m]; or "h", "c", "n", "m": H×1.
 * @returns The new state [h c n m] (H×4), or the part chosen by output.
 * @helpurl https://localhost:3000/help/functions.html#slstm-step
 */
export function excelSlstmStep(
  x: any[][],
  h_prev: any[][],
  c_prev: any[][],
  n_prev: any[][],
  m_prev: any[][],
  W: any[][],
  R: any[][],
  b: any[][],
  forget?: string,
  output?: string,
): number[][] {
  return call(() => slstmStep(x, h_prev, c_prev, n_prev, m_prev, W, R, b, forget, output));
}

/**
 * An sLSTM over a whole sequence (xLSTM), from the zero state with m = −∞.
 * @customfunction SLSTM.SEQ
 * @param X Input sequence, T×I: one time step per row.
 * @param W Input weights, 4H×I, rows stacked i, f, z, o.
 * @param R Recurrent weights, 4H×H (its columns give H).
 * @param b Bias, 4H values.
 * @param forget "sigmoid" (default) or "exp" forget gate.
 * @returns T×H: the hidden state h_t in row t.
 * @helpurl https://localhost:3000/help/functions.html#slstm-seq
 */
export function excelSlstmSeq(X: any[][], W: any[][], R: any[][], b: any[][], forget?: string): number[][] {
  return call(() => slstmSeq(X, W, R, b, forget));
}

/**
 * One mLSTM step (xLSTM): matrix memory C = f′C + i′·v·kᵀ, read out with q.
 * @customfunction MLSTM.STEP
 * @param q Query: a row or a column of d_k values.
 * @param k Key, d_k values (scaled by 1/√d_k inside).
 * @param v Value: a row or a column of d_v values.
 * @param i_pre Input gate pre-activation ĩ (one number).
 * @param f_pre Forget gate pre-activation f̃ (one number).
 * @param C_prev Previous memory, d_v×d_k (zeros at the start).
 * @param n_prev Previous normaliser, d_k values (zeros at the start).
 * @param m_prev Previous stabiliser (one number, 0 at the start).
 * @param output "h" (default): d_v×1; or the new state: "C" (d_v×d_k), "n" (d_k×1), "m" (1×1).
 * @returns The output h as a column (d_v×1), or the part of the state chosen by output.
 * @helpurl https://localhost:3000/help/functions.html#mlstm-step
 */
export function excelMlstmStep(
  q: any[][],
  k: any[][],
  v: any[][],
  i_pre: any[][],
  f_pre: any[][],
  C_prev: any[][],
  n_prev: any[][],
  m_prev: any[][],
  output?: string,
): number[][] {
  return call(() => mlstmStep(q, k, v, i_pre, f_pre, C_prev, n_prev, m_prev, output));
}

/**
 * An mLSTM head over a whole sequence (xLSTM), recurrent or parallel form (same result).
 * @customfunction MLSTM.SEQ
 * @param Q Queries, T×d_k: one time step per row.
 * @param K Keys, T×d_k.
 * @param V Values, T×d_v.
 * @param I_pre Input gate pre-activations, T values.
 * @param F_pre Forget gate pre-activations, T values.
 * @param form "recurrent" (default) or "parallel".
 * @returns T×d_v: the output h_t in row t.
 * @helpurl https://localhost:3000/help/functions.html#mlstm-seq
 */
export function excelMlstmSeq(
  Q: any[][],
  K: any[][],
  V: any[][],
  I_pre: any[][],
  F_pre: any[][],
  form?: string,
): number[][] {
  return call(() => mlstmSeq(Q, K, V, I_pre, F_pre, form));
}

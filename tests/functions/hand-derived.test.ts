/**
 * Small cases worked out from the equations in docs/FUNCTIONS.md, written here independently of
 * the core, so a mistake shared by the core and the adapters (a transposed weight, gate
 * blocks in the wrong order, a bias in the wrong place) still shows up.
 */
import { describe, expect, it } from 'vitest';
import { gruStep } from '../../functions/gru';
import { lstmStep } from '../../functions/lstm';
import { lstmSeq2seq } from '../../functions/lstm-seq2seq';
import { mambaDiscretize, mambaStep } from '../../functions/mamba';
import { nnSigmoid, nnSoftplus } from '../../functions/nn';
import { rnnStep } from '../../functions/rnn';
import { mlstmStep, slstmStep } from '../../functions/xlstm';

const sig = (x: number): number => 1 / (1 + Math.exp(-x));

function close(actual: number[][], expected: number[][]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, r) => {
    expect(row.length).toBe(expected[r].length);
    row.forEach((v, c) => expect(Math.abs(v - expected[r][c])).toBeLessThan(1e-12));
  });
}

describe('hand-derived single steps', () => {
  it('NN.SIGMOID and NN.SOFTPLUS match their textbook definitions', () => {
    close(nnSigmoid([[0, 1, -3]]), [[0.5, sig(1), sig(-3)]]);
    close(nnSoftplus([[0], [2]]), [[Math.log(2)], [Math.log(1 + Math.exp(2))]]);
  });

  it('RNN.STEP: h = tanh(W_ih x + b_ih + W_hh h + b_hh) with PyTorch (out × in) layout', () => {
    const W_ih = [
      [1, 2],
      [0, -1],
    ];
    const W_hh = [
      [0.5, 0],
      [0, 0.5],
    ];
    const x = [1, 0.5];
    const h = [0.2, -0.4];
    const b_ih = [0.1, 0];
    const b_hh = [0, -0.1];
    const expected = [0, 1].map((j) => [
      Math.tanh(
        W_ih[j][0] * x[0] + W_ih[j][1] * x[1] + b_ih[j] + W_hh[j][0] * h[0] + W_hh[j][1] * h[1] + b_hh[j],
      ),
    ]);
    close(rnnStep([x], [[h[0]], [h[1]]], W_ih, W_hh, [b_ih], [b_hh]), expected);
    close(
      rnnStep([x], [h], W_ih, W_hh, [b_ih], [b_hh], 'relu'),
      expected.map(([v]) => [Math.max(0, Math.atanh(v))]),
    );
  });

  it('LSTM.STEP: rows of W are i, f, g, o; c = f c_prev + i g; h = o tanh(c)', () => {
    // H = 1, I = 1: each gate's row is one weight, so the order is plain to see.
    const W_ih = [[0.5], [-0.5], [1], [2]];
    const W_hh = [[0.1], [0.2], [0.3], [0.4]];
    const x = 0.7;
    const h = -0.2;
    const c = 0.3;
    const pre = W_ih.map((w, k) => w[0] * x + W_hh[k][0] * h);
    const i = sig(pre[0]);
    const f = sig(pre[1]);
    const g = Math.tanh(pre[2]);
    const o = sig(pre[3]);
    const cNew = f * c + i * g;
    close(lstmStep(x, h, c, W_ih, W_hh), [[o * Math.tanh(cNew), cNew]]);
    close(lstmStep(x, h, c, W_ih, W_hh, null, null, 'gates'), [[i, f, g, o]]);
  });

  it("LSTM.SEQ2SEQ: the decoder starts from the encoder's (h, c); ŷ = W_hy h + b_y", () => {
    // Encoder: I = H = 1, input weights 1, x = 1: every gate sees 1, c = σ(1) tanh(1), h = σ(1) tanh(c).
    const cEnc = sig(1) * Math.tanh(1);
    // Decoder: all weights 0, so i = f = o = ½ and g = 0: c = ½ c_enc; it keeps half the encoder's cell.
    const cDec = 0.5 * cEnc;
    const yHat = 2 * 0.5 * Math.tanh(cDec) + 0.5;
    const ones = [[1], [1], [1], [1]];
    const zeros = [[0], [0], [0], [0]];
    close(lstmSeq2seq(1, 0, ones, zeros, zeros, zeros, zeros, zeros, zeros, zeros, 2, 0.5), [[yHat]]);
    // A second decoder step: c halves again, whatever Y_in says (its weights are 0).
    close(lstmSeq2seq(1, [[3], [-1]], ones, zeros, zeros, zeros, zeros, zeros, zeros, zeros, 2, 0.5), [
      [yHat],
      [2 * 0.5 * Math.tanh(cDec / 2) + 0.5],
    ]);
  });

  it('GRU.STEP: b_hn is multiplied by r (PyTorch), h = (1 − z) n + z h_prev', () => {
    const W_ih = [[0.4], [-0.3], [0.9]];
    const W_hh = [[0.2], [0.5], [-0.7]];
    const b_ih = [[0.1], [0.2], [0.3]];
    const b_hh = [[-0.1], [0.05], [0.6]];
    const x = 1.5;
    const h = 0.25;
    const r = sig(W_ih[0][0] * x + b_ih[0][0] + W_hh[0][0] * h + b_hh[0][0]);
    const z = sig(W_ih[1][0] * x + b_ih[1][0] + W_hh[1][0] * h + b_hh[1][0]);
    const n = Math.tanh(W_ih[2][0] * x + b_ih[2][0] + r * (W_hh[2][0] * h + b_hh[2][0]));
    close(gruStep(x, h, W_ih, W_hh, b_ih, b_hh), [[(1 - z) * n + z * h]]);
    close(gruStep(x, h, W_ih, W_hh, b_ih, b_hh, 'gates'), [[r, z, n]]);
  });

  it('MAMBA.DISCRETIZE: zoh and euler B̄, Ā = exp(ΔA)', () => {
    close(mambaDiscretize(0.5, -2, 3), [[Math.exp(-1)]]);
    close(mambaDiscretize(0.5, -2, 3, 'zoh', 'Bbar'), [[((Math.exp(-1) - 1) / -2) * 3]]);
    close(mambaDiscretize(0.5, -2, 3, 'euler', 'Bbar'), [[1.5]]);
  });

  it('MAMBA.STEP: h = Ā h_prev + B̄ u per channel and state; y = C·h + D u', () => {
    // D = 2 channels, N = 2 states.
    const u = [1, -2];
    const delta = [0.1, 0.3];
    const A = [
      [-1, -2],
      [-0.5, -3],
    ];
    const B = [0.4, -0.6];
    const C = [1.5, 0.5];
    const skip = [0.2, 0.7];
    const hPrev = [
      [0.1, 0.2],
      [0.3, 0.4],
    ];
    const h = A.map((row, d) =>
      row.map((a, n) => Math.exp(delta[d] * a) * hPrev[d][n] + delta[d] * B[n] * u[d]),
    );
    close(mambaStep([u], hPrev, [delta], A, [B], [C], [skip], 'euler'), h);
    const y = h.map((row, d) => [row[0] * C[0] + row[1] * C[1] + skip[d] * u[d]]);
    close(mambaStep([u], hPrev, [delta], A, [B], [C], [skip], 'euler', 'y'), y);
  });

  it('SLSTM.STEP first step: h = σ(õ) tanh(z̃), n = 1, m = ĩ', () => {
    const W = [[0.3], [0.1], [-0.8], [0.6]];
    const R = [[0], [0], [0], [0]];
    const b = [[0.2], [0.4], [0.1], [-0.3]];
    const x = 0.9;
    const pre = W.map((w, k) => w[0] * x + b[k][0]);
    const out = slstmStep(x, 0, 0, 0, -1e300, W, R, b);
    close(out, [[sig(pre[3]) * Math.tanh(pre[2]), Math.tanh(pre[2]), 1, pre[0]]]);
  });

  it('MLSTM.STEP from the zero state: C = i′ v kᵀ/√d, h = C q / max(|nᵀq|, e^−m)', () => {
    const q = [1, 2];
    const k = [0.5, -1];
    const v = [3, -1, 2];
    const iPre = 0.4;
    const fPre = -0.2;
    const logF = Math.log(sig(fPre));
    const m = Math.max(logF, iPre);
    const iS = Math.exp(iPre - m);
    const ks = k.map((kk) => kk / Math.SQRT2);
    const C = v.map((vv) => ks.map((kk) => iS * vv * kk));
    const n = ks.map((kk) => iS * kk);
    const nq = n[0] * q[0] + n[1] * q[1];
    const denom = Math.max(Math.abs(nq), Math.exp(-m));
    const h = C.map((row) => [(row[0] * q[0] + row[1] * q[1]) / denom]);
    const zeroC = [
      [0, 0],
      [0, 0],
      [0, 0],
    ];
    close(mlstmStep([q], [k], [v], iPre, fPre, zeroC, [[0, 0]], 0), h);
    close(mlstmStep([q], [k], [v], iPre, fPre, zeroC, [[0, 0]], 0, 'C'), C);
    close(mlstmStep([q], [k], [v], iPre, fPre, zeroC, [[0, 0]], 0, 'm'), [[m]]);
  });
});

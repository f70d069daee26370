/**
 * The forward band of a training sheet, time left → right: the inputs xₜ, the
 * pre-activations beside the weight rows they come from, the activations (LSTM: the four
 * gates, then cₜ and hₜ), the output head ŷₜ with its target yₜ and error ŷₜ − yₜ, the
 * step loss ℓₜ and the total L. The parameters are written once at the left.
 */
import { dotF, sigmoidF, sumProductF, tanhF } from './formulas';
import { BpttLayout, type Weights } from './bptt-layout';
import { carried } from './kit/flow';
import { Block } from './layout';
import type { CellRole } from './plan';

export interface ForwardRows {
  readonly x: number;
  /** G rows: pre-activation in column 0, activation in column 1. */
  readonly z: number;
  /** LSTM only: H rows, c in column 0 and h in column 1 (the RNN's h is the activation column). */
  readonly state: number;
  /** O rows: ŷ, y, ŷ − y in columns 0, 1, 2. */
  readonly head: number;
  readonly loss: number;
  /** The cell holding L. */
  readonly total: string;
}

export const GATES = ['i', 'f', 'g', 'o'] as const;

type ParamRole = 'weight' | 'recurrentWeight' | 'bias';

function paramBlock(
  L: BpttLayout,
  name: string,
  at: [number, number, number, number],
  data: ArrayLike<number>,
  role: ParamRole,
) {
  const [top, left, rows, cols] = at;
  return L.b.param({
    top,
    left,
    rows,
    cols,
    role,
    param: name,
    caption: name,
    value: (r, c) => data[r * cols + c],
  });
}

/** [W_ih | W_hh | b_ih | b_hh] at `zTop` and [W_hy | b_y] at `headTop`, PyTorch layouts. */
export function writeWeights(L: BpttLayout, zTop: number, headTop: number): Weights {
  const { setup: s } = L;
  const { I, H, G, O } = L.n;
  return {
    W_ih: paramBlock(L, 'W_ih', [zTop, 1, G, I], s.p.W_ih.data, 'weight'),
    W_hh: paramBlock(L, 'W_hh', [zTop, 1 + I, G, H], s.p.W_hh.data, 'recurrentWeight'),
    b_ih: paramBlock(L, 'b_ih', [zTop, 1 + I + H, G, 1], s.p.b_ih, 'bias'),
    b_hh: paramBlock(L, 'b_hh', [zTop, 2 + I + H, G, 1], s.p.b_hh, 'bias'),
    W_hy: paramBlock(L, 'W_hy', [headTop, 1, O, H], s.head.W_hy.data, 'weight'),
    b_y: paramBlock(L, 'b_y', [headTop, 1 + H, O, 1], s.head.b_y, 'bias'),
  };
}

/** The pre-activation of weight row r from the column ranges x and h_{t−1}. */
export function preFormula(w: Weights, r: number, x: string, hPrev: string): string {
  return `${dotF(w.W_ih.rowRef(r, true), x)}+${dotF(w.W_hh.rowRef(r, true), hPrev)}+${w.b_ih.at(r, 0, true)}+${w.b_hh.at(r, 0, true)}`;
}

/** Top row of hₜ: the activation column of the z rows (RNN) or the state rows (LSTM). */
export function hTop(L: BpttLayout, rows: ForwardRows): number {
  return L.kind === 'rnn' ? rows.z : rows.state;
}

/** hₜ as a column range (t = −1: h₀ in the start block). */
export function hRef(L: BpttLayout, rows: ForwardRows, t: number): string {
  return L.vec(hTop(L, rows), L.fcol(t, 1), L.n.H);
}

export function xRef(L: BpttLayout, rows: ForwardRows, t: number): string {
  return L.vec(rows.x, L.fcol(t, 0), L.n.I);
}

/** One computed cell with its trace meaning. */
export function cell(
  L: BpttLayout,
  pos: [number, number],
  formula: string,
  meaning: { trace: string; step: number; flat: number; tensor: string; equation: string; index?: number[] },
  role: CellRole = 'computed',
  numberFormat?: string,
): void {
  const { trace, step, flat, tensor, equation, index } = meaning;
  L.b.put({
    row: pos[0],
    col: pos[1],
    formula: `=${formula}`,
    role,
    numberFormat,
    meaning: {
      model: L.b.model,
      tensor,
      step,
      index: index ?? [flat],
      equation,
      trace: { name: trace, step, flat },
    },
  });
}

/** The inputs of every step and the initial state(s) in the start block. */
function writeGivens(L: BpttLayout, rows: ForwardRows): void {
  const { b, setup: s, n } = L;
  for (let t = 0; t < n.T; t++) {
    b.param({
      top: rows.x,
      left: L.fcol(t),
      rows: n.I,
      cols: 1,
      role: 'input',
      param: 'x',
      tensor: 'x_t',
      step: t,
      value: (r) => s.X.data[t * n.I + r],
      flat: (r) => t * n.I + r,
    });
    b.param({
      top: rows.head,
      left: L.fcol(t, 1),
      rows: n.O,
      cols: 1,
      role: 'input',
      param: 'y',
      tensor: 'y_t',
      step: t,
      value: (r) => s.Y.data[t * n.O + r],
      flat: (r) => t * n.O + r,
    });
  }
  b.param({
    top: hTop(L, rows),
    left: L.fcol(-1, 1),
    rows: n.H,
    cols: 1,
    role: 'state',
    param: 'h0',
    tensor: 'h_0',
    value: (r) => s.h0[r],
  });
  if (L.kind === 'lstm')
    b.param({
      top: rows.state,
      left: L.fcol(-1, 0),
      rows: n.H,
      cols: 1,
      role: 'state',
      param: 'c0',
      tensor: 'c_0',
      value: (r) => s.c0[r],
    });
}

const PRE_TEX = 'W_{ih} x_t + W_{hh} h_{t-1} + b_{ih} + b_{hh}';

function writeRnnCell(L: BpttLayout, w: Weights, rows: ForwardRows, t: number): void {
  for (let j = 0; j < L.n.H; j++) {
    const z: [number, number] = [rows.z + j, L.fcol(t, 0)];
    cell(L, z, preFormula(w, j, xRef(L, rows, t), hRef(L, rows, t - 1)), {
      trace: 'pre',
      step: t,
      flat: j,
      tensor: 'z_t',
      equation: `z_t = ${PRE_TEX}`,
    });
    cell(
      L,
      [z[0], z[1] + 1],
      tanhF(L.at(z[0], z[1])),
      { trace: 'h', step: t, flat: j, tensor: 'h_t', equation: 'h_t = \\tanh(z_t)' },
      'state',
    );
  }
}

function writeLstmCell(L: BpttLayout, w: Weights, rows: ForwardRows, t: number): void {
  const { H } = L.n;
  const act = (k: number, j: number) => L.at(rows.z + k * H + j, L.fcol(t, 1));
  GATES.forEach((gate, k) => {
    for (let j = 0; j < H; j++) {
      const z: [number, number] = [rows.z + k * H + j, L.fcol(t, 0)];
      const pre = L.at(z[0], z[1]);
      cell(L, z, preFormula(w, k * H + j, xRef(L, rows, t), hRef(L, rows, t - 1)), {
        trace: `pre_${gate}`,
        step: t,
        flat: j,
        tensor: `z_{${gate},t}`,
        equation: `z_{${gate},t} = ${PRE_TEX}`,
      });
      const f = gate === 'g' ? tanhF(pre) : sigmoidF(pre);
      const tex = gate === 'g' ? `g_t = \\tanh(z_{g,t})` : `${gate}_t = \\sigma(z_{${gate},t})`;
      cell(
        L,
        [z[0], z[1] + 1],
        f,
        { trace: gate, step: t, flat: j, tensor: `${gate}_t`, equation: tex },
        gate === 'g' ? 'activation' : 'gate',
      );
    }
  });
  for (let j = 0; j < H; j++) {
    const c: [number, number] = [rows.state + j, L.fcol(t, 0)];
    const cPrev = L.at(c[0], L.fcol(t - 1, 0));
    cell(
      L,
      c,
      `${act(1, j)}*${cPrev}+${act(0, j)}*${act(2, j)}`,
      { trace: 'c', step: t, flat: j, tensor: 'c_t', equation: 'c_t = f_t \\odot c_{t-1} + i_t \\odot g_t' },
      'state',
    );
    cell(
      L,
      [c[0], c[1] + 1],
      `${act(3, j)}*${tanhF(L.at(c[0], c[1]))}`,
      { trace: 'h', step: t, flat: j, tensor: 'h_t', equation: 'h_t = o_t \\odot \\tanh(c_t)' },
      'state',
    );
  }
}

/** What step t reads of step t − 1: hₜ₋₁ in every pre-activation, and (LSTM) cₜ₋₁ in cₜ. */
function forwardFlows(L: BpttLayout, rows: ForwardRows, t: number): void {
  const { H, G } = L.n;
  const h = (s: number) => new Block(hTop(L, rows), L.fcol(s, 1), H, 1);
  carried(L.b, { from: h(t - 1), to: new Block(rows.z, L.fcol(t, 0), G, 1), state: 'h', step: t - 1 });
  if (L.kind !== 'lstm') return;
  const c = (s: number) => new Block(rows.state, L.fcol(s, 0), H, 1);
  carried(L.b, { from: c(t - 1), to: c(t), state: 'c', step: t - 1 });
}

/** ŷₜ, the error ŷₜ − yₜ and ℓₜ. */
function writeHead(L: BpttLayout, w: Weights, rows: ForwardRows, t: number): void {
  const { O } = L.n;
  for (let k = 0; k < O; k++) {
    const r = rows.head + k;
    cell(
      L,
      [r, L.fcol(t, 0)],
      `${dotF(w.W_hy.rowRef(k, true), hRef(L, rows, t))}+${w.b_y.at(k, 0, true)}`,
      { trace: 'y_hat', step: t, flat: k, tensor: '\\hat y_t', equation: '\\hat y_t = W_{hy} h_t + b_y' },
      'output',
    );
    cell(L, [r, L.fcol(t, 2)], `${L.at(r, L.fcol(t, 0))}-${L.at(r, L.fcol(t, 1))}`, {
      trace: 'dy',
      step: t,
      flat: k,
      tensor: '\\partial L/\\partial \\hat y_t',
      equation: '\\partial L/\\partial \\hat y_t = \\hat y_t - y_t',
    });
  }
  const e = L.vec(rows.head, L.fcol(t, 2), O);
  cell(
    L,
    [rows.loss, L.fcol(t, 0)],
    `0.5*${sumProductF(e, e)}`,
    {
      trace: 'loss_step',
      step: t,
      flat: 0,
      tensor: '\\ell_t',
      equation: '\\ell_t = \\tfrac12 \\lVert \\hat y_t - y_t \\rVert^2',
    },
    'output',
  );
}

/** The whole forward band from `top` (its caption row); returns its rows and weights. */
export function writeForward(
  L: BpttLayout,
  top: number,
): { rows: ForwardRows; weights: Weights; next: number } {
  const { H, G, I, O, T } = L.n;
  L.b.equation(top, 0, L.text(L.kind === 'rnn' ? 'rnnForward' : 'lstmForward'));
  L.header(top + 1, false);
  const x = top + 2;
  const z = x + I + 1;
  const state = z + G + 1;
  const head = L.kind === 'rnn' ? state : state + H + 1;
  const loss = head + O;
  const total = L.at(loss, 2 + I + H);
  const rows: ForwardRows = { x, z, state, head, loss, total };
  const weights = writeWeights(L, z, head);
  writeGivens(L, rows);
  for (let t = 0; t < T; t++) {
    if (L.kind === 'rnn') writeRnnCell(L, weights, rows, t);
    else writeLstmCell(L, weights, rows, t);
    writeHead(L, weights, rows, t);
    if (t > 0) forwardFlows(L, rows, t);
  }
  L.label(x, 'input');
  L.label(z, L.kind === 'rnn' ? 'zh' : 'gatePre');
  if (L.kind === 'lstm')
    GATES.forEach((g, k) => k > 0 && L.b.text(z + k * H, L.labelCol, `z_${g} │ ${g}`, 'label'));
  if (L.kind === 'lstm') L.label(state, 'cellState');
  L.label(head, 'head');
  L.label(loss, 'stepLoss');
  L.b.text(loss, 1, L.text('totalLoss'), 'label');
  const losses = Array.from({ length: T }, (_, t) => L.at(loss, L.fcol(t, 0))).join('+');
  cell(
    L,
    [loss, 2 + I + H],
    losses,
    { trace: 'loss', step: 0, flat: 0, tensor: 'L', equation: 'L = \\sum_t \\ell_t' },
    'output',
  );
  return { rows, weights, next: loss + 2 };
}

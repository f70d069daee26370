/**
 * The forward band of a training sheet, time left → right: the inputs xₜ, the
 * pre-activations beside the weight rows they come from, the activations (LSTM: the four
 * gates, then cₜ and hₜ), the output head ŷₜ with its target yₜ and error ŷₜ − yₜ, the
 * step loss ℓₜ and the total L. The parameters are written once at the left.
 */
import { dotF, sigmoidF, sumProductF, tanhF } from './formulas';
import { BpttLayout, placed, weightPlaces, type Weights } from './bptt-layout';
import { Block } from './layout';
import type { Matrix } from '../core/tensor';
import { GATES, PARAM_NAMES } from './bptt-model';
import { at, D } from './bptt-terms';
import { carried } from './kit/flow';
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

type ParamRole = 'weight' | 'recurrentWeight' | 'bias';

const ROLES: Readonly<Record<keyof Weights, ParamRole>> = {
  W_ih: 'weight',
  W_hh: 'recurrentWeight',
  b_ih: 'bias',
  b_hh: 'bias',
  W_hy: 'weight',
  b_y: 'bias',
};

/** [W_ih | W_hh | b_ih | b_hh] at `zTop` and [W_hy | b_y] at `headTop`, PyTorch layouts. */
export function writeWeights(L: BpttLayout, zTop: number, headTop: number): Weights {
  const { p, head } = L.setup;
  const data = { ...p, ...head };
  const at = weightPlaces(L.n, zTop, headTop);
  const out = {} as Record<keyof Weights, Block>;
  for (const name of PARAM_NAMES) {
    const d = data[name];
    const values = d instanceof Float64Array ? d : d.data;
    const cols = at[name][3];
    out[name] = L.b.param({
      ...placed(at[name]),
      role: ROLES[name],
      param: name,
      caption: name,
      value: (r, c) => values[r * cols + c],
    });
  }
  return out;
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

/** The meaning of entry `flat` of a per-step tensor, with its written-out term. */
export function stepMeaning(
  trace: string,
  step: number,
  flat: number,
  tensor: string,
  equation: string,
  term?: string,
): CellSpec {
  return { trace, step, flat, tensor, equation, ...(term ? { term } : {}) };
}

/** What `cell` records about a computed cell. */
export interface CellSpec {
  readonly trace: string;
  readonly step: number;
  readonly flat: number;
  readonly tensor: string;
  readonly equation: string;
  readonly index?: number[];
  readonly term?: string;
}

/** One computed cell with its trace meaning. */
export function cell(
  L: BpttLayout,
  pos: [number, number],
  formula: string,
  meaning: CellSpec,
  role: CellRole = 'computed',
  numberFormat?: string,
): void {
  const { trace, step, flat, tensor, equation, index, term } = meaning;
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
      ...(term ? { term } : {}),
      trace: { name: trace, step, flat },
    },
  });
}

/** The inputs of every step and the initial state(s) in the start block. */
function writeGivens(L: BpttLayout, rows: ForwardRows): void {
  const { b, setup: s, n } = L;
  // Row t of X (T × I) and of the targets Y (T × O), as the column of step t.
  const perStep = (name: 'x' | 'y', top: number, col: number, m: Matrix, t: number) =>
    b.param({
      ...placed([top, col, m.cols, 1]),
      role: 'input',
      param: name,
      tensor: `${name}_t`,
      step: t,
      value: (r) => m.data[t * m.cols + r],
      flat: (r) => t * m.cols + r,
    });
  for (let t = 0; t < n.T; t++) {
    perStep('x', rows.x, L.fcol(t), s.X, t);
    perStep('y', rows.head, L.fcol(t, 1), s.Y, t);
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
      term: `${D(at('\\hat y', t, k))} = ${at('\\hat y', t, k)} - ${at('y', t, k)}`,
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

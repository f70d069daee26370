/**
 * The backward band of a training sheet, time right → left (step T in the first block,
 * ∂L/∂h₀ in the last): every derivative of backpropagation through time as its own live
 * formula, the chain rule in the caption above, and a row of ‖∂L/∂hₜ‖ (LSTM also ‖∂L/∂cₜ‖)
 * that the sheet draws with data bars.
 */
import { sumProductF } from './formulas';
import type { BpttLayout, Weights } from './bptt-layout';
import { cell, stepMeaning, type ForwardRows } from './bptt-forward';
import { GATES } from './bptt-model';
import { at, cellFuture, D, dcTerm, fromFuture, fromOutput, gatePreTerm, gateTerm } from './bptt-terms';

export interface BackwardRows {
  /** H rows: ∂L/∂h parts (and the LSTM's ∂L/∂c parts) in columns. */
  readonly unit: number;
  /** LSTM only: 4H rows, gate derivative in column 0, pre-activation derivative in column 1. */
  readonly gate: number;
  readonly norm: number;
  /** The ranges the sheet draws data bars on: ‖∂L/∂hₜ‖ and, for the LSTM, ‖∂L/∂cₜ‖. */
  readonly bars: readonly { readonly row: number; readonly left: number; readonly right: number }[];
}

export const NORM_FORMAT = '0.00E+00';

/** ∂L/∂zₜ (all G rows) as a column range. */
export function daRef(L: BpttLayout, rows: BackwardRows, t: number): string {
  return L.kind === 'rnn' ? L.vec(rows.unit, L.bcol(t, 3), L.n.H) : L.vec(rows.gate, L.bcol(t, 1), L.n.G);
}

/** ∂L/∂zₜ of weight row r as one cell. */
export function daCell(L: BpttLayout, rows: BackwardRows, t: number, r: number): string {
  return L.kind === 'rnn' ? L.at(rows.unit + r, L.bcol(t, 3)) : L.at(rows.gate + r, L.bcol(t, 1));
}

/** ∂L/∂hₜ from the output, from the future, and their sum. */
function writeDh(L: BpttLayout, w: Weights, f: ForwardRows, rows: BackwardRows, t: number): void {
  const { H, O, T } = L.n;
  const n = L.sizes;
  const dy = L.vec(f.head, L.fcol(t, 2), O);
  const dh = D('h_t');
  for (let j = 0; j < H; j++) {
    const r = rows.unit + j;
    const dhj = D(at('h', t, j));
    cell(
      L,
      [r, L.bcol(t, 0)],
      sumProductF(w.W_hy.colRef(j, true), dy),
      stepMeaning(
        'dh_out',
        t,
        j,
        `${dh}\\big|_{\\hat y}`,
        `${dh}\\big|_{\\hat y} = W_{hy}^\\top (\\hat y_t - y_t)`,
        `${dhj}\\big|_{\\hat y} = ${fromOutput(n, t, j)}`,
      ),
    );
    const future = t === T - 1 ? '0' : sumProductF(w.W_hh.colRef(j, true), daRef(L, rows, t + 1));
    cell(
      L,
      [r, L.bcol(t, 1)],
      future,
      stepMeaning(
        'dh_future',
        t,
        j,
        `${dh}\\big|_{t+1}`,
        `${dh}\\big|_{t+1} = W_{hh}^\\top ${D('z_{t+1}')}`,
        `${dhj}\\big|_{${t + 2}} = ${fromFuture(n, t, j)}`,
      ),
    );
    cell(
      L,
      [r, L.bcol(t, 2)],
      `${L.at(r, L.bcol(t, 0))}+${L.at(r, L.bcol(t, 1))}`,
      stepMeaning(
        'dh',
        t,
        j,
        dh,
        `${dh} = W_{hy}^\\top (\\hat y_t - y_t) + W_{hh}^\\top ${D('z_{t+1}')}`,
        `${dhj} = ${fromOutput(n, t, j)}${t === T - 1 ? '' : ` + ${fromFuture(n, t, j)}`}`,
      ),
    );
  }
}

function writeRnnStep(L: BpttLayout, f: ForwardRows, rows: BackwardRows, t: number): void {
  for (let j = 0; j < L.n.H; j++) {
    const r = rows.unit + j;
    const h = L.at(f.z + j, L.fcol(t, 1));
    const term = `${D(at('z', t, j))} = ${D(at('h', t, j))}\\,(1 - ${at('h', t, j)}^2)`;
    cell(
      L,
      [r, L.bcol(t, 3)],
      `${L.at(r, L.bcol(t, 2))}*(1-${h}^2)`,
      stepMeaning('da', t, j, D('z_t'), `${D('z_t')} = ${D('h_t')} \\odot (1 - h_t^2)`, term),
    );
  }
}

/** ∂L/∂cₜ: through hₜ, plus the additive path from cₜ₊₁. */
function writeDc(L: BpttLayout, f: ForwardRows, rows: BackwardRows, t: number): void {
  const { H, T } = L.n;
  for (let j = 0; j < H; j++) {
    const r = rows.unit + j;
    const future = t === T - 1 ? '0' : `${L.at(r, L.bcol(t + 1, 4))}*${L.at(f.z + H + j, L.fcol(t + 1, 1))}`;
    const path = `${D('c_{t+1}')} \\odot f_{t+1}`;
    cell(
      L,
      [r, L.bcol(t, 3)],
      future,
      stepMeaning(
        'dc_future',
        t,
        j,
        path,
        path,
        `${D(at('c', t, j))}\\big|_{${t + 2}} = ${cellFuture(L.sizes, t, j)}`,
      ),
    );
    const o = L.at(f.z + 3 * H + j, L.fcol(t, 1));
    const c = L.at(f.state + j, L.fcol(t, 0));
    const formula = `${L.at(r, L.bcol(t, 2))}*${o}*(1-TANH(${c})^2)+${L.at(r, L.bcol(t, 3))}`;
    const equation = `${D('c_t')} = ${D('h_t')} \\odot o_t \\odot (1 - \\tanh^2 c_t) + ${path}`;
    cell(L, [r, L.bcol(t, 4)], formula, stepMeaning('dc', t, j, D('c_t'), equation, dcTerm(L.sizes, t, j)));
  }
}

const GATE_TEX = [
  `${D('c_t')} \\odot g_t`,
  `${D('c_t')} \\odot c_{t-1}`,
  `${D('c_t')} \\odot i_t`,
  `${D('h_t')} \\odot \\tanh c_t`,
];

/** The four gate derivatives and, through σ′ = σ(1 − σ) or tanh′ = 1 − g², ∂L/∂z of each gate. */
function writeGates(L: BpttLayout, f: ForwardRows, rows: BackwardRows, t: number): void {
  const { H } = L.n;
  const act = (k: number, j: number) => L.at(f.z + k * H + j, L.fcol(t, 1));
  for (let j = 0; j < H; j++) {
    const dc = L.at(rows.unit + j, L.bcol(t, 4));
    const dh = L.at(rows.unit + j, L.bcol(t, 2));
    const c = L.at(f.state + j, L.fcol(t, 0));
    const cPrev = L.at(f.state + j, L.fcol(t - 1, 0));
    const dGate = [`${dc}*${act(2, j)}`, `${dc}*${cPrev}`, `${dc}*${act(0, j)}`, `${dh}*TANH(${c})`];
    GATES.forEach((gate, k) => {
      const r = rows.gate + k * H + j;
      const dg = D(`${gate}_t`);
      cell(
        L,
        [r, L.bcol(t, 0)],
        dGate[k],
        stepMeaning(`d_${gate}`, t, j, dg, `${dg} = ${GATE_TEX[k]}`, gateTerm(t, j, k)),
      );
      const d = L.at(r, L.bcol(t, 0));
      const a = act(k, j);
      const deriv = gate === 'g' ? `(1-${a}^2)` : `${a}*(1-${a})`;
      const derivTex = gate === 'g' ? '(1 - g_t^2)' : `${gate}_t (1 - ${gate}_t)`;
      const dz = D(`z_{${gate},t}`);
      cell(
        L,
        [r, L.bcol(t, 1)],
        `${d}*${deriv}`,
        stepMeaning(
          `da_${gate}`,
          t,
          j,
          dz,
          `${dz} = ${dg} \\odot ${derivTex}`,
          gatePreTerm(L.sizes, t, j, k),
        ),
      );
    });
  }
}

/** ∂L/∂h₀ (and ∂L/∂c₀) in the block after step 1: what the sequence sends back to its start. */
function writeStart(L: BpttLayout, w: Weights, f: ForwardRows, rows: BackwardRows): void {
  const { H } = L.n;
  for (let j = 0; j < H; j++) {
    const r = rows.unit + j;
    const dh0 = `${D('h_0')} = W_{hh}^\\top ${D('z_1')}`;
    cell(
      L,
      [r, L.bcol(-1, 0)],
      sumProductF(w.W_hh.colRef(j, true), daRef(L, rows, 0)),
      stepMeaning('dh0', 0, j, D('h_0'), dh0, `${D(at('h', -1, j))} = ${fromFuture(L.sizes, -1, j)}`),
    );
    if (L.kind === 'lstm')
      cell(
        L,
        [r, L.bcol(-1, 1)],
        `${L.at(r, L.bcol(0, 4))}*${L.at(f.z + H + j, L.fcol(0, 1))}`,
        stepMeaning(
          'dc0',
          0,
          j,
          D('c_0'),
          `${D('c_0')} = ${D('c_1')} \\odot f_1`,
          `${D(at('c', -1, j))} = ${cellFuture(L.sizes, -1, j)}`,
        ),
      );
  }
}

function writeNorms(L: BpttLayout, rows: BackwardRows, t: number): void {
  const { H } = L.n;
  const norm = (row: number, col: number, trace: string, of: string) => {
    const v = L.vec(rows.unit, L.bcol(t, col), H);
    cell(
      L,
      [row, L.bcol(t, 0)],
      `SQRT(${sumProductF(v, v)})`,
      {
        trace,
        step: t,
        flat: 0,
        tensor: `\\lVert ${D(of)} \\rVert`,
        equation: `\\lVert ${D(of)} \\rVert = \\sqrt{\\textstyle\\sum_j (${D(of)})_j^2}`,
      },
      'output',
      NORM_FORMAT,
    );
  };
  norm(rows.norm, 2, 'dh_norm', 'h_t');
  if (L.kind === 'lstm') norm(rows.norm + 1, 4, 'dc_norm', 'c_t');
}

/** What each column of a backward block holds, over every block. */
function writeCaptions(L: BpttLayout, rows: BackwardRows, row: number): void {
  const lstm = L.kind === 'lstm';
  const units = [
    L.text('fromOutput'),
    L.text('fromFuture'),
    '∂L/∂h_t',
    ...(lstm ? [L.text('viaCell'), '∂L/∂c_t'] : ['∂L/∂z_t']),
  ];
  for (let t = 0; t < L.n.T; t++) {
    units.forEach((text, c) => L.b.text(row, L.bcol(t, c), text, 'header'));
    if (lstm)
      ['∂L/∂gate', '∂L/∂z'].forEach((text, c) => L.b.text(rows.gate - 1, L.bcol(t, c), text, 'header'));
  }
  ['∂L/∂h_0', ...(lstm ? ['∂L/∂c_0'] : [])].forEach((text, c) =>
    L.b.text(row, L.bcol(-1, c), text, 'header'),
  );
}

/** The whole backward band from `top` (its caption row). */
export function writeBackward(
  L: BpttLayout,
  w: Weights,
  f: ForwardRows,
  top: number,
  long: boolean,
): { rows: BackwardRows; next: number } {
  const { H, G, T } = L.n;
  const lstm = L.kind === 'lstm';
  L.b.equation(top, 0, L.text(lstm ? 'lstmBackward' : 'rnnBackward'));
  L.header(top + 1, true);
  const unit = top + 3;
  const gate = unit + H + 1;
  const norm = lstm ? gate + G + 1 : unit + H + 1;
  const span = (row: number) => ({ row, left: L.bcol(T - 1), right: L.bcol(0) });
  const rows: BackwardRows = { unit, gate, norm, bars: lstm ? [span(norm), span(norm + 1)] : [span(norm)] };
  for (let t = T - 1; t >= 0; t--) {
    writeDh(L, w, f, rows, t);
    if (lstm) {
      writeDc(L, f, rows, t);
      writeGates(L, f, rows, t);
    } else writeRnnStep(L, f, rows, t);
    writeNorms(L, rows, t);
  }
  writeStart(L, w, f, rows);
  writeCaptions(L, rows, top + 2);
  L.label(unit, 'units');
  if (lstm) L.label(gate - 1, 'lstmGates');
  if (lstm) GATES.forEach((g, k) => L.b.text(gate + k * H, L.labelCol, `∂L/∂${g} │ ∂L/∂z_${g}`, 'label'));
  L.label(norm, 'dhNorm');
  if (lstm) L.label(norm + 1, 'dcNorm');
  const after = norm + (lstm ? 2 : 1);
  L.b.text(after, L.labelCol, L.text(long ? 'vanishLong' : 'vanish'), 'note');
  return { rows, next: after + 2 };
}

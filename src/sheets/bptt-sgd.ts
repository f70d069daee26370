/**
 * The last bands of a training sheet: one SGD step W′ = W − η·s·∂L/∂W (s clips the
 * global gradient norm to c) written beside the old weights' layout, then the forward pass
 * again with W′ (h′ₜ, ŷ′ₜ, ℓ′ₜ) and the new loss L′ next to the old one.
 */
import { dotF, sigmoidF, sumProductF, tanhF } from './formulas';
import { PARAM_NAMES } from './bptt-model';
import { placed, weightPlaces, type BpttLayout, type Weights } from './bptt-layout';
import { cell, preFormula, xRef, hRef, type ForwardRows } from './bptt-forward';
import type { Gradients } from './bptt-gradients';
import { carried } from './kit/flow';
import { Block } from './layout';
import { t } from '../i18n';
import type { CellPos } from './plan';
import { newWeightTerm } from './bptt-terms';

interface Step {
  readonly eta: string;
  readonly scale: string;
}

/** η, c, ‖g‖ and s as a column of labelled cells at the left; returns η and s. */
function writeScalars(L: BpttLayout, g: Gradients, top: number): Step {
  const col = L.n.I + L.n.H + 2;
  const scalar = (row: number, name: 'eta' | 'clip', value: number) =>
    L.b.param({
      top: row,
      left: col,
      rows: 1,
      cols: 1,
      role: 'bias',
      param: name,
      tensor: name === 'eta' ? '\\eta' : 'c',
      value: () => value,
      numberFormat: 'General',
    });
  L.b.text(top, 1, L.text('eta'), 'label');
  L.b.text(top + 1, 1, L.text('clip'), 'label');
  L.b.text(top + 2, 1, L.text('norm'), 'label');
  L.b.text(top + 3, 1, L.text('scale'), 'label');
  scalar(top, 'eta', L.setup.eta);
  scalar(top + 1, 'clip', L.setup.clip);
  const squares = PARAM_NAMES.map((k) => sumProductF(g[k].ref(true), g[k].ref(true))).join('+');
  const norm = L.at(top + 2, col);
  const clip = L.at(top + 1, col, true);
  cell(
    L,
    [top + 2, col],
    `SQRT(${squares})`,
    {
      trace: 'grad_norm',
      step: 0,
      flat: 0,
      tensor: '\\lVert g \\rVert',
      equation: '\\lVert g \\rVert = \\sqrt{\\textstyle\\sum_W \\lVert \\partial L/\\partial W \\rVert^2}',
    },
    'output',
  );
  cell(
    L,
    [top + 3, col],
    `IF(${norm}>${clip},${clip}/${norm},1)`,
    { trace: 'clip_scale', step: 0, flat: 0, tensor: 's', equation: 's = \\min(1, c / \\lVert g \\rVert)' },
    'output',
  );
  return { eta: L.at(top, col, true), scale: L.at(top + 3, col, true) };
}

function writeNewWeights(
  L: BpttLayout,
  w: Weights,
  g: Gradients,
  s: Step,
  top: number,
  head: number,
): Weights {
  const at = weightPlaces(L.n, top, head);
  const out = {} as Record<keyof Weights, Block>;
  for (const k of PARAM_NAMES) {
    const old = w[k];
    out[k] = L.b.computed({
      ...placed(at[k]),
      role: 'output',
      caption: `${k}′`,
      trace: `new_${k}`,
      step: 0,
      tensor: `${k}'`,
      equation: `${k}' = ${k} - \\eta\\, s\\, \\partial L/\\partial ${k}`,
      formula: (r, c) => `${old.at(r, c, true)}-${s.eta}*${s.scale}*${g[k].at(r, c, true)}`,
      term: (r, c) => newWeightTerm(k, r, c, old.cols === 1),
    });
  }
  return out;
}

/** h′ₜ (LSTM: c′ₜ and h′ₜ) with the new weights, in the rows of the new weight block. */
function writeNewCell(L: BpttLayout, f: ForwardRows, w: Weights, top: number, t: number): void {
  const { H } = L.n;
  const hPrev = t === 0 ? hRef(L, f, -1) : L.vec(top, L.fcol(t - 1, 1), H);
  const z = (r: number) => preFormula(w, r, xRef(L, f, t), hPrev);
  for (let j = 0; j < H; j++) {
    const meaning = (trace: string, tensor: string, equation: string) => ({
      trace,
      step: t,
      flat: j,
      tensor,
      equation,
    });
    if (L.kind === 'rnn') {
      cell(
        L,
        [top + j, L.fcol(t, 1)],
        tanhF(z(j)),
        meaning('h_new', "h'_t", "h'_t = \\tanh(W'_{ih} x_t + W'_{hh} h'_{t-1} + b'_{ih} + b'_{hh})"),
        'state',
      );
      continue;
    }
    const cPrev = t === 0 ? L.at(f.state + j, L.fcol(-1, 0)) : L.at(top + j, L.fcol(t - 1, 0));
    const c = `${sigmoidF(z(H + j))}*${cPrev}+${sigmoidF(z(j))}*${tanhF(z(2 * H + j))}`;
    cell(
      L,
      [top + j, L.fcol(t, 0)],
      c,
      meaning('c_new', "c'_t", "c'_t = f'_t \\odot c'_{t-1} + i'_t \\odot g'_t"),
      'state',
    );
    const h = `${sigmoidF(z(3 * H + j))}*${tanhF(L.at(top + j, L.fcol(t, 0)))}`;
    cell(L, [top + j, L.fcol(t, 1)], h, meaning('h_new', "h'_t", "h'_t = o'_t \\odot \\tanh(c'_t)"), 'state');
  }
}

/** What step t of the forward pass with the new weights reads of step t − 1: h′ₜ₋₁ (LSTM: and c′ₜ₋₁). */
function newCellFlows(L: BpttLayout, top: number, t: number): void {
  const { H } = L.n;
  const h = (s: number) => new Block(top, L.fcol(s, 1), H, 1);
  // The LSTM's c′ₜ and h′ₜ both read h′ₜ₋₁ through their gates; the RNN's h′ₜ alone.
  const reads = L.kind === 'lstm' ? new Block(top, L.fcol(t, 0), H, 2) : h(t);
  carried(L.b, { from: h(t - 1), to: reads, state: 'h′', step: t - 1 });
  if (L.kind !== 'lstm') return;
  const c = (s: number) => new Block(top, L.fcol(s, 0), H, 1);
  carried(L.b, { from: c(t - 1), to: c(t), state: 'c′', step: t - 1 });
}

function writeNewHead(
  L: BpttLayout,
  f: ForwardRows,
  w: Weights,
  top: number,
  head: number,
  t: number,
): string {
  const { H, O } = L.n;
  const errors: string[] = [];
  for (let k = 0; k < O; k++) {
    const r = head + k;
    const h = L.vec(top, L.fcol(t, 1), H);
    cell(
      L,
      [r, L.fcol(t, 0)],
      `${dotF(w.W_hy.rowRef(k, true), h)}+${w.b_y.at(k, 0, true)}`,
      {
        trace: 'y_hat_new',
        step: t,
        flat: k,
        tensor: "\\hat y'_t",
        equation: "\\hat y'_t = W'_{hy} h'_t + b'_y",
      },
      'output',
    );
    errors.push(`(${L.at(r, L.fcol(t, 0))}-${L.at(f.head + k, L.fcol(t, 1))})^2`);
  }
  return errors.join('+');
}

/** Where the SGD band put what the "What to try" box points at, and the next free row. */
export interface SgdCells {
  /** The learning rate η, a cell the learner edits. */
  readonly eta: CellPos;
  /** L′ − L (A1): below 0 when the step lowered the loss. */
  readonly lossChange: string;
  readonly next: number;
}

/** The SGD band and the forward pass with W′, from `top`, then L′ − L. */
export function writeSgd(L: BpttLayout, f: ForwardRows, w: Weights, g: Gradients, top: number): SgdCells {
  const { G, O, T } = L.n;
  L.b.equation(top, 0, L.text('sgd'));
  L.header(top + 1, false);
  const step = writeScalars(L, g, top + 2);
  const wTop = top + 8;
  const head = wTop + G + 1;
  const lossRow = head + O;
  const next = writeNewWeights(L, w, g, step, wTop, head);
  L.label(wTop, L.kind === 'rnn' ? 'newState' : 'newCellState');
  L.label(head, 'newHead');
  L.label(lossRow, 'newStepLoss');
  for (let t = 0; t < T; t++) {
    writeNewCell(L, f, next, wTop, t);
    if (t > 0) newCellFlows(L, wTop, t);
    const sq = writeNewHead(L, f, next, wTop, head, t);
    cell(
      L,
      [lossRow, L.fcol(t, 0)],
      `0.5*(${sq})`,
      {
        trace: 'loss_step_new',
        step: t,
        flat: 0,
        tensor: "\\ell'_t",
        equation: "\\ell'_t = \\tfrac12 \\lVert \\hat y'_t - y_t \\rVert^2",
      },
      'output',
    );
  }
  const col = L.n.I + L.n.H + 2;
  L.b.text(lossRow, 1, L.text('newLoss'), 'label');
  const sum = Array.from({ length: T }, (_, t) => L.at(lossRow, L.fcol(t, 0))).join('+');
  cell(
    L,
    [lossRow, col],
    sum,
    { trace: 'loss_new', step: 0, flat: 0, tensor: "L'", equation: "L' = \\sum_t \\ell'_t" },
    'output',
  );
  const changeRow = lossRow + 1;
  L.b.text(changeRow, 1, t(L.b.language, 'sheets.training.lossChange'), 'label');
  cell(
    L,
    [changeRow, col],
    `${L.at(lossRow, col)}-${f.total}`,
    { trace: 'loss_change', step: 0, flat: 0, tensor: "L' - L", equation: "L' - L" },
    'output',
  );
  return { eta: { row: top + 2, col }, lossChange: L.at(changeRow, col), next: changeRow + 2 };
}

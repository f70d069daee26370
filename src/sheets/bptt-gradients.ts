/**
 * The gradient band of a training sheet: under every backward step its contribution to
 * each weight gradient (an outer product, one formula per entry), and at the left, beside
 * the weight rows they belong to, the accumulated gradients — the sums over all steps.
 */
import type { Block } from './layout';
import { PARAM_NAMES } from './bptt-model';
import { placed, weightPlaces, type BpttLayout, type Weights } from './bptt-layout';
import { daCell, type BackwardRows } from './bptt-backward';
import { hTop, type ForwardRows } from './bptt-forward';
import { D, gradientTerm, stepGradientTerm } from './bptt-terms';

/** The accumulated gradients, one block per trained tensor beside it. */
export type Gradients = Weights;

interface Contribution {
  readonly trace: string;
  readonly tensor: string;
  readonly equation: string;
  readonly rows: number;
  readonly cols: number;
  readonly top: number;
  readonly offset: number;
  readonly entry: (t: number, r: number, c: number) => string;
  readonly term: (t: number, r: number, c: number) => string;
}

function contributions(
  L: BpttLayout,
  f: ForwardRows,
  b: BackwardRows,
  top: number,
  head: number,
): Contribution[] {
  const { I, H, G, O } = L.n;
  const ht = hTop(L, f);
  return [
    {
      trace: 'dW_ih_step',
      tensor: `${D('z_t')} x_t^\\top`,
      equation: `\\Delta_t ${D('W_{ih}')} = ${D('z_t')} x_t^\\top`,
      rows: G,
      cols: I,
      top,
      offset: 0,
      entry: (t, r, c) => `${daCell(L, b, t, r)}*${L.at(f.x + c, L.fcol(t, 0))}`,
      term: (t, r, c) => stepGradientTerm(L.sizes, 'W_ih', t, r, c),
    },
    {
      trace: 'dW_hh_step',
      tensor: `${D('z_t')} h_{t-1}^\\top`,
      equation: `\\Delta_t ${D('W_{hh}')} = ${D('z_t')} h_{t-1}^\\top`,
      rows: G,
      cols: H,
      top,
      offset: I,
      entry: (t, r, c) => `${daCell(L, b, t, r)}*${L.at(ht + c, L.fcol(t - 1, 1))}`,
      term: (t, r, c) => stepGradientTerm(L.sizes, 'W_hh', t, r, c),
    },
    {
      trace: 'dW_hy_step',
      tensor: '(\\hat y_t - y_t) h_t^\\top',
      equation: `\\Delta_t ${D('W_{hy}')} = (\\hat y_t - y_t) h_t^\\top`,
      rows: O,
      cols: H,
      top: head,
      offset: 0,
      entry: (t, r, c) => `${L.at(f.head + r, L.fcol(t, 2))}*${L.at(ht + c, L.fcol(t, 1))}`,
      term: (t, r, c) => stepGradientTerm(L.sizes, 'W_hy', t, r, c),
    },
  ];
}

/** Σ over steps of entry (r, c): the cells of every step's contribution block. */
function sumOver(L: BpttLayout, k: Contribution, r: number, c: number): string {
  return Array.from({ length: L.n.T }, (_, t) => L.at(k.top + r, L.bcol(t, k.offset + c))).join('+');
}

/** The band from `top` (its caption row); returns the accumulated gradient blocks. */
export function writeGradients(
  L: BpttLayout,
  f: ForwardRows,
  b: BackwardRows,
  top: number,
): { grads: Gradients; next: number } {
  const { O, T } = L.n;
  L.b.equation(top, 0, L.text('gradients'));
  L.header(top + 1, true);
  const w = top + 3;
  const head = w + L.n.G + 2;
  const parts = contributions(L, f, b, w, head);
  for (const k of parts)
    for (let t = 0; t < T; t++)
      L.b.computed({
        ...placed([k.top, L.bcol(t, k.offset), k.rows, k.cols]),
        role: 'computed',
        trace: k.trace,
        step: t,
        tensor: k.tensor,
        equation: k.equation,
        formula: (r, c) => k.entry(t, r, c),
        term: (r, c) => k.term(t, r, c),
      });
  L.b.text(w - 1, L.labelCol, L.text('stepContrib'), 'label');
  L.b.text(head - 1, L.labelCol, L.text('headContrib'), 'label');
  const daSum = (r: number) => Array.from({ length: T }, (_, t) => daCell(L, b, t, r)).join('+');
  const dySum = (r: number) => Array.from({ length: T }, (_, t) => L.at(f.head + r, L.fcol(t, 2))).join('+');
  const dz = `\\sum_t ${D('z_t')}`;
  const dy = '\\sum_t (\\hat y_t - y_t)';
  // Each accumulated gradient: its sum formula of entry (r, c) and its equation's right side.
  const sums: Record<keyof Gradients, [(r: number, c: number) => string, string]> = {
    W_ih: [(r, c) => sumOver(L, parts[0], r, c), `${dz} x_t^\\top`],
    W_hh: [(r, c) => sumOver(L, parts[1], r, c), `${dz} h_{t-1}^\\top`],
    b_ih: [daSum, dz],
    b_hh: [daSum, dz],
    W_hy: [(r, c) => sumOver(L, parts[2], r, c), `${dy} h_t^\\top`],
    b_y: [dySum, dy],
  };
  const at = weightPlaces(L.n, w, head);
  const grads = {} as Record<keyof Gradients, Block>;
  for (const name of PARAM_NAMES) {
    const of = D(`${name.replace('_', '_{')}}`);
    grads[name] = L.b.computed({
      ...placed(at[name]),
      role: 'output',
      caption: `∂L/∂${name}`,
      trace: `grad_${name}`,
      step: 0,
      tensor: of,
      equation: `${of} = ${sums[name][1]}`,
      formula: sums[name][0],
      term: (r, c) => gradientTerm(L.sizes, name, r, c),
    });
  }
  return { grads, next: head + O + 1 };
}

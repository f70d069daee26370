/**
 * The gradient band of a training sheet: under every backward step its contribution to
 * each weight gradient (an outer product, one formula per entry), and at the left, beside
 * the weight rows they belong to, the accumulated gradients — the sums over all steps.
 */
import type { Block } from './layout';
import type { BpttLayout } from './bptt-layout';
import { daCell, type BackwardRows } from './bptt-backward';
import { hTop, type ForwardRows } from './bptt-forward';
import { D, gradientTerm, stepGradientTerm } from './bptt-terms';

export interface Gradients {
  readonly W_ih: Block;
  readonly W_hh: Block;
  readonly b_ih: Block;
  readonly b_hh: Block;
  readonly W_hy: Block;
  readonly b_y: Block;
}

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

function accumulated(
  L: BpttLayout,
  name: string,
  at: [number, number, number, number],
  formula: (r: number, c: number) => string,
  equation: string,
): Block {
  const [top, left, rows, cols] = at;
  return L.b.computed({
    top,
    left,
    rows,
    cols,
    role: 'output',
    caption: `∂L/∂${name}`,
    trace: `grad_${name}`,
    step: 0,
    tensor: D(name.replace('_', '_{') + '}'),
    equation,
    formula,
    term: (r, c) => gradientTerm(L.sizes, name, r, c),
  });
}

/** The band from `top` (its caption row); returns the accumulated gradient blocks. */
export function writeGradients(
  L: BpttLayout,
  f: ForwardRows,
  b: BackwardRows,
  top: number,
): { grads: Gradients; next: number } {
  const { I, H, G, O, T } = L.n;
  L.b.equation(top, 0, L.text('gradients'));
  L.header(top + 1, true);
  const w = top + 3;
  const head = w + G + 2;
  const parts = contributions(L, f, b, w, head);
  for (const k of parts)
    for (let t = 0; t < T; t++)
      L.b.computed({
        top: k.top,
        left: L.bcol(t, k.offset),
        rows: k.rows,
        cols: k.cols,
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
  const grads: Gradients = {
    W_ih: accumulated(
      L,
      'W_ih',
      [w, 1, G, I],
      (r, c) => sumOver(L, parts[0], r, c),
      `${D('W_{ih}')} = \\sum_t ${D('z_t')} x_t^\\top`,
    ),
    W_hh: accumulated(
      L,
      'W_hh',
      [w, 1 + I, G, H],
      (r, c) => sumOver(L, parts[1], r, c),
      `${D('W_{hh}')} = \\sum_t ${D('z_t')} h_{t-1}^\\top`,
    ),
    b_ih: accumulated(
      L,
      'b_ih',
      [w, 1 + I + H, G, 1],
      (r) => daSum(r),
      `${D('b_{ih}')} = \\sum_t ${D('z_t')}`,
    ),
    b_hh: accumulated(
      L,
      'b_hh',
      [w, 2 + I + H, G, 1],
      (r) => daSum(r),
      `${D('b_{hh}')} = \\sum_t ${D('z_t')}`,
    ),
    W_hy: accumulated(
      L,
      'W_hy',
      [head, 1, O, H],
      (r, c) => sumOver(L, parts[2], r, c),
      `${D('W_{hy}')} = \\sum_t (\\hat y_t - y_t) h_t^\\top`,
    ),
    b_y: accumulated(
      L,
      'b_y',
      [head, 1 + H, O, 1],
      (r) => dySum(r),
      `${D('b_y')} = \\sum_t (\\hat y_t - y_t)`,
    ),
  };
  return { grads, next: head + O + 1 };
}

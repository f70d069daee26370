/**
 * The bands of the sLSTM sheet, each composed from the kit: the four gate bands (weight
 * rows [W | R | b] dotted with the stacked column, then log f, z or o), the state bands
 * m, i′, f′, c, n and h (one value column per step, from earlier bands), and the stacked
 * column [x_t ; h_{t−1} ; 1] itself, written last because h_{t−1} points at the h band.
 */
import { t } from '../i18n';
import type { SlstmForget, SlstmParams } from '../core/slstm';
import type { Matrix } from '../core/tensor';
import { logSigmoidF, sigmoidF, tanhF } from './formulas';
import type { PlainKey } from './i18n';
import type { SheetKit } from './kit/band';
import { carried, carriedAlong } from './kit/flow';
import { openTaughtBand } from './kit/role-column';
import { PRE, VALUE } from './kit/grid';
import { stepOperators } from './kit/labels';
import { dotStep, stepBlocks, stepInputs, type PerStep } from './kit/steps';
import { weightBlock, widened } from './kit/weights';
import { Block } from './layout';
import type { CellRole, Language } from './plan';

type Gate = 'i' | 'f' | 'z' | 'o';
/** PyTorch-style row order of W, R and b. */
export const GATES: readonly Gate[] = ['i', 'f', 'z', 'o'];
const TILDE: Record<Gate, string> = { i: 'ĩ', f: 'f̃', z: 'z̃', o: 'õ' };

/** The sheet's kit and sizes, the starting weights, and the bands written so far by trace name. */
export interface SlstmSheet extends SheetKit {
  readonly lang: Language;
  readonly p: SlstmParams;
  readonly I: number;
  readonly H: number;
  readonly heads: number;
  /** The stacked column [x_t ; h_{t−1} ; 1] of step t. */
  stack(t: number): Block;
  /** Bands written so far: pre-activations under 'pre_i' …, values under their trace names. */
  readonly bands: Map<string, PerStep>;
}

/** The cells of a band written so far at step t. */
function band(s: SlstmSheet, name: string, t: number): Block {
  const cells = s.bands.get(name);
  if (!cells) throw new Error(`no ${name} band yet`);
  return cells(t);
}

function at(s: SlstmSheet, name: string, t: number, r: number): string {
  return band(s, name, t).at(r);
}

function unitLabel(s: SlstmSheet): (r: number) => string {
  const hs = s.H / s.heads;
  return (r) => t(s.lang, 'sheets.slstm.unit', { r: r + 1, k: Math.floor(r / hs) + 1 });
}

/** What a gate's value column shows after its pre-activation: caption, operator, formula, trace, role, TeX. */
function gateValue(gate: Gate, forget: SlstmForget) {
  if (gate === 'f')
    return forget === 'exp'
      ? {
          caption: 'log f_t',
          op: '=',
          fn: (x: string) => x,
          trace: 'log_f',
          role: 'gate',
          tex: '\\log f_t = \\tilde{f}_t',
        }
      : {
          caption: 'log f_t',
          op: 'logσ',
          fn: logSigmoidF,
          trace: 'log_f',
          role: 'gate',
          tex: '\\log f_t = \\log\\sigma(\\tilde{f}_t)',
        };
  if (gate === 'z')
    return {
      caption: 'z_t',
      op: 'tanh',
      fn: tanhF,
      trace: 'z',
      role: 'activation',
      tex: 'z_t = \\tanh(\\tilde{z}_t)',
    };
  return {
    caption: 'o_t',
    op: 'σ',
    fn: sigmoidF,
    trace: 'o',
    role: 'gate',
    tex: 'o_t = \\sigma(\\tilde{o}_t)',
  };
}

/** W, R (head blocks boxed) and b rows of gate g, side by side; returns the whole row [W | R | b]. */
function gateWeights(s: SlstmSheet, top: number, g: number, gate: Gate): Block {
  const { I, H, heads, p } = s;
  const rows = { top, rows: H, rowOffset: g * H } as const;
  // Gate g's rows of the matrix W or R, captioned and named W_g / R_g.
  const gateRows = (param: 'W' | 'R', left: number, role: CellRole): Block => {
    const m = p[param];
    const name = `${param}_${gate}`;
    const cols = m.cols;
    return weightBlock(s.b, {
      ...rows,
      left,
      cols,
      stride: cols,
      role,
      param,
      data: m.data,
      caption: name,
      tensor: name,
      name,
    });
  };
  const W = gateRows('W', s.wCol, 'weight');
  gateRows('R', s.wCol + I, 'recurrentWeight');
  const hs = H / heads;
  for (let k = 0; heads > 1 && k < heads; k++)
    s.b.box({
      top: top + k * hs,
      bottom: top + (k + 1) * hs - 1,
      left: s.wCol + I + k * hs,
      right: s.wCol + I + (k + 1) * hs - 1,
    });
  weightBlock(s.b, {
    ...rows,
    left: s.wCol + I + H,
    cols: 1,
    role: 'bias',
    param: 'b',
    data: p.b,
    caption: `b_${gate}`,
    tensor: `b_${gate}`,
  });
  return widened(W, I + H + 1);
}

/** The four gate bands i, f, z, o: pre-activations, then log f, z and o. */
export function gateBands(s: SlstmSheet): void {
  const forget = s.p.forget;
  const text: Record<Gate, PlainKey> = {
    i: 'sheets.slstm.i',
    f: forget === 'exp' ? 'sheets.slstm.fExp' : 'sheets.slstm.fSigmoid',
    z: 'sheets.slstm.z',
    o: 'sheets.slstm.o',
  };
  for (const [g, gate] of GATES.entries()) {
    const v = gate === 'i' ? undefined : gateValue(gate, forget);
    const captions: [number, string][] = [[PRE, `${TILDE[gate]}_t`]];
    if (v) captions.push([VALUE, v.caption]);
    const top = openTaughtBand(s, {
      equation: t(s.lang, text[gate]),
      rows: s.H,
      label: unitLabel(s),
      captions,
      role: t(s.lang, `sheets.roles.xlstm.${gate}`),
    });
    const pre = dotStep(s, {
      top,
      rows: s.H,
      weights: gateWeights(s, top, g, gate),
      input: (t) => s.stack(t).colRef(),
      trace: `pre_${gate}`,
      tensor: `${TILDE[gate]}_t`,
      equation: `\\tilde{${gate}}_t = W_${gate} x_t + R_${gate} h_{t-1} + b_${gate}`,
    });
    s.bands.set(`pre_${gate}`, pre);
    if (!v) continue;
    stepOperators(s.b, s.grid, top, s.H, v.op);
    s.bands.set(
      v.trace,
      stateStep(s, top, {
        trace: v.trace,
        caption: v.caption,
        role: v.role as CellRole,
        tex: () => v.tex,
        formula: (t, r) => v.fn(pre(t).at(r)),
      }),
    );
  }
}

interface StateStep {
  readonly trace: string;
  readonly caption: string;
  readonly role: CellRole;
  tex(t: number): string;
  /** undefined: no formula at this step (the note is written instead). */
  formula(t: number, r: number): string | undefined;
  readonly note?: string;
  /** The state's name when each step reads its own previous value (m, c, n): the flow between them is recorded. */
  readonly carries?: string;
}

/** One value column per step at VALUE; a step without a formula gets the note instead. */
function stateStep(s: SlstmSheet, top: number, st: StateStep): PerStep {
  for (let t = 0; t < s.grid.steps; t++) {
    if (st.formula(t, 0) === undefined) {
      if (st.note) s.b.text(top, s.grid.col(t, VALUE), st.note, 'note');
      continue;
    }
    s.b.computed({
      top,
      left: s.grid.col(t, VALUE),
      rows: s.H,
      cols: 1,
      role: st.role,
      formula: (r) => st.formula(t, r) as string,
      trace: st.trace,
      step: t,
      tensor: st.caption,
      equation: st.tex(t),
    });
  }
  return stepBlocks(s.grid, top, s.H, VALUE);
}

/** The role line of each state band, by its trace name. */
const STATE_ROLES: Record<string, PlainKey> = {
  m: 'sheets.roles.xlstm.m',
  i_stab: 'sheets.roles.xlstm.iStab',
  f_stab: 'sheets.roles.xlstm.fStab',
  c: 'sheets.roles.slstm.c',
  n: 'sheets.roles.slstm.n',
  h: 'sheets.roles.slstm.h',
};

function stateBand(s: SlstmSheet, text: PlainKey, st: StateStep): void {
  const top = openTaughtBand(s, {
    equation: t(s.lang, text),
    rows: s.H,
    label: unitLabel(s),
    captions: [[VALUE, st.caption]],
    role: t(s.lang, STATE_ROLES[st.trace]),
  });
  // Registered first: a state's formula reads its own previous step.
  const blocks = stepBlocks(s.grid, top, s.H, VALUE);
  s.bands.set(st.trace, blocks);
  stateStep(s, top, st);
  if (st.carries !== undefined) carriedAlong(s.b, blocks, s.grid.steps, st.carries);
}

/**
 * The cell c or the normaliser n: f′_t times its previous value plus `fresh`, the step's
 * new content (only that at t = 1, where the state starts at zero).
 */
function decayedBand(
  s: SlstmSheet,
  text: PlainKey,
  name: 'c' | 'n',
  tex: (t: number) => string,
  fresh: (t: number, r: number) => string,
): void {
  stateBand(s, text, {
    trace: name,
    caption: `${name}_t`,
    role: 'state',
    carries: name,
    tex,
    formula: (t, r) => (t === 0 ? '' : `${at(s, 'f_stab', t, r)}*${at(s, name, t - 1, r)}+`) + fresh(t, r),
  });
}

/** m, i′, f′, c, n and h, each from the bands above it. */
export function stateBands(s: SlstmSheet): void {
  const a = (band: string, t: number, r: number) => at(s, band, t, r);
  // Before the first step m is −∞, so the max is ĩ_1 itself.
  stateBand(s, 'sheets.slstm.m', {
    trace: 'm',
    caption: 'm_t',
    role: 'state',
    carries: 'm',
    tex: (t) => (t === 0 ? 'm_1 = \\tilde{i}_1' : 'm_t = \\max(\\log f_t + m_{t-1},\\ \\tilde{i}_t)'),
    formula: (t, r) =>
      t === 0 ? a('pre_i', t, r) : `MAX(${a('log_f', t, r)}+${a('m', t - 1, r)},${a('pre_i', t, r)})`,
  });
  stateBand(s, 'sheets.slstm.iStab', {
    trace: 'i_stab',
    caption: 'i′_t',
    role: 'gate',
    tex: () => "i'_t = \\exp(\\tilde{i}_t - m_t)",
    formula: (t, r) => `EXP(${a('pre_i', t, r)}-${a('m', t, r)})`,
  });
  stateBand(s, 'sheets.slstm.fStab', {
    trace: 'f_stab',
    caption: 'f′_t',
    role: 'gate',
    tex: () => "f'_t = \\exp(\\log f_t + m_{t-1} - m_t)",
    formula: (t, r) => (t === 0 ? undefined : `EXP(${a('log_f', t, r)}+${a('m', t - 1, r)}-${a('m', t, r)})`),
    note: '0 (m₀ = −∞)',
  });
  decayedBand(
    s,
    'sheets.slstm.c',
    'c',
    (t) => (t === 0 ? "c_1 = i'_1 z_1" : "c_t = f'_t c_{t-1} + i'_t z_t"),
    (t, r) => `${a('i_stab', t, r)}*${a('z', t, r)}`,
  );
  decayedBand(
    s,
    'sheets.slstm.n',
    'n',
    (t) => (t === 0 ? "n_1 = i'_1" : "n_t = f'_t n_{t-1} + i'_t"),
    (t, r) => a('i_stab', t, r),
  );
  stateBand(s, 'sheets.slstm.h', {
    trace: 'h',
    caption: 'h_t',
    role: 'state',
    tex: () => 'h_t = o_t \\odot c_t / n_t',
    formula: (t, r) => `${a('o', t, r)}*${a('c', t, r)}/${a('n', t, r)}`,
  });
}

/** The stacked column [x_t ; h_{t−1} ; 1] of every step: inputs, h_0 = 0 then copies of h, and a 1. */
export function stackColumn(s: SlstmSheet, stackTop: number, X: Matrix): void {
  const { I, H } = s;
  for (let t = 0; t < s.grid.steps; t++) s.b.text(stackTop - 1, s.grid.col(t, PRE), '[x;h;1]', 'label');
  stepInputs(s, { top: stackTop, rows: I, param: 'x', data: X.data, tensor: 'x_t' });
  s.b.param({
    top: stackTop + I,
    left: s.grid.col(0, PRE),
    rows: H,
    cols: 1,
    role: 'state',
    param: 'h0',
    step: 0,
    value: () => 0,
    tensor: 'h_0',
  });
  for (let t = 1; t < s.grid.steps; t++) {
    const copy = s.b.computed({
      top: stackTop + I,
      left: s.grid.col(t, PRE),
      rows: H,
      cols: 1,
      role: 'state',
      formula: (r) => at(s, 'h', t - 1, r),
      trace: 'h_prev',
      step: t,
      tensor: 'h_{t−1}',
      equation: 'h_{t-1}',
    });
    carried(s.b, { from: band(s, 'h', t - 1), to: copy, state: 'h', step: t - 1 });
  }
  for (let t = 0; t < s.grid.steps; t++) s.b.constant(stackTop + I + H, s.grid.col(t, PRE), 1);
}

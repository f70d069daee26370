/**
 * The chain-rule term of one derivative cell of a training sheet, as Explain shows it: the
 * band's equation written out for this entry, with its own step and 1-based indices
 * ("∂L/∂h₃[2] = Σₖ W_hy[k,2]·(ŷ₃[k] − y₃[k]) + Σᵣ W_hh[r,2]·∂L/∂z₄[r]"), so a learner sees
 * exactly which cells feed it. Steps are 0-based in, 1-based out, as the sheet labels them.
 */
import type { BpttKind } from './bptt-model';
import { GATES } from './bptt-model';

export const D = (x: string): string => `\\frac{\\partial L}{\\partial ${x}}`;

/** Sizes the sums run over. */
export interface TermSizes {
  readonly kind: BpttKind;
  readonly H: number;
  /** Rows of W_ih: H (RNN) or 4H (LSTM). */
  readonly G: number;
  readonly O: number;
  readonly T: number;
}

/** Entry i (0-based) of a vector at step t (0-based): "h_{3}[2]". */
export const at = (name: string, t: number, i: number | string): string =>
  `${name}_{${t + 1}}[${typeof i === 'number' ? i + 1 : i}]`;

/** Entry (r, c) of a matrix, 1-based; a symbolic index stays as it is. */
const entry = (name: string, r: number | string, c: number | string): string =>
  `${name}[${typeof r === 'number' ? r + 1 : r},${typeof c === 'number' ? c + 1 : c}]`;

/** The pre-activation of weight row r at step t: zₜ[r] for the RNN, z_{f,t}[j] for the LSTM. */
export function zAt(n: TermSizes, t: number, r: number): string {
  if (n.kind === 'rnn') return at('z', t, r);
  return `z_{${GATES[Math.floor(r / n.H)]},${t + 1}}[${(r % n.H) + 1}]`;
}

/** A sum over index `i` from 1 to `to`, or the single term when `to` is 1. */
function sum(i: string, to: number, body: (i: string | number) => string): string {
  return to === 1 ? body(0) : `\\sum_{${i}=1}^{${to}} ${body(i)}`;
}

/** Σₖ W_hy[k,j]·(ŷₜ[k] − yₜ[k]): what the output sends back to hₜ[j]. */
export function fromOutput(n: TermSizes, t: number, j: number): string {
  return sum('k', n.O, (k) => `${entry('W_{hy}', k, j)}\\,(${at('\\hat y', t, k)} - ${at('y', t, k)})`);
}

/** Σᵣ W_hh[r,j]·∂L/∂z_{t+1}[r]: what step t + 1 sends back to hₜ[j] (t = −1: to h₀). */
export function fromFuture(n: TermSizes, t: number, j: number): string {
  if (t === n.T - 1) return '0';
  const z = (r: string | number) => (typeof r === 'number' ? zAt(n, t + 1, r) : `z_{${t + 2}}[r]`);
  return sum('r', n.G, (r) => `${entry('W_{hh}', r, j)}\\,${D(z(r))}`);
}

/** The LSTM's cell path from step t + 1: ∂L/∂c_{t+1}[j]·f_{t+1}[j]. */
export function cellFuture(n: TermSizes, t: number, j: number): string {
  return t === n.T - 1 ? '0' : `${D(at('c', t + 1, j))}\\,${at('f', t + 1, j)}`;
}

/** ∂L/∂cₜ[j] = ∂L/∂hₜ[j]·oₜ[j]·(1 − tanh² cₜ[j]) + the cell path (left out at the last step). */
export function dcTerm(n: TermSizes, t: number, j: number): string {
  const through = `${D(at('h', t, j))}\\,${at('o', t, j)}\\,(1 - \\tanh^2 ${at('c', t, j)})`;
  const future = t === n.T - 1 ? '' : ` + ${cellFuture(n, t, j)}`;
  return `${D(at('c', t, j))} = ${through}${future}`;
}

/** ∂L/∂gateₜ[j] (gate k of i f g o) by the product rule on cₜ = f⊙cₜ₋₁ + i⊙g and hₜ = o⊙tanh cₜ. */
export function gateTerm(t: number, j: number, k: number): string {
  const dc = D(at('c', t, j));
  const factor = [
    `${dc}\\,${at('g', t, j)}`,
    `${dc}\\,${t === 0 ? `c_{0}[${j + 1}]` : at('c', t - 1, j)}`,
    `${dc}\\,${at('i', t, j)}`,
    `${D(at('h', t, j))}\\,\\tanh ${at('c', t, j)}`,
  ][k];
  return `${D(at(GATES[k], t, j))} = ${factor}`;
}

/** ∂L/∂z of gate k through σ′ = σ(1 − σ) or tanh′ = 1 − g². */
export function gatePreTerm(n: TermSizes, t: number, j: number, k: number): string {
  const a = at(GATES[k], t, j);
  const slope = GATES[k] === 'g' ? `(1 - ${a}^2)` : `${a}\\,(1 - ${a})`;
  return `${D(zAt(n, t, k * n.H + j))} = ${D(a)}\\,${slope}`;
}

/** The whole-sequence sums of the accumulated gradients, entry (r, c). */
export function gradientTerm(n: TermSizes, param: string, r: number, c: number): string {
  const z = `${D(n.kind === 'rnn' ? `z_t[${r + 1}]` : zSymbolic(n, r))}`;
  const body: Record<string, [string, string]> = {
    W_ih: [entry('W_{ih}', r, c), `${z}\\,x_t[${c + 1}]`],
    W_hh: [entry('W_{hh}', r, c), `${z}\\,h_{t-1}[${c + 1}]`],
    b_ih: [`b_{ih}[${r + 1}]`, z],
    b_hh: [`b_{hh}[${r + 1}]`, z],
    W_hy: [entry('W_{hy}', r, c), `(\\hat y_t[${r + 1}] - y_t[${r + 1}])\\,h_t[${c + 1}]`],
    b_y: [`b_y[${r + 1}]`, `(\\hat y_t[${r + 1}] - y_t[${r + 1}])`],
  };
  const [of, summand] = body[param];
  return `${D(of)} = \\sum_{t=1}^{${n.T}} ${summand}`;
}

/** One step's contribution to entry (r, c) of ∂L/∂W_ih, ∂L/∂W_hh or ∂L/∂W_hy. */
export function stepGradientTerm(
  n: TermSizes,
  param: 'W_ih' | 'W_hh' | 'W_hy',
  t: number,
  r: number,
  c: number,
): string {
  const of = `\\Delta_{${t + 1}} ${D(entry(`W_{${param.slice(2)}}`, r, c))}`;
  if (param === 'W_hy') return `${of} = (${at('\\hat y', t, r)} - ${at('y', t, r)})\\,${at('h', t, c)}`;
  const by = param === 'W_ih' ? at('x', t, c) : at('h', t - 1, c);
  return `${of} = ${D(zAt(n, t, r))}\\,${by}`;
}

function zSymbolic(n: TermSizes, r: number): string {
  return `z_{${GATES[Math.floor(r / n.H)]},t}[${(r % n.H) + 1}]`;
}

/** One SGD step on entry (r, c) of a parameter. */
export function newWeightTerm(param: string, r: number, c: number, vector: boolean): string {
  const [base, sub] = param.split('_');
  const name = (prime: string) => `${base}${prime}_{${sub}}`;
  const idx = vector ? `[${r + 1}]` : `[${r + 1},${c + 1}]`;
  return `${name("'")}${idx} = ${name('')}${idx} - \\eta\\, s\\, ${D(`${name('')}${idx}`)}`;
}

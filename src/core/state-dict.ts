/**
 * Stacked/bidirectional RNN, LSTM and GRU weights to and from PyTorch state_dicts
 * (JSON: tensor name → nested arrays), so weights trained in PyTorch can be pasted in
 * and weights made here can be loaded with `module.load_state_dict`.
 *
 * Names are PyTorch's: weight_ih_l{k}, weight_hh_l{k}, bias_ih_l{k}, bias_hh_l{k}, with the
 * suffix _reverse for the backward direction. PyTorch has no peephole LSTM, so the
 * peephole vectors (H each) take names in the same scheme: weight_ci_l{k}, weight_cf_l{k},
 * weight_co_l{k} (+ _reverse). A dict saved from a module built with bias=False has no
 * bias tensors; both biases of such a layer then load as zeros.
 */
import type { GruParams } from './gru';
import type { LstmParams } from './lstm';
import type { Nonlinearity, RnnParams } from './rnn';
import { listNames } from './name-list';
import { hasOwn } from './own';
import {
  gateCount,
  layerInputSize,
  stackOf,
  type CellKind,
  type CellParams,
  type StackParams,
} from './stack';
import {
  matrixToJson,
  readMatrix,
  readTensor,
  shapeOf,
  ShapeError,
  type StateDict,
} from './state-dict-tensor';

export interface StackFromStateDictOptions {
  /** RNN only: PyTorch keeps the nonlinearity in the module, not the state_dict. */
  readonly nonlinearity?: Nonlinearity;
}

function tensorName(base: string, layer: number, reverse: boolean): string {
  return `${base}_l${layer}${reverse ? '_reverse' : ''}`;
}

const article: Readonly<Record<CellKind, string>> = { rnn: 'an RNN', lstm: 'an LSTM', gru: 'a GRU' };

function describe(shape: number[] | string): string {
  return typeof shape === 'string' ? shape : `(${shape.join(', ')})`;
}

/**
 * H from weight_hh_l0, which is (gates·H × H) for every kind. Until H is known the
 * expected shape can only be stated symbolically, hence a plain Error for a wrong rank.
 */
function inferHiddenSize(kind: CellKind, dict: StateDict): number {
  const shape = shapeOf(dict.weight_hh_l0);
  const gates = gateCount[kind];
  if (typeof shape === 'string' || shape.length !== 2 || shape[1] < 1) {
    throw new Error(
      `weight_hh_l0 must have shape (${gates}·H, H) for ${article[kind]}; got ${describe(shape)}`,
    );
  }
  const H = shape[1];
  if (shape[0] !== gates * H) throw new ShapeError('weight_hh_l0', [gates * H, H], shape);
  return H;
}

function inferInputSize(kind: CellKind, dict: StateDict): number {
  const shape = shapeOf(dict.weight_ih_l0);
  if (typeof shape === 'string' || shape.length !== 2) {
    throw new Error(
      `weight_ih_l0 must have shape (${gateCount[kind]}·H, I) for ${article[kind]}; got ${describe(shape)}`,
    );
  }
  return shape[1];
}

export function stackFromStateDict(
  kind: CellKind,
  dict: StateDict,
  options: StackFromStateDictOptions = {},
): StackParams {
  const H = inferHiddenSize(kind, dict);
  const I = inferInputSize(kind, dict);
  const bidirectional = hasOwn(dict, 'weight_ih_l0_reverse');
  let numLayers = 1;
  while (hasOwn(dict, `weight_ih_l${numLayers}`)) numLayers++;
  const G = gateCount[kind] * H;
  const peephole = kind === 'lstm' && hasOwn(dict, 'weight_ci_l0');
  const used = new Set<string>();
  const read = (name: string, shape: number[]): Float64Array => {
    used.add(name);
    return readTensor(dict, name, shape);
  };
  const layers: CellParams[][] = [];
  for (let l = 0; l < numLayers; l++) {
    const inSize = layerInputSize(I, H, bidirectional, l);
    const dirs: CellParams[] = [];
    for (const reverse of bidirectional ? [false, true] : [false]) {
      const name = (base: string) => tensorName(base, l, reverse);
      used.add(name('weight_ih')).add(name('weight_hh'));
      const W_ih = readMatrix(dict, name('weight_ih'), G, inSize);
      const W_hh = readMatrix(dict, name('weight_hh'), G, H);
      const hasBias = hasOwn(dict, name('bias_ih')) || hasOwn(dict, name('bias_hh'));
      const b_ih = hasBias ? read(name('bias_ih'), [G]) : new Float64Array(G);
      const b_hh = hasBias ? read(name('bias_hh'), [G]) : new Float64Array(G);
      const cell = { inputSize: inSize, hiddenSize: H, W_ih, W_hh, b_ih, b_hh };
      if (kind === 'rnn')
        dirs.push({ ...cell, nonlinearity: options.nonlinearity ?? 'tanh' } satisfies RnnParams);
      else if (kind === 'gru') dirs.push(cell satisfies GruParams);
      else if (!peephole) dirs.push(cell satisfies LstmParams);
      else {
        const peep = {
          w_ci: read(name('weight_ci'), [H]),
          w_cf: read(name('weight_cf'), [H]),
          w_co: read(name('weight_co'), [H]),
        };
        dirs.push({ ...cell, peephole: peep } satisfies LstmParams);
      }
    }
    layers.push(dirs);
  }
  // A stray tensor means the dict is for another architecture (proj_size, a different
  // kind, a prefixed module dict); loading the rest silently would compute something else.
  const extra = Object.keys(dict).filter((k) => !used.has(k));
  if (extra.length > 0) {
    throw new Error(
      `unexpected tensor${extra.length > 1 ? 's' : ''} ${listNames(extra)} in ${article[kind]} state_dict with ${numLayers} layer(s)${bidirectional ? ', bidirectional' : ''}`,
    );
  }
  const { nonlinearity } = options;
  return stackOf({ kind, inputSize: I, hiddenSize: H, numLayers, bidirectional, nonlinearity }, layers);
}

/** Tensors in PyTorch's state_dict order, as nested arrays ready for JSON. */
export function stackToStateDict(p: StackParams): Record<string, number[] | number[][]> {
  const out: Record<string, number[] | number[][]> = {};
  for (let l = 0; l < p.numLayers; l++) {
    p.layers[l].forEach((cell, d) => {
      const name = (base: string) => tensorName(base, l, d === 1);
      out[name('weight_ih')] = matrixToJson(cell.W_ih);
      out[name('weight_hh')] = matrixToJson(cell.W_hh);
      out[name('bias_ih')] = Array.from(cell.b_ih);
      out[name('bias_hh')] = Array.from(cell.b_hh);
      const peep = (cell as LstmParams).peephole;
      if (p.kind === 'lstm' && peep) {
        out[name('weight_ci')] = Array.from(peep.w_ci);
        out[name('weight_cf')] = Array.from(peep.w_cf);
        out[name('weight_co')] = Array.from(peep.w_co);
      }
    });
  }
  return out;
}

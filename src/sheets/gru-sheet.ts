/**
 * The GRU sheet with PyTorch's equations: r and z from the input and hidden parts kept
 * apart (gi = W_i· x + b_i·, gh = W_h· h + b_h·), because the reset gate multiplies only
 * gh_n — the reset comes after the hidden matmul, b_hn inside it. The new state
 * interpolates: h_t = (1 − z)⊙n + z⊙h_{t−1}. Variants: bidirectional, stacked layers.
 */
import { dotF, sigmoidF, tanhF } from './formulas';
import type { Block } from './layout';
import type { ModelConfig, ModelSpec } from './model-spec';
import { safeName, weightRowRef, writeOperators, type Band, type CellLayout, type Section } from './recurrent-sheet';
import { recurrentSpec, type RecurrentModel } from './recurrent-spec';

const GI = 0;
const GH = 1;
const OP = 2;
const VALUE = 3;

type GateId = 'r' | 'z' | 'n';
const GATE_INDEX: Record<GateId, number> = { r: 0, z: 1, n: 2 };

/** Weight area of one gate: [W_i· | b_i· | W_h· | b_h·], the input and hidden parts side by side. */
function writeGruWeights(s: Section, top: number, id: GateId): { bi: Block; bh: Block } {
  const { b, H, inSize, cell, wCol } = s;
  const off = GATE_INDEX[id] * H;
  const wiName = `W_i${id}`;
  const whName = `W_h${id}`;
  b.param({ top, left: wCol, rows: H, cols: inSize, role: 'weight', param: s.pname('W_ih'), caption: wiName, value: (r, c) => cell.W_ih.data[(off + r) * inSize + c], flat: (r, c) => (off + r) * inSize + c, tensor: wiName, index: (r, c) => [off + r, c], name: safeName(wiName + s.nameSuffix) });
  const bi = b.param({ top, left: wCol + inSize, rows: H, cols: 1, role: 'bias', param: s.pname('b_ih'), caption: `b_i${id}`, value: (r) => cell.b_ih[off + r], flat: (r) => off + r, tensor: `b_i${id}`, index: (r) => [off + r] });
  b.param({ top, left: wCol + inSize + 1, rows: H, cols: H, role: 'recurrentWeight', param: s.pname('W_hh'), caption: whName, value: (r, c) => cell.W_hh.data[(off + r) * H + c], flat: (r, c) => (off + r) * H + c, tensor: whName, index: (r, c) => [off + r, c], name: safeName(whName + s.nameSuffix) });
  const bh = b.param({ top, left: wCol + inSize + 1 + H, rows: H, cols: 1, role: 'bias', param: s.pname('b_hh'), caption: `b_h${id}`, value: (r) => cell.b_hh[off + r], flat: (r) => off + r, tensor: `b_h${id}`, index: (r) => [off + r] });
  for (let r = 0; r < H; r++) b.operator(top + r, s.arrowCol, '→');
  return { bi, bh };
}

function gateBand(id: GateId): Band {
  const isNew = id === 'n';
  const act = isNew ? 'tanh' : 'σ';
  let biases: { bi: Block; bh: Block } | undefined;
  const text = (s: Section) =>
    isNew
      ? `n_t = tanh(W_in·x_t + b_in + r_t⊙(W_hn·h_{${s.prev}} + b_hn))`
      : `${id}_t = σ(W_i${id}·x_t + b_i${id} + W_h${id}·h_{${s.prev}} + b_h${id})`;
  return {
    id,
    equation: text,
    captions: () => [
      [GI, `gi_${id}`],
      [GH, `gh_${id}`],
      [VALUE, `${id}_t`],
    ],
    writeWeights: (s, top) => {
      biases = writeGruWeights(s, top, id);
    },
    writeStep: (s, top, t) => {
      if (!biases) throw new Error('GRU weights must be written before the steps');
      const { bi, bh } = biases;
      const col = s.timeCol(t);
      const wiRow = weightRowRef(s, top, s.inSize);
      const whRow = weightRowRef(s, top, s.H, s.wCol + s.inSize + 1);
      const gi = s.b.computed({ top, left: col + GI, rows: s.H, cols: 1, role: 'computed', formula: (r) => `${dotF(wiRow(r), s.x(t).colRef(0))}+${bi.at(r, 0, true)}`, trace: s.tname(`gi_${id}`), step: t, tensor: `gi_${id}`, equation: `gi_${id} = W_{i${id}} x_t + b_{i${id}}` });
      const gh = s.b.computed({ top, left: col + GH, rows: s.H, cols: 1, role: 'computed', formula: (r) => `${dotF(whRow(r), s.hPrev(t).colRef(0))}+${bh.at(r, 0, true)}`, trace: s.tname(`gh_${id}`), step: t, tensor: `gh_${id}`, equation: `gh_${id} = W_{h${id}} h_{${s.prev}} + b_{h${id}}` });
      writeOperators(s, top, col + OP, act);
      s.b.computed({
        top,
        left: col + VALUE,
        rows: s.H,
        cols: 1,
        role: isNew ? 'activation' : 'gate',
        formula: (r) => (isNew ? tanhF(`${gi.at(r)}+${s.band('r', t).at(r)}*${gh.at(r)}`) : sigmoidF(`${gi.at(r)}+${gh.at(r)}`)),
        trace: s.tname(id),
        step: t,
        tensor: `${id}_t`,
        equation: isNew ? 'n_t = \\tanh(gi_n + r_t \\odot gh_n)' : `${id}_t = \\sigma(gi_${id} + gh_${id})`,
      });
    },
  };
}

const hBand: Band = {
  id: 'h',
  equation: (s) => `h_t = (1 − z_t)⊙n_t + z_t⊙h_{${s.prev}}`,
  captions: () => [[VALUE, 'h_t']],
  writeStep: (s, top, t) => {
    writeOperators(s, top, s.timeCol(t) + OP, '⊙ +');
    const z = s.band('z', t);
    const n = s.band('n', t);
    s.b.computed({
      top,
      left: s.timeCol(t) + VALUE,
      rows: s.H,
      cols: 1,
      role: 'state',
      formula: (r) => `(1-${z.at(r)})*${n.at(r)}+${z.at(r)}*${s.hPrev(t).at(r)}`,
      trace: s.tname('h'),
      step: t,
      tensor: 'h_t',
      equation: `h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{${s.prev}}`,
    });
  },
};

export const gruLayout: CellLayout = {
  kind: 'gru',
  model: 'gru',
  title: { en: 'Gated Recurrent Unit (GRU)', zh: '门控循环单元 (GRU)' },
  blockWidth: 5,
  valueCol: VALUE,
  ones: 0,
  hasCell: false,
  legend: [
    ['input', { en: 'input xₜ', zh: '输入 xₜ' }],
    ['weight', { en: 'input weights W_i·', zh: '输入权重 W_i·' }],
    ['recurrentWeight', { en: 'recurrent weights W_h·', zh: '循环权重 W_h·' }],
    ['bias', { en: 'biases', zh: '偏置' }],
    ['state', { en: 'hidden state h', zh: '隐藏状态 h' }],
    ['gate', { en: 'gates r, z (σ)', zh: '门 r、z (σ)' }],
    ['activation', { en: 'candidate nₜ (tanh)', zh: '候选 nₜ (tanh)' }],
    ['computed', { en: 'gi, gh: input and hidden parts (formulas)', zh: 'gi、gh：输入部分与隐藏部分（公式）' }],
    'copy',
  ],
  weightCols: (inSize, H) => inSize + 1 + H + 1,
  bands: () => [gateBand('r'), gateBand('z'), gateBand('n'), hBand],
};

export const gruModel: RecurrentModel = {
  layout: gruLayout,
  label: { en: 'GRU', zh: 'GRU 门控循环单元' },
  variants: [
    { id: 'standard', label: { en: 'standard (PyTorch nn.GRU)', zh: '标准（PyTorch nn.GRU）' } },
    { id: 'bidirectional', label: { en: 'bidirectional', zh: '双向' } },
  ],
  defaults: { model: 'gru', language: 'en', inputSize: 3, hiddenSize: 2, steps: 4, seed: 1, init: 'hand', variant: 'standard', numLayers: 1 },
  shape: (config: ModelConfig) => ({ numLayers: config.numLayers ?? 1, bidirectional: config.variant === 'bidirectional', peephole: false }),
};

export const gruSpec: ModelSpec = recurrentSpec(gruModel);

/**
 * The GRU sheet with PyTorch's equations: r and z from the input and hidden parts kept
 * apart (gi = W_i· x + b_i·, gh = W_h· h + b_h·), because the reset gate multiplies only
 * gh_n — the reset comes after the hidden matmul, b_hn inside it. The new state
 * interpolates: h_t = (1 − z)⊙n + z⊙h_{t−1}. Variants: bidirectional, stacked layers.
 */
import { dotF, sigmoidF, tanhF } from './formulas';
import { Block } from './layout';
import { OP, PRE, VALUE } from './kit/grid';
import type { ModelSpec, RecurrentConfig } from './model-spec';
import { t } from '../i18n';
import { bilingual, type PlainKey } from './i18n';
import {
  elementwiseBand,
  GATE_WEIGHTS_LEGEND,
  JOINED_OUTPUT_LEGEND,
  keepBand,
  recurrentLegend,
  weightRowRef,
  writeGateWeights,
  writeOperators,
} from './recurrent-bands';
import { cellLayout, type Band, type CellLayout, type Section } from './recurrent-sheet';
import { BIDIRECTIONAL, recurrentSpec, type RecurrentModel } from './recurrent-spec';
import { keepTry, KEEP_MIN_STEPS } from './recurrent-teach';

/** A GRU step shows gi and gh side by side, so its operator and value sit one column right of the others'. */
const GI = PRE;
const GH = PRE + 1;
const GRU_OP = OP + 1;
const GRU_VALUE = VALUE + 1;

type GateId = 'r' | 'z' | 'n';
const GATE_ROLE: Record<GateId, PlainKey> = {
  r: 'sheets.roles.gru.r',
  z: 'sheets.roles.gru.z',
  n: 'sheets.roles.gru.n',
};
const GATE_INDEX: Record<GateId, number> = { r: 0, z: 1, n: 2 };

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
    roleLine: (s) => t(s.lang, GATE_ROLE[id]),
    equation: text,
    captions: () => [
      [GI, `gi_${id}`],
      [GH, `gh_${id}`],
      [GRU_VALUE, `${id}_t`],
    ],
    writeWeights: (s, top) => {
      // [W_i· | b_i· | W_h· | b_h·]: the input and hidden parts side by side, each with its bias.
      const names = { wi: `W_i${id}`, bi: `b_i${id}`, wh: `W_h${id}`, bh: `b_h${id}` };
      biases = writeGateWeights(s, top, GATE_INDEX[id], names, ['wi', 'bi', 'wh', 'bh']);
    },
    writeStep: (s, top, t) => {
      if (!biases) throw new Error('GRU weights must be written before the steps');
      const { bi, bh } = biases;
      const col = s.timeCol(t);
      const wiRow = weightRowRef(s, top, s.inSize);
      const whRow = weightRowRef(s, top, s.H, s.wCol + s.inSize + 1);
      // gi or gh: the gate's weight rows for x_t or h_{t−1} dotted with that column, plus their bias.
      const part = (
        name: string,
        offset: number,
        row: (r: number) => string,
        input: Block,
        bias: Block,
        tex: string,
      ) =>
        s.b.computed({
          top,
          left: col + offset,
          rows: s.H,
          cols: 1,
          role: 'computed',
          formula: (r) => `${dotF(row(r), input.colRef(0))}+${bias.at(r, 0, true)}`,
          trace: s.tname(name),
          step: t,
          tensor: name,
          equation: `${name} = ${tex}`,
        });
      const gi = part(`gi_${id}`, GI, wiRow, s.x(t), bi, `W_{i${id}} x_t + b_{i${id}}`);
      const gh = part(`gh_${id}`, GH, whRow, s.hPrev(t), bh, `W_{h${id}} h_{${s.prev}} + b_{h${id}}`);
      writeOperators(s, top, col + GRU_OP, act);
      s.b.computed({
        top,
        left: col + GRU_VALUE,
        rows: s.H,
        cols: 1,
        role: isNew ? 'activation' : 'gate',
        formula: (r) =>
          isNew
            ? tanhF(`${gi.at(r)}+${s.band('r', t).at(r)}*${gh.at(r)}`)
            : sigmoidF(`${gi.at(r)}+${gh.at(r)}`),
        trace: s.tname(id),
        step: t,
        tensor: `${id}_t`,
        equation: isNew ? 'n_t = \\tanh(gi_n + r_t \\odot gh_n)' : `${id}_t = \\sigma(gi_${id} + gh_${id})`,
      });
    },
  };
}

const hBand: Band = elementwiseBand({
  id: 'h',
  trace: 'h',
  role: 'state',
  caption: 'h_t',
  text: (s) => `h_t = (1 − z_t)⊙n_t + z_t⊙h_{${s.prev}}`,
  tex: (s) => `h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{${s.prev}}`,
  op: '⊙ +',
  opCol: GRU_OP,
  valueCol: GRU_VALUE,
  formula: (s, step, r) => {
    const z = s.band('z', step).at(r);
    return `(1-${z})*${s.band('n', step).at(r)}+${z}*${s.hPrev(step).at(r)}`;
  },
  roleLine: (s) => t(s.lang, 'sheets.roles.gru.h'),
});

export const gruLayout: CellLayout = cellLayout({
  kind: 'gru',
  title: bilingual('sheets.gru.title'),
  blockWidth: 5,
  valueCol: GRU_VALUE,
  ones: 0,
  legend: recurrentLegend(GATE_WEIGHTS_LEGEND, [
    ['state', bilingual('sheets.legend.gru.state')],
    ['gate', bilingual('sheets.legend.gru.gate')],
    ['activation', bilingual('sheets.legend.gru.activation')],
    ['computed', bilingual('sheets.legend.gru.computed')],
    JOINED_OUTPUT_LEGEND,
  ]),
  weightCols: (inSize, H) => inSize + 1 + H + 1,
  bands: () => [
    gateBand('r'),
    gateBand('z'),
    gateBand('n'),
    hBand,
    keepBand({ gate: 'z', opCol: GRU_OP, valueCol: GRU_VALUE, roleKey: 'sheets.roles.gru.keep' }),
  ],
  papersNote: 'sheets.gru.papersNote',
  // [W_iz | b_iz | W_hz | b_hz]: b_iz[1] sits right of W_iz on the z band's first row.
  tryIt: (s, _shape, evaluate) =>
    keepTry(
      s,
      {
        at: new Block(s.band('z', 0).top, s.wCol + s.inSize, 1, 1),
        edit: 'sheets.gru.try.edit',
        watch: 'sheets.gru.try.watch',
        kept: 'sheets.gru.try.keeps',
        gone: 'sheets.gru.try.replaced',
        between: 'sheets.gru.try.mixes',
        trace: s.tname('z_keep'),
      },
      evaluate,
    ),
  tryMinSteps: KEEP_MIN_STEPS,
});

export const gruModel: RecurrentModel<'gru'> = {
  layout: gruLayout,
  label: bilingual('sheets.gru.label'),
  variants: [{ id: 'standard', label: bilingual('sheets.gru.variant.standard') }, BIDIRECTIONAL],
  hiddenSize: 2,
};

export const gruSpec: ModelSpec<RecurrentConfig> = recurrentSpec(gruModel);

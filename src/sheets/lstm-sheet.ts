/**
 * The LSTM sheet, gate by gate as in the seed workbook: forget, input, candidate, the
 * cell update, output, tanh of the cell and the new hidden state. The weights keep
 * PyTorch's row order (i, f, g, o) in their parameter indices while the sheet shows the
 * forget gate first, the order the story is told in. Variants: peephole (i and f see
 * c_{t−1}, o sees c_t), bidirectional, and stacked layers through `numLayers`.
 */
import { sigmoidF, tanhF } from './formulas';
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
  writeDotStep,
  writeStackedWeights,
} from './recurrent-bands';
import { cellLayout, type Band, type CellLayout, type Section, type StackShape } from './recurrent-sheet';
import { BIDIRECTIONAL, recurrentSpec, type RecurrentModel } from './recurrent-spec';
import { keepTry, KEEP_MIN_STEPS, type KeepTry } from './recurrent-teach';

type GateId = 'i' | 'f' | 'g' | 'o';
const GATE_ROLE: Record<GateId, PlainKey> = {
  i: 'sheets.roles.lstm.i',
  f: 'sheets.roles.lstm.f',
  g: 'sheets.roles.lstm.g',
  o: 'sheets.roles.lstm.o',
};
const GATE_INDEX: Record<GateId, number> = { i: 0, f: 1, g: 2, o: 3 };
const PEEP: Partial<Record<GateId, 'w_ci' | 'w_cf' | 'w_co'>> = { i: 'w_ci', f: 'w_cf', o: 'w_co' };

function gateBand(id: GateId, peephole: boolean): Band {
  const isCandidate = id === 'g';
  const act = isCandidate ? 'tanh' : 'σ';
  const actTex = isCandidate ? '\\tanh' : '\\sigma';
  const peepName = peephole ? PEEP[id] : undefined;
  // The output gate peeks at the new cell c_t; input and forget at c_{t−1}.
  const peepCell = (s: Section, t: number): Block => (id === 'o' ? s.band('c', t) : s.cPrev(t));
  const peepText = (s: Section) => (peepName ? ` + ${peepName}⊙c_{${id === 'o' ? 't' : s.prev}}` : '');
  const peepTex = (s: Section) => (peepName ? ` + w_{c${id}} \\odot c_{${id === 'o' ? 't' : s.prev}}` : '');
  const valueName = id === 'g' ? 'c̃_t' : `${id}_t`;
  let peepBlock: Block | undefined;
  return {
    id,
    roleLine: (s) => t(s.lang, GATE_ROLE[id]),
    equation: (s) =>
      `${valueName} = ${act}(W_i${id}·x_t + W_h${id}·h_{${s.prev}} + b_i${id} + b_h${id}${peepText(s)})`,
    captions: () => [
      [PRE, `z_${id}`],
      [VALUE, valueName],
    ],
    writeWeights: (s, top) => {
      writeStackedWeights(s, top, GATE_INDEX[id], {
        wi: `W_i${id}`,
        wh: `W_h${id}`,
        bi: `b_i${id}`,
        bh: `b_h${id}`,
      });
      if (!peepName) return;
      const w = (s.cell as { peephole?: Record<string, Float64Array> }).peephole?.[peepName];
      if (!w) throw new Error(`the peephole LSTM has no ${peepName}`);
      peepBlock = s.b.param({
        top,
        left: s.wCol + s.inSize + s.H + 2,
        rows: s.H,
        cols: 1,
        role: 'weight',
        param: s.pname(peepName),
        caption: peepName,
        value: (r) => w[r],
        tensor: peepName,
      });
    },
    writeStep: (s, top, t) => {
      const peep = peepBlock;
      writeDotStep(s, top, t, {
        pre: {
          trace: `pre_${id}`,
          tensor: `z_${id}`,
          equation: `z_${id} = W_{i${id}} x_t + W_{h${id}} h_{${s.prev}} + b_{i${id}} + b_{h${id}}${peepTex(s)}`,
          extra: peep && ((r) => `+${peep.at(r, 0, true)}*${peepCell(s, t).at(r)}`),
        },
        op: act,
        value: {
          role: isCandidate ? 'activation' : 'gate',
          trace: id,
          tensor: valueName,
          equation: `${isCandidate ? '\\tilde{c}_t' : `${id}_t`} = ${actTex}(z_${id})`,
          formula: (pre) => (isCandidate ? tanhF(pre) : sigmoidF(pre)),
        },
      });
    },
  };
}

/** An LSTM band computed from other bands of the same step, in the gate bands' columns. */
function lstmElementwise(
  id: string,
  role: 'state' | 'activation',
  caption: string,
  text: (s: Section) => string,
  tex: (s: Section) => string,
  op: string,
  formula: (s: Section, t: number, r: number) => string,
  roleKey: PlainKey,
): Band {
  return elementwiseBand({
    id,
    trace: id,
    role,
    caption,
    text,
    tex,
    op,
    opCol: OP,
    valueCol: VALUE,
    formula,
    roleLine: (s) => t(s.lang, roleKey),
  });
}

function lstmBands(shape: StackShape): Band[] {
  const at = (s: Section, id: string, t: number, r: number) => s.band(id, t).at(r);
  return [
    gateBand('f', shape.peephole),
    gateBand('i', shape.peephole),
    gateBand('g', shape.peephole),
    lstmElementwise(
      'c',
      'state',
      'c_t',
      (s) => `c_t = f_t⊙c_{${s.prev}} + i_t⊙c̃_t`,
      (s) => `c_t = f_t \\odot c_{${s.prev}} + i_t \\odot \\tilde{c}_t`,
      '⊙ +',
      (s, t, r) => `${at(s, 'f', t, r)}*${s.cPrev(t).at(r)}+${at(s, 'i', t, r)}*${at(s, 'g', t, r)}`,
      'sheets.roles.lstm.c',
    ),
    gateBand('o', shape.peephole),
    lstmElementwise(
      'tanh_c',
      'activation',
      'tanh(c_t)',
      () => 'tanh(c_t)',
      () => '\\tanh(c_t)',
      'tanh',
      (s, t, r) => tanhF(at(s, 'c', t, r)),
      'sheets.roles.lstm.tanhC',
    ),
    lstmElementwise(
      'h',
      'state',
      'h_t',
      () => 'h_t = o_t⊙tanh(c_t)',
      () => 'h_t = o_t \\odot \\tanh(c_t)',
      '⊙',
      (s, t, r) => `${at(s, 'o', t, r)}*${at(s, 'tanh_c', t, r)}`,
      'sheets.roles.lstm.h',
    ),
    keepBand({ gate: 'f', opCol: OP, valueCol: VALUE, roleKey: 'sheets.roles.lstm.keep' }),
  ];
}

export const lstmLayout: CellLayout = cellLayout({
  kind: 'lstm',
  title: bilingual('sheets.lstm.title'),
  ones: 2,
  hasCell: true,
  legend: recurrentLegend(GATE_WEIGHTS_LEGEND, [
    ['state', bilingual('sheets.legend.lstm.state')],
    ['gate', bilingual('sheets.legend.lstm.gate')],
    ['activation', bilingual('sheets.legend.lstm.activation')],
    ['computed', bilingual('sheets.legend.lstm.computed')],
    JOINED_OUTPUT_LEGEND,
  ]),
  weightCols: (inSize, H, shape) => inSize + H + 2 + (shape.peephole ? 1 : 0),
  bands: lstmBands,
  papersNote: 'sheets.lstm.papersNote',
  tryIt: (s, _shape, evaluate) => keepTry(s, lstmTry(s, 'f_keep'), evaluate),
  tryMinSteps: KEEP_MIN_STEPS,
});

/**
 * b_if[1] +5 / −5 and the share of c₁ left at the last step: the box of the LSTM sheet
 * (`keep` is the running product's trace name in the section).
 */
export function lstmTry(s: Section, keep: string): KeepTry {
  // [W_if | W_hf | b_if | b_hf]: b_if is the first column after the two weight blocks.
  const at = new Block(s.band('f', 0).top, s.wCol + s.inSize + s.H, 1, 1);
  return {
    at,
    edit: 'sheets.lstm.try.edit',
    watch: 'sheets.lstm.try.watch',
    kept: 'sheets.lstm.try.carries',
    gone: 'sheets.lstm.try.resets',
    between: 'sheets.lstm.try.fades',
    trace: s.tname(keep),
  };
}

export const lstmModel: RecurrentModel<'lstm'> = {
  layout: lstmLayout,
  label: bilingual('sheets.lstm.label'),
  variants: [
    { id: 'standard', label: bilingual('sheets.lstm.variant.standard') },
    { id: 'peephole', label: bilingual('sheets.lstm.variant.peephole'), stack: { peephole: true } },
    BIDIRECTIONAL,
  ],
  hiddenSize: 2,
};

export const lstmSpec: ModelSpec<RecurrentConfig> = recurrentSpec(lstmModel);

/**
 * The pieces the RNN, LSTM and GRU bands are made of: a gate's weight rows, the
 * reference to one of them, the operator column, the "pre-activation, then activation"
 * step and the element-wise band, and the legend lines the three sheets share. The
 * layout they are placed in lives in recurrent-sheet.ts.
 */
import { dotF } from './formulas';
import { OP, PRE, VALUE } from './kit/grid';
import { operatorColumn } from './kit/labels';
import { weightBlock } from './kit/weights';
import { Block, type LegendEntry } from './layout';
import type { CellRole } from './plan';
import { t } from '../i18n';
import { bilingual } from './i18n';
import type { Band, Section } from './recurrent-sheet';

/** Workbook names may not contain the Unicode subscripts captions use. */
export function safeName(text: string): string {
  return text.replace(/[^A-Za-z0-9_]/g, '_');
}

/** Operator symbols down a band's operator column. */
export function writeOperators(s: Section, top: number, col: number, symbol: string): void {
  operatorColumn(s.b, top, col, s.H, symbol);
}

/** Absolute reference to weight row r of a band (the same row for every time step), `width` columns from the weight area's left. */
export function weightRowRef(s: Section, top: number, width: number, left = s.wCol): (r: number) => string {
  return (r) => new Block(top + r, left, 1, width).ref(true);
}

/** The four parts of one gate's weights: rows of W_ih, W_hh, b_ih and b_hh. */
export type WeightPart = 'wi' | 'wh' | 'bi' | 'bh';

/**
 * Writes gate `gate`'s rows of the four weight tensors side by side, left to right in
 * `order`, each captioned with its name, then the arrow that leads to the time blocks.
 */
export function writeGateWeights(
  s: Section,
  top: number,
  gate: number,
  names: Readonly<Record<WeightPart, string>>,
  order: readonly WeightPart[],
): Record<WeightPart, Block> {
  const { b, H, inSize, cell } = s;
  const off = gate * H;
  const blocks: Partial<Record<WeightPart, Block>> = {};
  let left = s.wCol;
  for (const part of order) {
    // PyTorch's suffix on every caption (W_if_l0_reverse): both directions must not read W_if.
    const caption = names[part] + s.captionSuffix;
    const weight = part === 'wi' || part === 'wh';
    const cols = part === 'wi' ? inSize : part === 'wh' ? H : 1;
    const common = { top, left, rows: H, cols, rowOffset: off, caption, tensor: caption };
    blocks[part] = weight
      ? weightBlock(b, {
          ...common,
          stride: cols,
          role: part === 'wi' ? 'weight' : 'recurrentWeight',
          param: s.pname(part === 'wi' ? 'W_ih' : 'W_hh'),
          data: (part === 'wi' ? cell.W_ih : cell.W_hh).data,
          name: safeName(names[part] + s.nameSuffix),
        })
      : weightBlock(b, {
          ...common,
          role: 'bias',
          param: s.pname(part === 'bi' ? 'b_ih' : 'b_hh'),
          data: part === 'bi' ? cell.b_ih : cell.b_hh,
        });
    left += cols;
  }
  for (let r = 0; r < H; r++) b.operator(top + r, s.arrowCol, '→');
  return blocks as Record<WeightPart, Block>;
}

/** Weight rows of gate k written as one contiguous row [W_ih | W_hh | b_ih | b_hh], the row a stacked column is dotted with. */
export function writeStackedWeights(
  s: Section,
  top: number,
  gate: number,
  names: Readonly<Record<WeightPart, string>>,
): Block {
  const { wi } = writeGateWeights(s, top, gate, names, ['wi', 'wh', 'bi', 'bh']);
  return new Block(wi.top, wi.left, s.H, s.inSize + s.H + 2);
}

/** One column of H computed cells in a time block. */
export interface BandCells {
  readonly role: CellRole;
  /** Trace name before the section's prefix. */
  readonly trace: string;
  readonly tensor: string;
  /** TeX shown when a cell is explained. */
  readonly equation: string;
}

/** A step whose value is an activation of z = (stacked weight row)·[x_t ; h ; 1 ; 1]. */
export interface DotStep {
  readonly pre: Omit<BandCells, 'role'> & {
    /** Added to the dot product in row r (the LSTM peephole term). */
    readonly extra?: (r: number) => string;
  };
  readonly op: string;
  readonly value: BandCells & { readonly formula: (pre: string) => string };
}

/**
 * Writes step t of a band laid out as [z | operator | value] (the RNN and LSTM bands),
 * z dotting the band's [W_ih | W_hh | b_ih | b_hh] row with the stacked column.
 */
export function writeDotStep(s: Section, top: number, t: number, step: DotStep): void {
  const col = s.timeCol(t);
  const rowRef = weightRowRef(s, top, s.inSize + s.H + 2);
  const stack = s.stack(t).colRef(0);
  const { pre: p, value: v } = step;
  const pre = s.b.computed({
    top,
    left: col + PRE,
    rows: s.H,
    cols: 1,
    role: 'computed',
    formula: (r) => dotF(rowRef(r), stack) + (p.extra?.(r) ?? ''),
    trace: s.tname(p.trace),
    step: t,
    tensor: p.tensor,
    equation: p.equation,
  });
  writeOperators(s, top, col + OP, step.op);
  s.b.computed({
    top,
    left: col + VALUE,
    rows: s.H,
    cols: 1,
    role: v.role,
    formula: (r) => v.formula(pre.at(r)),
    trace: s.tname(v.trace),
    step: t,
    tensor: v.tensor,
    equation: v.equation,
  });
}

/** A band computed from other bands of the same step, with no weights of its own. */
export interface ElementwiseSpec {
  readonly id: string;
  readonly trace: string;
  readonly role: CellRole;
  /** Caption above the value column, also the cells' tensor name. */
  readonly caption: string;
  /** Plain-text equation above the band, and the TeX shown when a cell is explained. */
  text(s: Section): string;
  tex(s: Section): string;
  readonly op: string;
  /** Columns of the operator and of the value within the time block. */
  readonly opCol: number;
  readonly valueCol: number;
  formula(s: Section, t: number, r: number): string;
  /** The band's role line (recurrent-sheet.ts writes it beside the values). */
  roleLine?(s: Section): string;
}

export function elementwiseBand(e: ElementwiseSpec): Band {
  return {
    id: e.id,
    roleLine: e.roleLine,
    equation: (s) => e.text(s),
    captions: () => [[e.valueCol, e.caption]],
    writeStep: (s, top, t) => {
      writeOperators(s, top, s.timeCol(t) + e.opCol, e.op);
      s.b.computed({
        top,
        left: s.timeCol(t) + e.valueCol,
        rows: s.H,
        cols: 1,
        role: e.role,
        formula: (r) => e.formula(s, t, r),
        trace: s.tname(e.trace),
        step: t,
        tensor: e.caption,
        equation: e.tex(s),
      });
    },
  };
}

/** The legend of a recurrent sheet: the input, the weights, the cell's own roles, then copies. */
export function recurrentLegend(weights: readonly LegendEntry[], own: readonly LegendEntry[]): LegendEntry[] {
  return [['input', bilingual('sheets.legend.inputX')], ...weights, ...own, 'copy'];
}

/**
 * The legend without the lines of roles a sheet of this config does not write (a
 * one-direction stack has no copies and no joined output). The plan leaves an unused line
 * out anyway, but the frame reserves a row for every line it is given, so a line left in
 * would leave a blank row between the legend and the sheet's first part.
 */
export function legendWithout(legend: readonly LegendEntry[], unused: readonly CellRole[]): LegendEntry[] {
  return legend.filter((e) => !unused.includes(typeof e === 'string' ? e : e[0]));
}

/** Weight legend lines of a cell whose gate rows are captioned W_i·, W_h· (LSTM, GRU). */
export const GATE_WEIGHTS_LEGEND: readonly LegendEntry[] = [
  ['weight', bilingual('sheets.legend.gateInputWeights')],
  ['recurrentWeight', bilingual('sheets.legend.gateRecurrentWeights')],
  ['bias', bilingual('sheets.legend.biases')],
];

/** Where a running-product band sits in the time block, and the catalogue line that says what it means. */
export interface KeepSpec {
  /** The gate multiplied up: 'f' (LSTM) or 'z' (GRU). */
  readonly gate: 'f' | 'z';
  readonly opCol: number;
  readonly valueCol: number;
  readonly roleKey: 'sheets.roles.lstm.keep' | 'sheets.roles.gru.keep';
}

/**
 * ∏f (LSTM) or ∏z (GRU): the gate multiplied up from the section's second step, how much
 * of the first step's memory is still there (1 all, 0 none). Step 1 has nothing to show;
 * step 2 copies its gate, every later step multiplies the previous product by its gate.
 * Trace `<gate>_keep` (teach-trace.ts adds it from the core's gates).
 */
export function keepBand(k: KeepSpec): Band {
  const name = `∏${k.gate}`;
  return {
    id: 'keep',
    roleLine: (s) => t(s.lang, k.roleKey),
    equation: (s) => `${name}: P_t = P_{${s.prev}} ⊙ ${k.gate}_t`,
    captions: () => [[k.valueCol, name]],
    writeStep: (s, top, step) => {
      const first = s.reverse ? s.T - 1 : 0;
      if (step === first) return;
      const before = s.reverse ? step + 1 : step - 1;
      const gate = s.band(k.gate, step);
      writeOperators(s, top, s.timeCol(step) + k.opCol, '⊙');
      s.b.computed({
        top,
        left: s.timeCol(step) + k.valueCol,
        rows: s.H,
        cols: 1,
        role: 'computed',
        formula: (r) => (before === first ? gate.at(r) : `${s.band('keep', before).at(r)}*${gate.at(r)}`),
        trace: s.tname(`${k.gate}_keep`),
        step,
        tensor: name,
        equation: `P_t = P_{${s.reverse ? 't+1' : 't-1'}} \\odot ${k.gate}_t`,
      });
    },
  };
}

/** The legend line of a bidirectional stack's joined output [h→ₜ ; h←ₜ] (shown only where the sheet has it). */
export const JOINED_OUTPUT_LEGEND: LegendEntry = ['output', bilingual('sheets.legend.output')];

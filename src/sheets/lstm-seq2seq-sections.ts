/**
 * One LSTM of the encoder–decoder sheet (the encoder or the decoder) as a section laid
 * out like the LSTM sheet's: a heading, the stacked column [x_t ; h_{t−1} ; 1 ; 1] with
 * c_{t−1} beside it in every time block, then the LSTM sheet's own bands (lstm-sheet.ts),
 * written by the same `writeBands`. Only what the section reads differs: its input
 * cells and the state it starts from, which the caller supplies.
 */
import type { LstmParams } from '../core/lstm';
import { carried } from './kit/flow';
import { label } from './i18n';
import { roleLine } from './kit/role-line';
import { Block, type PlanBuilder } from './layout';
import { lstmLayout } from './lstm-sheet';
import type { Language } from './plan';
import { writeBands, type Section } from './recurrent-sheet';

/** Columns every section of the sheet shares. */
export interface SheetColumns {
  readonly b: PlanBuilder;
  readonly lang: Language;
  readonly wCol: number;
  readonly arrowCol: number;
  timeCol(t: number): number;
}

export interface CellSectionSpec {
  /** 'enc' or 'dec': the prefix of its parameters and trace names. */
  readonly name: string;
  readonly heading: string;
  readonly cell: LstmParams;
  readonly T: number;
  /** Label of the input rows of the stacked column ('x_t', 'ŷ_{t−1}' …). */
  readonly inputLabel: string;
  /** The role line of the stacked column: what step t reads. */
  readonly stackRole: string;
  /** Writes x_t (cell.inputSize rows) at `top`, column `col`. */
  writeInput(top: number, col: number, t: number): void;
  /** Writes the state carried into the first step (h or c, H rows) at `top`, column `col`. */
  writeStart(state: 'h' | 'c', top: number, col: number): void;
}

export interface CellSection {
  /** The section as its bands saw it (the "What to try" box points into the encoder's). */
  readonly section: Section;
  /** h_t and c_t of the section's step t (H × 1). */
  h(t: number): Block;
  c(t: number): Block;
  /** The first free row below the section. */
  readonly below: number;
}

const BANDS = lstmLayout.bands({ numLayers: 1, bidirectional: false, peephole: false });
const ONES = lstmLayout.ones;

/** Rows from a section's heading to the row below its last band. */
export function sectionHeight(inSize: number, H: number): number {
  return 3 + inSize + H + ONES + BANDS.length * (H + 2) + 1;
}

function makeSection(cols: SheetColumns, spec: CellSectionSpec, stackTop: number): Section {
  const { cell } = spec;
  const H = cell.hiddenSize;
  const inSize = cell.inputSize;
  const bandTop = (k: number) => stackTop + inSize + H + ONES + k * (H + 2) + 2;
  const band = (id: string, t: number, col = lstmLayout.valueCol): Block => {
    const k = BANDS.findIndex((bd) => bd.id === id);
    if (k < 0) throw new Error(`no band ${id}`);
    return new Block(bandTop(k), cols.timeCol(t) + col, H, 1);
  };
  return {
    b: cols.b,
    lang: cols.lang,
    layer: 0,
    reverse: false,
    H,
    inSize,
    T: spec.T,
    cell,
    wCol: cols.wCol,
    arrowCol: cols.arrowCol,
    pname: (base) => `${spec.name}_${base}`,
    tname: (base) => `${spec.name}_${base}`,
    nameSuffix: `_${spec.name}`,
    captionSuffix: '',
    prev: 't−1',
    timeCol: cols.timeCol,
    stack: (t) => new Block(stackTop, cols.timeCol(t), inSize + H + ONES, 1),
    x: (t) => new Block(stackTop, cols.timeCol(t), inSize, 1),
    hPrev: (t) => new Block(stackTop + inSize, cols.timeCol(t), H, 1),
    cPrev: (t) => new Block(stackTop + inSize, cols.timeCol(t) + lstmLayout.valueCol, H, 1),
    band,
  };
}

/** h or c carried into step t ≥ 1: a copy of the previous step's band, and the flow into it. */
function carriedCopy(s: Section, state: 'h' | 'c', top: number, col: number, t: number): void {
  const copy = s.b.computed({
    top,
    left: col,
    rows: s.H,
    cols: 1,
    role: 'state',
    step: t,
    formula: (r) => s.band(state, t - 1).at(r),
    trace: s.tname(`${state}_prev`),
    tensor: `${state}_{t−1}`,
    equation: `${state}_{t-1}`,
  });
  carried(s.b, { from: s.band(state, t - 1), to: copy, state, step: t - 1 });
}

/** Time headers, row labels and the stacked column of every step (c_{t−1} beside it). */
function writeStack(cols: SheetColumns, spec: CellSectionSpec, s: Section, headerRow: number): void {
  const { b, lang } = cols;
  const { H, inSize } = s;
  const stackTop = headerRow + 2;
  const labelCol = cols.arrowCol + 1;
  b.text(headerRow, labelCol, label(lang, 'time'), 'header');
  roleLine(b, { row: headerRow, col: 0 }, spec.stackRole);
  b.text(stackTop, labelCol, spec.inputLabel, 'label');
  b.text(stackTop + inSize, labelCol, 'h_{t−1}', 'label');
  b.text(stackTop + inSize + H, labelCol, '1', 'label');
  for (let t = 0; t < spec.T; t++) {
    const col = cols.timeCol(t);
    const cCol = col + lstmLayout.valueCol;
    b.text(headerRow, col, `${label(lang, 'tEquals')} ${t + 1}`, 'header');
    b.text(headerRow + 1, col, '[x;h;1]', 'label');
    b.text(headerRow + 1, cCol, 'c_{t−1}', 'label');
    spec.writeInput(stackTop, col, t);
    for (let k = 0; k < ONES; k++) b.constant(stackTop + inSize + H + k, col, 1);
    if (t === 0) {
      spec.writeStart('h', stackTop + inSize, col);
      spec.writeStart('c', stackTop + inSize, cCol);
    } else {
      carriedCopy(s, 'h', stackTop + inSize, col, t);
      carriedCopy(s, 'c', stackTop + inSize, cCol, t);
    }
  }
}

/** The section from row `top`: heading, stacked columns, then the LSTM bands. */
export function writeCellSection(cols: SheetColumns, spec: CellSectionSpec, top: number): CellSection {
  cols.b.text(top, 0, spec.heading, 'section');
  const headerRow = top + 1;
  const section = makeSection(cols, spec, headerRow + 2);
  writeStack(cols, spec, section, headerRow);
  const bandTop = new Map(BANDS.map((bd) => [bd.id, section.band(bd.id, 0).top]));
  // Fresh bands: a band may remember where it wrote this section's weights.
  writeBands(section, lstmLayout.bands({ numLayers: 1, bidirectional: false, peephole: false }), bandTop);
  return {
    section,
    h: (t) => section.band('h', t),
    c: (t) => section.band('c', t),
    below: top + sectionHeight(spec.cell.inputSize, spec.cell.hiddenSize),
  };
}

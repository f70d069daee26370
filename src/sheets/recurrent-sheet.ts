/**
 * The layout shared by the RNN, LSTM and GRU sheets. Time runs left → right, one block
 * of columns per step. Each layer-direction is a section (stacked layers below one
 * another): the weights are written once at the left, band by band (one band per gate),
 * and every time block holds the stacked column [x_t ; h_{t−1} ; 1 ; 1] followed by the
 * bands' formulas. A cell kind (rnn-sheet.ts, lstm-sheet.ts, gru-sheet.ts) only says
 * which bands it has and what they compute; positions, labels and the link between
 * steps and layers live here so the three sheets read the same way.
 */
import { initLstm } from '../core/lstm';
import type { Nonlinearity } from '../core/rnn';
import { initStack, type CellKind, type CellParams, type StackParams } from '../core/stack';
import { stackFromStateDict } from '../core/state-dict';
import type { Matrix } from '../core/tensor';
import { t } from '../i18n';
import { label, layerCaption, type Bilingual, type PlainKey } from './i18n';
import { seededInput } from './inputs';
import { carried } from './kit/flow';
import { sheetBuilder, writeTightFrame } from './kit/frame';
import { roleLine } from './kit/role-line';
import type { SheetEvaluator } from './kit/try-edit';
import { GAP_WIDTH, OPERATOR_WIDTH, VALUE, VALUE_WIDTH } from './kit/grid';
import { Block, PlanBuilder, type LegendEntry } from './layout';
import type { Labelled, RecurrentConfig, RecurrentKind } from './model-spec';
import type { CellRole, Language, SheetPlan } from './plan';
import { legendWithout } from './recurrent-bands';
import { teachingTopRows, writeJoinedOutput, writeTeachingTop, type TryContent } from './recurrent-teach';

/** What a model variant means for the stack. */
export interface StackShape {
  readonly numLayers: number;
  readonly bidirectional: boolean;
  readonly nonlinearity?: Nonlinearity;
  readonly peephole: boolean;
}

/** One layer-direction of the sheet, as seen by a band while it writes. */
export interface Section {
  readonly b: PlanBuilder;
  readonly lang: Language;
  readonly layer: number;
  readonly reverse: boolean;
  readonly H: number;
  readonly inSize: number;
  readonly T: number;
  readonly cell: CellParams;
  /** First column of the weight area. */
  readonly wCol: number;
  readonly arrowCol: number;
  /** Core parameter name of this section's tensor ('W_ih' or 'W_ih_l1_reverse'). */
  pname(base: string): string;
  /** Trace name of this section's tensor ('h' or 'l1r.h'). */
  tname(base: string): string;
  /** Suffix for workbook names of this section ('' or '_l1r'). */
  readonly nameSuffix: string;
  /** PyTorch's suffix on this section's weight captions ('' or '_l0_reverse'). */
  readonly captionSuffix: string;
  /** 't−1' going forward, 't+1' for the backward direction: write it as a braced index, h_{${prev}}. */
  readonly prev: string;
  timeCol(t: number): number;
  /** The stacked column at step t: x (inSize rows), h_prev (H), then `ones` 1s. */
  stack(t: number): Block;
  x(t: number): Block;
  hPrev(t: number): Block;
  /** LSTM: c_{t−1} at step t. */
  cPrev(t: number): Block;
  /** Values of band `id` at step t, column `col` of the time block (default: the kind's value column). */
  band(id: string, t: number, col?: number): Block;
}

export interface Band {
  readonly id: string;
  /** Plain-text equation written above the band's weights (Unicode, read by people). */
  equation(s: Section): string;
  /** Captions above the time block's columns, by column offset. */
  captions(s: Section): readonly (readonly [number, string])[];
  /** Writes this band's weight rows at the left; `top` is the first value row. */
  writeWeights?(s: Section, top: number): void;
  /** Writes this band's cells in time block t. */
  writeStep(s: Section, top: number, t: number): void;
  /** The band's role in plain words, written on its equation line above the first time block. */
  roleLine?(s: Section): string;
}

export interface CellLayout {
  /** The cell, and the model id of its sheet. */
  readonly kind: CellKind & RecurrentKind;
  readonly title: Bilingual;
  /** Columns per time step (the last is a gap). */
  readonly blockWidth: number;
  /** Column (within a time block) of the band values other bands and steps refer to. */
  readonly valueCol: number;
  /** Constant 1s under the stacked column (one per bias vector dotted in). */
  readonly ones: number;
  /** Whether the cell carries a cell state c beside h. */
  readonly hasCell: boolean;
  /** The colours of this cell's sheet in its own words (copies appear only in multi-section sheets). */
  readonly legend: readonly LegendEntry[];
  weightCols(inSize: number, H: number, shape: StackShape): number;
  bands(shape: StackShape): readonly Band[];
  /** The line saying where the sheet follows PyTorch and the papers rather than the article. */
  readonly papersNote: PlainKey;
  /** The "What to try" box, from the sheet's first section (layer 1, forward); undefined: none. */
  tryIt?(s: Section, shape: StackShape, evaluate: SheetEvaluator): TryContent | undefined;
  /**
   * The fewest steps the box needs (a running product needs a step to carry from); a
   * shorter sheet has no box and reserves no rows for it. Defaults to 1.
   */
  readonly tryMinSteps?: number;
}

/** What a cell's layout leaves out when it is the usual one. */
type UsualLayout = 'blockWidth' | 'valueCol' | 'hasCell';

/**
 * A cell's layout, by default in the usual time block of four columns (PRE, OP, VALUE
 * and a gap, band values at VALUE) and with no cell state.
 */
export function cellLayout(
  layout: Omit<CellLayout, UsualLayout> & Partial<Pick<CellLayout, UsualLayout>>,
): CellLayout {
  return { blockWidth: 4, valueCol: VALUE, hasCell: false, ...layout };
}

export function isPlainStack(shape: StackShape): boolean {
  return shape.numLayers === 1 && !shape.bidirectional;
}

function paramSuffix(shape: StackShape, layer: number, reverse: boolean): string {
  return isPlainStack(shape) ? '' : `_l${layer}${reverse ? '_reverse' : ''}`;
}

export function tracePrefix(shape: StackShape, layer: number, reverse: boolean): string {
  return isPlainStack(shape) ? '' : `l${layer}${reverse ? 'r' : ''}.`;
}

/** The parameters the sheet starts from: a pasted state_dict, else the seeded init. */
export function stackParams(kind: CellKind, config: RecurrentConfig, shape: StackShape): StackParams {
  if (config.stateDict)
    return stackFromStateDict(kind, config.stateDict, { nonlinearity: shape.nonlinearity });
  const { inputSize: I, hiddenSize: H, seed, init } = config;
  if (shape.peephole) {
    // initStack draws plain cells; a peephole LSTM is one layer drawn by initLstm.
    const cell = initLstm(I, H, seed, init, { peephole: true });
    return { kind, inputSize: I, hiddenSize: H, numLayers: 1, bidirectional: false, layers: [[cell]] };
  }
  return initStack(kind, I, H, shape.numLayers, shape.bidirectional, seed, init, shape.nonlinearity);
}

/** Rows a section takes: header, caption, the stacked column, then each band (equation, caption, H values). */
function sectionRows(
  layout: CellLayout,
  inSize: number,
  H: number,
  bandCount: number,
  multi: boolean,
): number {
  return (multi ? 1 : 0) + 2 + inSize + H + layout.ones + bandCount * (H + 2);
}

/** Cell count estimate without building (for the "too large" message). */
export function estimateCells(layout: CellLayout, config: RecurrentConfig, shape: StackShape): number {
  const H = config.hiddenSize;
  const D = shape.bidirectional ? 2 : 1;
  const bands = layout.bands(shape).length;
  let total = 0;
  for (let l = 0; l < shape.numLayers; l++) {
    const inSize = l === 0 ? config.inputSize : D * H;
    const perStep = inSize + H + layout.ones + (layout.hasCell ? H : 0) + bands * H * (layout.blockWidth - 1);
    const weights = bands * H * (layout.weightCols(inSize, H, shape) + 1);
    total += D * (config.steps * perStep + weights);
  }
  return total + 40;
}

/** What every section of one sheet shares: the builder, the parameters, the columns, the input. */
interface Sheet {
  readonly b: PlanBuilder;
  readonly layout: CellLayout;
  readonly shape: StackShape;
  readonly p: StackParams;
  readonly T: number;
  readonly X: Matrix;
  /** Columns: summary labels, weight area, arrows, stacked-column labels, then time blocks. */
  readonly wCol: number;
  readonly arrowCol: number;
  timeCol(t: number): number;
  /** Where each section's h band sits, so later steps and layers can point at it. */
  readonly hBlocks: ((t: number) => Block)[][];
  /** The data sequence is written once (in the first section); other sections copy it. */
  dataX?: (t: number) => Block;
  /** The first section (layer 1, forward): the "What to try" box points into it. */
  first?: Section;
}

function newSheet(layout: CellLayout, config: RecurrentConfig, shape: StackShape): Sheet {
  const p = stackParams(layout.kind, config, shape);
  const D = p.bidirectional ? 2 : 1;
  const b = sheetBuilder(config, layout.kind.toUpperCase());
  const wCol = 1;
  let maxWeightCols = 0;
  for (let l = 0; l < p.numLayers; l++)
    maxWeightCols = Math.max(
      maxWeightCols,
      layout.weightCols(l === 0 ? p.inputSize : D * p.hiddenSize, p.hiddenSize, shape),
    );
  const arrowCol = wCol + maxWeightCols;
  return {
    b,
    layout,
    shape,
    p,
    T: config.steps,
    X: seededInput(config.steps, p.inputSize, config.seed, config.init),
    wCol,
    arrowCol,
    timeCol: (t) => arrowCol + 2 + t * layout.blockWidth,
    hBlocks: [],
  };
}

/**
 * Title, summary, legend and the dot-product note; returns the row below them, one blank
 * row down. The legend lists only what this stack writes: copies of the input and the
 * joined output [h→; h←] exist only in a bidirectional one.
 */
function writeTop(sh: Sheet, config: RecurrentConfig, variants: readonly Labelled[]): number {
  const lang = config.language;
  const unused: CellRole[] = sh.p.bidirectional ? [] : ['copy', 'output'];
  return writeTightFrame(sh.b, config, {
    title: sh.layout.title,
    sizes: [
      [label(lang, 'inputSize'), sh.p.inputSize],
      [label(lang, 'hiddenSize'), sh.p.hiddenSize],
    ],
    afterSteps: [[label(lang, 'layers'), sh.p.numLayers]],
    legendCol: sh.timeCol(0),
    legend: legendWithout(sh.layout.legend, unused),
    variants,
    note: label(lang, 'dotNote'),
  });
}

/** The Section a band writes through, for layer `l` and direction `reverse`, its stacked column at `stackTop`. */
function makeSection(
  sh: Sheet,
  l: number,
  reverse: boolean,
  stackTop: number,
  bandTop: Map<string, number>,
): Section {
  const { layout, shape, p } = sh;
  const H = p.hiddenSize;
  const inSize = l === 0 ? p.inputSize : (p.bidirectional ? 2 : 1) * H;
  const suffix = paramSuffix(shape, l, reverse);
  const prefix = tracePrefix(shape, l, reverse);
  const multi = !isPlainStack(shape);
  const band = (id: string, t: number, col = layout.valueCol): Block => {
    const r = bandTop.get(id);
    if (r === undefined) throw new Error(`no band ${id}`);
    return new Block(r, sh.timeCol(t) + col, H, 1);
  };
  return {
    b: sh.b,
    lang: sh.b.language,
    layer: l,
    reverse,
    H,
    inSize,
    T: sh.T,
    cell: p.layers[l][reverse ? 1 : 0],
    wCol: sh.wCol,
    arrowCol: sh.arrowCol,
    pname: (base) => base + suffix,
    tname: (base) => prefix + base,
    nameSuffix: multi ? `_l${l}${reverse ? 'r' : ''}` : '',
    captionSuffix: suffix,
    prev: reverse ? 't+1' : 't−1',
    timeCol: sh.timeCol,
    stack: (t) => new Block(stackTop, sh.timeCol(t), inSize + H + layout.ones, 1),
    x: (t) => new Block(stackTop, sh.timeCol(t), inSize, 1),
    hPrev: (t) => new Block(stackTop + inSize, sh.timeCol(t), H, 1),
    cPrev: (t) => new Block(stackTop + inSize, sh.timeCol(t) + layout.valueCol, H, 1),
    band,
  };
}

/** One layer-direction: caption, stacked column, then its bands. Returns the row below it. */
function writeSection(sh: Sheet, l: number, reverse: boolean, top: number): number {
  const { layout, shape, p, b } = sh;
  const H = p.hiddenSize;
  const multi = !isPlainStack(shape);
  const inSize = l === 0 ? p.inputSize : (p.bidirectional ? 2 : 1) * H;
  const bands = layout.bands(shape);
  const headerRow = top + (multi ? 1 : 0);
  const stackTop = headerRow + 2;
  const bandTop = new Map<string, number>();
  bands.forEach((band, k) => bandTop.set(band.id, stackTop + inSize + H + layout.ones + k * (H + 2) + 2));
  const section = makeSection(sh, l, reverse, stackTop, bandTop);
  if (!reverse) sh.hBlocks.push([]);
  sh.hBlocks[l].push((t) => section.band('h', t));
  if (multi) b.text(top, 0, layerCaption(b.language, l, reverse), 'section');
  writeStackColumn(sh, section, headerRow, stackTop);
  sh.dataX ??= section.x;
  sh.first ??= section;
  // Fresh bands per section: a band may remember where it wrote this section's weights.
  writeBands(section, layout.bands(shape), bandTop);
  b.name(`h_T${section.nameSuffix}`, section.band('h', reverse ? 0 : sh.T - 1).range);
  return top + sectionRows(layout, inSize, H, bands.length, multi) + 2;
}

/**
 * Each band of a section at its row: the equation (beside the band's first results where
 * the line holds it, else above its weights), its weights at the left, then its captions
 * and cells in every one of the section's time blocks.
 */
export function writeBands(
  section: Section,
  bands: readonly Band[],
  bandTop: ReadonlyMap<string, number>,
): void {
  const { b } = section;
  for (const bd of bands) {
    const valueTop = bandTop.get(bd.id) as number;
    b.bandEquation(valueTop - 2, section.timeCol(0) - 1, section.wCol, bd.equation(section));
    if (bd.roleLine) roleLine(b, { row: valueTop - 2, col: section.timeCol(0) }, bd.roleLine(section));
    bd.writeWeights?.(section, valueTop);
    for (let t = 0; t < section.T; t++) {
      for (const [col, text] of bd.captions(section))
        b.text(valueTop - 1, section.timeCol(t) + col, text, 'label');
      bd.writeStep(section, valueTop, t);
    }
  }
}

/** Frozen title (and weights, when narrow), then the widths of the weight area and the time blocks. */
function recurrentWidths(sh: Sheet): void {
  const { b, layout, arrowCol } = sh;
  const stackLabelCol = arrowCol + 1;
  // Keep the title in view, and the weights too when they are narrow enough to leave room for time.
  b.freeze(1, arrowCol <= 10 ? stackLabelCol + 1 : 0);
  b.width(0, 24);
  for (let c = sh.wCol; c < arrowCol; c++) b.width(c, 7);
  b.width(arrowCol, 3);
  b.width(stackLabelCol, 10);
  for (let t = 0; t < sh.T; t++)
    for (let c = 0; c < layout.blockWidth; c++) {
      const isGap = c === layout.blockWidth - 1;
      const isValue = c === layout.valueCol || c === 0 || (layout.kind === 'gru' && c === 1);
      b.width(sh.timeCol(t) + c, isGap ? GAP_WIDTH : isValue ? VALUE_WIDTH : OPERATOR_WIDTH);
    }
}

export function buildRecurrentSheet(
  layout: CellLayout,
  config: RecurrentConfig,
  shape: StackShape,
  variants: readonly Labelled[],
  /** The core on this sheet's config, for the values the "What to try" box asks for. */
  evaluate: SheetEvaluator,
): SheetPlan {
  const sh = newSheet(layout, config, shape);
  // Widths first: a band's equation goes beside its results only where the columns hold it.
  recurrentWidths(sh);
  const teachTop = writeTop(sh, config, variants);
  const hasBox = layout.tryIt !== undefined && sh.T >= (layout.tryMinSteps ?? 1);
  let row = teachTop + teachingTopRows(hasBox);
  for (let l = 0; l < sh.p.numLayers; l++)
    for (let d = 0; d < (sh.p.bidirectional ? 2 : 1); d++) row = writeSection(sh, l, d === 1, row);
  if (sh.p.bidirectional)
    writeJoinedOutput(
      sh.b,
      row,
      sh.T,
      (t) => sh.timeCol(t) + layout.valueCol,
      sh.hBlocks[sh.p.numLayers - 1],
    );
  const right = sh.timeCol(sh.T - 1) + layout.blockWidth - 2;
  const first = sh.first as Section;
  const box = hasBox ? layout.tryIt?.(first, shape, evaluate) : undefined;
  writeTeachingTop(sh.b, teachTop, right, layout.papersNote, box, hasBox);
  return sh.b.build();
}

/** Header, labels and the stacked column [x_t ; h_prev ; 1…] (plus c_prev for an LSTM) of every step. */
function writeStackColumn(sh: Sheet, s: Section, headerRow: number, stackTop: number): void {
  const { b, lang, H, inSize, T, layer } = s;
  const { layout } = sh;
  const labelCol = s.arrowCol + 1;
  b.text(headerRow, labelCol, label(lang, 'time'), 'header');
  roleLine(b, { row: headerRow, col: 0 }, t(lang, 'sheets.roles.recurrent.stack'));
  b.text(stackTop, labelCol, layer === 0 ? 'x_t' : `h⁽${layer}⁾_t`, 'label');
  b.text(stackTop + inSize, labelCol, `h_{${s.prev}}`, 'label');
  if (layout.ones > 0) b.text(stackTop + inSize + H, labelCol, '1', 'label');
  for (let t = 0; t < T; t++) {
    const col = s.timeCol(t);
    b.text(headerRow, col, `${label(lang, 'tEquals')} ${t + 1}`, 'header');
    b.text(headerRow + 1, col, layout.ones > 0 ? '[x;h;1]' : '[x;h]', 'label');
    writeInputCells(sh, s, stackTop, t);
    carriedState(sh, s, 'h', stackTop + inSize, col, t);
    for (let k = 0; k < layout.ones; k++) b.constant(stackTop + inSize + H + k, col, 1);
    if (layout.hasCell) {
      b.text(headerRow + 1, col + layout.valueCol, `c_{${s.prev}}`, 'label');
      carriedState(sh, s, 'c', stackTop + inSize, col + layout.valueCol, t);
    }
  }
}

/** x_t of step t: the data (first section), a copy of it (other first-layer sections) or the layer below's h. */
function writeInputCells(sh: Sheet, s: Section, stackTop: number, t: number): void {
  const { b, inSize, layer } = s;
  const col = s.timeCol(t);
  const at = { top: stackTop, left: col, rows: inSize, cols: 1, step: t } as const;
  const dataX = sh.dataX;
  if (layer === 0 && dataX) {
    const src = dataX(t);
    // A copy of the first section's input: same figures, same format, but not a cell to edit.
    b.computed({
      ...at,
      role: 'copy',
      formula: (r) => src.at(r),
      trace: s.tname('x'),
      tensor: 'x_t',
      equation: 'x_t',
      numberFormat: b.paramFormat,
    });
  } else if (layer === 0) {
    b.param({
      ...at,
      role: 'input',
      param: 'x',
      value: (r) => sh.X.data[t * inSize + r],
      flat: (r) => t * inSize + r,
      tensor: 'x_t',
      index: (r) => [t, r],
    });
  } else {
    // Layer l reads layer l − 1's output at the same time step: [h_fwd ; h_bwd].
    const below = sh.hBlocks[layer - 1];
    b.computed({
      ...at,
      role: 'state',
      formula: (r) => below[Math.floor(r / s.H)](t).at(r % s.H),
      trace: s.tname('x'),
      tensor: `x_t (layer ${layer + 1})`,
      equation: `x^{(${layer + 1})}_t = h^{(${layer})}_t`,
    });
  }
}

/** h (or c) carried into step t: the zero initial state at the section's first step, else the neighbour step's band. */
function carriedState(sh: Sheet, s: Section, name: 'h' | 'c', top: number, col: number, t: number): void {
  const { b, H, T, reverse } = s;
  const first = reverse ? t === T - 1 : t === 0;
  const stateIndex = s.layer * (sh.p.bidirectional ? 2 : 1) + (reverse ? 1 : 0);
  const at = { top, left: col, rows: H, cols: 1, role: 'state', step: t } as const;
  if (first) {
    b.param({
      ...at,
      param: `${name}0`,
      value: () => 0,
      flat: (r) => stateIndex * H + r,
      tensor: `${name}_0`,
      index: (r) => [stateIndex, r],
    });
    return;
  }
  const neighbour = reverse ? t + 1 : t - 1;
  const from = s.band(name, neighbour);
  const copy = b.computed({
    ...at,
    formula: (r) => from.at(r),
    trace: s.tname(`${name}_prev`),
    tensor: `${name}_{${s.prev}}`,
    equation: `${name}_{${s.prev}}`,
  });
  carried(b, { from, to: copy, state: name, step: neighbour });
}

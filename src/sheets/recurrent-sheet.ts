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
import { label, layerCaption, pick, type Bilingual } from './i18n';
import { seededInput } from './inputs';
import { Block, PlanBuilder, paramFormatFor, type LegendEntry } from './layout';
import type { Labelled, ModelConfig } from './model-spec';
import { initLabel, variantLabel } from './sheet-frame';
import type { Language, ModelId, SheetPlan } from './plan';

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
  /** Suffix for workbook names and captions of this section ('' or '_l1r'). */
  readonly nameSuffix: string;
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
}

export interface CellLayout {
  readonly kind: CellKind;
  readonly model: ModelId;
  readonly title: Bilingual;
  /** Columns per time step (the last is a gap). */
  readonly blockWidth: number;
  /** Column (within a time block) of the band values other bands and steps refer to. */
  readonly valueCol: number;
  /** Constant 1s under the stacked column (one per bias vector dotted in). */
  readonly ones: number;
  readonly hasCell: boolean;
  /** The colours of this cell's sheet in its own words (copies appear only in multi-section sheets). */
  readonly legend: readonly LegendEntry[];
  weightCols(inSize: number, H: number, shape: StackShape): number;
  bands(shape: StackShape): readonly Band[];
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
export function stackParams(kind: CellKind, config: ModelConfig, shape: StackShape): StackParams {
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
export function estimateCells(layout: CellLayout, config: ModelConfig, shape: StackShape): number {
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

export function buildRecurrentSheet(
  layout: CellLayout,
  config: ModelConfig,
  shape: StackShape,
  variants: readonly Labelled[] = [],
): SheetPlan {
  const lang = config.language;
  const p = stackParams(layout.kind, config, shape);
  const H = p.hiddenSize;
  const I = p.inputSize;
  const T = config.steps;
  const D = p.bidirectional ? 2 : 1;
  const X: Matrix = seededInput(T, I, config.seed, config.init);
  const bands = layout.bands(shape);
  const multi = !isPlainStack(shape);
  const b = new PlanBuilder(
    layout.model,
    lang,
    layout.kind.toUpperCase(),
    configRecord(config),
    paramFormatFor(config.init, !!config.stateDict),
  );

  // Columns: summary labels, weight area, arrows, stacked-column labels, then time blocks.
  const wCol = 1;
  let maxWeightCols = 0;
  for (let l = 0; l < p.numLayers; l++)
    maxWeightCols = Math.max(maxWeightCols, layout.weightCols(l === 0 ? I : D * H, H, shape));
  const arrowCol = wCol + maxWeightCols;
  const stackLabelCol = arrowCol + 1;
  const timeCol = (t: number) => stackLabelCol + 1 + t * layout.blockWidth;

  b.title(0, 0, `${pick(lang, layout.title)} | ${label(lang, 'byHand')}`, 12);
  b.text(1, 0, label(lang, 'liveNote'), 'note');
  const summary: [string, string | number][] = [
    [label(lang, 'inputSize'), I],
    [label(lang, 'hiddenSize'), H],
    [label(lang, 'steps'), T],
    [label(lang, 'layers'), p.numLayers],
    [label(lang, 'seed'), config.seed],
    [label(lang, 'init'), initLabel(config)],
  ];
  const variant = variantLabel(variants, config);
  if (variant !== undefined) summary.push([label(lang, 'variant'), variant]);
  const afterSummary = b.keyValues(3, 0, summary);
  const afterLegend = b.legend(3, timeCol(0), layout.legend);
  b.text(afterSummary + 1, 0, label(lang, 'dotNote'), 'note');
  let row = Math.max(afterSummary + 2, afterLegend) + 2;

  // Where each section's h band sits, so later steps and layers can point at it.
  const hBlocks: ((t: number) => Block)[][] = [];
  // The data sequence is written once (in the first section); other sections copy it.
  let dataX: ((t: number) => Block) | undefined;
  for (let l = 0; l < p.numLayers; l++) {
    const inSize = l === 0 ? I : D * H;
    hBlocks.push([]);
    for (let d = 0; d < D; d++) {
      const reverse = d === 1;
      const top = row;
      const rows = sectionRows(layout, inSize, H, bands.length, multi);
      row += rows + 2;
      const headerRow = top + (multi ? 1 : 0);
      const stackTop = headerRow + 2;
      const bandTop = new Map<string, number>();
      bands.forEach((band, k) => bandTop.set(band.id, stackTop + inSize + H + layout.ones + k * (H + 2) + 2));
      const band = (id: string, t: number, col = layout.valueCol): Block => {
        const r = bandTop.get(id);
        if (r === undefined) throw new Error(`no band ${id}`);
        return new Block(r, timeCol(t) + col, H, 1);
      };
      hBlocks[l].push((t) => band('h', t));
      const suffix = paramSuffix(shape, l, reverse);
      const prefix = tracePrefix(shape, l, reverse);
      const section: Section = {
        b,
        lang,
        layer: l,
        reverse,
        H,
        inSize,
        T,
        cell: p.layers[l][d],
        wCol,
        arrowCol,
        pname: (base) => base + suffix,
        tname: (base) => prefix + base,
        nameSuffix: multi ? `_l${l}${reverse ? 'r' : ''}` : '',
        prev: reverse ? 't+1' : 't−1',
        timeCol,
        stack: (t) => new Block(stackTop, timeCol(t), inSize + H + layout.ones, 1),
        x: (t) => new Block(stackTop, timeCol(t), inSize, 1),
        hPrev: (t) => new Block(stackTop + inSize, timeCol(t), H, 1),
        cPrev: (t) => new Block(stackTop + inSize, timeCol(t) + layout.valueCol, H, 1),
        band,
      };
      if (multi) b.text(top, 0, layerCaption(lang, l, reverse), 'section');
      writeStackColumn(layout, section, headerRow, stackTop, X, hBlocks, D, dataX);
      dataX ??= section.x;
      // Fresh bands per section: a band may remember where it wrote this section's weights.
      layout.bands(shape).forEach((bd, k) => {
        const valueTop = bandTop.get(bd.id) as number;
        b.equation(valueTop - 2, wCol, bd.equation(section));
        bd.writeWeights?.(section, valueTop);
        for (let t = 0; t < T; t++) {
          for (const [col, text] of bd.captions(section))
            b.text(valueTop - 1, timeCol(t) + col, text, 'label');
          bd.writeStep(section, valueTop, t);
        }
        if (k === bands.length - 1) {
          const last = reverse ? 0 : T - 1;
          b.name(`h_T${section.nameSuffix}`, band('h', last).range);
        }
      });
    }
  }

  // Keep the title in view, and the weights too when they are narrow enough to leave room for time.
  b.freeze(1, arrowCol <= 10 ? stackLabelCol + 1 : 0);
  b.width(0, 24);
  for (let c = wCol; c < arrowCol; c++) b.width(c, 7);
  b.width(arrowCol, 3);
  b.width(stackLabelCol, 10);
  for (let t = 0; t < T; t++)
    for (let c = 0; c < layout.blockWidth; c++) {
      const isGap = c === layout.blockWidth - 1;
      const isValue = c === layout.valueCol || c === 0 || (layout.kind === 'gru' && c === 1);
      b.width(timeCol(t) + c, isGap ? 3 : isValue ? 10 : 5);
    }
  return b.build();
}

/** Header, labels and the stacked column [x_t ; h_prev ; 1…] (plus c_prev for an LSTM) of every step. */
function writeStackColumn(
  layout: CellLayout,
  s: Section,
  headerRow: number,
  stackTop: number,
  X: Matrix,
  hBlocks: readonly ((t: number) => Block)[][],
  D: number,
  dataX: ((t: number) => Block) | undefined,
): void {
  const { b, lang, H, inSize, T, layer, reverse } = s;
  const labelCol = s.arrowCol + 1;
  b.text(headerRow, labelCol, label(lang, 'time'), 'header');
  b.text(stackTop, labelCol, layer === 0 ? 'x_t' : `h⁽${layer}⁾_t`, 'label');
  b.text(stackTop + inSize, labelCol, `h_{${s.prev}}`, 'label');
  if (layout.ones > 0) b.text(stackTop + inSize + H, labelCol, '1', 'label');
  const stateIndex = layer * D + (reverse ? 1 : 0);
  for (let t = 0; t < T; t++) {
    const col = s.timeCol(t);
    b.text(headerRow, col, `${label(lang, 'tEquals')} ${t + 1}`, 'header');
    b.text(headerRow + 1, col, layout.ones > 0 ? '[x;h;1]' : '[x;h]', 'label');
    if (layer === 0 && dataX) {
      const src = dataX(t);
      // A copy of the first section's input: same figures, same format, but not a cell to edit.
      b.computed({
        top: stackTop,
        left: col,
        rows: inSize,
        cols: 1,
        role: 'copy',
        formula: (r) => src.at(r),
        trace: s.tname('x'),
        step: t,
        tensor: 'x_t',
        equation: 'x_t',
        numberFormat: b.paramFormat,
      });
    } else if (layer === 0) {
      b.param({
        top: stackTop,
        left: col,
        rows: inSize,
        cols: 1,
        role: 'input',
        param: 'x',
        step: t,
        value: (r) => X.data[t * inSize + r],
        flat: (r) => t * inSize + r,
        tensor: 'x_t',
        index: (r) => [t, r],
      });
    } else {
      // Layer l reads layer l − 1's output at the same time step: [h_fwd ; h_bwd].
      b.computed({
        top: stackTop,
        left: col,
        rows: inSize,
        cols: 1,
        role: 'state',
        formula: (r) => hBlocks[layer - 1][Math.floor(r / H)](t).at(r % H),
        trace: s.tname('x'),
        step: t,
        tensor: `x_t (layer ${layer + 1})`,
        equation: `x^{(${layer + 1})}_t = h^{(${layer})}_t`,
      });
    }
    const first = reverse ? t === T - 1 : t === 0;
    const neighbour = reverse ? t + 1 : t - 1;
    if (first) {
      b.param({
        top: stackTop + inSize,
        left: col,
        rows: H,
        cols: 1,
        role: 'state',
        param: 'h0',
        step: t,
        value: () => 0,
        flat: (r) => stateIndex * H + r,
        tensor: 'h_0',
        index: (r) => [stateIndex, r],
      });
    } else {
      b.computed({
        top: stackTop + inSize,
        left: col,
        rows: H,
        cols: 1,
        role: 'state',
        formula: (r) => s.band('h', neighbour).at(r),
        trace: s.tname('h_prev'),
        step: t,
        tensor: `h_{${s.prev}}`,
        equation: `h_{${s.prev}}`,
      });
    }
    for (let k = 0; k < layout.ones; k++) b.constant(stackTop + inSize + H + k, col, 1);
    if (layout.hasCell) {
      const cCol = col + layout.valueCol;
      b.text(headerRow + 1, cCol, `c_{${s.prev}}`, 'label');
      if (first) {
        b.param({
          top: stackTop + inSize,
          left: cCol,
          rows: H,
          cols: 1,
          role: 'state',
          param: 'c0',
          step: t,
          value: () => 0,
          flat: (r) => stateIndex * H + r,
          tensor: 'c_0',
          index: (r) => [stateIndex, r],
        });
      } else {
        b.computed({
          top: stackTop + inSize,
          left: cCol,
          rows: H,
          cols: 1,
          role: 'state',
          formula: (r) => s.band('c', neighbour).at(r),
          trace: s.tname('c_prev'),
          step: t,
          tensor: `c_{${s.prev}}`,
          equation: `c_{${s.prev}}`,
        });
      }
    }
  }
}

function configRecord(config: ModelConfig): Record<string, unknown> {
  return { ...config };
}

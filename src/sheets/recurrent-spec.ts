/**
 * The RNN, LSTM and GRU sheets as models of the one spec factory (define-spec.ts): a
 * model file supplies its cell layout and what each of its variants means for the stack;
 * the recurrent checks (a pasted state_dict matching the asked sizes, a peephole LSTM's
 * single layer) are the factory's extra checks.
 */
import { t } from '../i18n';
import { defineSpec, type SheetModel } from './define-spec';
import { bilingual, type Bilingual, type PlainKey } from './i18n';
import type {
  Labelled,
  ModelSpec,
  RecurrentConfig,
  RecurrentKind,
  SizeField,
  SizeLimit,
  VariantIds,
} from './model-spec';
import type { Trace } from '../core/trace';
import type { SheetPlan } from './plan';
import { stackForward } from '../core/stack';
import { seededInput } from './inputs';
import { evaluateStack } from './recurrent-evaluate';
import {
  buildRecurrentSheet,
  estimateCells,
  stackParams,
  type CellLayout,
  type StackShape,
} from './recurrent-sheet';

/** Readable on a screen: a 16-wide hidden state over 32 steps is already a large sheet. */
export const RECURRENT_LIMITS: Partial<Record<SizeField, SizeLimit>> = {
  inputSize: { min: 1, max: 16 },
  hiddenSize: { min: 1, max: 16 },
  steps: { min: 1, max: 32 },
  numLayers: { min: 1, max: 3 },
};

/** A variant and what it means for the stack: unlisted, one direction, no peephole, the cell's own nonlinearity. */
export interface RecurrentVariant<M extends RecurrentKind = RecurrentKind> extends Labelled<VariantIds[M]> {
  readonly stack?: Partial<Omit<StackShape, 'numLayers'>>;
}

/** The bidirectional variant, the same for the three cells. */
export const BIDIRECTIONAL = {
  id: 'bidirectional',
  label: bilingual('sheets.recurrent.variant.bidirectional'),
  stack: { bidirectional: true },
} as const satisfies RecurrentVariant;

/** One of the three cells; M types its variants, so each lists only its own ids. */
export interface RecurrentModel<M extends RecurrentKind = RecurrentKind> {
  readonly layout: CellLayout;
  readonly label: Bilingual;
  /** The first is a new sheet's variant. */
  readonly variants: readonly RecurrentVariant<M>[];
  /** A new sheet's hidden size; its other settings are the same for the three cells. */
  readonly hiddenSize: number;
}

/** What the config's variant (and layers) mean for the stack. */
export function stackShape(model: RecurrentModel, config: RecurrentConfig): StackShape {
  const stack = model.variants.find((v) => v.id === config.variant)?.stack;
  return { numLayers: config.numLayers ?? 1, bidirectional: false, peephole: false, ...stack };
}

/**
 * A new sheet of the model: three inputs, four steps, one layer, seed 1, PyTorch-style
 * decimals (hand-style integers drive almost every state to ±1; they stay an option).
 */
export function recurrentDefaults(model: RecurrentModel): RecurrentConfig {
  // The layout's kind and the first variant belong to the same model: RecurrentModel<M>
  // ties them, but not in a way the union RecurrentConfig can see.
  return {
    model: model.layout.kind,
    language: 'en',
    inputSize: 3,
    hiddenSize: model.hiddenSize,
    steps: 4,
    seed: 1,
    init: 'torch',
    variant: model.variants[0].id,
    numLayers: 1,
  } as RecurrentConfig;
}

/** A pasted state_dict must load and match the sizes the sheet is asked for. */
function stateDictProblems(model: RecurrentModel, config: RecurrentConfig): string[] {
  if (!config.stateDict) return [];
  const lang = config.language;
  const shape = stackShape(model, config);
  const p = stackParams(model.layout.kind, config, shape);
  const hasPeephole = p.layers.some((dirs) => dirs.some((c) => 'peephole' in c && c.peephole !== undefined));
  const pairs: [PlainKey, number | boolean, number | boolean][] = [
    ['sheets.recurrent.inputSize', p.inputSize, config.inputSize],
    ['sheets.recurrent.hiddenSize', p.hiddenSize, config.hiddenSize],
    ['sheets.recurrent.layers', p.numLayers, shape.numLayers],
    ['sheets.recurrent.bidirectional', p.bidirectional, shape.bidirectional],
    ['sheets.recurrent.peephole', hasPeephole, shape.peephole],
  ];
  return pairs
    .filter(([, dict, asked]) => dict !== asked)
    .map(([what, dict, asked]) =>
      t(lang, 'sheets.recurrent.mismatch', {
        what: t(lang, what),
        dict: String(dict),
        asked: String(asked),
      }),
    );
}

/**
 * Above this |h| a sheet's sums stop being exact enough: a dot product of numbers near
 * 1e9 that cancels keeps ~1e-7 of rounding, where the checks hold cells to 1e-9.
 */
export const RELU_GROWTH_LIMIT = 1e9;

/**
 * A ReLU stack drawn with small-integer weights can grow h by a factor of several each
 * step (nothing squashes it): at 16 units over 32 steps, to 1e21, far past 2⁵³, where
 * the sheet and the core round differently and a typed answer cannot be checked. Such a
 * sheet teaches nothing, so it is refused with the step where h passes the limit.
 */
function reluGrowthProblems(kind: RecurrentKind, c: RecurrentConfig, shape: StackShape): string[] {
  if (shape.nonlinearity !== 'relu' || c.init !== 'hand' || c.stateDict) return [];
  const p = stackParams(kind, c, shape);
  const X = seededInput(c.steps, c.inputSize, c.seed, c.init);
  let step = Infinity;
  let largest = 0;
  for (let l = 1; l <= p.numLayers; l++) {
    const out = stackForward({ ...p, numLayers: l, layers: p.layers.slice(0, l) }, X).output;
    for (let t = 0; t < out.rows; t++)
      for (let j = 0; j < out.cols; j++) {
        const v = Math.abs(out.data[t * out.cols + j]);
        largest = Math.max(largest, v);
        if (v > RELU_GROWTH_LIMIT) step = Math.min(step, t + 1);
      }
  }
  if (step === Infinity) return [];
  return [
    t(c.language, 'sheets.recurrent.reluGrows', {
      largest: largest.toExponential(1).toUpperCase(),
      step,
    }),
  ];
}

/** The recurrent model as the factory's SheetModel. */
function sheetModel(
  model: RecurrentModel,
  limits: Partial<Record<SizeField, SizeLimit>>,
): SheetModel<RecurrentConfig> {
  const layout = model.layout;
  return {
    id: layout.kind,
    label: model.label,
    variants: model.variants,
    limits,
    defaults: recurrentDefaults(model),
    estimateCells: (c) => estimateCells(layout, c, stackShape(model, c)),
    stateDictProblems: (c) => stateDictProblems(model, c),
    extraProblems: (c) => {
      const shape = stackShape(model, c);
      if (shape.peephole && shape.numLayers > 1 && !c.stateDict)
        return [t(c.language, 'sheets.recurrent.peepholeLayers')];
      return reluGrowthProblems(layout.kind, c, shape);
    },
    build: (c) => buildUnchecked(model, c),
    evaluate: (c, params) => evaluateRecurrent(model, c, params),
  };
}

export function recurrentSpec(
  model: RecurrentModel,
  limits: Partial<Record<SizeField, SizeLimit>> = RECURRENT_LIMITS,
): ModelSpec<RecurrentConfig> {
  return defineSpec(sheetModel(model, limits));
}

/** Builds without the size limits: benchmarks use it to time sheets larger than the pane offers. */
export function buildUnchecked(model: RecurrentModel, config: RecurrentConfig): SheetPlan {
  return buildRecurrentSheet(model.layout, config, stackShape(model, config), model.variants, (params) =>
    evaluateRecurrent(model, config, params),
  );
}

function evaluateRecurrent(
  model: RecurrentModel,
  c: RecurrentConfig,
  params: Readonly<Record<string, Float64Array>>,
): Trace {
  return evaluateStack(model.layout.kind, c, params, stackShape(model, c), c.hiddenSize, c.inputSize);
}

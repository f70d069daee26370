/**
 * What every model's sheet builder offers the rest of the product. The task pane reads
 * limits and defaults from here, hosts write the plans, and the practice checker and the
 * evaluation tests use `evaluate` to recompute a sheet from the values in its own input
 * cells (the cells whose meaning carries `param`).
 */
import type { InitStyle } from '../core/random';
import type { Trace } from '../core/trace';
import type { Language, ModelId, SheetPlan } from './plan';

/** A PyTorch-style state_dict as JSON: tensor name → number, vector or nested arrays. */
export type StateDictJson = Record<string, unknown>;

/** Every size a model's config may have; each model's config names only its own. */
export type SizeField =
  | 'inputSize'
  | 'hiddenSize'
  | 'steps'
  | 'numLayers'
  | 'channels'
  | 'stateSize'
  | 'dModel'
  | 'dInner'
  | 'heads'
  | 'headSize'
  | 'outputSize'
  | 'targetSteps';

/** What every model's config holds besides its sizes. */
interface CommonConfig {
  readonly language: Language;
  /** Sequence length T. */
  readonly steps: number;
  readonly seed: number;
  readonly init: InitStyle;
  /** Weights pasted or uploaded by the user; replaces seeded init when present. */
  readonly stateDict?: StateDictJson;
}

/** The variant ids each model offers (the labels are the spec's `variants`). */
export interface VariantIds {
  readonly rnn: 'tanh' | 'relu' | 'bidirectional' | 'bidirectional-relu';
  readonly lstm: 'standard' | 'peephole' | 'bidirectional';
  readonly gru: 'standard' | 'bidirectional';
  readonly 'mamba-scan': 'zoh' | 'euler' | 'zoh-sequential' | 'euler-sequential';
  readonly 'mamba-block': 'zoh' | 'euler';
  readonly slstm: 'sigmoid' | 'exp';
  readonly mlstm: 'standard';
  readonly 'rnn-bptt': 'standard' | 'long';
  readonly 'lstm-bptt': 'standard' | 'long';
  readonly 'lstm-seq2seq': 'teacher-forcing' | 'feed-back';
}

export type RecurrentKind = 'rnn' | 'lstm' | 'gru';
/** The training sheets: one recurrent cell, trained by backpropagation through time. */
export type TrainingKind = 'rnn-bptt' | 'lstm-bptt';

/** RNN, LSTM, GRU and their training sheets: input features I, hidden size H, stacked layers. */
interface RecurrentFields<M extends RecurrentKind | TrainingKind> extends CommonConfig {
  readonly model: M;
  readonly inputSize: number;
  readonly hiddenSize: number;
  /** Stacked layers (default 1). */
  readonly numLayers?: number;
  readonly variant?: VariantId;
}

/** The config of one recurrent model, or (without M) of any of the three. */
export type RecurrentConfig<M extends RecurrentKind = RecurrentKind> = M extends RecurrentKind
  ? RecurrentFields<M>
  : never;

/** The config of one training sheet, or (without M) of either: the cell with an output head of O outputs. */
export type TrainingConfig<M extends TrainingKind = TrainingKind> = M extends TrainingKind
  ? RecurrentFields<M> & {
      /** Outputs O per step (the rows of W_hy and the columns of the targets). */
      readonly outputSize: number;
    }
  : never;

/** The selective scan alone: D channels, each with a state of size N. */
export interface MambaScanConfig extends CommonConfig {
  readonly model: 'mamba-scan';
  readonly channels: number;
  readonly stateSize: number;
  readonly variant?: VariantId;
}

/** The Mamba block: d_model features in and out, d_inner channels scanned, state size N. */
export interface MambaBlockConfig extends CommonConfig {
  readonly model: 'mamba-block';
  readonly dModel: number;
  readonly dInner: number;
  readonly stateSize: number;
  readonly variant?: VariantId;
}

/** sLSTM: input features I, hidden size H split over `heads` heads. */
export interface SlstmConfig extends CommonConfig {
  readonly model: 'slstm';
  readonly inputSize: number;
  readonly hiddenSize: number;
  readonly heads: number;
  readonly variant?: VariantId;
}

/** mLSTM: input features I, one head of size d. */
export interface MlstmConfig extends CommonConfig {
  readonly model: 'mlstm';
  readonly inputSize: number;
  readonly headSize: number;
  readonly variant?: VariantId;
}

/**
 * The LSTM encoder–decoder: I source features over `steps` (T_src) steps, hidden size H
 * shared by encoder and decoder, O outputs over `targetSteps` (T_tgt) decoder steps.
 */
export interface Seq2seqConfig extends CommonConfig {
  readonly model: 'lstm-seq2seq';
  readonly inputSize: number;
  readonly hiddenSize: number;
  /** Output size O (the rows of W_hy, and the decoder's input size). */
  readonly outputSize: number;
  /** Decoder steps T_tgt (`steps` is the source length T_src). */
  readonly targetSteps: number;
  readonly variant?: VariantId;
}

/** Every variant id of every model: literal ids, never free strings (each spec lists its own). */
export type VariantId = VariantIds[keyof VariantIds];

/** A sheet's configuration, keyed by model: each model's sizes under names that say what they are. */
export type ModelConfig =
  | RecurrentConfig<'rnn'>
  | RecurrentConfig<'lstm'>
  | RecurrentConfig<'gru'>
  | MambaScanConfig
  | MambaBlockConfig
  | SlstmConfig
  | MlstmConfig
  | TrainingConfig<'rnn-bptt'>
  | TrainingConfig<'lstm-bptt'>
  | Seq2seqConfig;

export type ConfigOf<M extends ModelId> = Extract<ModelConfig, { readonly model: M }>;

/**
 * Settings as plain data, before the one parser (stored-config.ts) has typed them: what a
 * sheet's marker, a saved form or a spread of defaults holds. A spec takes these at its
 * boundary, parses them into its model's config and refuses another model's.
 */
export type Settings = {
  readonly model: ModelId;
  readonly language: Language;
  readonly steps: number;
  readonly seed: number;
  readonly init: InitStyle;
  readonly variant?: string;
  readonly stateDict?: StateDictJson;
} & Partial<Record<SizeField, number>>;

export interface SizeLimit {
  readonly min: number;
  readonly max: number;
}

export interface Labelled<Id extends string = string> {
  readonly id: Id;
  readonly label: { readonly en: string; readonly zh: string };
}

/**
 * A model's spec. Its methods take the model's own config; a spec reached through the
 * registry takes any ModelConfig and reports one of another model as a problem.
 */
export interface ModelSpec<C extends ModelConfig = ModelConfig> {
  readonly id: C['model'];
  readonly label: { readonly en: string; readonly zh: string };
  readonly variants: readonly Labelled<NonNullable<C['variant']>>[];
  /** Only the fields listed here apply to this model; each with its enforced limits. */
  readonly limits: Partial<Record<SizeField, SizeLimit>>;
  readonly defaults: C;
  /** Problems with the settings in their language; empty when they parse and can be built. */
  validate(config: Settings): string[];
  /** Throws an Error with a readable message when `validate` reports problems. */
  build(config: Settings): SheetPlan;
  /**
   * Recomputes the model from parameter values read off a sheet: `params[name]` holds the
   * flat values of the cells whose meaning has `param.name === name` (by `param.flat`).
   * Returns the trace whose entries the computed cells (`meaning.trace`) must equal.
   */
  evaluate(config: Settings, params: Readonly<Record<string, Float64Array>>): Trace;
  /**
   * Whether the sheet for `config` computes something level by level (a parallel scan),
   * so practice can blank one level; absent means never.
   */
  levelled?(config: Settings): boolean;
  /**
   * A sheet that runs a backward pass: the trace names of its derivative cells, so practice
   * can blank one gradient or one backward step; absent means the sheet has none.
   */
  readonly derivatives?: DerivativeTraces;
}

/** The trace names of a training sheet's derivative cells. */
export interface DerivativeTraces {
  /** Every derivative: per-step parts, contributions, accumulated gradients, ∂L/∂h₀ … */
  readonly gradients: readonly string[];
  /** The backward band's cells of one time step (what one step of BPTT computes). */
  readonly backwardStep: readonly string[];
}

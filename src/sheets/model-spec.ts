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

export type SizeField =
  'inputSize' | 'hiddenSize' | 'steps' | 'stateSize' | 'heads' | 'numLayers' | 'outputSize' | 'targetSteps';

export interface ModelConfig {
  readonly model: ModelId;
  readonly language: Language;
  /** Input features I (Mamba scan: channels D; Mamba block: d_model). */
  readonly inputSize: number;
  /** Hidden size H (Mamba block: d_inner; mLSTM: head dimension d). */
  readonly hiddenSize: number;
  readonly steps: number;
  readonly seed: number;
  readonly init: InitStyle;
  /** Model-specific variant id, e.g. 'peephole', 'bidirectional', 'stacked', 'zoh', 'euler', 'exp'. */
  readonly variant?: string;
  /** Mamba state size N. */
  readonly stateSize?: number;
  /** sLSTM heads. */
  readonly heads?: number;
  /** Stacked RNN/LSTM/GRU layers. */
  readonly numLayers?: number;
  /** Encoder–decoder: output size O (the rows of W_hy, and the decoder's input size). */
  readonly outputSize?: number;
  /** Encoder–decoder: decoder steps T_tgt (`steps` is the source length T_src). */
  readonly targetSteps?: number;
  /** Weights pasted or uploaded by the user; replaces seeded init when present. */
  readonly stateDict?: StateDictJson;
}

export interface SizeLimit {
  readonly min: number;
  readonly max: number;
}

export interface Labelled {
  readonly id: string;
  readonly label: { readonly en: string; readonly zh: string };
}

export interface ModelSpec {
  readonly id: ModelId;
  readonly label: { readonly en: string; readonly zh: string };
  readonly variants: readonly Labelled[];
  /** Only the fields listed here apply to this model; each with its enforced limits. */
  readonly limits: Partial<Record<SizeField, SizeLimit>>;
  readonly defaults: ModelConfig;
  /** Problems with a config in the config's language; empty when it can be built. */
  validate(config: ModelConfig): string[];
  /** Throws an Error with a readable message when `validate` reports problems. */
  build(config: ModelConfig): SheetPlan;
  /**
   * Recomputes the model from parameter values read off a sheet: `params[name]` holds the
   * flat values of the cells whose meaning has `param.name === name` (by `param.flat`).
   * Returns the trace whose entries the computed cells (`meaning.trace`) must equal.
   */
  evaluate(config: ModelConfig, params: Readonly<Record<string, Float64Array>>): Trace;
  /**
   * Whether the sheet for `config` computes something level by level (a parallel scan),
   * so practice can blank one level; absent means never.
   */
  levelled?(config: ModelConfig): boolean;
}

/**
 * Every model's sheet spec, by id. Adding a model is one import and one entry below;
 * ids without an entry yet are simply absent (the record is Partial), so the task pane
 * and tools list only what can be built.
 */
import type {
  ConfigOf,
  ModelConfig,
  ModelSpec,
  RecurrentConfig,
  RecurrentKind,
  TrainingConfig,
  TrainingKind,
} from './model-spec';
import type { ModelId, SheetPlan } from './plan';
import { lstmBpttSpec, rnnBpttSpec } from './bptt-sheet';
import { shortName } from '../core/name-list';
import { ownValue } from '../core/own';
import { gruSpec } from './gru-sheet';
import { lstmSpec } from './lstm-sheet';
import { lstmSeq2seqSpec } from './lstm-seq2seq-sheet';
import { mambaBlockSpec } from './mamba-block-sheet';
import { mambaScanSpec } from './mamba-scan-sheet';
import { mlstmSpec } from './mlstm-sheet';
import { rnnSpec } from './rnn-sheet';
import { slstmSpec } from './slstm-sheet';

/** The spec of model M, taking M's own config (one spec serves the three recurrent models' configs). */
export type SpecOf<M extends ModelId> = ModelSpec<
  M extends RecurrentKind ? RecurrentConfig : M extends TrainingKind ? TrainingConfig : ConfigOf<M>
>;

export const MODELS: { readonly [M in ModelId]?: SpecOf<M> } = {
  rnn: rnnSpec,
  lstm: lstmSpec,
  gru: gruSpec,
  'mamba-scan': mambaScanSpec,
  'mamba-block': mambaBlockSpec,
  slstm: slstmSpec,
  mlstm: mlstmSpec,
  'rnn-bptt': rnnBpttSpec,
  'lstm-bptt': lstmBpttSpec,
  'lstm-seq2seq': lstmSeq2seqSpec,
};

export function availableModels(): ModelSpec[] {
  const specs: (ModelSpec | undefined)[] = Object.values(MODELS);
  return specs.filter((s): s is ModelSpec => s !== undefined);
}

export function specFor<M extends ModelId>(model: M): SpecOf<M>;
export function specFor(model: string): ModelSpec;
export function specFor(model: string): ModelSpec {
  // Own properties only: "constructor" or "toString" must be unknown models, not Object's members.
  const spec = ownValue<ModelSpec | undefined>(MODELS, model);
  if (!spec) {
    const known = Object.keys(MODELS).join(', ');
    throw new Error(`unknown model "${shortName(String(model))}"; available: ${known}`);
  }
  return spec;
}

/** Validates and builds: the one entry point hosts and tools use. */
export function buildPlan(config: ModelConfig): SheetPlan {
  return specFor(config.model).build(config);
}

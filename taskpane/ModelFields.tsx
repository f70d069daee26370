/** The model and variant pickers of the build form. */
import { Field, Select } from '@fluentui/react-components';
import type { ModelSpec } from '../src/sheets/model-spec';
import type { Language, ModelId } from '../src/sheets/plan';
import type { Strings } from './strings';

interface Props {
  readonly models: readonly ModelSpec[];
  readonly spec: ModelSpec;
  readonly model: ModelId;
  readonly variant: string;
  readonly language: Language;
  readonly strings: Strings;
  readonly disabled: boolean;
  readonly onModel: (id: ModelId) => void;
  readonly onVariant: (variant: string) => void;
}

export function ModelFields({
  models,
  spec,
  model,
  variant,
  language,
  strings,
  disabled,
  onModel,
  onVariant,
}: Props) {
  return (
    <>
      <Field label={strings.model}>
        <Select value={model} disabled={disabled} onChange={(_, d) => onModel(d.value as ModelId)}>
          {models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label[language]}
            </option>
          ))}
        </Select>
      </Field>
      {spec.variants.length > 0 && (
        <Field label={strings.variant}>
          <Select value={variant} disabled={disabled} onChange={(_, d) => onVariant(d.value)}>
            {spec.variants.map((v) => (
              <option key={v.id} value={v.id}>
                {v.label[language]}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </>
  );
}

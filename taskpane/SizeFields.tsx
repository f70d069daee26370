/** One number input per size the model's spec lists, each showing its range and its error. */
import { Field, Input } from '@fluentui/react-components';
import type { ModelSpec, SizeField } from '../src/sheets/model-spec';
import { specFields } from './form';
import type { Strings } from './strings';

interface Props {
  readonly spec: ModelSpec;
  readonly values: Partial<Record<SizeField, string>>;
  readonly errors: Partial<Record<SizeField, string>>;
  readonly strings: Strings;
  readonly disabled: boolean;
  readonly onChange: (field: SizeField, text: string) => void;
}

export function SizeFields({ spec, values, errors, strings, disabled, onChange }: Props) {
  return (
    <>
      {specFields(spec).map((field) => {
        const limit = spec.limits[field]!;
        const error = errors[field];
        return (
          <Field
            key={field}
            label={strings.sizeLabel(field, spec.id)}
            hint={strings.range(limit.min, limit.max)}
            validationState={error ? 'error' : 'none'}
            validationMessage={error}
          >
            <Input
              type="number"
              inputMode="numeric"
              min={limit.min}
              max={limit.max}
              step={1}
              value={values[field] ?? ''}
              disabled={disabled}
              onChange={(_, data) => onChange(field, data.value)}
            />
          </Field>
        );
      })}
    </>
  );
}

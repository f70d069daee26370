/** Where the weights come from: a seed and an init style, or a pasted/uploaded PyTorch state_dict. */
import { useRef } from 'react';
import { Button, Field, Input, Radio, RadioGroup, Select, Textarea } from '@fluentui/react-components';
import type { InitStyle } from '../src/core/random';
import type { FormState, WeightSource } from './form';
import type { Strings } from './strings';

interface Props {
  readonly form: FormState;
  readonly seedError?: string;
  readonly stateDictError?: string;
  readonly strings: Strings;
  readonly disabled: boolean;
  readonly onChange: (patch: Partial<FormState>) => void;
}

async function readText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

export function WeightsFields({ form, seedError, stateDictError, strings, disabled, onChange }: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <>
      <Field label={strings.weights}>
        <RadioGroup
          value={form.weights}
          disabled={disabled}
          onChange={(_, data) => onChange({ weights: data.value as WeightSource })}
        >
          <Radio value="seed" label={strings.weightsSeeded} />
          <Radio value="stateDict" label={strings.weightsStateDict} />
        </RadioGroup>
      </Field>
      {form.weights === 'seed' ? (
        <>
          <Field
            label={strings.seed}
            validationState={seedError ? 'error' : 'none'}
            validationMessage={seedError}
          >
            <Input
              type="number"
              inputMode="numeric"
              step={1}
              value={form.seed}
              disabled={disabled}
              onChange={(_, data) => onChange({ seed: data.value })}
            />
          </Field>
          <Field label={strings.init}>
            <Select
              value={form.init}
              disabled={disabled}
              onChange={(_, data) => onChange({ init: data.value as InitStyle })}
            >
              <option value="hand">{strings.initHand}</option>
              <option value="torch">{strings.initTorch}</option>
            </Select>
          </Field>
        </>
      ) : (
        <>
          <Field
            label={strings.stateDict}
            hint={strings.stateDictHint}
            validationState={stateDictError ? 'error' : 'none'}
            validationMessage={stateDictError}
          >
            <Textarea
              resize="vertical"
              rows={6}
              value={form.stateDictText}
              disabled={disabled}
              spellCheck={false}
              onChange={(_, data) => onChange({ stateDictText: data.value })}
            />
          </Field>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            data-testid="state-dict-file"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file) onChange({ stateDictText: await readText(file) });
              e.target.value = '';
            }}
          />
          <Button disabled={disabled} onClick={() => fileInput.current?.click()}>
            {strings.upload}
          </Button>
        </>
      )}
    </>
  );
}

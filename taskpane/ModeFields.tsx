/** Walkthrough or practice, and the practice sheet's difficulty. */
import { Field, Radio, RadioGroup, Select } from '@fluentui/react-components';
import type { Difficulty } from '../src/practice/metadata';
import type { FormState, SheetMode } from './form';
import type { Strings } from './strings';

interface Props {
  readonly form: FormState;
  /** What this sheet can blank (one level of a parallel scan only where there is one). */
  readonly difficulties: readonly Difficulty[];
  readonly strings: Strings;
  readonly disabled: boolean;
  readonly onChange: (patch: Partial<FormState>) => void;
}

export function ModeFields({ form, difficulties, strings, disabled, onChange }: Props) {
  return (
    <>
      <Field label={strings.mode}>
        <RadioGroup
          value={form.mode}
          disabled={disabled}
          onChange={(_, d) => onChange({ mode: d.value as SheetMode })}
        >
          <Radio value="walkthrough" label={strings.walkthrough} />
          <Radio value="practice" label={strings.practice} />
        </RadioGroup>
      </Field>
      {form.mode === 'practice' && (
        <Field label={strings.difficulty}>
          <Select
            value={difficulties.includes(form.difficulty) ? form.difficulty : difficulties[0]}
            disabled={disabled}
            onChange={(_, d) => onChange({ difficulty: d.value as Difficulty })}
          >
            {difficulties.map((d) => (
              <option key={d} value={d}>
                {strings.difficulties[d]}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </>
  );
}

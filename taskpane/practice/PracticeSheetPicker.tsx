/**
 * "Your practice sheets": every practice sheet of the workbook, so the learner can open
 * the practice controls for one without first clicking into it.
 */
import { Field, Select } from '@fluentui/react-components';
import type { AddinSheet } from '../../src/host/host';
import type { Language } from '../../src/sheets/plan';
import { practiceStrings } from './strings';

export interface PracticeSheetPickerProps {
  readonly sheets: readonly AddinSheet[];
  readonly active: string | null;
  readonly language: Language;
  readonly onChoose: (name: string) => void;
}

export function PracticeSheetPicker({ sheets, active, language, onChoose }: PracticeSheetPickerProps) {
  const s = practiceStrings(language);
  if (sheets.length === 0) return null;
  return (
    <Field label={s.yourPracticeSheets}>
      <Select value={active ?? ''} onChange={(_, d) => d.value && onChoose(d.value)}>
        {active === null && (
          <option value="" disabled>
            {s.choosePracticeSheet}
          </option>
        )}
        {sheets.map((sheet) => (
          <option key={sheet.name} value={sheet.name}>
            {sheet.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}

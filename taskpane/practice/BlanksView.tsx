/**
 * Where the blanks are: how many, how many are filled, and for each its address, what it
 * is ("f₄[1] at t = 4") and a button that goes to it in the workbook.
 */
import { Button, Caption1, Text } from '@fluentui/react-components';
import type { BlankList } from '../../src/practice/blanks';
import type { PracticeStrings } from './strings';

export interface BlanksViewProps {
  readonly list: BlankList;
  readonly s: PracticeStrings;
  readonly onGo: (address: string) => void;
}

export function BlanksView({ list, s, onGo }: BlanksViewProps) {
  const total = list.blanks.length;
  return (
    <section aria-label={s.blanksTitle(total)} data-testid="practice-blanks" className="practice-blanks">
      <Text block weight="semibold">
        {s.blanksTitle(total)}
      </Text>
      <Caption1 block role="status" data-testid="practice-progress">
        {s.blanksProgress(list.filled, total)}
      </Caption1>
      <ul style={{ listStyle: 'none', padding: 0, margin: '4px 0' }}>
        {list.blanks.map((b) => (
          <li key={b.address} style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
            <Button size="small" onClick={() => onGo(b.address)} aria-label={s.goTo(b.address, b.name)}>
              {b.address}
            </Button>
            <Text>{s.blankWhat(b.name, b.step)}</Text>
            {b.filled && <Caption1>✓ {s.filled}</Caption1>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * "Explain this cell": follows the selection and says what the selected cell of a
 * walkthrough or practice sheet is, the equation that makes it and the values it reads.
 */
import { Caption1, Subtitle2, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { WorkbookHost } from '../../src/host/host';
import { explainCell, type CellExplanation, type FeedValue } from '../../src/practice/explain';
import { indexText } from '../../src/practice/indices';
import type { Language } from '../../src/sheets/plan';
import { readable } from '../../src/sheets/notation';
import { Equation } from './Equation';
import { practiceStrings, type PracticeStrings } from './strings';
import { useSelection } from './use-selection';

type View =
  | { kind: 'none' }
  | { kind: 'not-ours' }
  | { kind: 'cell'; explanation: CellExplanation }
  | { kind: 'error'; message: string };

function formatValue(v: FeedValue['value'], s: PracticeStrings): string {
  if (v === null || v === '') return s.empty;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(4);
  return String(v);
}

function feedLabel(f: FeedValue): string {
  if (!f.tensor) return '';
  const name = readable(f.tensor);
  return `${name}${indexText(f.index)}`;
}

export function ExplainPanel({
  host,
  language,
}: {
  readonly host: WorkbookHost;
  readonly language: Language;
}) {
  const s = practiceStrings(language);
  const selection = useSelection(host);
  const [view, setView] = useState<View>({ kind: 'none' });

  useEffect(() => {
    if (!selection) return;
    let live = true;
    explainCell(host, selection).then(
      (e) => {
        if (live) setView(e ? { kind: 'cell', explanation: e } : { kind: 'not-ours' });
      },
      (err: unknown) => {
        if (live) setView({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => {
      live = false;
    };
  }, [host, selection]);

  return (
    <section aria-label={s.explainTitle} className="explain-panel">
      <Subtitle2 as="h2">{s.explainTitle}</Subtitle2>
      {view.kind === 'none' && <Text block>{s.explainEmpty}</Text>}
      {view.kind === 'not-ours' && <Text block>{s.explainNotOurs}</Text>}
      {view.kind === 'error' && (
        <Text block role="alert">
          {view.message}
        </Text>
      )}
      {view.kind === 'cell' && <Explanation e={view.explanation} s={s} />}
    </section>
  );
}

function Explanation({ e, s }: { readonly e: CellExplanation; readonly s: PracticeStrings }) {
  // Tensor labels are written in TeX-like source (h_{t−1}); plain text shows them as hₜ₋₁.
  const facts = [
    e.tensor !== undefined ? readable(e.tensor) : undefined,
    e.step !== undefined ? s.step(e.step) : undefined,
    e.index && e.index.length > 0 ? s.index(e.index) : undefined,
    e.paramName ? s.parameter(e.paramName) : undefined,
  ].filter((x): x is string => x !== undefined);
  return (
    <div data-testid="explanation">
      <Text block weight="semibold">
        {e.address}
        {facts.length > 0 ? ` · ${facts.join(' · ')}` : ''}
      </Text>
      <Text block>{s.kind(e.kind)}</Text>
      {e.equation && <Equation latex={e.equation} />}
      {e.term && (
        <>
          <Caption1 block>{s.termTitle}</Caption1>
          <Equation latex={e.term} />
        </>
      )}
      {e.feeds.length > 0 && (
        <>
          <Caption1 block>{s.feedsTitle}</Caption1>
          <table className="feeds">
            <tbody>
              {e.feeds.map((f) => (
                <tr key={f.address}>
                  <td>{f.address}</td>
                  <td>{feedLabel(f)}</td>
                  <td>
                    {formatValue(f.value, s)}
                    {f.isAnswer ? ` (${s.yourEntry})` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {e.feedsLeftOut > 0 && <Caption1 block>{s.feedsLeftOut(e.feedsLeftOut)}</Caption1>}
        </>
      )}
    </div>
  );
}

/**
 * "Arrows on the sheet": one button that redraws the dashed arrows of the sheet holding
 * the selection where its cells are now. Excel places a shape in points, so the arrows
 * drift when a learner widens a column or heightens a row; the host deletes only the
 * shapes the add-in drew and draws them again. The pane asks which sheets are the
 * add-in's first and refuses any other in its own words (the host refuses it too), so a
 * learner's own sheet and drawings are never touched. Shown only where the host can redraw.
 */
import { useState } from 'react';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { WorkbookHost } from '../src/host/host';
import { t } from '../src/i18n';
import type { Language } from '../src/sheets/plan';
import { FailureBar, PaneSection } from './PaneSection';

type View =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running' }
  | { readonly kind: 'done'; readonly intent: 'success' | 'info' | 'warning'; readonly message: string }
  | { readonly kind: 'error'; readonly message: string };

/** What the button did, in the pane's language. */
async function redraw(host: WorkbookHost, sheet: string, language: Language): Promise<View> {
  const ours = (await host.listAddinSheets()).some((s) => s.name === sheet);
  if (!ours)
    return { kind: 'done', intent: 'warning', message: t(language, 'pane.arrows.notOurs', { sheet }) };
  const n = await host.redrawFlows!(sheet);
  return n > 0
    ? { kind: 'done', intent: 'success', message: t(language, 'pane.arrows.done', { n, sheet }) }
    : { kind: 'done', intent: 'info', message: t(language, 'pane.arrows.none', { sheet }) };
}

export interface RedrawArrowsPanelProps {
  readonly host: WorkbookHost;
  readonly language: Language;
  /** The sheet holding the selection, or null before the pane knows it. */
  readonly sheet: string | null;
}

export function RedrawArrowsPanel({ host, language, sheet }: RedrawArrowsPanelProps) {
  const [view, setView] = useState<View>({ kind: 'idle' });
  if (!host.redrawFlows || sheet === null) return null;

  const run = async () => {
    setView({ kind: 'running' });
    try {
      setView(await redraw(host, sheet, language));
    } catch (err) {
      setView({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <PaneSection
      title={t(language, 'pane.arrows.title')}
      intro={t(language, 'pane.arrows.intro')}
      action={t(language, 'pane.arrows.redraw', { sheet })}
      busy={view.kind === 'running'}
      onAction={() => void run()}
    >
      {view.kind === 'done' && (
        <MessageBar intent={view.intent} role="status">
          <MessageBarBody>{view.message}</MessageBarBody>
        </MessageBar>
      )}
      {view.kind === 'error' && (
        <FailureBar title={t(language, 'pane.arrows.failed')} message={view.message} />
      )}
    </PaneSection>
  );
}

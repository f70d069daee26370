/**
 * "Arrows on the sheet": one button that redraws the dashed arrows of the sheet holding
 * the selection where its cells are now. Excel places a shape in points, so the arrows
 * drift when a learner widens a column or heightens a row; the host deletes only the
 * shapes the add-in drew and draws them again. The pane asks which sheets are the
 * add-in's first and refuses any other in its own words (the host refuses it too), so a
 * learner's own sheet and drawings are never touched. Shown only where the host can redraw.
 */
import { useState } from 'react';
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { WorkbookHost } from '../src/host/host';
import { t } from '../src/i18n';
import type { Language } from '../src/sheets/plan';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

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
  const styles = useStyles();
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
    <section aria-label={t(language, 'pane.arrows.title')} className={styles.panel}>
      <Subtitle2 as="h2">{t(language, 'pane.arrows.title')}</Subtitle2>
      <Text block>{t(language, 'pane.arrows.intro')}</Text>
      <div>
        <Button appearance="secondary" disabled={view.kind === 'running'} onClick={() => void run()}>
          {t(language, 'pane.arrows.redraw', { sheet })}
        </Button>
      </div>
      {view.kind === 'done' && (
        <MessageBar intent={view.intent} role="status">
          <MessageBarBody>{view.message}</MessageBarBody>
        </MessageBar>
      )}
      {view.kind === 'error' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t(language, 'pane.arrows.failed')}</MessageBarTitle>
            {view.message}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

/**
 * "Check this Excel": one button that runs the check (src/verify) on the pane's host,
 * its progress, the outcome, and the full report in a read-only text area with a copy
 * button, so a user can paste it into an issue. Shown only where the host can remove the
 * sheets it builds.
 */
import { useState } from 'react';
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  Textarea,
} from '@fluentui/react-components';
import type { WorkbookHost } from '../src/host/host';
import { t } from '../src/i18n';
import type { Language } from '../src/sheets/plan';
import { checkThisExcel, type CheckProgress } from '../src/verify/check-excel';
import { checkReportText, checkSummary } from '../src/verify/check-report';
import { FailureBar, PaneSection } from './PaneSection';

type View =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly progress: CheckProgress | null }
  | { readonly kind: 'done'; readonly ok: boolean; readonly summary: string; readonly text: string }
  | { readonly kind: 'error'; readonly message: string };

/** Writes to the clipboard; false where the page may not (older WebKit, no permission). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function progressLabel(p: CheckProgress | null, language: Language): string {
  if (!p) return t(language, 'check.running', { current: '…', done: 0, total: 1 });
  const current = p.current === 'functions' ? t(language, 'check.functionsStep') : p.current;
  return t(language, 'check.running', { current, done: p.done, total: p.total });
}

export function CheckExcelPanel({
  host,
  language,
}: {
  readonly host: WorkbookHost;
  readonly language: Language;
}) {
  const [view, setView] = useState<View>({ kind: 'idle' });
  const [copied, setCopied] = useState<boolean | null>(null);
  if (!host.removeSheet) return null;

  const run = async () => {
    setCopied(null);
    setView({ kind: 'running', progress: null });
    try {
      const report = await checkThisExcel(host, {
        language,
        onProgress: (progress) => setView({ kind: 'running', progress }),
      });
      const text = checkReportText(report, language, host.kind, new Date());
      setView({ kind: 'done', ok: report.ok, summary: checkSummary(report, language), text });
    } catch (err) {
      setView({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <PaneSection
      title={t(language, 'check.title')}
      intro={t(language, 'check.intro')}
      action={t(language, 'check.run')}
      busy={view.kind === 'running'}
      onAction={() => void run()}
    >
      {view.kind === 'running' && (
        <div role="status" aria-live="polite">
          <ProgressBar value={view.progress ? view.progress.done / view.progress.total : undefined} />
          <Text size={200}>{progressLabel(view.progress, language)}</Text>
        </div>
      )}
      {view.kind === 'error' && (
        <FailureBar title={t(language, 'check.failedTitle')} message={view.message} />
      )}
      {view.kind === 'done' && (
        <>
          <MessageBar intent={view.ok ? 'success' : 'warning'} role="status">
            <MessageBarBody>{view.summary}</MessageBarBody>
          </MessageBar>
          <Field label={t(language, 'check.reportLabel')}>
            <Textarea readOnly value={view.text} rows={10} resize="vertical" className="check-report" />
          </Field>
          <div>
            <Button onClick={() => void copyText(view.text).then(setCopied)}>
              {t(language, 'check.copy')}
            </Button>{' '}
            {copied !== null && (
              <Text role="status">{t(language, copied ? 'check.copied' : 'check.copyFailed')}</Text>
            )}
          </div>
        </>
      )}
    </PaneSection>
  );
}

/**
 * The practice controls: Check (with the score), Hint, Reveal cell / Reveal all, Fill
 * next step and Reset. It acts on the practice sheet holding the selection (or the one
 * just built). Any action that would replace the learner's entries first shows, in a
 * dialog, which cells it will change, and runs only after the learner agrees.
 */
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { WorkbookHost } from '../../src/host/host';
import { answerDecimals, checkAndMark, type CheckResult } from '../../src/practice/checker';
import { fillNextStep } from '../../src/practice/fill-next-step';
import { hintFor, type Hint } from '../../src/practice/hint';
import { readStoredSheet } from '../../src/practice/metadata';
import { resetPractice } from '../../src/practice/reset';
import { reveal } from '../../src/practice/reveal';
import type { Language } from '../../src/sheets/plan';
import { Equation } from './Equation';
import { practiceStrings, type PracticeStrings } from './strings';
import { BlanksView } from './BlanksView';
import { useBlanks } from './use-blanks';
import { usePracticeActions, type Message } from './use-practice-actions';
import { useSelection } from './use-selection';

export interface PracticePanelProps {
  readonly host: WorkbookHost;
  readonly language: Language;
  /** The practice sheet just built, used until the learner selects a cell on another one. */
  readonly sheet?: string | null;
}

/** The practice sheet that the selection is on, if any; falls back to `fallback`. */
function usePracticeSheet(
  host: WorkbookHost,
  selectedSheet: string | undefined,
  fallback: string | null,
): string | null {
  const [sheet, setSheet] = useState<string | null>(fallback);
  useEffect(() => setSheet(fallback), [fallback]);
  useEffect(() => {
    if (!selectedSheet) return;
    let live = true;
    host.listAddinSheets().then(
      (list) => {
        const found = list.find((x) => x.name === selectedSheet);
        const stored = found ? readStoredSheet(found) : null;
        if (live && stored?.mode === 'practice') setSheet(stored.name);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [host, selectedSheet]);
  return sheet;
}

export function PracticePanel({ host, language, sheet: built = null }: PracticePanelProps) {
  const s = practiceStrings(language);
  const selection = useSelection(host);
  const sheet = usePracticeSheet(host, selection?.sheet, built);
  const p = usePracticeActions(host, language, sheet);
  const blanks = useBlanks(host, sheet, `${p.version}|${selection?.sheet}!${selection?.address}`);

  if (!sheet) {
    return (
      <section aria-label={s.check} className="practice-panel">
        <Text block>{s.noPracticeSheet}</Text>
      </section>
    );
  }

  const selectedHere = selection && selection.sheet === sheet ? selection.address : null;
  const needsSelection = () => p.setMessage({ kind: 'info', text: s.selectAnswer });

  return (
    <section aria-label={s.practiceTitle(sheet)} className="practice-panel">
      <Subtitle2 as="h2">{s.practiceTitle(sheet)}</Subtitle2>
      <Caption1 block>{s.judgedNote}</Caption1>
      <Caption1 block data-testid="grading-rule">
        {s.gradingRule(p.result ? p.result.decimals : answerDecimals(undefined))}
      </Caption1>
      {blanks && blanks.sheet === sheet && (
        <BlanksView
          list={blanks}
          s={s}
          onGo={(address) => void p.guarded(() => host.selectCell(sheet, address))}
        />
      )}
      <PracticeButtons
        s={s}
        busy={p.busy}
        onCheck={() => void p.guarded(async () => p.checked(await checkAndMark(host, sheet)))}
        onHint={() => {
          if (!selectedHere) return needsSelection();
          void p.guarded(async () => {
            const h = await hintFor(host, sheet, selectedHere);
            p.setHint(h);
            if (!h) needsSelection();
          });
        }}
        onRevealCell={() => {
          if (!selectedHere) return needsSelection();
          void p.act((confirmed) => reveal(host, sheet, selectedHere, { confirmed }));
        }}
        onRevealAll={() => void p.act((confirmed) => reveal(host, sheet, 'all', { confirmed }))}
        onFillNextStep={() => void p.act(() => fillNextStep(host, sheet))}
        onReset={() => void p.act((confirmed) => resetPractice(host, sheet, { confirmed }))}
      />
      {p.result && <Score result={p.result} s={s} />}
      {p.message && <ActionMessage message={p.message} s={s} />}
      {p.hint && <HintView hint={p.hint} s={s} />}
      <ConfirmDialog s={s} message={p.pending?.message ?? null} onCancel={p.cancel} onConfirm={p.confirm} />
    </section>
  );
}

function Score({ result, s }: { readonly result: CheckResult; readonly s: PracticeStrings }) {
  return (
    <div role="status" data-testid="practice-score">
      <Text block size={500} weight="semibold">
        {s.score(result.score)}
      </Text>
      <Caption1 block>{s.verdicts(result)}</Caption1>
    </div>
  );
}

function HintView({ hint, s }: { readonly hint: Hint; readonly s: PracticeStrings }) {
  const facts = [hint.tensor, hint.step !== undefined ? s.step(hint.step) : undefined]
    .filter(Boolean)
    .join(' · ');
  return (
    <div data-testid="practice-hint">
      <Text block weight="semibold">
        {s.hintTitle(hint.address)}
        {facts ? ` · ${facts}` : ''}
      </Text>
      {hint.equation && <Equation latex={hint.equation} />}
      <Caption1 block>{s.reads}</Caption1>
      <ul>
        {hint.feeds.map((f) => {
          const labels = [...new Set(f.cells.map((c) => c.tensor).filter(Boolean))].join(', ');
          return <li key={f.ref}>{labels ? `${f.ref} (${labels})` : f.ref}</li>;
        })}
      </ul>
    </div>
  );
}

interface ButtonsProps {
  readonly s: PracticeStrings;
  readonly busy: boolean;
  readonly onCheck: () => void;
  readonly onHint: () => void;
  readonly onRevealCell: () => void;
  readonly onRevealAll: () => void;
  readonly onFillNextStep: () => void;
  readonly onReset: () => void;
}

function PracticeButtons({ s, busy, ...on }: ButtonsProps) {
  return (
    <div className="practice-buttons" style={{ display: 'flex', flexWrap: 'wrap', gap: 6, margin: '8px 0' }}>
      <Button appearance="primary" disabled={busy} onClick={on.onCheck}>
        {s.check}
      </Button>
      <Button disabled={busy} onClick={on.onHint}>
        {s.hint}
      </Button>
      <Button disabled={busy} onClick={on.onRevealCell}>
        {s.revealCell}
      </Button>
      <Button disabled={busy} onClick={on.onRevealAll}>
        {s.revealAll}
      </Button>
      <Button disabled={busy} onClick={on.onFillNextStep}>
        {s.fillNextStep}
      </Button>
      <Button disabled={busy} onClick={on.onReset}>
        {s.reset}
      </Button>
    </div>
  );
}

function ActionMessage({
  message,
  s,
}: {
  readonly message: NonNullable<Message>;
  readonly s: PracticeStrings;
}) {
  return (
    <MessageBar intent={message.kind === 'error' ? 'error' : 'info'}>
      <MessageBarBody>
        {message.kind === 'error' ? `${s.failed}: ${message.text}` : message.text}
      </MessageBarBody>
    </MessageBar>
  );
}

interface ConfirmProps {
  readonly s: PracticeStrings;
  /** What the action will change; the dialog is open while there is one. */
  readonly message: string | null;
  readonly onCancel: () => void;
  readonly onConfirm: () => void;
}

function ConfirmDialog({ s, message, onCancel, onConfirm }: ConfirmProps) {
  return (
    <Dialog open={message !== null} onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{s.confirmTitle}</DialogTitle>
          <DialogContent>{message}</DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel}>
              {s.cancel}
            </Button>
            <Button appearance="primary" onClick={onConfirm}>
              {s.confirm}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/**
 * The state behind the practice buttons: the score, the hint, the message line, the
 * action waiting for the learner's consent, whether an action is running, and a version
 * that moves whenever the sheet's answers may have changed. `act` runs an action that may
 * ask for confirmation first; `guarded` runs anything else, turning a failure into the
 * message line.
 */
import { useCallback, useEffect, useState } from 'react';
import type { WorkbookHost } from '../../src/host/host';
import type { ActionResult } from '../../src/practice/action';
import type { CheckResult } from '../../src/practice/checker';
import { describeAction } from '../../src/practice/describe';
import type { Hint } from '../../src/practice/hint';
import type { Language } from '../../src/sheets/plan';

export type Runner = (confirmed: boolean) => Promise<ActionResult>;

export interface Pending {
  readonly message: string;
  readonly run: Runner;
}

export type Message = { kind: 'info'; text: string } | { kind: 'error'; text: string } | null;

export function usePracticeActions(host: WorkbookHost, language: Language, sheet: string | null) {
  const [result, setResult] = useState<CheckResult | null>(null);
  const [hint, setHint] = useState<Hint | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    setResult(null);
    setHint(null);
    setMessage(null);
  }, [sheet]);

  const guarded = useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await work();
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  }, []);

  /**
   * After an action wrote: the old score no longer holds, Reset also drops the hint (no
   * trace of the earlier attempt stays), and Reveal or Fill next step select what they filled.
   */
  const settle = useCallback(
    async (r: ActionResult) => {
      setMessage({ kind: 'info', text: describeAction(r, language) });
      setVersion((v) => v + 1);
      if (r.status !== 'done') return;
      setResult(null);
      if (r.kind === 'reset') setHint(null);
      else if (sheet && r.written.length > 0) await host.selectCell(sheet, r.written[0]);
    },
    [host, language, sheet],
  );

  /**
   * Runs an action; when it asks for confirmation, the dialog takes over. The dialog opens
   * only once the buttons are enabled again, so it takes focus from a settled pane.
   */
  const act = useCallback(
    async (run: Runner) => {
      let ask: Pending | null = null;
      await guarded(async () => {
        const r = await run(false);
        if (r.status === 'needs-confirmation') ask = { message: describeAction(r, language), run };
        else await settle(r);
      });
      if (ask) setPending(ask);
    },
    [guarded, language, settle],
  );

  const confirm = () => {
    const p = pending;
    setPending(null);
    if (!p) return;
    void guarded(async () => settle(await p.run(true)));
  };

  /** The score of a Check just made; the sheet's answers are marked, so the version moves. */
  const checked = (r: CheckResult) => {
    setResult(r);
    setVersion((v) => v + 1);
  };

  return {
    result,
    hint,
    setHint,
    message,
    setMessage,
    pending,
    cancel: () => setPending(null),
    busy,
    version,
    guarded,
    act,
    confirm,
    checked,
  };
}

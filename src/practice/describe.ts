/**
 * Sentences that say what an action will change or has changed, in the sheet's two
 * languages. The pane shows the 'needs-confirmation' sentence in its dialog, so the
 * learner always reads which cells are about to change before anything is written.
 */
import { t, type Language } from '../i18n';
import type { ActionResult } from './action';

/** Long lists are cut: the learner needs the first few cells and the count, not fifty addresses. */
export function cellList(addresses: readonly string[], lang: Language, max = 8): string {
  const shown = addresses.slice(0, max).join(', ');
  const more = addresses.length - max;
  if (more <= 0) return shown;
  return t(lang, 'practice.cellList.more', { shown, more });
}

export function describeAction(result: ActionResult, lang: Language): string {
  const action = t(lang, `practice.verb.${result.kind}`);
  if (result.status === 'nothing') return t(lang, 'practice.nothing', { action });
  if (result.status === 'needs-confirmation') {
    const cells = cellList(result.replaces, lang);
    return t(lang, result.kind === 'reset' ? 'practice.willClear' : 'practice.willReplace', {
      action,
      cells,
    });
  }
  const cells = cellList(result.written, lang);
  if (result.kind === 'reset') return t(lang, 'practice.cleared', { cells });
  if (result.kind === 'fill-next-step' && result.step !== undefined) {
    return t(lang, 'practice.filledStep', { step: result.step, cells });
  }
  return t(lang, 'practice.wrote', { cells });
}

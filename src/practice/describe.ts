/**
 * Sentences that say what an action will change or has changed, in the sheet's two
 * languages. The pane shows the 'needs-confirmation' sentence in its dialog, so the
 * learner always reads which cells are about to change before anything is written.
 */
import type { Language } from '../sheets/plan';
import type { ActionKind, ActionResult } from './action';

/** Long lists are cut: the learner needs the first few cells and the count, not fifty addresses. */
export function cellList(addresses: readonly string[], lang: Language, max = 8): string {
  const shown = addresses.slice(0, max).join(', ');
  const more = addresses.length - max;
  if (more <= 0) return shown;
  return lang === 'zh' ? `${shown} 等（另有 ${more} 个）` : `${shown} and ${more} more`;
}

const verb: Record<ActionKind, { en: string; zh: string }> = {
  reveal: { en: 'Reveal', zh: '显示答案' },
  'reveal-all': { en: 'Reveal all', zh: '显示全部答案' },
  'fill-next-step': { en: 'Fill next step', zh: '填写下一步' },
  reset: { en: 'Reset', zh: '重置' },
};

export function describeAction(result: ActionResult, lang: Language): string {
  const name = verb[result.kind][lang];
  if (result.status === 'nothing') {
    return lang === 'zh' ? `${name}：没有需要修改的单元格。` : `${name}: nothing to change.`;
  }
  if (result.status === 'needs-confirmation') {
    const cells = cellList(result.replaces, lang);
    if (result.kind === 'reset') {
      return lang === 'zh'
        ? `${name}将清除你在 ${cells} 中的输入以及全部批改标记。`
        : `${name} will clear your entries in ${cells} and every check mark.`;
    }
    return lang === 'zh'
      ? `${name}将用正确公式替换你在 ${cells} 中的输入。`
      : `${name} will replace your entries in ${cells} with the real formulas.`;
  }
  const cells = cellList(result.written, lang);
  if (result.kind === 'reset') return lang === 'zh' ? `已清空 ${cells}。` : `Cleared ${cells}.`;
  if (result.kind === 'fill-next-step' && result.step !== undefined) {
    return lang === 'zh'
      ? `已填写第 t = ${result.step + 1} 步的公式：${cells}。`
      : `Filled the formulas of step t = ${result.step + 1}: ${cells}.`;
  }
  return lang === 'zh' ? `已写入公式：${cells}。` : `Wrote the formulas into ${cells}.`;
}

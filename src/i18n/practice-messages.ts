/** Sentences of practice mode that the core of practice (not the pane) writes. */
import { defineMessages, messageFn } from './catalogue';

export const PRACTICE_MESSAGES = defineMessages({
  'practice.sheetName': {
    en: '{base} practice',
    zh: '{base} 练习',
  },
  'practice.cellList.more': {
    en: '{shown} and {more} more',
    zh: '{shown} 等（另有 {more} 个）',
  },
  'practice.verb.reveal': {
    en: 'Reveal',
    zh: '显示答案',
  },
  'practice.verb.reveal-all': {
    en: 'Reveal all',
    zh: '显示全部答案',
  },
  'practice.verb.fill-next-step': {
    en: 'Fill next step',
    zh: '填写下一步',
  },
  'practice.verb.reset': {
    en: 'Reset',
    zh: '重置',
  },
  'practice.nothing': {
    en: '{action}: nothing to change.',
    zh: '{action}：没有需要修改的单元格。',
  },
  'practice.willClear': {
    en: '{action} will clear your entries in {cells} and every check mark.',
    zh: '{action}将清除你在 {cells} 中的输入以及全部批改标记。',
  },
  'practice.willReplace': {
    en: '{action} will replace your entries in {cells} with the real formulas.',
    zh: '{action}将用正确公式替换你在 {cells} 中的输入。',
  },
  'practice.cleared': {
    en: 'Cleared {cells}.',
    zh: '已清空 {cells}。',
  },
  'practice.filledStep': messageFn<{ step: number; cells: string }>(
    ({ step, cells }) => `Filled the formulas of step t = ${step + 1}: ${cells}.`,
    ({ step, cells }) => `已填写第 t = ${step + 1} 步的公式：${cells}。`,
  ),
  'practice.wrote': {
    en: 'Wrote the formulas into {cells}.',
    zh: '已写入公式：{cells}。',
  },
});

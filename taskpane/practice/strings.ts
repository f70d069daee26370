/**
 * The practice and explain panels' text in English and Simplified Chinese. Sentences
 * about what an action changes come from src/practice/describe.ts, shared with tools.
 */
import type { Language } from '../../src/sheets/plan';
import type { CellExplanation } from '../../src/practice/explain';
import type { Verdict } from '../../src/practice/checker';

export interface PracticeStrings {
  readonly practiceTitle: (sheet: string) => string;
  readonly noPracticeSheet: string;
  readonly yourPracticeSheets: string;
  readonly choosePracticeSheet: string;
  readonly judgedNote: string;
  readonly check: string;
  readonly hint: string;
  readonly revealCell: string;
  readonly revealAll: string;
  readonly fillNextStep: string;
  readonly reset: string;
  readonly score: (score: string) => string;
  readonly verdicts: (counts: Readonly<Record<Verdict, number>>) => string;
  readonly selectAnswer: string;
  readonly hintTitle: (address: string) => string;
  readonly reads: string;
  readonly confirmTitle: string;
  readonly confirm: string;
  readonly cancel: string;
  readonly failed: string;
  readonly explainTitle: string;
  readonly explainEmpty: string;
  readonly explainNotOurs: string;
  readonly kind: (kind: CellExplanation['kind']) => string;
  readonly step: (step: number) => string;
  readonly index: (index: readonly number[]) => string;
  readonly parameter: (name: string) => string;
  readonly feedsTitle: string;
  readonly feedsLeftOut: (n: number) => string;
  readonly yourEntry: string;
  readonly empty: string;
}

const en: PracticeStrings = {
  practiceTitle: (sheet) => `Practice: ${sheet}`,
  noPracticeSheet: 'Select a cell on a practice sheet to check your answers.',
  yourPracticeSheets: 'Your practice sheets',
  choosePracticeSheet: 'Choose one to check…',
  judgedNote:
    'Each answer is judged against the true value computed from the sheet’s inputs and weights, even when an earlier answer it reads is wrong.',
  check: 'Check',
  hint: 'Hint',
  revealCell: 'Reveal cell',
  revealAll: 'Reveal all',
  fillNextStep: 'Fill next step',
  reset: 'Reset',
  score: (score) => `Score: ${score}`,
  verdicts: (c) => `${c.right} right, ${c.wrong} wrong, ${c.unanswered} not answered`,
  selectAnswer: 'Select one of the blank answer cells first.',
  hintTitle: (address) => `Hint for ${address}`,
  reads: 'It reads',
  confirmTitle: 'Replace your entries?',
  confirm: 'Go ahead',
  cancel: 'Cancel',
  failed: 'That did not work',
  explainTitle: 'Explain this cell',
  explainEmpty: 'Select a cell of a walkthrough or practice sheet.',
  explainNotOurs: 'This sheet was not made by the add-in.',
  kind: (k) =>
    ({
      param: 'An input or weight: edit it and every formula that reads it updates.',
      computed: 'A computed cell: a live formula.',
      answer: 'An answer cell: compute it by hand or type a formula.',
      other: 'A label.',
    })[k],
  step: (t) => `time step t = ${t + 1}`,
  index: (i) => `index [${i.join(', ')}]`,
  parameter: (name) => `parameter ${name}`,
  feedsTitle: 'Cells it reads',
  feedsLeftOut: (n) => `… and ${n} more`,
  yourEntry: 'your entry',
  empty: '(empty)',
};

const zh: PracticeStrings = {
  practiceTitle: (sheet) => `练习：${sheet}`,
  noPracticeSheet: '请在练习工作表中选择一个单元格，再检查答案。',
  yourPracticeSheets: '你的练习工作表',
  choosePracticeSheet: '选择一个进行检查…',
  judgedNote: '每个答案都与根据本表输入和权重算出的真实值比较；即使它引用的前面答案有误，也按真实值判定。',
  check: '检查',
  hint: '提示',
  revealCell: '显示本格答案',
  revealAll: '显示全部答案',
  fillNextStep: '填写下一步',
  reset: '重置',
  score: (score) => `得分：${score}`,
  verdicts: (c) => `正确 ${c.right}，错误 ${c.wrong}，未作答 ${c.unanswered}`,
  selectAnswer: '请先选择一个空白答案单元格。',
  hintTitle: (address) => `${address} 的提示`,
  reads: '它引用',
  confirmTitle: '替换你的输入？',
  confirm: '继续',
  cancel: '取消',
  failed: '操作未完成',
  explainTitle: '解释此单元格',
  explainEmpty: '请选择演练或练习工作表中的一个单元格。',
  explainNotOurs: '此工作表不是由本加载项生成的。',
  kind: (k) =>
    ({
      param: '输入或权重：修改它，所有引用它的公式都会更新。',
      computed: '计算单元格：实时公式。',
      answer: '答案单元格：手算或输入公式。',
      other: '标签。',
    })[k],
  step: (t) => `时间步 t = ${t + 1}`,
  index: (i) => `下标 [${i.join(', ')}]`,
  parameter: (name) => `参数 ${name}`,
  feedsTitle: '它引用的单元格',
  feedsLeftOut: (n) => `……另有 ${n} 个`,
  yourEntry: '你的输入',
  empty: '（空）',
};

const TABLES: Readonly<Record<Language, PracticeStrings>> = { en, zh };

export function practiceStrings(lang: Language): PracticeStrings {
  return TABLES[lang];
}

/** "Check this Excel": the pane's panel and the report it writes, in both languages. */
import { defineMessages, messageFn } from './catalogue';

export const CHECK_MESSAGES = defineMessages({
  'check.title': { en: 'Check this Excel', zh: '检查此 Excel' },
  'check.intro': {
    en: 'Builds every model at a small size on temporary sheets, compares every number this Excel computes with the add-in’s own computation, types each custom function once, and removes the sheets again.',
    zh: '在临时工作表上以小尺寸生成每个模型，将此 Excel 计算的每个数字与加载项自己的计算结果比较，逐一输入每个自定义函数，然后删除这些临时工作表。',
  },
  'check.run': { en: 'Check this Excel', zh: '检查此 Excel' },
  'check.running': {
    en: 'Checking {current} ({done} of {total})…',
    zh: '正在检查 {current}（{done} / {total}）…',
  },
  'check.functionsStep': { en: 'the custom functions', zh: '自定义函数' },
  'check.reportLabel': { en: 'Report (select all to copy it)', zh: '报告（全选即可复制）' },
  'check.copy': { en: 'Copy report', zh: '复制报告' },
  'check.copied': { en: 'Copied.', zh: '已复制。' },
  'check.copyFailed': {
    en: 'This browser did not allow copying; select the report and copy it yourself.',
    zh: '此浏览器不允许复制；请选中报告后自行复制。',
  },
  'check.allAgree': {
    en: 'All {models} models and {functions} custom functions agree with the core (tolerance {tolerance}).',
    zh: '全部 {models} 个模型和 {functions} 个自定义函数与核心计算一致（容差 {tolerance}）。',
  },
  'check.someDisagree': messageFn<{ n: number }>(
    ({ n }) => `${n} check${n === 1 ? '' : 's'} did not pass: see the report.`,
    ({ n }) => `${n} 项检查未通过：请查看报告。`,
  ),
  'check.reportHeader': {
    en: 'Check this Excel — {host}, {date}',
    zh: '检查此 Excel — {host}，{date}',
  },
  'check.modelsHeading': {
    en: 'Models (every computed cell vs the core)',
    zh: '模型（每个计算单元格与核心比较）',
  },
  'check.functionsHeading': { en: 'Custom functions (each typed once)', zh: '自定义函数（各输入一次）' },
  'check.lineOk': {
    en: '{name}: ok, {compared} cells agree (largest difference {largest})',
    zh: '{name}：通过，{compared} 个单元格一致（最大差异 {largest}）',
  },
  'check.lineFailed': {
    en: '{name}: {failed} of {compared} cells disagree',
    zh: '{name}：{compared} 个单元格中有 {failed} 个不一致',
  },
  'check.lineError': { en: '{name}: could not be checked: {error}', zh: '{name}：无法检查：{error}' },
  'check.mismatch': {
    en: '{address}: expected {expected}, this Excel shows {got}',
    zh: '{address}：应为 {expected}，此 Excel 显示 {got}',
  },
  'check.emptyCell': { en: '(empty)', zh: '（空）' },
  'check.removed': {
    en: 'Temporary sheets: {built} built, {removed} removed.',
    zh: '临时工作表：生成 {built} 个，删除 {removed} 个。',
  },
  'check.leftBehind': {
    en: 'Not removed: {sheet} ({error}). You may delete it.',
    zh: '未删除：{sheet}（{error}）。您可以自行删除。',
  },
  'check.failedTitle': { en: 'The check stopped', zh: '检查已中止' },
  'check.panelName': { en: 'check panel', zh: '检查面板' },
});

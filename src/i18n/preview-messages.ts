/** The preview page's own chrome; it follows the page language like the pane beside it. */
import { defineMessages } from './catalogue';

export const PREVIEW_MESSAGES = defineMessages({
  'preview.app': { en: 'Sequence Models by Hand', zh: '手算序列模型' },
  'preview.note': {
    en: 'Preview: the add-in and a live workbook in your browser, no Excel needed',
    zh: '预览：加载项和实时计算的工作簿都在浏览器里运行，无需 Excel',
  },
  'preview.workbook': { en: 'Workbook', zh: '工作簿' },
  'preview.pane': { en: 'Task pane', zh: '任务窗格' },
  'preview.skip': { en: 'Skip to the task pane (F6)', zh: '跳到任务窗格（F6）' },
  // The status line's word when no cell needs a message, as Excel's "Ready".
  'preview.ready': { en: 'Ready', zh: '就绪' },
  // The sheet tabs: renaming in the tab and deleting after a confirmation, under Excel's rules.
  'preview.sheets': { en: 'Sheets', zh: '工作表' },
  'preview.newSheet': { en: 'New sheet', zh: '新建工作表' },
  'preview.renameSheet': { en: 'Rename sheet', zh: '重命名工作表' },
  'preview.deleteSheet': { en: 'Delete sheet', zh: '删除工作表' },
  'preview.sheetNameInput': {
    en: 'New name for the sheet "{name}" (Enter keeps it, Escape cancels)',
    zh: '工作表“{name}”的新名称（Enter 确定，Esc 取消）',
  },
  'preview.sheetName.empty': { en: 'A sheet name cannot be blank.', zh: '工作表名称不能为空。' },
  'preview.sheetName.tooLong': {
    en: 'A sheet name has at most 31 characters.',
    zh: '工作表名称最多 31 个字符。',
  },
  'preview.sheetName.forbidden': {
    en: 'A sheet name cannot contain any of \\ / ? * [ ] :',
    zh: '工作表名称不能包含 \\ / ? * [ ] : 中的任何字符。',
  },
  'preview.sheetName.apostrophe': {
    en: 'A sheet name cannot begin or end with an apostrophe.',
    zh: '工作表名称不能以撇号开头或结尾。',
  },
  'preview.sheetName.reserved': {
    en: '"History" is reserved by Excel.',
    zh: '“History”是 Excel 的保留名称。',
  },
  'preview.sheetName.taken': {
    en: 'Another sheet is already called that (Excel ignores case).',
    zh: '已有同名工作表（Excel 不区分大小写）。',
  },
  'preview.confirmDelete': {
    en: 'Delete the sheet "{name}"? Its cells cannot be brought back.',
    zh: '删除工作表“{name}”？其中的单元格无法恢复。',
  },
  'preview.confirmDeleteAddin': {
    en: 'The add-in built it: you can build it again from the pane, but what you typed on it is lost.',
    zh: '此表由加载项生成：可在任务窗格中重新生成，但你在表中输入的内容会丢失。',
  },
  'preview.delete': { en: 'Delete', zh: '删除' },
  'preview.cancel': { en: 'Cancel', zh: '取消' },
  'preview.lastSheet': {
    en: 'A workbook keeps at least one sheet.',
    zh: '工作簿至少要保留一个工作表。',
  },
});

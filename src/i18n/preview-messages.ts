/** The preview page's own chrome; it follows the page language like the pane beside it. */
import { defineMessages } from './catalogue';

export const PREVIEW_MESSAGES = defineMessages({
  'preview.app': {
    en: 'Sequence Models by Hand',
    zh: '手算序列模型',
  },
  'preview.note': {
    en: 'Preview: the add-in and a live workbook in your browser, no Excel needed',
    zh: '预览：加载项和实时计算的工作簿都在浏览器里运行，无需 Excel',
  },
  'preview.workbook': {
    en: 'Workbook',
    zh: '工作簿',
  },
  'preview.pane': {
    en: 'Task pane',
    zh: '任务窗格',
  },
  'preview.skip': {
    en: 'Skip to the task pane (F6)',
    zh: '跳到任务窗格（F6）',
  },
  // The status line's word when no cell needs a message, as Excel's "Ready".
  'preview.ready': {
    en: 'Ready',
    zh: '就绪',
  },
});

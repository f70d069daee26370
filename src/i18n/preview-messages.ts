/** The preview page's own chrome; it follows the page language like the pane beside it. */
import { defineMessages } from './catalogue';

export const PREVIEW_MESSAGES = defineMessages({
  'preview.app': { en: 'Sequence Models by Hand', zh: '手算序列模型' },
  'preview.note': {
    en: 'Preview: the add-in and a live workbook in your browser, no Excel needed',
    zh: '预览：加载项和实时计算的工作簿都在浏览器里运行，无需 Excel',
  },
});

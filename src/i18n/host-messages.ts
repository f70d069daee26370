/** What the hosts (Excel, the preview) tell the learner. */
import { defineMessages } from './catalogue';

export const HOST_MESSAGES = defineMessages({
  'host.noOffice': {
    en: 'Office.js is not available: open this add-in inside Excel.',
    zh: '未检测到 Office.js：请在 Excel 中打开此加载项。',
  },
  'host.unsupportedSet': {
    en: 'This version of Excel does not support {set}, which the add-in needs {why}. Use Microsoft 365, Excel 2021 or later, or Excel on the web.',
    zh: '此版本的 Excel 不支持 {set}，加载项需要它{why}。请使用 Microsoft 365、Excel 2021 或更新版本，或网页版 Excel。',
  },
  'host.why.ExcelApi': {
    en: 'to mark the sheets it builds and to write cells in bulk',
    zh: '用于标记它生成的工作表并批量写入单元格',
  },
  'host.buildFailed': {
    en: "Could not build the sheet '{name}': {detail}",
    zh: '无法生成工作表“{name}”：{detail}',
  },
  'host.noSheet': {
    en: "There is no sheet named '{name}'.",
    zh: '找不到工作表“{name}”。',
  },
  'host.notOurs': {
    en: "The sheet '{name}' was not built by this add-in, so nothing was written to it.",
    zh: '工作表“{name}”不是本加载项生成的，不会写入。',
  },
  'host.notOursRemove': {
    en: "The sheet '{name}' was not built by this add-in, so it was not removed.",
    zh: '工作表“{name}”不是本加载项生成的，未将其删除。',
  },
  'host.noPlan': {
    en: "The add-in cannot rebuild the layout of '{name}' (was it built by another version?), so its arrows were left as they are.",
    zh: '加载项无法重建“{name}”的布局（是否由其他版本生成？），因此其箭头保持不变。',
  },
});

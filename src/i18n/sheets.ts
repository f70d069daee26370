/** Wording the sheet builders write into cells (captions, legends, notes, errors). */
import { defineMessages } from './catalogue';

export const SHEET_MESSAGES = defineMessages({
  'sheets.layerCaption': { en: 'Layer {layer} · {direction}', zh: '第 {layer} 层 · {direction}' },
  'sheets.dictTooLarge': {
    en: 'state_dict {tensor} has shape {shape}, so {size} = {value}: more than a readable sheet shows (at most {max})',
    zh: 'state_dict 的 {tensor} 形状为 {shape}，即 {size} = {value}，超过可读工作表的上限 {max}',
  },
  'sheets.dictMismatch': {
    en: 'state_dict {tensor} has shape {shape}, so {size} = {value}, but the sheet asks for {asked}',
    zh: 'state_dict 的 {tensor} 形状为 {shape}，即 {size} = {value}，但配置为 {asked}',
  },
  // What a practice sheet's formula shows while a blank it depends on is still empty.
  'sheets.waiting': { en: 'waiting', zh: '待填' },
});

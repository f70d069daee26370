/**
 * A state_dict's JSON text → the dict, for the task pane and the command line alike.
 * The text is checked before `JSON.parse` sees it: its length against a cap (the largest
 * sheet's weights are a few hundred kilobytes of JSON) and its nesting depth (a tensor
 * has at most three dimensions; thousands of nested brackets would overflow the stack of
 * every recursive walk that follows). A UTF-8 byte order mark, which some editors write,
 * is skipped. Problems come back as data, so each caller words them in its own language.
 */
import type { StateDictJson } from './model-spec';

/** Longest state_dict text accepted: 2,000,000 characters (about 2 MB). */
export const MAX_STATE_DICT_CHARS = 2_000_000;
/** Deepest nesting of objects and arrays accepted: the dict itself plus a 3-D tensor, with room to spare. */
export const MAX_STATE_DICT_DEPTH = 8;

export type StateDictTextProblem =
  | { readonly kind: 'empty' }
  | { readonly kind: 'too-large'; readonly chars: number }
  | { readonly kind: 'too-deep'; readonly depth: number }
  | { readonly kind: 'not-json'; readonly detail: string }
  | { readonly kind: 'not-object' };

export type StateDictText =
  | { readonly ok: true; readonly dict: StateDictJson }
  | { readonly ok: false; readonly problem: StateDictTextProblem };

const BOM = '\uFEFF';

/**
 * The deepest nesting of `[`/`{` outside strings, stopping as soon as it passes `limit`
 * (so a hostile text costs one linear scan at most).
 */
export function nestingDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return deepest;
}

export function parseStateDictText(raw: string): StateDictText {
  const text = raw.startsWith(BOM) ? raw.slice(1) : raw;
  if (text.length > MAX_STATE_DICT_CHARS)
    return { ok: false, problem: { kind: 'too-large', chars: text.length } };
  if (text.trim() === '') return { ok: false, problem: { kind: 'empty' } };
  const depth = nestingDepth(text, MAX_STATE_DICT_DEPTH);
  if (depth > MAX_STATE_DICT_DEPTH) return { ok: false, problem: { kind: 'too-deep', depth } };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, problem: { kind: 'not-json', detail: detail.slice(0, 200) } };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, problem: { kind: 'not-object' } };
  return { ok: true, dict: value as StateDictJson };
}

/** The problem in English, for the command line. */
export function stateDictTextProblemText(p: StateDictTextProblem): string {
  switch (p.kind) {
    case 'empty':
      return 'is empty';
    case 'too-large':
      return `is too large (${p.chars.toLocaleString('en-US')} characters; at most ${MAX_STATE_DICT_CHARS.toLocaleString('en-US')})`;
    case 'too-deep':
      return `nests arrays more than ${MAX_STATE_DICT_DEPTH} deep; a tensor has at most 3 dimensions`;
    case 'not-json':
      return `is not valid JSON: ${p.detail}`;
    case 'not-object':
      return 'must hold a JSON object (tensor name → array)';
  }
}

import { describe, expect, it } from 'vitest';
import { spreadEntries } from '../../tools/catalogue-layout';

/** The text without layout: no white space, no trailing comma before a closing brace. */
function entries(text: string): string {
  return text.replace(/\s+/g, '').replace(/,}/g, '}');
}

const SAMPLE = [
  '{',
  "  'a.one': { en: 'One, {n}', zh: '一，{n}' },",
  "  'a.two': {",
  "    en: 'Two',",
  "    zh: '二',",
  '  },',
  "  'a.three': { en: 'x', zh: 'y, zh: z' },",
  '}',
].join('\n');

describe('catalogue layout', () => {
  it('spreads one-line entries over four lines and keeps every wording', () => {
    const { text, count } = spreadEntries(SAMPLE);
    // 'a.three' holds ", zh: " in a wording, so where it splits is not certain: left as it is.
    expect(count).toBe(1);
    expect(text).toContain("  'a.three': { en: 'x', zh: 'y, zh: z' },");
    expect(entries(text)).toEqual(entries(SAMPLE));
    expect(text.split('\n').slice(1, 5)).toEqual([
      "  'a.one': {",
      "    en: 'One, {n}',",
      "    zh: '一，{n}',",
      '  },',
    ]);
    expect(spreadEntries(text).count).toBe(0);
  });

  it('leaves alone a line it cannot split for sure', () => {
    const line = "  'b': { en: 'p, zh: q', zh: 'r' },";
    expect(spreadEntries(line)).toEqual({ text: line, count: 0 });
  });
});

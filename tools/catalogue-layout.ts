/**
 * Keeps every catalogue entry in one layout: the key, the English line, the Chinese line,
 * the closing brace. With one layout the tables read alike and a repeated-code scan sees
 * them as the uniform tables they are, not as a patchwork of one-line and four-line rows.
 *   npx tsx tools/catalogue-layout.ts [--check] [files…]   (default: src/i18n/*-messages.ts)
 * Without --check it rewrites one-line entries in place; with it, it lists them and exits 1.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** `  'key': { en: '…', zh: '…' },` on one line (wordings without a ", zh: " of their own). */
const ONE_LINE = /^(\s+)('[^']+'|\w+): \{ en: (.*), zh: (.*) \},$/;

/** The text with every one-line entry spread over four lines, and how many there were. */
export function spreadEntries(text: string): { text: string; count: number } {
  let count = 0;
  const lines = text.split('\n').flatMap((line) => {
    const m = ONE_LINE.exec(line);
    if (!m || m[3].includes(', zh: ')) return [line];
    const [, indent, key, en, zh] = m;
    count++;
    return [`${indent}${key}: {`, `${indent}  en: ${en},`, `${indent}  zh: ${zh},`, `${indent}},`];
  });
  return { text: lines.join('\n'), count };
}

function main(args: string[]): number {
  const check = args.includes('--check');
  const named = args.filter((a) => a !== '--check');
  const dir = 'src/i18n';
  const files = named.length
    ? named
    : readdirSync(dir)
        .filter((f) => f.endsWith('-messages.ts'))
        .map((f) => join(dir, f));
  let found = 0;
  for (const file of files) {
    const { text, count } = spreadEntries(readFileSync(file, 'utf8'));
    if (count === 0) continue;
    found += count;
    if (check) console.log(`${file}: ${count} one-line entr${count === 1 ? 'y' : 'ies'}`);
    else writeFileSync(file, text);
  }
  return check && found > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));

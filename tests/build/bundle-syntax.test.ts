/**
 * The built bundles parse in the oldest WebKit we support (tools/webpack-common.mjs,
 * Safari 14.1 for Office on Mac): every dist/ and dist-preview/ script must parse as
 * ES2021 (all of which Safari 14.1 has). Class static blocks (ES2022, Safari 16.4), which Fluent UI's dependencies ship,
 * would otherwise leave the pane blank. CI builds dist/ before the tests; without a build
 * there is nothing to parse and the file says so.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

function scripts(dir: string): string[] {
  const full = path.join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full)
    .filter((f) => f.endsWith('.js'))
    .map((f) => path.join(full, f));
}

function parsesAt2021(code: string): boolean {
  try {
    parse(code, { ecmaVersion: 2021, sourceType: 'script' });
    return true;
  } catch {
    return false;
  }
}

describe('bundle syntax', () => {
  it('the ES2021 parse rejects class static blocks and accepts what Safari 14.1 has', () => {
    expect(parsesAt2021('class A { static { this.x = 1; } }')).toBe(false);
    expect(parsesAt2021('a ||= b?.c ?? 1_000;')).toBe(true);
  });

  const files = [...scripts('dist'), ...scripts('dist-preview')];
  it.skipIf(files.length === 0)('every built script parses as ES2021 (run npm run build first)', () => {
    expect(files.some((f) => f.endsWith(`${path.sep}taskpane.js`) || f.includes('preview'))).toBe(true);
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      expect(parsesAt2021(code), path.relative(root, file)).toBe(true);
    }
  });
});

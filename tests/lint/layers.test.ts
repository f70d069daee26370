/**
 * The lint rules that keep layers pointing one way and wording in the catalogue, run on
 * small snippets placed at real paths: each forbidden import or language comparison must
 * be an error, and the allowed ones must pass.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function ruleErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? 'parse');
}

const use = (from: string) => `import { x } from '${from}';\nexport const y = x;\n`;

const FORBIDDEN: readonly [string, string][] = [
  ['src/core/probe.ts', '../sheets/plan'],
  ['src/core/probe.ts', '../i18n'],
  ['src/core/probe.ts', 'react'],
  ['src/i18n/probe.ts', '../core/tensor'],
  ['src/sheets/probe.ts', '../host/host'],
  ['src/sheets/probe.ts', '../practice/checker'],
  ['src/host/probe.ts', '../practice/checker'],
  ['src/host/probe.ts', '../../taskpane/strings'],
  ['src/host/excel-host-probe.ts', 'hyperformula'],
  ['src/practice/probe.ts', '../../taskpane/strings'],
  ['taskpane/probe.ts', '../preview/Grid'],
  ['taskpane/probe.ts', '../functions/functions'],
  ['functions/probe.ts', '../src/sheets/plan'],
  ['functions/probe.ts', '../src/host/host'],
  ['src/sheets/probe.ts', '../../tests/sheets/evaluate'],
  ['preview/probe.ts', '../tests/host/plan-factory'],
  ['tools/probe.ts', '../tests/host/plan-factory'],
];

const ALLOWED: readonly [string, string][] = [
  ['src/sheets/probe.ts', '../core/tensor'],
  ['src/sheets/probe.ts', '../i18n'],
  ['src/host/probe.ts', '../sheets/plan'],
  ['src/host/preview-probe.ts', 'hyperformula'],
  ['src/practice/probe.ts', '../host/host'],
  ['taskpane/probe.ts', '../src/practice/checker'],
  ['preview/probe.ts', '../taskpane/App'],
  ['functions/probe.ts', '../src/core/lstm'],
  ['tools/probe.ts', '../preview/Grid'],
];

describe('layer rules', () => {
  it.each(FORBIDDEN)('%s may not import %s', async (file, from) => {
    expect(await ruleErrors(file, use(from))).toContain('no-restricted-imports');
  });

  it.each(ALLOWED)('%s may import %s', async (file, from) => {
    expect(await ruleErrors(file, use(from))).toEqual([]);
  });
});

describe('language comparisons', () => {
  const BRANCHES = [
    "export const f = (lang: string) => (lang === 'zh' ? 'a' : 'b');",
    "export const f = (p: { language: string }) => p.language !== 'en';",
    "export const f = (zh: boolean) => (zh ? 'a' : 'b');",
    'export function f(language: string) { switch (language) { default: return 1; } }',
  ];
  it.each(BRANCHES)('outside the catalogue, %s is an error', async (code) => {
    expect(await ruleErrors('src/host/probe.ts', code)).toContain('no-restricted-syntax');
  });

  it('inside the catalogue the same comparison is allowed', async () => {
    expect(await ruleErrors('src/i18n/probe.ts', BRANCHES[0])).toEqual([]);
  });
});

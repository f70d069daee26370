/**
 * HyperFormula is GPL-3.0: it may run in tests and in the preview bundle, never in the
 * add-in Excel loads. Two checks: the production entries' import graph never reaches
 * HyperFormula or preview code, and a built dist/ (when there is one) contains no trace
 * of it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTRIES } from '../../tools/build-outputs.mjs';

const root = path.resolve(__dirname, '../..');
const EXTENSIONS = ['.ts', '.tsx', '.js', '.mjs', '/index.ts', '/index.tsx'];

/** Module specifiers of static imports, re-exports and dynamic imports. */
function importsOf(source: string): string[] {
  const out: string[] = [];
  const patterns = [
    /\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) out.push(m[1]);
  return out;
}

function resolveLocal(fromFile: string, spec: string): string | null {
  const base = path.resolve(path.dirname(fromFile), spec);
  if (existsSync(base) && statSync(base).isFile()) return base;
  for (const ext of EXTENSIONS) if (existsSync(base + ext)) return base + ext;
  return null;
}

/** Every local file reachable from `entry`, and every package it names. */
function reach(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) {
        const target = resolveLocal(file, spec);
        if (target && /\.(tsx?|m?js)$/.test(target)) stack.push(target);
      } else {
        packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
      }
    }
  }
  return { files, packages };
}

describe('HyperFormula stays out of the production add-in', () => {
  const entries = Object.values(ENTRIES as Record<string, string>).map((e) => path.join(root, e));

  it('finds the import scanner working on the preview entry itself', () => {
    // The preview does reach HyperFormula: if this failed, the scan below would prove nothing.
    const preview = reach(path.join(root, 'preview/index.tsx'));
    expect(preview.packages.has('hyperformula')).toBe(true);
    expect(
      [...preview.files].some((f) => f.includes(`${path.sep}src${path.sep}host${path.sep}preview-`)),
    ).toBe(true);
  });

  for (const entry of entries) {
    it.skipIf(!existsSync(entry))(
      `${path.relative(root, entry)} never imports HyperFormula or preview code`,
      () => {
        const { files, packages } = reach(entry);
        expect(packages.has('hyperformula')).toBe(false);
        const previewFiles = [...files].filter((f) => {
          const rel = path.relative(root, f).split(path.sep).join('/');
          return rel.startsWith('preview/') || rel.startsWith('src/host/preview-');
        });
        expect(previewFiles).toEqual([]);
      },
    );
  }

  const dist = path.join(root, 'dist');
  it.skipIf(!existsSync(dist))('no file of the production build mentions HyperFormula', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/hyperformula|HyperFormula/.test(readFileSync(p).toString('latin1')))
          offenders.push(path.relative(root, p));
      }
    };
    walk(dist);
    expect(offenders).toEqual([]);
  });
});

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localhostProblems } from '../../tools/dist-check';
import { checkManifest, type ManifestCheckOptions } from '../../tools/manifest-check';
import { DEV_BASE_URL, expectedOutputs, productionBaseUrl, rebase } from '../../tools/build-outputs.mjs';

const source = readFileSync('manifest.xml', 'utf8');
const outputs = new Set(expectedOutputs());
const opts: ManifestCheckOptions = {
  baseUrl: DEV_BASE_URL,
  fileExists: (rel) => outputs.has(rel),
  readFile: (rel) => (existsSync(rel) ? readFileSync(rel) : null),
};

describe('manifest check', () => {
  it('accepts the project manifest', () => {
    expect(checkManifest(source, opts)).toEqual([]);
  });

  it('has a shared runtime, custom functions without a Namespace, and ReadWriteDocument', () => {
    expect(source).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(source).toMatch(/xsi:type="CustomFunctions"/);
    expect(source).not.toMatch(/<Namespace/);
    expect(source).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
  });

  it('fails on malformed XML', () => {
    const problems = checkManifest(source.replace('</Hosts>', ''), opts);
    expect(problems[0]).toMatch(/not well-formed/);
  });

  it('fails loudly on a resid that resolves to nothing', () => {
    const broken = source.replace(
      '<SourceLocation resid="Functions.Script.Url"/>',
      '<SourceLocation resid="Functions.Scrpt.Url"/>',
    );
    expect(checkManifest(broken, opts)).toContainEqual(
      expect.stringMatching(/resid "Functions.Scrpt.Url" does not match/),
    );
  });

  it('fails on a misordered top-level element', () => {
    const permissions = '  <Permissions>ReadWriteDocument</Permissions>\n';
    const moved = source
      .replace(permissions, '')
      .replace(
        '  <Hosts>\n    <Host Name="Workbook"/>',
        `${permissions}  <Hosts>\n    <Host Name="Workbook"/>`,
      );
    expect(moved).not.toEqual(source);
    expect(checkManifest(moved, opts)).toContainEqual(
      expect.stringMatching(/<Hosts> must come before <Permissions>/),
    );
  });

  it('fails on misordered children of the CustomFunctions extension point', () => {
    const swapped = source.replace(
      /(<Script>[\s\S]*?<\/Script>)(\s*)(<Page>[\s\S]*?<\/Page>)/,
      (_m, script: string, ws: string, page: string) => `${page}${ws}${script}`,
    );
    expect(checkManifest(swapped, opts)).toContainEqual(
      expect.stringMatching(/<Script> must come before <Page>/),
    );
  });

  it('rejects a Namespace element', () => {
    const withNs = source.replace('</Metadata>', '</Metadata>\n            <Namespace resid="Group.Label"/>');
    expect(checkManifest(withNs, opts)).toContainEqual(expect.stringMatching(/remove <Namespace>/));
  });

  it('rejects a URL the build does not produce', () => {
    const bad = source.replace(
      'https://localhost:3000/functions.json',
      'https://localhost:3000/function.json',
    );
    expect(checkManifest(bad, opts)).toContainEqual(
      expect.stringMatching(/function.json, which the build does not produce/),
    );
  });

  it('rejects an icon whose pixel size differs from the declared size', () => {
    const bad = source.replace(
      '<bt:Image id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-80.png"/>',
      '<bt:Image id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-64.png"/>',
    );
    expect(checkManifest(bad, opts)).toContainEqual(
      expect.stringMatching(/icon-64.png is 64×64, declared 80×80/),
    );
  });

  it('requires the shared runtime and custom functions runtime sets', () => {
    const bad = source.replace(
      '<Set Name="CustomFunctionsRuntime" MinVersion="1.2"/>',
      '<Set Name="CustomFunctionsRuntime" MinVersion="1.1"/>',
    );
    expect(checkManifest(bad, opts)).toContainEqual(
      expect.stringMatching(/CustomFunctionsRuntime 1.1 is older than 1.2/),
    );
  });

  it('declares icons at 16, 32, 64 and 80 px that exist', () => {
    for (const s of [16, 32, 64, 80]) expect(existsSync(`assets/icon-${s}.png`)).toBe(true);
  });
});

describe('production base URL', () => {
  it('rewrites every localhost occurrence, not only the first', () => {
    const base = 'https://addin.example.org/seq/';
    const out = rebase(source, base);
    expect(out).not.toContain(DEV_BASE_URL);
    expect(out.split(base).length - 1).toBe(source.split(DEV_BASE_URL).length - 1);
    expect(checkManifest(out, { ...opts, baseUrl: base })).toEqual([]);
  });

  it('rewrites the bare dev origin too (AppDomain), so no localhost is left', () => {
    const base = 'https://addin.example.org/seq/';
    const out = rebase(source, base);
    expect(source).toContain('<AppDomain>https://localhost:3000</AppDomain>');
    expect(out).toContain('<AppDomain>https://addin.example.org</AppDomain>');
    expect(out).not.toMatch(/localhost/i);
  });

  it('validate --dist refuses a build that mentions localhost anywhere', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dist-'));
    mkdirSync(path.join(dir, 'help'));
    writeFileSync(path.join(dir, 'manifest.xml'), rebase(source, 'https://addin.example.org/seq/'));
    writeFileSync(path.join(dir, 'help/functions.html'), '<p>ok</p>');
    expect(localhostProblems(dir)).toEqual([]);
    writeFileSync(path.join(dir, 'taskpane.js'), 'fetch("https://localhost:3000/x")');
    expect(localhostProblems(dir)).toEqual([expect.stringMatching(/^taskpane\.js mentions localhost/)]);
    rmSync(dir, { recursive: true });
  });

  it('normalises the trailing slash and insists on https', () => {
    expect(productionBaseUrl({ ADDIN_BASE_URL: 'https://x.example/app' })).toBe('https://x.example/app/');
    expect(productionBaseUrl({})).toBe(DEV_BASE_URL);
    expect(() => productionBaseUrl({ ADDIN_BASE_URL: 'http://x.example/' })).toThrow(/https/);
  });
});

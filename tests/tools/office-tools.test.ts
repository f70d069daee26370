/**
 * The sideloading tool is not part of any install: `npm start`/`npm stop` run it on
 * demand through npx at a pinned version.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs tool without type declarations
import * as tools from '../../tools/office-tools.mjs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Record<
  string,
  Record<string, string> | undefined
>;

describe('office-addin-debugging', () => {
  it('is in no dependency list, so a production install does not carry it', () => {
    for (const list of ['dependencies', 'optionalDependencies', 'devDependencies', 'peerDependencies'])
      expect(Object.keys(pkg[list] ?? {})).not.toContain('office-addin-debugging');
  });

  it('runs through npx --yes at an exact version unless a local copy exists', () => {
    expect(tools.OFFICE_DEBUGGING_PACKAGE).toMatch(/^office-addin-debugging@\d+\.\d+\.\d+$/);
    const { command, args } = tools.officeDebuggingCommand(['stop', 'manifest.xml']) as {
      command: string;
      args: string[];
    };
    if (tools.hasLocalOfficeDebugging()) expect(args).toEqual(['stop', 'manifest.xml']);
    else {
      expect(command).toMatch(/^npx(\.cmd)?$/);
      expect(args).toEqual(['--yes', tools.OFFICE_DEBUGGING_PACKAGE, 'stop', 'manifest.xml']);
    }
  });
});

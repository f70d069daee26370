/**
 * functions.json as the build emits it: the generator's data-type flag (CustomFunctionsRuntime
 * 1.4, missing in Excel 2021, where it is reported to turn every function into #VALUE!) is
 * removed by the build's post-processing plugin, which the production config registers.
 */
import { resolve } from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import webpack from 'webpack';
import { describe, expect, it } from 'vitest';
import {
  FinalizeFunctionsMetadataPlugin,
  finalizeFunctionsMetadata,
} from '../../tools/functions-metadata.mjs';

const FUNCTIONS_FILE = resolve(__dirname, '../../functions/functions.ts');

/** Runs the plugin's asset hook as webpack would, on one functions.json asset. */
function runPlugin(json: string): string {
  let out = json;
  let processAssets: ((assets: Record<string, { source(): string }>) => void) | undefined;
  const compilation = {
    hooks: { processAssets: { tap: (_o: unknown, f: typeof processAssets) => (processAssets = f) } },
    updateAsset: (_name: string, source: { source(): unknown }) => (out = String(source.source())),
  };
  new FinalizeFunctionsMetadataPlugin('functions.json').apply({
    webpack,
    hooks: { thisCompilation: { tap: (_n: string, f: (c: unknown) => void) => f(compilation) } },
  });
  processAssets!({ 'functions.json': { source: () => json } });
  return out;
}

describe('the emitted functions.json', () => {
  it('has no allowCustomDataForDataTypeAny flag and keeps every function unchanged', async () => {
    const generated = (await generateCustomFunctionsMetadata(FUNCTIONS_FILE)).metadataJson;
    expect(JSON.parse(generated)).toHaveProperty('allowCustomDataForDataTypeAny', true);
    const emitted = runPlugin(generated);
    expect(emitted).not.toContain('allowCustomDataForDataTypeAny');
    const { allowCustomDataForDataTypeAny: _flag, ...rest } = JSON.parse(generated) as Record<
      string,
      unknown
    >;
    expect(JSON.parse(emitted)).toEqual(rest);
    expect(finalizeFunctionsMetadata(emitted)).toBe(emitted);
  });

  it('is post-processed by the production build configuration', async () => {
    const configUrl = new URL('../../webpack.config.js', import.meta.url).href;
    const { default: config } = (await import(/* @vite-ignore */ configUrl)) as {
      default: (env: object, argv: object) => Promise<{ plugins: unknown[] }>;
    };
    const { plugins } = await config({}, { mode: 'production' });
    const names = plugins.map((p) => (p as object).constructor.name);
    const metadata = names.indexOf('CustomFunctionsMetadataPlugin');
    expect(metadata).toBeGreaterThanOrEqual(0);
    expect(names.indexOf('FinalizeFunctionsMetadataPlugin')).toBeGreaterThan(metadata);
  });
});

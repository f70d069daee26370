/**
 * Post-processing of the functions.json that custom-functions-metadata generates.
 *
 * The generator always writes `"allowCustomDataForDataTypeAny": true`. That flag belongs to
 * CustomFunctionsRuntime 1.4 (data types), which Excel 2021 lacks, and reports describe
 * every custom function returning #VALUE! there when it is present. No function here takes
 * or returns data types, so the flag is removed from the emitted file.
 */

/** functions.json text without the data-type flag, at any depth. */
export function finalizeFunctionsMetadata(json) {
  const strip = (value) => {
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === 'object') {
      const out = {};
      for (const [k, v] of Object.entries(value))
        if (k !== 'allowCustomDataForDataTypeAny') out[k] = strip(v);
      return out;
    }
    return value;
  };
  return JSON.stringify(strip(JSON.parse(json)), null, 4);
}

/** Rewrites the functions.json asset after the metadata plugin has emitted it. */
export class FinalizeFunctionsMetadataPlugin {
  constructor(filename = 'functions.json') {
    this.filename = filename;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('FinalizeFunctionsMetadataPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'FinalizeFunctionsMetadataPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS + 1 },
        (assets) => {
          const asset = assets[this.filename];
          if (!asset) return;
          const text = finalizeFunctionsMetadata(asset.source().toString());
          compilation.updateAsset(this.filename, new sources.RawSource(text));
        },
      );
    });
  }
}

/**
 * Production and development builds of the add-in: task pane, custom functions (with
 * functions.json generated from their JSDoc) and the ribbon commands page. A production
 * build needs no certificates; only `webpack serve` asks office-addin-dev-certs for them.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import CustomFunctionsMetadataPlugin from 'custom-functions-metadata-plugin';
import { marked } from 'marked';
import { ENTRIES, PAGES, productionBaseUrl, rebase } from './tools/build-outputs.mjs';
import { commonConfig } from './tools/webpack-common.mjs';
import { FinalizeFunctionsMetadataPlugin } from './tools/functions-metadata.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));

/** Rewrites localhost URLs in text assets for a production base URL. */
class RebaseUrlsPlugin {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('RebaseUrlsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'RebaseUrlsPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (!/\.(xml|json|html)$/.test(name)) continue;
            const text = assets[name].source().toString();
            const rebased = rebase(text, this.baseUrl);
            if (rebased !== text) compilation.updateAsset(name, new sources.RawSource(rebased));
          }
        },
      );
    });
  }
}

function helpPage() {
  const body = marked.parse(readFileSync(path.join(root, 'docs/FUNCTIONS.md'), 'utf8'), { async: false });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Custom functions · Sequence Models by Hand</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:15px/1.5 "Segoe UI",system-ui,sans-serif;max-width:900px;margin:2rem auto;padding:0 1rem;color:#222}
code,pre{font-family:Consolas,monospace;background:#f4f4f4}pre{padding:.6rem;overflow:auto}table{border-collapse:collapse}
td,th{border:1px solid #ccc;padding:.25rem .5rem}</style></head><body>${body}</body></html>`;
}

/**
 * Certificates for https://localhost:3000. office-addin-dev-certs generates them and
 * installs its CA into the system store; where it cannot install (a Linux machine without
 * sudo, used with Excel on the web), serve with the generated certificate anyway and say
 * how to trust the CA by hand, rather than refusing to start.
 */
async function httpsOptions(devCerts) {
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (err) {
    const { readFileSync: read, existsSync } = await import('node:fs');
    const os = await import('node:os');
    const dir = path.join(os.homedir(), '.office-addin-dev-certs');
    const cert = path.join(dir, 'localhost.crt');
    const key = path.join(dir, 'localhost.key');
    if (!existsSync(cert) || !existsSync(key)) throw err;
    console.warn(
      `Could not install the development CA (${err.message.split('\n')[0]}).\n` +
        `Serving with ${cert}; trust ${path.join(dir, 'ca.crt')} in your browser to load the add-in.`,
    );
    return { cert: read(cert), key: read(key), ca: read(path.join(dir, 'ca.crt')) };
  }
}

export default async (env = {}, argv = {}) => {
  const dev = argv.mode === 'development';
  const serving = Boolean(env.WEBPACK_SERVE);
  const baseUrl = dev ? 'https://localhost:3000/' : productionBaseUrl();

  let devServer;
  if (serving) {
    const devCerts = await import('office-addin-dev-certs');
    devServer = {
      port: 3000,
      hot: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: await httpsOptions(devCerts) },
      static: { directory: path.join(root, 'dist') },
    };
  }

  return {
    ...commonConfig(dev),
    entry: ENTRIES,
    output: { path: path.join(root, 'dist'), filename: '[name].js', clean: true },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: './functions/functions.ts', output: 'functions.json' }),
      new FinalizeFunctionsMetadataPlugin('functions.json'),
      ...PAGES.map(
        (p) => new HtmlWebpackPlugin({ filename: p.filename, template: p.template, chunks: p.chunks }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml' },
          { from: 'docs/FUNCTIONS.md', to: 'help/functions.html', transform: () => helpPage() },
        ],
      }),
      new RebaseUrlsPlugin(baseUrl),
    ],
    devServer,
  };
};

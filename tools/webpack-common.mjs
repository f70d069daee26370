/**
 * What the add-in build (webpack.config.js) and the preview build
 * (webpack.preview.config.js) compile alike: mode and source maps, TypeScript and every
 * dependency through esbuild for the oldest WebKit we support, CSS inlined by
 * style-loader, fonts as files, and webpack's filesystem cache. Each config adds its own
 * entries, output and plugins.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The JavaScript level of the bundles. Office on Mac runs the task pane in the system's
 * WKWebView, so the WebKit of the oldest macOS that Office for Mac (Microsoft 365, Office
 * 2021) still supports sets the floor: Safari 14.1 (macOS Catalina and Big Sur get it as an
 * update; esbuild lowers nothing it cannot express there, and it treats 14.0's
 * destructuring as buggy) is that floor with some margin. The
 * dependencies are transpiled too: Fluent UI's dependencies ship class static blocks,
 * which WebKit parses only from Safari 16.4, and an unparseable bundle is a blank pane.
 * tests/build/bundle-syntax.test.ts parses every built file at ES2021 to hold this.
 */
export const BROWSER_TARGET = 'safari14.1';

/**
 * @param {boolean} dev a development build (source maps, no minifying)
 * @param {string} name which build, to keep each one's cache apart
 */
export function commonConfig(dev, name = 'addin') {
  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    resolve: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
    module: {
      rules: [
        // Type errors are tsc's job (npm run typecheck); the bundle only needs the JavaScript.
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'esbuild-loader',
          options: { target: BROWSER_TARGET, jsx: 'automatic' },
        },
        {
          test: /\.m?js$/,
          include: /node_modules/,
          loader: 'esbuild-loader',
          options: { target: BROWSER_TARGET },
        },
        { test: /\.css$/, use: ['style-loader', 'css-loader'] },
        { test: /\.(woff2?|ttf)$/, type: 'asset/resource', generator: { filename: 'fonts/[name][ext]' } },
      ],
    },
    // A warm rebuild reuses every unchanged module; the cache lives in the project, not in
    // node_modules, and is invalidated when a config file or the lockfile changes.
    cache: {
      type: 'filesystem',
      cacheDirectory: path.join(root, '.cache', 'webpack'),
      name: `${name}-${dev ? 'development' : 'production'}`,
      buildDependencies: {
        config: [
          fileURLToPath(import.meta.url),
          path.join(root, 'webpack.config.js'),
          path.join(root, 'webpack.preview.config.js'),
          path.join(root, 'package-lock.json'),
        ],
      },
    },
    performance: { hints: false },
  };
}

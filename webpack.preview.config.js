/**
 * The preview bundle (dist-preview/): the real task pane beside an in-browser workbook.
 * It is the only bundle that contains HyperFormula (GPL-3.0); the production build
 * (webpack.config.js → dist/) has no entry that reaches preview/ or src/host/preview-*.
 * The custom functions' metadata is read here with the generator the production build
 * uses, so the preview knows which arguments are ranges exactly as Excel does.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import webpack from 'webpack';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import metadata from 'custom-functions-metadata';
import { commonConfig } from './tools/webpack-common.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));
const FUNCTIONS_SOURCE = 'functions/functions.ts';

export function previewFunctionsMetadata() {
  const file = path.join(root, FUNCTIONS_SOURCE);
  const tree = metadata.parseTree(readFileSync(file, 'utf8'), FUNCTIONS_SOURCE);
  const errors = tree.extras.flatMap((e) => e.errors);
  if (errors.length > 0) throw new Error(`${FUNCTIONS_SOURCE}: ${errors.join('; ')}`);
  return {
    functions: tree.functions.map((f) => ({ id: f.id, parameters: f.parameters })),
    associate: tree.associate.map((a) => ({ id: a.id, functionName: a.functionName })),
  };
}

export default (env = {}, argv = {}) => {
  const dev = (argv.mode ?? env.mode) === 'development';
  return {
    ...commonConfig(dev, 'preview'),
    context: root,
    entry: { preview: './preview/index.tsx' },
    output: { path: path.join(root, 'dist-preview'), filename: '[name].[contenthash:8].js', clean: true },
    plugins: [
      new webpack.DefinePlugin({ __PREVIEW_FUNCTIONS__: JSON.stringify(previewFunctionsMetadata()) }),
      new HtmlWebpackPlugin({ template: './preview/preview.html', filename: 'index.html' }),
    ],
  };
};

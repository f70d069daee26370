/**
 * What the add-in build (webpack.config.js) and the preview build
 * (webpack.preview.config.js) compile alike: mode and source maps, TypeScript through
 * ts-loader, CSS inlined by style-loader, fonts as files. Each config adds its own
 * entries, output and plugins.
 */

/** @param {boolean} dev a development build (source maps, no minifying) */
export function commonConfig(dev) {
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
          use: { loader: 'ts-loader', options: { transpileOnly: true } },
        },
        { test: /\.css$/, use: ['style-loader', 'css-loader'] },
        { test: /\.(woff2?|ttf)$/, type: 'asset/resource', generator: { filename: 'fonts/[name][ext]' } },
      ],
    },
    performance: { hints: false },
  };
}

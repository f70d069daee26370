/**
 * `npm run preview`: builds the preview bundle (webpack.preview.config.js → dist-preview/)
 * and serves it on http://localhost:3001. The page runs the real task pane beside a live
 * in-browser workbook, so the add-in can be tried on a machine without Excel.
 * `npm start` calls startPreview() when there is no desktop Excel.
 */
import http from 'node:http';
import path from 'node:path';
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import webpack from 'webpack';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PREVIEW_DIR = path.join(root, 'dist-preview');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Prints the build's progress every tenth of the way, so a first build (a minute or more
 * on a slow machine) never sits silent; later builds reuse webpack's filesystem cache.
 */
function progressPrinter() {
  let shown = -1;
  return new webpack.ProgressPlugin((fraction, message) => {
    const tenth = Math.floor(fraction * 10);
    if (tenth <= shown) return;
    shown = tenth;
    console.log(`  ${String(tenth * 10).padStart(3)}% ${message}`);
  });
}

/** Builds dist-preview/ with webpack's Node API; rejects with webpack's own messages. */
export async function buildPreview({ mode = 'production', progress = false } = {}) {
  const { default: configOf } = await import(
    pathToFileURL(path.join(root, 'webpack.preview.config.js')).href
  );
  const config = configOf({}, { mode });
  if (progress) config.plugins = [...(config.plugins ?? []), progressPrinter()];
  const compiler = webpack(config);
  const stats = await new Promise((resolve, reject) =>
    compiler.run((err, s) => (err ? reject(err) : resolve(s))),
  );
  await new Promise((resolve) => compiler.close(resolve));
  if (stats.hasErrors()) {
    const errors = stats.toJson({ all: false, errors: true }).errors.map((e) => e.message);
    throw new Error(`preview build failed:\n${errors.join('\n\n')}`);
  }
  return stats;
}

/** Serves dist-preview/ (only files inside it) over plain http on localhost. */
export function servePreview({ port = 3001, host = 'localhost', dir = PREVIEW_DIR } = {}) {
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let rel = decodeURIComponent(url.pathname);
      if (rel.endsWith('/')) rel += 'index.html';
      const file = path.join(dir, path.normalize(rel));
      if (!file.startsWith(dir + path.sep)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      const info = await stat(file);
      if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
      });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const addr = server.address();
      const actual = typeof addr === 'object' && addr ? addr.port : port;
      resolve({ server, url: `http://localhost:${actual}/` });
    });
  });
}

/** Builds, serves and prints the URL; what `npm start` runs where there is no Excel. */
export async function startPreview({ port = 3001, mode = 'production' } = {}) {
  console.log('Building the preview…');
  await buildPreview({ mode, progress: true });
  const { server, url } = await servePreview({ port });
  console.log(`Preview ready: ${url}  (Ctrl+C to stop)`);
  return { server, url };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const portArg = process.argv.indexOf('--port');
  const port = Number(portArg >= 0 ? process.argv[portArg + 1] : process.env.PREVIEW_PORT || 3001);
  const mode = process.argv.includes('--dev') ? 'development' : 'production';
  startPreview({ port, mode }).catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}

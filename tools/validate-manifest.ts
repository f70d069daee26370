/**
 * `npm run validate [-- --dist dist]`: checks manifest.xml offline. Without --dist it
 * checks the source manifest against the outputs the build declares (tools/build-outputs.mjs)
 * and the icons in assets/; with --dist it checks dist/manifest.xml against the files
 * actually built there, at the base URL the build used, and refuses any built file that
 * still mentions localhost.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { localhostProblems } from './dist-check';
import { checkManifest } from './manifest-check';
import { DEV_BASE_URL, expectedOutputs, productionBaseUrl } from './build-outputs.mjs';

const args = process.argv.slice(2);
const distIdx = args.indexOf('--dist');
const dist = distIdx >= 0 ? args[distIdx + 1] : null;

let xml: string;
let baseUrl: string;
let fileExists: (rel: string) => boolean;
let readFile: (rel: string) => Uint8Array | null;

if (dist) {
  const manifest = path.join(dist, 'manifest.xml');
  if (!existsSync(manifest)) {
    console.error(`${manifest} not found: run npm run build first`);
    process.exit(1);
  }
  xml = readFileSync(manifest, 'utf8');
  baseUrl = productionBaseUrl();
  fileExists = (rel) => existsSync(path.join(dist, rel));
  readFile = (rel) => (existsSync(path.join(dist, rel)) ? readFileSync(path.join(dist, rel)) : null);
} else {
  xml = readFileSync('manifest.xml', 'utf8');
  baseUrl = DEV_BASE_URL;
  const outputs = new Set(expectedOutputs());
  fileExists = (rel) => outputs.has(rel);
  readFile = (rel) => (rel.startsWith('assets/') && existsSync(rel) ? readFileSync(rel) : null);
}

const problems = [
  ...checkManifest(xml, { baseUrl, fileExists, readFile }),
  // A production build is for a real host: nothing in it may point at the dev server.
  ...(dist ? localhostProblems(dist) : []),
];
if (problems.length) {
  console.error(`manifest check failed (${problems.length} problem${problems.length > 1 ? 's' : ''}):`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(
  `manifest OK (${dist ? `${dist}/manifest.xml against built files` : 'manifest.xml against declared build outputs'})`,
);

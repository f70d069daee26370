/**
 * `npm run bench`: runs every `*.bench.ts` module in this folder, in name order, and
 * prints the markdown section each returns. A module's default export is
 * `async function run(): Promise<string>`. Pass names to run only some:
 * `npm run bench -- recurrent`.
 */
import { readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type BenchModule = { default: () => Promise<string> };

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const modules = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
  .sort();

console.log(
  `# Benchmarks\n\nNode ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} logical cores), ${new Date().toISOString().slice(0, 10)}\n`,
);
for (const file of modules) {
  const mod = (await import(pathToFileURL(`${here}/${file}`).href)) as BenchModule;
  console.log(await mod.default());
  console.log();
}

/**
 * Pictures of the walkthrough sheets for the docs, drawn by a real spreadsheet program:
 *   npx tsx tools/render-sheets.ts [model…] [--lang zh] [--out docs/images/sheets]
 * Each registered model's default sheet is exported to .xlsx, printed by LibreOffice
 * Calc to a PDF holding the whole sheet on one page, and that page turned into
 * <out>/<model>.png by pdftoppm (Debian: poppler-utils).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { isLanguage, type Language } from '../src/i18n';
import { availableModels, specFor } from '../src/sheets/registry';
import { coreResults } from '../src/sheets/results';
import { planToXlsx } from '../src/host/xlsx';
import { convertWithSoffice } from './soffice';

/** Wide sheets are scaled down to this many pixels across so the pictures stay a few hundred kB. */
const MAX_WIDTH_PX = 2400;
/** Sharp enough to read three-decimal numbers at 100 % zoom. */
const MAX_DPI = 110;

function run(command: string, args: readonly string[]): string {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  if (r.error)
    throw new Error(
      `${command} could not run (${r.error.message}); on Debian: apt-get install -y poppler-utils`,
    );
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${r.stderr}`);
  return r.stdout;
}

/** Page width in points from pdfinfo ("Page size: 1365.02 x 780.038 pts"). */
function pageWidthPts(pdf: string): number {
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(run('pdfinfo', [pdf]));
  if (!m) throw new Error(`pdfinfo did not report a page size for ${pdf}`);
  return Number(m[1]);
}

export interface RenderJob {
  readonly models: readonly string[];
  readonly language: Language;
  readonly outDir: string;
}

export async function renderSheets(job: RenderJob): Promise<string[]> {
  const work = mkdtempSync(join(tmpdir(), 'render-sheets-'));
  try {
    const inputs: string[] = [];
    for (const id of job.models) {
      const spec = specFor(id);
      const plan = spec.build({ ...spec.defaults, language: job.language });
      const file = join(work, `${id}.xlsx`);
      // Cached results as well: the picture must not depend on the recalculation setting.
      writeFileSync(file, await planToXlsx(plan, { result: coreResults(plan) }));
      inputs.push(file);
    }
    const { outputs } = convertWithSoffice(inputs, 'pdf', join(work, 'pdf'));
    mkdirSync(job.outDir, { recursive: true });
    const written: string[] = [];
    for (let k = 0; k < outputs.length; k++) {
      const pdf = outputs[k];
      const dpi = Math.max(36, Math.min(MAX_DPI, Math.floor((MAX_WIDTH_PX * 72) / pageWidthPts(pdf))));
      const stem = join(job.outDir, job.models[k]);
      run('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', pdf, stem]);
      written.push(`${stem}.png`);
    }
    return written;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function parseRenderArgs(argv: readonly string[]): RenderJob {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      lang: { type: 'string', default: 'en' },
      out: { type: 'string', default: join('docs', 'images', 'sheets') },
    },
  });
  if (!isLanguage(values.lang)) throw new Error(`--lang must be en or zh (got "${values.lang}")`);
  const models = positionals.length > 0 ? positionals : availableModels().map((s) => s.id);
  for (const id of models) specFor(id);
  return { models, language: values.lang, outDir: values.out };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  renderSheets(parseRenderArgs(process.argv.slice(2))).then(
    (files) => console.log(files.map((f) => `wrote ${f}`).join('\n')),
    (e: unknown) => {
      console.error(`render-sheets: ${(e as Error).message}`);
      process.exitCode = 1;
    },
  );
}

/**
 * Running LibreOffice headless on exported workbooks: the second spreadsheet program
 * the sheets are checked in (tests/sheets/libreoffice.test.ts) and the renderer of the
 * docs' sheet pictures (tools/render-sheets.ts).
 *
 * Each run gets a fresh user profile, so nothing a person set in their own LibreOffice
 * changes the result, and two runs never share a lock. The profile turns "recalculate
 * on load" to always for .xlsx and .ods: by default Calc trusts the cached results an
 * .xlsx carries and only computes cells that have none, which would let a stale cache
 * pass for a working formula.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The `soffice` executable: $SOFFICE when set, else the first on PATH; undefined when absent. */
export function findSoffice(): string | undefined {
  const fromEnv = process.env.SOFFICE;
  const candidates = fromEnv
    ? [fromEnv]
    : (process.env.PATH ?? '')
        .split(delimiter)
        .filter(Boolean)
        .flatMap((dir) => [join(dir, 'soffice'), join(dir, 'libreoffice')]);
  for (const file of candidates) {
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here; try the next one
    }
  }
  return undefined;
}

// 0 = always recalculate, 1 = never, 2 = ask (Calc's Formula/Load settings).
const RECALC_ALWAYS_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** What to convert to: the output extension and the `--convert-to` argument. */
export const TARGETS = {
  /** Recalculated and re-saved by Calc's own OOXML writer. */
  xlsx: { ext: 'xlsx', arg: 'xlsx:Calc MS Excel 2007 XML' },
  /** Every sheet on one page as large as its used area, so a picture shows the whole walkthrough. */
  pdf: { ext: 'pdf', arg: 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}' },
} as const;

export type Target = keyof typeof TARGETS;

export interface ConvertResult {
  /** Output file for each input, in the same order. */
  readonly outputs: string[];
  readonly seconds: number;
  /** What soffice printed, for error messages. */
  readonly log: string;
}

/**
 * Converts all `inputs` in ONE soffice process (start-up is most of the cost) into
 * `outDir`, recalculating every formula on load. Throws with soffice's output when it
 * fails or leaves an output missing.
 */
export function convertWithSoffice(
  inputs: readonly string[],
  target: Target,
  outDir: string,
  timeoutMs = 120_000,
): ConvertResult {
  const soffice = findSoffice();
  if (!soffice)
    throw new Error(
      'LibreOffice (soffice) is not installed: apt-get install -y --no-install-recommends libreoffice-calc',
    );
  const profile = mkdtempSync(join(tmpdir(), 'soffice-profile-'));
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS_PROFILE);
  mkdirSync(outDir, { recursive: true });
  const { ext, arg } = TARGETS[target];
  const started = performance.now();
  try {
    const run = spawnSync(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--nolockcheck',
        '--convert-to',
        arg,
        '--outdir',
        outDir,
        ...inputs,
      ],
      {
        encoding: 'utf8',
        timeout: timeoutMs,
      },
    );
    const log = `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? String(run.error) : ''}`;
    const outputs = inputs.map((file) => join(outDir, `${basename(file, extname(file))}.${ext}`));
    const missing = outputs.filter((file) => !existsSync(file));
    if (run.status !== 0 || missing.length > 0) {
      throw new Error(
        `soffice --convert-to ${ext} failed (exit ${run.status}; missing: ${missing.join(', ') || 'none'}):\n${log}`,
      );
    }
    return { outputs, seconds: (performance.now() - started) / 1000, log };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

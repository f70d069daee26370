/**
 * The parallel scan as sheet bands, below the sequential scan of the Mamba scan sheet.
 * The recurrence h_t = Ā_t ⊙ h_{t−1} + B̄_t u_t is the pairs (a_t, b_t) = (Ā_t, B̄_t u_t)
 * combined by (a₁, b₁) ∘ (a₂, b₂) = (a₂a₁, a₂b₁ + b₂). The sheet runs Hillis–Steele:
 * level k (stride s = 2^(k−1)) combines every step t ≥ s with step t − s of level k − 1
 * and copies the steps before s, so each level is one band of formulas that read only
 * the band above. After ⌈log₂T⌉ levels b_t is h_t; a check band and cell compare it with
 * the sequential h. Cells of level k carry trace `scan_a_l{k}` / `scan_b_l{k}`. Each
 * combine records two flows (kit/flow.ts), one per half it reads from step t − s of the
 * level above, so the arrows show how far back each level reaches.
 */
import { scanDepth } from '../core/parallel-scan';
import { scanLevelNames } from '../core/mamba-scan-levels';
import { t as text } from '../i18n';
import type { SheetKit } from './kit/band';
import { carried } from './kit/flow';
import { openTaughtBand } from './kit/role-column';
import { rowLabels } from './kit/labels';
import { stepBlocks, stepColumn, type PerStep } from './kit/steps';
import { Block } from './layout';
import type { CellRole, Language } from './plan';
import { channelLabel } from './mamba-scan-bands';

export interface ParallelScanSources {
  readonly channels: number;
  readonly N: number;
  /** Ā_t and B̄_t (channels × N) and u_{t,d}, as the sequential bands show them. */
  readonly aBar: PerStep;
  readonly bBar: PerStep;
  u(t: number, d: number): string;
  /** The sequential h_t the last level must equal. */
  readonly h: PerStep;
}

/** One level's cells: a_t in the band's first rows, b_t below a blank row. */
interface Level {
  readonly a: PerStep;
  readonly b: PerStep;
}

/** The heading and the four caption lines (associativity, the choice, cost, GPU). */
function writeCaptions(k: SheetKit, T: number, lang: Language): void {
  k.cursor.heading(text(lang, 'sheets.parallelScan.heading'));
  const lines = [
    text(lang, 'sheets.parallelScan.associative'),
    text(lang, 'sheets.parallelScan.choice'),
    text(lang, 'sheets.parallelScan.cost', { levels: scanDepth(T) }),
    text(lang, 'sheets.parallelScan.gpu'),
  ];
  lines.forEach((line, i) => k.b.text(k.cursor.row + i, 0, line, 'note'));
  k.cursor.row += lines.length + 1;
}

/** Opens a level's band: 2·channels + 1 rows, a's above the blank row, b's below it. */
function openLevel(
  k: SheetKit,
  src: ParallelScanSources,
  head: { equation: string; role: string },
  lang: Language,
): number {
  const Dc = src.channels;
  const top = openTaughtBand(k, { ...head, rows: 2 * Dc + 1 });
  rowLabels(k.b, top, Dc, (d) => text(lang, 'sheets.parallelScan.rowA', { d: d + 1 }));
  rowLabels(k.b, top + Dc + 1, Dc, (d) => text(lang, 'sheets.parallelScan.rowB', { d: d + 1 }));
  return top;
}

/** The a and b blocks of the level whose band starts at `top`. */
function levelBlocks(k: SheetKit, src: ParallelScanSources, top: number): Level {
  const Dc = src.channels;
  return { a: stepBlocks(k.grid, top, Dc, 0, src.N), b: stepBlocks(k.grid, top + Dc + 1, Dc, 0, src.N) };
}

/** One half (a or b) of a level at one step: `formula(d, n)` without '='. */
function writeHalf(
  k: SheetKit,
  at: { top: number; t: number; level: number; half: 'a' | 'b'; role: CellRole },
  src: ParallelScanSources,
  formula: (d: number, n: number) => string,
  equation: string,
): void {
  const names = scanLevelNames(at.level);
  k.b.computed({
    top: at.top,
    left: k.grid.col(at.t),
    rows: src.channels,
    cols: src.N,
    role: at.role,
    formula,
    trace: names[at.half],
    step: at.t,
    tensor: `${at.half}_t (level ${at.level})`,
    equation,
  });
}

/** Level 0: a_t = Ā_t (a copy) and b_t = B̄_t u_t. */
function levelZero(k: SheetKit, src: ParallelScanSources, lang: Language): Level {
  const Dc = src.channels;
  const top = openLevel(
    k,
    src,
    {
      equation: text(lang, 'sheets.parallelScan.level0'),
      role: text(lang, 'sheets.roles.parallelScan.level0'),
    },
    lang,
  );
  for (let t = 0; t < k.grid.steps; t++) {
    k.b.text(top - 1, k.grid.col(t), '(Āₜ, B̄ₜuₜ)', 'label');
    writeHalf(
      k,
      { top, t, level: 0, half: 'a', role: 'copy' },
      src,
      (d, n) => src.aBar(t).at(d, n),
      'a^{(0)}_t = \\bar{A}_t',
    );
    const b0 = { top: top + Dc + 1, t, level: 0, half: 'b' as const, role: 'computed' as const };
    writeHalf(k, b0, src, (d, n) => `${src.bBar(t).at(d, n)}*${src.u(t, d)}`, 'b^{(0)}_t = \\bar{B}_t u_t');
  }
  return levelBlocks(k, src, top);
}

/**
 * The flows of level `level`'s combine at step t: a and b of level `level` − 1 at step
 * t − s, each to the half of step t that reads it (one arrow per block, not per cell).
 */
function combineFlows(
  k: SheetKit,
  prev: Level,
  here: Level,
  at: { t: number; s: number; level: number },
): void {
  const from = at.t - at.s;
  const level = at.level - 1;
  carried(k.b, { from: prev.a(from), to: here.a(at.t), state: 'a', step: from, level });
  carried(k.b, { from: prev.b(from), to: here.b(at.t), state: 'b', step: from, level });
}

/** Level `level` from `prev`: combines for t ≥ s, copies before. */
function nextLevel(k: SheetKit, src: ParallelScanSources, prev: Level, level: number, lang: Language): Level {
  const Dc = src.channels;
  const s = 2 ** (level - 1);
  const top = openLevel(
    k,
    src,
    {
      equation: text(lang, 'sheets.parallelScan.level', { k: level, s, prev: level - 1 }),
      role: text(lang, 'sheets.roles.parallelScan.level', { k: level, span: 2 * s }),
    },
    lang,
  );
  const p = level - 1;
  const bRow = top + Dc + 1;
  const here = levelBlocks(k, src, top);
  for (let t = 0; t < k.grid.steps; t++) {
    if (t < s) {
      k.b.text(top - 1, k.grid.col(t), text(lang, 'sheets.parallelScan.copy', { prev: p }), 'label');
      writeHalf(
        k,
        { top, t, level, half: 'a', role: 'copy' },
        src,
        (d, n) => prev.a(t).at(d, n),
        `a^{(${level})}_t = a^{(${p})}_t`,
      );
      const copyB = { top: bRow, t, level, half: 'b' as const, role: 'copy' as const };
      writeHalf(k, copyB, src, (d, n) => prev.b(t).at(d, n), `b^{(${level})}_t = b^{(${p})}_t`);
      continue;
    }
    k.b.text(top - 1, k.grid.col(t), `(${t + 1 - s}) ∘ (${t + 1})`, 'label');
    const aEq = `a^{(${level})}_t = a^{(${p})}_t \\, a^{(${p})}_{t-${s}}`;
    writeHalf(
      k,
      { top, t, level, half: 'a', role: 'gate' },
      src,
      (d, n) => `${prev.a(t).at(d, n)}*${prev.a(t - s).at(d, n)}`,
      aEq,
    );
    const bEq = `b^{(${level})}_t = a^{(${p})}_t \\, b^{(${p})}_{t-${s}} + b^{(${p})}_t`;
    const bAt = { top: bRow, t, level, half: 'b' as const, role: 'state' as const };
    writeHalf(
      k,
      bAt,
      src,
      (d, n) => `${prev.a(t).at(d, n)}*${prev.b(t - s).at(d, n)}+${prev.b(t).at(d, n)}`,
      bEq,
    );
    combineFlows(k, prev, here, { t, s, level });
  }
  return here;
}

/** |b of the last level − h_t| in every step, and MAX of the whole band in a check cell at the left. */
function checkBand(k: SheetKit, src: ParallelScanSources, last: Level, L: number, lang: Language): Block {
  const Dc = src.channels;
  const top = openTaughtBand(k, {
    equation: text(lang, 'sheets.parallelScan.diff', { L }),
    role: text(lang, 'sheets.roles.parallelScan.diff'),
    rows: Dc,
    label: channelLabel(lang),
    captions: [[0, '|b − h|']],
  });
  const diff = stepColumn(k, {
    top,
    rows: Dc,
    cols: src.N,
    role: 'computed',
    formula: (t, d, n) => `ABS(${last.b(t).at(d, n)}-${src.h(t).at(d, n)})`,
    trace: 'scan_diff',
    tensor: '|b_t − h_t|',
    equation: `|b^{(${L})}_t - h_t|`,
  });
  // One rectangle over every step's block: MAX skips the empty gap columns between them.
  const band = new Block(top, diff(0).left, Dc, diff(k.grid.steps - 1).right - diff(0).left + 1);
  return k.b.computed({
    top,
    left: k.wCol,
    rows: 1,
    cols: 1,
    role: 'output',
    caption: text(lang, 'sheets.parallelScan.check'),
    formula: () => `MAX(${band.ref()})`,
    trace: 'scan_check',
    step: 0,
    tensor: 'max |b_t − h_t|',
    equation: `\\max_{t,d,n} |b^{(${L})}_t - h_t|`,
  });
}

/** The captions, level 0 … ⌈log₂T⌉ and the check, below the cursor. */
export function writeParallelScanBands(k: SheetKit, src: ParallelScanSources, lang: Language): Block {
  const L = scanDepth(k.grid.steps);
  writeCaptions(k, k.grid.steps, lang);
  let level = levelZero(k, src, lang);
  for (let j = 1; j <= L; j++) level = nextLevel(k, src, level, j, lang);
  return checkBand(k, src, level, L, lang);
}

/**
 * The parallel scan as sheet bands, below the sequential scan of the Mamba scan sheet.
 * The recurrence h_t = Ā_t ⊙ h_{t−1} + B̄_t u_t is the pairs (a_t, b_t) = (Ā_t, B̄_t u_t)
 * combined by (a₁, b₁) ∘ (a₂, b₂) = (a₂a₁, a₂b₁ + b₂). The sheet runs Hillis–Steele:
 * level k (stride s = 2^(k−1)) combines every step t ≥ s with step t − s of level k − 1
 * and copies the steps before s, so each level is one band of formulas that read only
 * the band above. After ⌈log₂T⌉ levels b_t is h_t; a check band and cell compare it with
 * the sequential h. Cells of level k carry trace `scan_a_l{k}` / `scan_b_l{k}`.
 */
import { scanDepth } from '../core/parallel-scan';
import { scanLevelNames } from '../core/mamba-scan-levels';
import { pick, type Bilingual } from './i18n';
import { openBand, type SheetKit } from './kit/band';
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

const TEXT = {
  heading: {
    en: 'Parallel scan (Hillis–Steele): the same h from the pairs (Āₜ, bₜ = B̄ₜ·uₜ), combined by (a₁, b₁) ∘ (a₂, b₂) = (a₂·a₁, a₂·b₁ + b₂)',
    zh: '并行扫描（Hillis–Steele）：由数对 (Āₜ, bₜ = B̄ₜ·uₜ) 得到同样的 h，结合方式为 (a₁, b₁) ∘ (a₂, b₂) = (a₂·a₁, a₂·b₁ + b₂)',
  },
  associative: {
    en: 'Why it works: ∘ is associative (not commutative), so the steps can be grouped in any order; level k combines each step t with step t − 2^(k−1) of the level above and copies the earlier steps.',
    zh: '为何成立：∘ 满足结合律（不满足交换律），步骤可以任意分组；第 k 层把每个 t 与上一层的第 t − 2^(k−1) 步结合，更早的步骤原样复制。',
  },
  choice: {
    en: 'Why Hillis–Steele, not Blelloch: every level is a full row of T pairs that reads only the level just above, one band of live formulas; Blelloch does less work (O(T)) but its down-sweep reads levels further back and leaves most cells idle.',
    zh: '为何选 Hillis–Steele 而非 Blelloch：每一层都是完整的 T 个数对，只读取紧邻的上一层，正好是一条实时公式带；Blelloch 的工作量更少（O(T)），但其下扫要读取更早的层，且多数单元格闲置。',
  },
  cost: {
    en: 'Work and depth: {levels} levels (⌈log₂T⌉), about T·log₂T combines: O(T log T) work in O(log T) depth, against T − 1 steps one after another in the loop above.',
    zh: '工作量与深度：{levels} 层（⌈log₂T⌉），约 T·log₂T 次结合：O(T log T) 的工作量、O(log T) 的深度，而上方的循环要依次做 T − 1 步。',
  },
  gpu: {
    en: 'Why this lets a GPU train Mamba: Ā and B̄ change with every token, so the scan is no convolution (as in S4); but h is linear in h_{t−1}, so all T steps of a level run at once on thousands of GPU threads (mamba_ssm fuses the scan into one kernel in fast on-chip memory) instead of T steps in a row.',
    zh: '为何 GPU 能借此训练 Mamba：Ā 和 B̄ 随每个词元变化，扫描无法像 S4 那样写成卷积；但 h 对 h_{t−1} 是线性的，所以一层的 T 步可在数千个 GPU 线程上同时计算（mamba_ssm 把扫描融合为一个在片上高速存储中运行的内核），而不必逐步进行。',
  },
  level0: {
    en: 'Level 0: the pairs aₜ = Āₜ (copied), bₜ = B̄ₜ·uₜ    (upper rows a, lower rows b)',
    zh: '第 0 层：数对 aₜ = Āₜ（复制），bₜ = B̄ₜ·uₜ    （上面几行为 a，下面几行为 b）',
  },
  level: {
    en: 'Level {k} (stride s = {s}): (aₜ, bₜ) ← (aₜ₋ₛ, bₜ₋ₛ) ∘ (aₜ, bₜ) = (aₜ·aₜ₋ₛ, aₜ·bₜ₋ₛ + bₜ) for t > {s}; t ≤ {s} copied from level {prev}',
    zh: '第 {k} 层（步距 s = {s}）：当 t > {s} 时 (aₜ, bₜ) ← (aₜ₋ₛ, bₜ₋ₛ) ∘ (aₜ, bₜ) = (aₜ·aₜ₋ₛ, aₜ·bₜ₋ₛ + bₜ)；t ≤ {s} 从第 {prev} 层复制',
  },
  diff: {
    en: '|b of level {L} − hₜ|: the last level equals the sequential state; the check cell holds the largest difference',
    zh: '|第 {L} 层的 b − hₜ|：最后一层等于顺序计算的状态；检查单元格给出最大差值',
  },
  rowA: { en: 'a · channel {d}', zh: 'a · 通道 {d}' },
  rowB: { en: 'b · channel {d}', zh: 'b · 通道 {d}' },
  copy: { en: '= level {prev}', zh: '= 第 {prev} 层' },
  check: { en: 'largest |difference|', zh: '最大 |差值|' },
} satisfies Record<string, Bilingual>;

function fill(text: string, values: Readonly<Record<string, number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

function say(lang: Language, key: keyof typeof TEXT, values: Readonly<Record<string, number>> = {}): string {
  return fill(pick(lang, TEXT[key]), values);
}

/** The heading and the four caption lines (associativity, the choice, cost, GPU). */
function writeCaptions(k: SheetKit, T: number, lang: Language): void {
  k.cursor.heading(say(lang, 'heading'));
  const lines = [say(lang, 'associative'), say(lang, 'choice'), say(lang, 'cost', { levels: scanDepth(T) })];
  lines.push(say(lang, 'gpu'));
  lines.forEach((line, i) => k.b.text(k.cursor.row + i, 0, line, 'note'));
  k.cursor.row += lines.length + 1;
}

/** Opens a level's band: 2·channels + 1 rows, a's above the blank row, b's below it. */
function openLevel(k: SheetKit, src: ParallelScanSources, equation: string, lang: Language): number {
  const Dc = src.channels;
  const top = openBand(k, { equation, rows: 2 * Dc + 1 });
  rowLabels(k.b, top, Dc, (d) => say(lang, 'rowA', { d: d + 1 }));
  rowLabels(k.b, top + Dc + 1, Dc, (d) => say(lang, 'rowB', { d: d + 1 }));
  return top;
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
  const top = openLevel(k, src, say(lang, 'level0'), lang);
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
  return { a: stepBlocks(k.grid, top, Dc, 0, src.N), b: stepBlocks(k.grid, top + Dc + 1, Dc, 0, src.N) };
}

/** Level `level` from `prev`: combines for t ≥ s, copies before. */
function nextLevel(k: SheetKit, src: ParallelScanSources, prev: Level, level: number, lang: Language): Level {
  const Dc = src.channels;
  const s = 2 ** (level - 1);
  const top = openLevel(k, src, say(lang, 'level', { k: level, s, prev: level - 1 }), lang);
  const p = level - 1;
  const bRow = top + Dc + 1;
  for (let t = 0; t < k.grid.steps; t++) {
    if (t < s) {
      k.b.text(top - 1, k.grid.col(t), say(lang, 'copy', { prev: p }), 'label');
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
  }
  return { a: stepBlocks(k.grid, top, Dc, 0, src.N), b: stepBlocks(k.grid, bRow, Dc, 0, src.N) };
}

/** |b of the last level − h_t| in every step, and MAX of the whole band in a check cell at the left. */
function checkBand(k: SheetKit, src: ParallelScanSources, last: Level, L: number, lang: Language): Block {
  const Dc = src.channels;
  const top = openBand(k, {
    equation: say(lang, 'diff', { L }),
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
    caption: say(lang, 'check'),
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

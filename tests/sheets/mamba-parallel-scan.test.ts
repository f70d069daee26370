/**
 * The parallel scan below the Mamba scan sheet's sequential scan: ⌈log₂T⌉ + 1 levels, each
 * reading only the level above, the last equal to the state of a plain loop written here,
 * and a check cell that stays ~0 and notices a wrongly bracketed combine.
 */
import { describe, expect, it } from 'vitest';
import { scanDepth } from '../../src/core/parallel-scan';
import { lstmSpec } from '../../src/sheets/lstm-sheet';
import { mambaScanSpec } from '../../src/sheets/mamba-scan-sheet';
import type { MambaScanConfig } from '../../src/sheets/model-spec';
import { paramsFromPlan } from '../../src/sheets/params';
import { a1, parseA1, type PlanCell, type SheetPlan } from '../../src/sheets/plan';
import { difficultiesFor, makePracticePlan } from '../../src/practice/practice-plan';
import { loadPlan } from './evaluate';
import { loopSelection } from './mamba-scan-loop';
import { expectEngineSteps, expectSheetPasses } from './sheet-checks';

const base = mambaScanSpec.defaults;

/** h_t by the plain recurrence from the sheet's own parameters (channel-major d·N + n). */
function loopStates(config: MambaScanConfig, p: Record<string, Float64Array>): number[][] {
  const D = config.channels;
  const N = config.stateSize;
  const sel = loopSelection(config, p);
  const h = new Array<number>(D * N).fill(0);
  const out: number[][] = [];
  for (let t = 0; t < config.steps; t++) {
    for (let d = 0; d < D; d++) {
      const delta = sel.delta(t, d);
      for (let n = 0; n < N; n++) {
        const a = -Math.exp(p.A_log[d * N + n]);
        const bBar = config.variant?.startsWith('euler')
          ? delta * sel.B(t, n)
          : ((Math.exp(delta * a) - 1) / a) * sel.B(t, n);
        h[d * N + n] = Math.exp(delta * a) * h[d * N + n] + bBar * p.u[t * D + d];
      }
    }
    out.push(h.slice());
  }
  return out;
}

function traceName(c: PlanCell | undefined): string {
  return c?.meaning?.trace?.name ?? c?.meaning?.param?.name ?? 'none';
}

/** What the cells a formula refers to hold: their trace or param names. */
function referencedNames(plan: SheetPlan, formula: string): Set<string> {
  const at = new Map(plan.cells.map((c) => [a1(c.row, c.col), c]));
  const names = new Set<string>();
  for (const ref of formula.match(/\$?[A-Z]+\$?\d+/g) ?? []) {
    const { row, col } = parseA1(ref);
    names.add(traceName(at.get(a1(row, col))));
  }
  return names;
}

function levelOf(name: string): number {
  return Number(/^scan_[ab]_l(\d+)$/.exec(name)?.[1] ?? -1);
}

describe('parallel scan on the Mamba scan sheet', () => {
  it('has ⌈log₂T⌉ + 1 levels for T = 1 … 8 and passes the harness; "sequential only" leaves it out', () => {
    for (let T = 1; T <= 8; T++) {
      const plan = expectSheetPasses(mambaScanSpec, { ...base, steps: T, seed: T });
      const levels = new Set(plan.cells.map((c) => levelOf(traceName(c))).filter((k) => k >= 0));
      expect(levels.size).toBe(scanDepth(T) + 1);
    }
    for (const variant of ['zoh-sequential', 'euler-sequential'] as const) {
      const plan = expectSheetPasses(mambaScanSpec, { ...base, variant });
      expect(plan.cells.some((c) => traceName(c).startsWith('scan_'))).toBe(false);
      expect(plan.cells.length).toBeLessThan(mambaScanSpec.build(base).cells.length);
    }
  });

  it('every level reads only the level above; level 0 reads Ā, B̄ and u; the check reads only differences', () => {
    const plan = mambaScanSpec.build({ ...base, steps: 7, inputSize: 2, stateSize: 2 });
    let checked = 0;
    for (const cell of plan.cells) {
      const name = traceName(cell);
      if (cell.formula === undefined || !name.startsWith('scan_')) continue;
      const refs = referencedNames(plan, cell.formula);
      const k = levelOf(name);
      if (k > 0) for (const r of refs) expect(levelOf(r), `${name} ${cell.formula}`).toBe(k - 1);
      else if (name === 'scan_a_l0') expect([...refs]).toEqual(['Abar']);
      else if (name === 'scan_b_l0') expect([...refs].sort()).toEqual(['Bbar', 'u']);
      else if (name === 'scan_diff') expect([...refs].sort()).toEqual(['h', `scan_b_l${scanDepth(7)}`]);
      checked++;
    }
    expect(checked).toBeGreaterThan(7 * 4 * 2 * 4);
    const check = plan.cells.find((c) => traceName(c) === 'scan_check')!;
    const [from, to] = /MAX\((\w+):(\w+)\)/.exec(check.formula!)!.slice(1).map(parseA1);
    const inside = plan.cells.filter(
      (c) => c.row >= from.row && c.row <= to.row && c.col >= from.col && c.col <= to.col,
    );
    expect(inside.length).toBe(7 * 2 * 2);
    for (const c of inside) expect(traceName(c)).toBe('scan_diff');
  });

  it('the last level equals a plain loop over the sheet’s own numbers, and the check cell is ~0', () => {
    for (const variant of ['zoh', 'euler'] as const) {
      for (const [T, D, N] of [
        [8, 2, 3],
        [5, 3, 1],
      ]) {
        const config: MambaScanConfig = {
          ...base,
          variant,
          steps: T,
          channels: D,
          stateSize: N,
          init: 'torch',
        };
        const plan = mambaScanSpec.build(config);
        const h = loopStates(config, paramsFromPlan(plan));
        expectEngineSteps(plan, `scan_b_l${scanDepth(T)}`, T, (t) => h[t]);
        const hf = loadPlan(plan);
        const check = plan.cells.find((c) => traceName(c) === 'scan_check')!;
        expect(hf.getCellValue({ sheet: 0, row: check.row, col: check.col })).toBeLessThan(1e-12);
        hf.destroy();
      }
    }
  });

  it('the check cell notices one combine bracketed the wrong way round', () => {
    const plan = mambaScanSpec.build({ ...base, steps: 4 });
    const hf = loadPlan(plan);
    const at = (c: PlanCell) => hf.getCellValue({ sheet: 0, row: c.row, col: c.col }) as number;
    const check = plan.cells.find((c) => traceName(c) === 'scan_check')!;
    expect(at(check)).toBeLessThan(1e-12);
    // Level 1, step 2, first entry: a₂·b₁ + b₂ becomes a₁·b₂ + b₁ (step 2 applied before step 1).
    const target = plan.cells.find((c) => traceName(c) === 'scan_b_l1' && c.meaning?.trace?.step === 1)!;
    const [aT, bPrev, bT] = target.formula!.slice(1).split(/[*+]/);
    const aPrev = plan.cells.find(
      (c) => traceName(c) === 'scan_a_l0' && c.meaning?.trace?.step === 0 && c.meaning.trace.flat === 0,
    )!;
    expect(aT).not.toBe(a1(aPrev.row, aPrev.col));
    hf.setCellContents(
      { sheet: 0, row: target.row, col: target.col },
      `=${a1(aPrev.row, aPrev.col)}*${bT}+${bPrev}`,
    );
    expect(at(check)).toBeGreaterThan(1e-6);
    hf.destroy();
  });

  it('explains itself in English and Chinese: Hillis–Steele, work and depth, the GPU', () => {
    const text = (lang: 'en' | 'zh') =>
      mambaScanSpec
        .build({ ...base, language: lang })
        .cells.map((c) => String(c.value ?? ''))
        .join('\n');
    expect(text('en')).toMatch(/Hillis–Steele/);
    expect(text('en')).toMatch(/O\(T log T\) work in O\(log T\) depth/);
    expect(text('en')).toMatch(/GPU/);
    expect(text('en')).toMatch(/Blelloch/);
    expect(text('zh')).toMatch(/并行扫描/);
    expect(text('zh')).toMatch(/工作量与深度/);
    expect(text('zh')).not.toMatch(/Why it works/);
    const cell = mambaScanSpec
      .build(base)
      .cells.find((c) => traceName(c) === 'scan_b_l1' && c.role === 'state')!;
    expect(cell.meaning?.equation).toMatch(/b\^\{\(1\)\}_t = a\^\{\(0\)\}_t/);
  });

  it('practice on one level blanks the combines of exactly one level, offered only where there are levels', () => {
    const plan = mambaScanSpec.build({ ...base, steps: 5 });
    for (const seed of [1, 2, 3, 4, 5]) {
      const sheet = makePracticePlan(plan, 'one-level', seed);
      const blanks = sheet.plan.cells.filter(
        (c) => c.role === 'answer' && c.value === undefined && c.formula === undefined,
      );
      expect(blanks.length).toBe(sheet.answers.length);
      const levels = new Set(blanks.map((c) => levelOf(traceName(c))));
      expect(levels.size).toBe(1);
      const [k] = [...levels];
      // Every non-copy cell of that level is blanked, and nothing else.
      const want = plan.cells.filter((c) => levelOf(traceName(c)) === k && c.role !== 'copy');
      expect(blanks.length).toBe(want.length);
    }
    expect(difficultiesFor(mambaScanSpec, base)).toContain('one-level');
    expect(difficultiesFor(mambaScanSpec, { ...base, variant: 'zoh-sequential' })).not.toContain('one-level');
    expect(difficultiesFor(lstmSpec, lstmSpec.defaults)).not.toContain('one-level');
  });
});

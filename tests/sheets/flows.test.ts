/**
 * Visible flow: every model and variant, at small sizes, records a flow wherever a step
 * reads an earlier step's state, and each flow points at the right cells: the reading
 * cells' formulas really reference the source range, the source belongs to one step and
 * the reader to the next (the previous one going backward), and the label names the
 * source's step in the sheet's language.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUE, LANGUAGES, type Language } from '../../src/i18n';
import { availableModels, specFor } from '../../src/sheets/registry';
import { largestConfig } from '../../tools/excel-double/operation-sizes';
import { a1, parseA1, type PlanCell, type PlanRange, type SheetPlan } from '../../src/sheets/plan';
import { configName, smallConfigs } from './small-configs';

const REF = /\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?/g;

/** Every cell a formula references, ranges expanded. */
function referenced(formula: string): string[] {
  const out: string[] = [];
  for (const m of formula.match(REF) ?? []) {
    const [p, q = p] = m.split(':').map(parseA1);
    for (let row = p.row; row <= q.row; row++)
      for (let col = p.col; col <= q.col; col++) out.push(a1(row, col));
  }
  return out;
}

function cellsIn(r: PlanRange): string[] {
  const out: string[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) out.push(a1(row, col));
  return out;
}

/**
 * The catalogue template of a flow label as a pattern with named groups for the state, the
 * step and (a parallel scan's flows) the level.
 */
function labelPattern(
  key: 'sheets.flow.handover' | 'sheets.flow.from' | 'sheets.flow.level',
  lang: Language,
): RegExp {
  const template = CATALOGUE[key][lang];
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  const groups = escaped
    .replace('{state}', '(?<state>.+)')
    .replace('{t}', '(?<t>\\d+)')
    .replace('{level}', '(?<level>\\d+)');
  return new RegExp(`^${groups}$`);
}

const SUB = '₀₁₂₃₄₅₆₇₈₉';
function subscript(n: number): string {
  return [...String(n)].map((d) => SUB[Number(d)]).join('');
}

function byAddress(plan: SheetPlan): Map<string, PlanCell> {
  return new Map(plan.cells.map((c) => [a1(c.row, c.col), c]));
}

/** The one step the cells of a range belong to. */
function stepOf(cells: Map<string, PlanCell>, r: PlanRange, what: string): number {
  const steps = new Set(cellsIn(r).map((a) => cells.get(a)?.meaning?.step));
  expect(steps.size, `${what} belongs to one step`).toBe(1);
  const [step] = steps;
  expect(step, `${what} has a step`).toBeTypeOf('number');
  return step as number;
}

/** The one parallel-scan level (trace `scan_[ab]_l{k}`) the cells of a range belong to, or undefined. */
function levelOf(cells: Map<string, PlanCell>, r: PlanRange): number | undefined {
  const levels = new Set(
    cellsIn(r).map((a) => /^scan_[ab]_l(\d+)$/.exec(cells.get(a)?.meaning?.trace?.name ?? '')?.[1]),
  );
  expect(levels.size, 'a range belongs to one level').toBe(1);
  const [level] = levels;
  return level === undefined ? undefined : Number(level);
}

function checkFlows(plan: SheetPlan, name: string): void {
  const cells = byAddress(plan);
  const lang = plan.language;
  const handover = labelPattern('sheets.flow.handover', lang);
  const carried = labelPattern('sheets.flow.from', lang);
  const level = labelPattern('sheets.flow.level', lang);
  for (const f of plan.flows ?? []) {
    const what = `${name}: flow ${f.label} ${a1(f.from.top, f.from.left)} → ${a1(f.to.top, f.to.left)}`;
    const sources = new Set(cellsIn(f.from));
    for (const address of cellsIn(f.to)) {
      const formula = cells.get(address)?.formula;
      expect(formula, `${what}: ${address} is a formula`).toBeDefined();
      expect(
        referenced(formula!).some((r) => sources.has(r)),
        `${what}: ${address} reads the source`,
      ).toBe(true);
    }
    const from = stepOf(cells, f.from, `${what} source`);
    const to = stepOf(cells, f.to, `${what} reader`);
    const kind = [handover, level, carried].find((p) => p.test(f.label)) ?? carried;
    const match = kind.exec(f.label);
    expect(match, `${what}: the label is the catalogue's wording`).not.toBeNull();
    expect(Number(match!.groups!.t), `${what}: the label names the source's step`).toBe(from + 1);
    expect(match!.groups!.state.endsWith(subscript(from + 1)), `${what}: hₜ's index is that step`).toBe(true);
    if (kind === handover) expect(to, `${what}: the decoder's first step reads the hand-over`).toBe(0);
    else if (kind === level) {
      // Level k reads level k − 1 of the step 2^(k−1) back: the label names level k − 1.
      const k = Number(match!.groups!.level) + 1;
      expect(to - from, `${what}: level ${k} reads the step 2^(k−1) back`).toBe(2 ** (k - 1));
      expect(levelOf(cells, f.from), `${what}: the source is the level the label names`).toBe(k - 1);
      expect(levelOf(cells, f.to), `${what}: the reader is the next level`).toBe(k);
    } else expect(Math.abs(to - from), `${what}: the next step reads it`).toBe(1);
  }
}

/**
 * Completeness: a state that a later step's state, gate or copy reads has an arrow leaving
 * it. Reads inside one step need none; the check covers the cells that carry a forward pass
 * (states, gates, copies), the parallel scan's level combines included.
 */
function checkEveryCarriedStateHasAFlow(plan: SheetPlan, name: string): void {
  const cells = byAddress(plan);
  const sources = new Set((plan.flows ?? []).flatMap((f) => cellsIn(f.from)));
  for (const c of plan.cells) {
    if (c.formula === undefined || !['state', 'copy', 'gate'].includes(c.role)) continue;
    for (const r of referenced(c.formula)) {
      const source = cells.get(r);
      if (source?.role !== 'state' || source.formula === undefined) continue;
      if (source.meaning?.step === c.meaning?.step) continue;
      expect(
        sources.has(r),
        `${name}: ${a1(c.row, c.col)} reads ${r} of another step with no arrow from it`,
      ).toBe(true);
    }
  }
}

describe('visible flow', () => {
  for (const spec of availableModels())
    it(`${spec.id}: a flow wherever a step reads an earlier step's state, pointing at the right cells`, () => {
      for (const config of smallConfigs(spec)) {
        const plan = spec.build(config);
        const name = configName(config);
        if (config.steps > 1) expect(plan.flows?.length ?? 0, `${name} has flows`).toBeGreaterThan(0);
        checkFlows(plan, name);
        checkEveryCarriedStateHasAFlow(plan, name);
      }
    });

  it('mamba-scan at the pane’s largest T: one arrow per half of every level combine, three levels back 1, 2 and 4 steps', () => {
    const spec = specFor('mamba-scan');
    for (const language of LANGUAGES) {
      const config = { ...largestConfig(spec, 'zoh'), language };
      const plan = spec.build(config);
      const name = configName(config);
      checkFlows(plan, name);
      checkEveryCarriedStateHasAFlow(plan, name);
      const T = config.steps;
      const cells = byAddress(plan);
      const reach = (plan.flows ?? [])
        .filter((f) => levelOf(cells, f.to) !== undefined)
        .map((f) => stepOf(cells, f.to, name) - stepOf(cells, f.from, name));
      // Level k combines steps t ≥ 2^(k−1) (T − 2^(k−1) of them), reading a and b: two arrows each.
      const levels = Math.ceil(Math.log2(T));
      const strides = Array.from({ length: levels }, (_, j) => 2 ** j);
      expect(T, 'the largest T needs three levels').toBe(8);
      expect(reach.length).toBe(strides.reduce((n, s) => n + 2 * (T - s), 0));
      for (const s of strides) expect(reach.filter((r) => r === s).length, `stride ${s}`).toBe(2 * (T - s));
    }
  });
});

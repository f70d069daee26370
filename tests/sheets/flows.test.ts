/**
 * Visible flow: every model and variant, at small sizes, records a flow wherever a step
 * reads an earlier step's state, and each flow points at the right cells: the reading
 * cells' formulas really reference the source range, the source belongs to one step and
 * the reader to the next (the previous one going backward), and the label names the
 * source's step in the sheet's language.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUE, type Language } from '../../src/i18n';
import { availableModels } from '../../src/sheets/registry';
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

/** The catalogue template of a flow label as a pattern with named groups for the state and the step. */
function labelPattern(key: 'sheets.flow.handover' | 'sheets.flow.from', lang: Language): RegExp {
  const template = CATALOGUE[key][lang];
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace('{state}', '(?<state>.+)').replace('{t}', '(?<t>\\d+)')}$`);
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

function checkFlows(plan: SheetPlan, name: string): void {
  const cells = byAddress(plan);
  const lang = plan.language;
  const handover = labelPattern('sheets.flow.handover', lang);
  const carried = labelPattern('sheets.flow.from', lang);
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
    const isHandover = handover.test(f.label);
    const match = (isHandover ? handover : carried).exec(f.label);
    expect(match, `${what}: the label is the catalogue's wording`).not.toBeNull();
    expect(Number(match!.groups!.t), `${what}: the label names the source's step`).toBe(from + 1);
    expect(match!.groups!.state.endsWith(subscript(from + 1)), `${what}: hₜ's index is that step`).toBe(true);
    if (isHandover) expect(to, `${what}: the decoder's first step reads the hand-over`).toBe(0);
    else expect(Math.abs(to - from), `${what}: the next step reads it`).toBe(1);
  }
}

/**
 * Completeness: a state that a later step's state, gate or copy reads has an arrow leaving
 * it. Reads inside one step need none; the check covers the cells that carry a forward pass
 * (states, gates, copies).
 */
function isScanLevel(c: PlanCell): boolean {
  return /^scan_[ab]_l\d+$/.test(c.meaning?.trace?.name ?? '');
}

function checkEveryCarriedStateHasAFlow(plan: SheetPlan, name: string): void {
  const cells = byAddress(plan);
  const sources = new Set((plan.flows ?? []).flatMap((f) => cellsIn(f.from)));
  for (const c of plan.cells) {
    if (c.formula === undefined || !['state', 'copy', 'gate'].includes(c.role)) continue;
    for (const r of referenced(c.formula)) {
      const source = cells.get(r);
      if (source?.role !== 'state' || source.formula === undefined) continue;
      if (source.meaning?.step === c.meaning?.step) continue;
      // The parallel scan's level k combines a pair with the pair 2^(k−1) steps back: the
      // scan's own combine, which its level captions state, not a state carried forward.
      if (isScanLevel(c) && isScanLevel(source)) continue;
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
});

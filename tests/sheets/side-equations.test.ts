/**
 * A band's equation sits beside the numbers it produces: right-aligned in the column just
 * left of the band's first results, on the line above them, and never cut. Checked on the
 * finished plan, for every model and variant in both languages, at the defaults and at
 * the smallest sizes the pane allows (the narrowest weight area, so the least room).
 */
import { describe, expect, it } from 'vitest';
import { MODELS } from '../../src/sheets/registry';
import { PlanBuilder } from '../../src/sheets/layout';
import type { ModelSpec, Settings } from '../../src/sheets/model-spec';
import { a1, type PlanCell, type SheetPlan } from '../../src/sheets/plan';
import { styleFor, textWidthUnits } from '../../src/sheets/style';
import { configName, smallConfigs } from './small-configs';

const SPECS = Object.values(MODELS) as ModelSpec[];
/** Excel's width of a column the plan leaves unset. */
const DEFAULT_WIDTH = 8.43;

/** The defaults and every variant, then the same with every size at its minimum. */
function configs(spec: ModelSpec): Settings[] {
  const smallest: Record<string, number> = {};
  for (const [field, limit] of Object.entries(spec.limits)) smallest[field] = limit.min;
  const out = smallConfigs(spec);
  for (const c of [...out]) out.push({ ...c, ...smallest } as Settings);
  return out.filter((c) => spec.validate(c).length === 0);
}

function index(plan: SheetPlan): Map<string, PlanCell> {
  return new Map(plan.cells.map((c) => [`${c.row}:${c.col}`, c]));
}

function widthOf(plan: SheetPlan, col: number): number {
  return plan.columnWidths.find((w) => w.col === col)?.width ?? DEFAULT_WIDTH;
}

function merged(plan: SheetPlan, row: number, col: number): boolean {
  return plan.merges.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

/** Width units of the cell and the free cells left of it on its row: where right-aligned text can show. */
function roomLeftOf(plan: SheetPlan, cells: Map<string, PlanCell>, c: PlanCell): number {
  let room = widthOf(plan, c.col);
  for (let k = c.col - 1; k >= 0 && !cells.has(`${c.row}:${k}`) && !merged(plan, c.row, k); k--)
    room += widthOf(plan, k);
  return room;
}

/** A time block's columns, at most (the widest block of any sheet, gap included). */
const BLOCK_COLS = 5;

/**
 * Whether the band's first numbers sit right of the cell: the nearest number in its band's
 * first rows is in the next time block's columns (or the one after, where the band starts
 * at step 2, as ∏f). A band with no number at all (∏f with one step) passes.
 */
function resultsBeside(cells: Map<string, PlanCell>, c: PlanCell, colCount: number): boolean {
  const isNumber = (x: PlanCell | undefined) => x?.formula !== undefined || typeof x?.value === 'number';
  let nearest = Infinity;
  for (let r = c.row + 1; r <= c.row + 3; r++)
    for (let k = c.col + 1; k < colCount; k++)
      if (isNumber(cells.get(`${r}:${k}`))) {
        nearest = Math.min(nearest, k - c.col);
        break;
      }
  return nearest === Infinity || nearest <= 2 * BLOCK_COLS;
}

describe.each(SPECS.map((s) => [s.id, s] as const))('%s: equations beside their results', (_id, spec) => {
  it.each(configs(spec).map((c) => [configName(c), c] as const))('%s', (_name, config) => {
    const plan = spec.build(config);
    const cells = index(plan);
    const beside = plan.cells.filter((c) => c.role === 'sideEquation');
    for (const c of beside) {
      const at = `${a1(c.row, c.col)} “${String(c.value)}”`;
      expect(typeof c.value, at).toBe('string');
      expect(styleFor(c.role).hAlign, at).toBe('right');
      expect(resultsBeside(cells, c, plan.colCount), `${at} has no results beside it`).toBe(true);
      expect(roomLeftOf(plan, cells, c), `${at} would be cut`).toBeGreaterThanOrEqual(
        textWidthUnits(c.value as string),
      );
    }
  });
});

describe('which equations go beside their results', () => {
  it.each(['rnn', 'lstm', 'gru'] as const)(
    '%s: every band equation, in both languages and at the smallest sizes',
    (id) => {
      const spec = MODELS[id] as ModelSpec;
      for (const config of configs(spec)) {
        const plan = spec.build(config);
        expect(
          plan.cells.filter((c) => c.role === 'equation'),
          configName(config),
        ).toEqual([]);
        expect(plan.cells.filter((c) => c.role === 'sideEquation').length).toBeGreaterThan(0);
      }
    },
  );

  it.each(['mamba-scan', 'mamba-block', 'slstm', 'mlstm'] as const)(
    '%s: most band equations at the default sizes',
    (id) => {
      const spec = MODELS[id] as ModelSpec;
      const plan = spec.build(spec.defaults);
      const beside = plan.cells.filter((c) => c.role === 'sideEquation').length;
      const left = plan.cells.filter((c) => c.role === 'equation').length;
      expect(beside).toBeGreaterThan(left);
    },
  );

  it('an equation too long for the free cells stays where it was, and nothing is written beside', () => {
    const b = new PlanBuilder('lstm', 'en', 'LSTM', {});
    b.width(0, 10);
    b.width(1, 10);
    const short = 'hₜ = oₜ⊙tanh(cₜ)';
    expect(b.sideEquation(0, 1, short)).toBe(true);
    const long = 'cₜ = fₜ⊙cₜ₋₁ + iₜ⊙c̃ₜ, the cell state, written out in far too many words';
    expect(b.sideEquation(1, 1, long)).toBe(false);
    expect(b.has(1, 1)).toBe(false);
    // A cell on the line shortens the room: the text may not run over it.
    b.text(2, 0, 'x');
    expect(b.sideEquation(2, 1, short)).toBe(false);
  });

  it('Chinese text counts double width', () => {
    expect(textWidthUnits('遗忘门')).toBeGreaterThan(textWidthUnits('abcdef'));
  });
});

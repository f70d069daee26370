/**
 * The encoder–decoder's "What to try" box does what it says, in both variants and both
 * languages. Each test builds the default sheet, loads it into a formula engine
 * (HyperFormula), checks that the edit line names the cells that hold the encoder's
 * input-gate biases, sets them to the value the line states in the engine and proves the stated effect on the
 * engine's own numbers: every encoder iₜ ≈ 0, the hand-over h₀ and c₀ ≈ 0, and the
 * decoder's ŷ, which moved when the source moved, no longer does. The live verdict must
 * say so, and every formula (the verdict and its gauges included) must still equal the
 * core recomputed from the edited cells. The edit works for other seeds, for the
 * small-integer weights and at the largest sizes too, not for one lucky draw.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { HyperFormula } from 'hyperformula';
import { t } from '../../src/i18n';
import type { PlainKey } from '../../src/sheets/i18n';
import { HANDOVER_EMPTY, lstmSeq2seqSpec } from '../../src/sheets/lstm-seq2seq-sheet';
import { HANDOVER_MAX } from '../../src/sheets/lstm-seq2seq-weights';
import type { Seq2seqConfig } from '../../src/sheets/model-spec';
import { readable } from '../../src/sheets/notation';
import { a1, type PlanCell, type SheetPlan } from '../../src/sheets/plan';
import { compareWithCore, loadPlan } from './evaluate';
import { tensorAt } from './sheet-checks';
import { tryBoxCells } from './try-checks';

const spec = lstmSeq2seqSpec;
const open: HyperFormula[] = [];
afterEach(() => open.splice(0).forEach((hf) => hf.destroy()));

interface Loaded {
  readonly plan: SheetPlan;
  readonly hf: HyperFormula;
  readonly settings: Seq2seqConfig;
  says(): string;
  /** Engine values of trace `name` at `step`, by flat index. */
  values(name: string, step: number): number[];
  /** Sets the parameter cells `name[flat]` (checked to exist) to `value`. */
  setParam(name: string, flats: readonly number[], value: number): void;
  /** The cells the edit line names (its range, in reading order). */
  readonly named: readonly PlanCell[];
  /** The values the edit line asks for. */
  readonly asked: readonly number[];
}

function load(settings: Seq2seqConfig): Loaded {
  const plan = spec.build(settings);
  const hf = loadPlan(plan);
  open.push(hf);
  const { verdict, named, asked } = tryBoxCells(plan, settings.language);
  const cellOf = (name: string, flat: number) =>
    plan.cells.find((c) => c.meaning?.param?.name === name && c.meaning.param.flat === flat) as PlanCell;
  return {
    plan,
    hf,
    settings,
    named,
    asked,
    says: () => hf.getCellValue({ sheet: 0, row: verdict.row, col: verdict.col }) as string,
    values: (name, step) => {
      const at = tensorAt(hf, plan, name, step);
      return Array.from({ length: at.size }, (_, k) => at.get(k) as number);
    },
    setParam: (name, flats, value) => {
      for (const flat of flats) {
        const cell = cellOf(name, flat);
        expect(cell, `${name}[${flat}]`).toBeDefined();
        hf.setCellContents({ sheet: 0, row: cell.row, col: cell.col }, value);
      }
    },
  };
}

function say(s: Loaded, key: PlainKey): string {
  return readable(t(s.settings.language, key));
}

function expectStillTheCore(s: Loaded): void {
  expect(compareWithCore(s.hf, s.plan, spec).failures.slice(0, 3)).toEqual([]);
}

const range = (n: number) => Array.from({ length: n }, (_, k) => k);

/** Sets every cell the edit line names to the one value it states; returns that value. */
function makeTheEdit(s: Loaded): number {
  expect(s.asked).toHaveLength(1);
  const value = s.asked[0];
  expect(value).toBeLessThanOrEqual(-10);
  for (const cell of s.named) s.hf.setCellContents({ sheet: 0, row: cell.row, col: cell.col }, value);
  return value;
}

/** Every decoder ŷₜ entry, all steps. */
function allYHat(s: Loaded): number[] {
  return range(s.settings.targetSteps ?? 1).flatMap((k) => s.values('y_hat', k));
}

/**
 * How far the decoder's outputs move when every source entry xₜ is moved by +1 (largest
 * |Δŷ|), then the source put back. Checks the core still agrees on the moved sheet.
 */
function sourceEffect(s: Loaded): number {
  const xs = s.plan.cells.filter((c) => c.meaning?.param?.name === 'x');
  expect(xs.length).toBe(s.settings.steps * s.settings.inputSize);
  const before = allYHat(s);
  const original = xs.map((c) => Number(s.hf.getCellValue({ sheet: 0, row: c.row, col: c.col })));
  xs.forEach((c, k) => s.hf.setCellContents({ sheet: 0, row: c.row, col: c.col }, original[k] + 1));
  const after = allYHat(s);
  expectStillTheCore(s);
  xs.forEach((c, k) => s.hf.setCellContents({ sheet: 0, row: c.row, col: c.col }, original[k]));
  return Math.max(...before.map((v, k) => Math.abs(after[k] - v)));
}

const CASES = spec.variants.flatMap((v) =>
  (['en', 'zh'] as const).map((language) => [v.id, language] as const),
);

describe('Encoder–decoder: closing the encoder’s input gates empties the hand-over', () => {
  it.each(CASES)(
    '%s, %s: b_ii closed → iₜ ≈ 0, h₀ ≈ c₀ ≈ 0, and ŷ no longer follows the source',
    (variant, language) => {
      const settings: Seq2seqConfig = { ...spec.defaults, variant, language };
      const s = load(settings);
      const H = settings.hiddenSize;
      // The edit line names exactly the encoder's b_ii: rows i of enc_b_ih (PyTorch order i, f, g, o).
      expect(s.named.map((c) => c.meaning?.param)).toEqual(
        range(H).map((flat) => ({ name: 'enc_b_ih', flat })),
      );
      // The default sheet: the source reaches the decoder, and moving it moves ŷ visibly.
      expect(s.says()).toBe(say(s, 'sheets.seq2seq.try.reaches'));
      const [hMax, cMax] = s.values(HANDOVER_MAX, 0);
      expect(hMax).toBeCloseTo(Math.max(...s.values('handover_h', 0).map(Math.abs)), 12);
      expect(cMax).toBeCloseTo(Math.max(...s.values('handover_c', 0).map(Math.abs)), 12);
      expect(Math.min(hMax, cMax)).toBeGreaterThan(0.05);
      const moved = sourceEffect(s);
      expect(moved).toBeGreaterThan(0.01);

      makeTheEdit(s);
      for (const k of range(settings.steps))
        for (const i of s.values('enc_i', k)) expect(i).toBeLessThan(0.001);
      for (const v of [...s.values('handover_h', 0), ...s.values('handover_c', 0)])
        expect(Math.abs(v)).toBeLessThan(HANDOVER_EMPTY);
      const [hAfter, cAfter] = s.values(HANDOVER_MAX, 0);
      expect(Math.max(hAfter, cAfter)).toBeLessThan(HANDOVER_EMPTY);
      expect(s.says()).toBe(say(s, 'sheets.seq2seq.try.empty'));
      expectStillTheCore(s);
      // "ŷ no longer depends on x": the same move of the source now shifts ŷ a thousand times less.
      const still = sourceEffect(s);
      expect(still).toBeLessThan(moved / 1000);
      expect(still).toBeLessThan(1e-4);
    },
  );

  it('the verdict’s middle case: an encoder output gate closed empties h₀ while c₀ still carries the source', () => {
    const s = load(spec.defaults);
    const H = spec.defaults.hiddenSize;
    s.setParam(
      'enc_b_ih',
      range(H).map((r) => 3 * H + r),
      -10,
    ); // rows o of i, f, g, o
    const [hMax, cMax] = s.values(HANDOVER_MAX, 0);
    expect(hMax).toBeLessThan(HANDOVER_EMPTY);
    expect(cMax).toBeGreaterThan(0.05);
    expect(s.says()).toBe(say(s, 'sheets.seq2seq.try.onlyCell'));
    expectStillTheCore(s);
    expect(sourceEffect(s)).toBeGreaterThan(0.01);
  });

  const LARGEST = { inputSize: 4, hiddenSize: 4, outputSize: 4, steps: 6, targetSteps: 6 } as const;
  const SEEDS = [-7, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11];
  it.each([
    ...SEEDS.map((seed) => ['torch', seed, false] as const),
    ...SEEDS.map((seed) => ['hand', seed, false] as const),
    ...[1, 7].flatMap((seed) => [['torch', seed, true] as const, ['hand', seed, true] as const]),
  ])(
    '%s weights, seed %i (largest sizes: %s): the same edit empties the hand-over',
    (init, seed, largest) => {
      const s = load({ ...spec.defaults, init, seed, ...(largest ? LARGEST : {}) });
      // Before: the source reaches the decoder (through c₀ alone where small-integer weights
      // already close an output gate, as at seed 3).
      expect(s.says()).not.toBe(say(s, 'sheets.seq2seq.try.empty'));
      // Small-integer weights at seeds 1 and 7 keep a hand-over of 0.03–0.1 at b_ii = −10,
      // so there the line asks for more.
      const value = makeTheEdit(s);
      if (init === 'hand' && (seed === 1 || seed === 7) && !largest) expect(value).toBeLessThan(-10);
      expect(Math.max(...s.values(HANDOVER_MAX, 0))).toBeLessThan(HANDOVER_EMPTY);
      expect(s.says()).toBe(say(s, 'sheets.seq2seq.try.empty'));
      expectStillTheCore(s);
    },
  );

  it('the box names its cells on a one-unit sheet too (a single cell, no range)', () => {
    const s = load({ ...spec.defaults, hiddenSize: 1 });
    expect(s.named.map((c) => c.meaning?.param)).toEqual([{ name: 'enc_b_ih', flat: 0 }]);
    expect(a1(s.named[0].row, s.named[0].col)).toMatch(/^[A-Z]+\d+$/);
  });
});

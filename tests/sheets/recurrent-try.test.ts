/**
 * Every "What to try" box of the RNN, LSTM and GRU sheets does what it says (the
 * encoder–decoder's: seq2seq-try.test.ts). Each test builds the default sheet, loads it
 * into a formula engine (HyperFormula), checks that the edit line names the parameter it
 * talks about, makes the stated edit in the engine and proves the stated effect on the
 * engine's own numbers; the live verdict cell must then say the sentence the box
 * promises, and every formula (verdicts included) must still equal the core recomputed
 * from the edited cells.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { HyperFormula } from 'hyperformula';
import { t } from '../../src/i18n';
import type { PlainKey } from '../../src/sheets/i18n';
import { gruSpec } from '../../src/sheets/gru-sheet';
import { lstmSpec } from '../../src/sheets/lstm-sheet';
import type { ModelSpec, Settings } from '../../src/sheets/model-spec';
import type { SheetPlan } from '../../src/sheets/plan';
import { rnnSpec } from '../../src/sheets/rnn-sheet';
import { compareWithCore, loadPlan } from './evaluate';
import { tensorAt } from './sheet-checks';
import { tryBoxCells } from './try-checks';

interface Loaded {
  readonly plan: SheetPlan;
  readonly hf: HyperFormula;
  /** The verdict cell's text now. */
  says(): string;
  /** Engine values of trace `name` at step t, unit 1 (flat 0). */
  unit1(name: string, step: number): number;
  /** Sets the cell the edit line names, after checking it holds `param[flat]`. */
  edit(value: number): void;
}

const open: HyperFormula[] = [];
afterEach(() => open.splice(0).forEach((hf) => hf.destroy()));

function load(spec: ModelSpec, settings: Settings, param: string, flat: number): Loaded {
  const plan = spec.build(settings);
  const hf = loadPlan(plan);
  open.push(hf);
  const { verdict, named } = tryBoxCells(plan, settings.language);
  expect(named).toHaveLength(1);
  const target = named[0];
  // The edit line names the very cell that holds the parameter it talks about.
  expect(target.meaning?.param).toEqual({ name: param, flat });
  return {
    plan,
    hf,
    says: () => hf.getCellValue({ sheet: 0, row: verdict.row, col: verdict.col }) as string,
    unit1: (name, step) => tensorAt(hf, plan, name, step).get(0) as number,
    edit: (value) => hf.setCellContents({ sheet: 0, row: target.row, col: target.col }, value),
  };
}

function say(key: PlainKey, lang: 'en' | 'zh' = 'en'): string {
  return t(lang, key).replace(/_t/g, 'ₜ');
}

function expectStillTheCore(s: Loaded, spec: ModelSpec): void {
  expect(compareWithCore(s.hf, s.plan, spec).failures.slice(0, 3)).toEqual([]);
}

const steps = (n: number) => Array.from({ length: n }, (_, k) => k);

describe('RNN: b_ih[1] = +5 saturates h[1] (tanh)', () => {
  it('h[1] sticks near 1, its slope falls under 0.05 at every step, and input changes barely move it', () => {
    const d = rnnSpec.defaults;
    const s = load(rnnSpec, d, 'b_ih', 0);
    expect(s.says()).toBe(say('sheets.rnn.try.responds'));
    expect(Math.min(...steps(d.steps).map((k) => s.unit1('slope', k)))).toBeGreaterThan(0.05);
    s.edit(5);
    for (const k of steps(d.steps)) {
      expect(s.unit1('h', k)).toBeGreaterThan(0.975);
      expect(s.unit1('slope', k)).toBeLessThan(0.05);
      expect(s.unit1('slope', k)).toBeCloseTo(1 - s.unit1('h', k) ** 2, 12);
    }
    expect(s.says()).toBe(say('sheets.rnn.try.saturated'));
    expectStillTheCore(s, rnnSpec);
    // "No longer responds": moving the first input entry by 1 moves h[1] by under 0.02.
    const x = s.plan.cells.find((c) => c.meaning?.param?.name === 'x' && c.meaning.param.flat === 0)!;
    const before = steps(d.steps).map((k) => s.unit1('h', k));
    s.hf.setCellContents(
      { sheet: 0, row: x.row, col: x.col },
      Number(s.hf.getCellValue({ sheet: 0, row: x.row, col: x.col })) + 1,
    );
    for (const k of steps(d.steps)) expect(Math.abs(s.unit1('h', k) - before[k])).toBeLessThan(0.02);
  });
});

describe('RNN: b_ih[1] = −5 kills h[1] (ReLU)', () => {
  it('z[1] < 0 and h[1] = 0 at every step, and the sheet says the unit is dead', () => {
    const config = { ...rnnSpec.defaults, variant: 'relu' };
    const s = load(rnnSpec, config, 'b_ih', 0);
    expect(s.says()).not.toBe(say('sheets.rnn.try.dead'));
    s.edit(-5);
    for (const k of steps(config.steps)) {
      expect(s.unit1('pre', k)).toBeLessThan(0);
      expect(s.unit1('h', k)).toBe(0);
      expect(s.unit1('slope', k)).toBe(0);
    }
    expect(s.says()).toBe(say('sheets.rnn.try.dead'));
    expectStillTheCore(s, rnnSpec);
  });
});

describe('LSTM: b_if[1] = +5 carries c through, −5 resets it', () => {
  it('+5: f[1] > 0.9 at every step and ∏f (checked against the f cells) keeps over 0.9 of c₁', () => {
    const d = lstmSpec.defaults;
    const s = load(lstmSpec, d, 'b_ih', d.hiddenSize); // rows i, f, g, o: f's first row
    expect(s.says()).toBe(say('sheets.lstm.try.fades'));
    s.edit(5);
    let product = 1;
    for (const k of steps(d.steps)) {
      expect(s.unit1('f', k)).toBeGreaterThan(0.9);
      if (k > 0) product *= s.unit1('f', k);
      if (k > 0) expect(s.unit1('f_keep', k)).toBeCloseTo(product, 12);
    }
    expect(product).toBeGreaterThan(0.9);
    expect(s.says()).toBe(say('sheets.lstm.try.carries'));
    expectStillTheCore(s, lstmSpec);
  });

  it('−5: f[1] < 0.05 at every step, so cₜ[1] is only what iₜ writes: the old memory is erased', () => {
    const d = lstmSpec.defaults;
    const s = load(lstmSpec, d, 'b_ih', d.hiddenSize);
    s.edit(-5);
    for (const k of steps(d.steps)) {
      expect(s.unit1('f', k)).toBeLessThan(0.05);
      const written = s.unit1('i', k) * s.unit1('g', k);
      expect(Math.abs(s.unit1('c', k) - written)).toBeLessThan(0.05);
    }
    expect(s.unit1('f_keep', d.steps - 1)).toBeLessThan(0.05);
    expect(s.says()).toBe(say('sheets.lstm.try.resets'));
    expectStillTheCore(s, lstmSpec);
  });
});

describe('GRU: b_iz[1] = +5 keeps h, −5 replaces it with n', () => {
  it('+5: z[1] > 0.95 at every step and h[1] stays within 0.05 of h₀[1]', () => {
    const d = gruSpec.defaults;
    const s = load(gruSpec, d, 'b_ih', d.hiddenSize); // rows r, z, n: z's first row
    expect(s.says()).toBe(say('sheets.gru.try.mixes'));
    s.edit(5);
    const h0 = s.plan.cells.find((c) => c.meaning?.param?.name === 'h0' && c.meaning.param.flat === 0)!;
    const start = Number(s.hf.getCellValue({ sheet: 0, row: h0.row, col: h0.col }));
    for (const k of steps(d.steps)) {
      expect(s.unit1('z', k)).toBeGreaterThan(0.95);
      expect(Math.abs(s.unit1('h', k) - start)).toBeLessThan(0.05);
    }
    expect(s.says()).toBe(say('sheets.gru.try.keeps'));
    expectStillTheCore(s, gruSpec);
  });

  it('−5: z[1] < 0.05 and hₜ[1] = nₜ[1] within 0.05 at every step', () => {
    const d = gruSpec.defaults;
    const s = load(gruSpec, d, 'b_ih', d.hiddenSize);
    s.edit(-5);
    for (const k of steps(d.steps)) {
      expect(s.unit1('z', k)).toBeLessThan(0.05);
      expect(Math.abs(s.unit1('h', k) - s.unit1('n', k))).toBeLessThan(0.05);
    }
    expect(s.says()).toBe(say('sheets.gru.try.replaced'));
    expectStillTheCore(s, gruSpec);
  });
});

describe('the boxes speak the sheet’s language', () => {
  it.each([
    [rnnSpec, 'b_ih', 0, 'sheets.rnn.try.responds'],
    [lstmSpec, 'b_ih', 2, 'sheets.lstm.try.fades'],
    [gruSpec, 'b_ih', 2, 'sheets.gru.try.mixes'],
  ] as const)(
    '%#: the Chinese sheet names the same cell and says the verdict in Chinese',
    (spec, param, flat, key) => {
      const s = load(spec, { ...spec.defaults, language: 'zh' }, param, flat);
      expect(s.says()).toBe(say(key, 'zh'));
    },
  );
});

/**
 * The "What to try" boxes of the Mamba and xLSTM sheets do what they say: each stated
 * edit is made on the default sheet in a formula engine, and the stated effect is read
 * off the engine's own numbers (not the core's), the live verdict cell says the matching
 * sentence, and the edited sheet still equals the core. Also: the narrative rows without
 * the stabiliser give the same h, the block's Δ moves between tokens, and the cost
 * tables equal their closed forms, at the sheet's T and at a T typed in.
 */
import type { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n';
import { mambaBlockSpec } from '../../src/sheets/mamba-block-sheet';
import { mambaScanSpec } from '../../src/sheets/mamba-scan-sheet';
import { mlstmSpec } from '../../src/sheets/mlstm-sheet';
import type { ModelSpec, Settings } from '../../src/sheets/model-spec';
import { readable } from '../../src/sheets/notation';
import type { PlanCell, SheetPlan } from '../../src/sheets/plan';
import { slstmSpec } from '../../src/sheets/slstm-sheet';
import { compareWithCore, loadPlan } from './evaluate';
import { close, tensorAt } from './sheet-checks';

function paramCell(plan: SheetPlan, name: string, flat: number): PlanCell {
  const cell = plan.cells.find((c) => c.meaning?.param?.name === name && c.meaning.param.flat === flat);
  if (!cell) throw new Error(`no ${name}[${flat}] cell`);
  return cell;
}

function traceCell(plan: SheetPlan, name: string, step: number, flat = 0): PlanCell {
  const cell = plan.cells.find(
    (c) => c.meaning?.trace?.name === name && c.meaning.trace.step === step && c.meaning.trace.flat === flat,
  );
  if (!cell) throw new Error(`no ${name}[${step}][${flat}] cell`);
  return cell;
}

function verdictOf(hf: HyperFormula, plan: SheetPlan): string {
  const cell = plan.cells.find((c) => c.meaning?.verdict);
  if (!cell) throw new Error('no verdict cell');
  return String(hf.getCellValue({ sheet: 0, row: cell.row, col: cell.col }));
}

function set(hf: HyperFormula, cell: PlanCell, value: number): void {
  hf.setCellContents({ sheet: 0, row: cell.row, col: cell.col }, value);
}

function valueAt(hf: HyperFormula, cell: PlanCell): number {
  return hf.getCellValue({ sheet: 0, row: cell.row, col: cell.col }) as number;
}

/** Every Ā and B̄ entry of channel d = 1 (the first N of each channel-major step), all steps. */
function channelOne(hf: HyperFormula, plan: SheetPlan, name: string, T: number, N: number): number[] {
  const out: number[] = [];
  for (let s = 0; s < T; s++) {
    const m = tensorAt(hf, plan, name, s);
    for (let n = 0; n < N; n++) out.push(m.get(n) as number);
  }
  return out;
}

function expectStillCore(hf: HyperFormula, plan: SheetPlan, spec: ModelSpec): void {
  expect(compareWithCore(hf, plan, spec).failures.slice(0, 3)).toEqual([]);
}

describe.each([
  ['mamba-scan', mambaScanSpec, 'dt_bias'],
  ['mamba-block', mambaBlockSpec, 'dt_proj_b'],
] as const)('%s: what to try', (_id, spec, bias) => {
  for (const language of ['en', 'zh'] as const) {
    it(`${language}: b = +5 resets channel 1 (Ā ≈ 0), b = −5 keeps it and ignores the tokens (Ā ≈ 1, B̄ ≈ 0)`, () => {
      const config = { ...spec.defaults, language } as Settings & { steps: number; stateSize: number };
      const plan = spec.build(config);
      const T = config.steps;
      const N = config.stateSize;
      const hf = loadPlan(plan);
      try {
        expect(verdictOf(hf, plan)).toBe(readable(t(language, 'sheets.mamba.try.mixes')));
        const cell = paramCell(plan, bias, 0);
        set(hf, cell, 5);
        for (const a of channelOne(hf, plan, 'Abar', T, N)) expect(a).toBeLessThan(0.05);
        expect(verdictOf(hf, plan)).toBe(readable(t(language, 'sheets.mamba.try.resets')));
        expectStillCore(hf, plan, spec);
        set(hf, cell, -5);
        for (const a of channelOne(hf, plan, 'Abar', T, N)) expect(a).toBeGreaterThan(0.95);
        for (const b of channelOne(hf, plan, 'Bbar', T, N)) expect(Math.abs(b)).toBeLessThan(0.05);
        expect(verdictOf(hf, plan)).toBe(readable(t(language, 'sheets.mamba.try.ignores')));
        expectStillCore(hf, plan, spec);
      } finally {
        hf.destroy();
      }
    });
  }
});

describe('Mamba: selection that shows', () => {
  it('on the default scan sheet no input is 0 and Δ of every channel moves between tokens', () => {
    const plan = mambaScanSpec.build(mambaScanSpec.defaults);
    const hf = loadPlan(plan);
    try {
      const { steps: T, channels: D } = mambaScanSpec.defaults;
      for (let s = 0; s < T; s++) for (const u of tensorAt(hf, plan, 'u', s).values()) expect(u).not.toBe(0);
      for (let d = 0; d < D; d++) {
        const deltas = Array.from({ length: T }, (_, s) => tensorAt(hf, plan, 'delta', s).get(d) as number);
        expect(Math.max(...deltas) - Math.min(...deltas)).toBeGreaterThan(0.05);
      }
    } finally {
      hf.destroy();
    }
  });

  it('on the default block sheet Δ of every channel moves by at least 0.25 between tokens', () => {
    const plan = mambaBlockSpec.build(mambaBlockSpec.defaults);
    const hf = loadPlan(plan);
    try {
      const { steps: T, dInner: E } = mambaBlockSpec.defaults;
      for (let d = 0; d < E; d++) {
        const deltas = Array.from({ length: T }, (_, s) => tensorAt(hf, plan, 'delta', s).get(d) as number);
        expect(Math.max(...deltas) - Math.min(...deltas)).toBeGreaterThan(0.25);
      }
    } finally {
      hf.destroy();
    }
  });
});

describe('sLSTM: what to try and the rows without the stabiliser', () => {
  for (const language of ['en', 'zh'] as const) {
    it(`${language}: b_i[1] = 10 makes m[1] jump while h keeps its scale, and h̄ without m equals h`, () => {
      const config = { ...slstmSpec.defaults, language };
      const plan = slstmSpec.build(config);
      const { steps: T, hiddenSize: H } = config;
      const hf = loadPlan(plan);
      try {
        const m0 = Array.from({ length: T }, (_, s) => valueAt(hf, traceCell(plan, 'm', s)));
        expect(verdictOf(hf, plan)).toBe(readable(t(language, 'sheets.slstm.try.calm')));
        set(hf, paramCell(plan, 'b', 0), 10);
        const m1 = Array.from({ length: T }, (_, s) => valueAt(hf, traceCell(plan, 'm', s)));
        m1.forEach((m, s) => expect(m - m0[s]).toBeGreaterThan(4));
        expect(m1[T - 1]).toBeGreaterThan(8);
        const rawI = Array.from({ length: T }, (_, s) => valueAt(hf, traceCell(plan, 'raw_i', s)));
        expect(Math.max(...rawI)).toBeGreaterThan(20_000);
        for (let s = 0; s < T; s++) {
          for (const [r, i] of tensorAt(hf, plan, 'i_stab', s)) expect(i, `i′[${r}]`).toBeLessThanOrEqual(1);
          const h = tensorAt(hf, plan, 'h', s);
          const raw = tensorAt(hf, plan, 'raw_h', s);
          for (let r = 0; r < H; r++) {
            expect(Math.abs(h.get(r) as number)).toBeLessThan(1);
            expect(close(raw.get(r) as number, h.get(r) as number, 1e-12)).toBe(true);
          }
        }
        expect(verdictOf(hf, plan)).toBe(readable(t(language, 'sheets.slstm.try.jumped')));
        expectStillCore(hf, plan, slstmSpec);
      } finally {
        hf.destroy();
      }
    });
  }
});

describe('mLSTM: what to try and the rows without the stabiliser', () => {
  for (const language of ['en', 'zh'] as const) {
    it(`${language}: ĩ = 10 at the last step leaves only the diagonal of that row of D̃`, () => {
      const config = { ...mlstmSpec.defaults, language };
      const plan = mlstmSpec.build(config);
      const T = config.steps;
      const hf = loadPlan(plan);
      try {
        const row = () => tensorAt(hf, plan, 'par.D_tilde', T - 1);
        expect(Math.max(...[...row()].filter(([s]) => s < T - 1).map(([, v]) => v))).toBeGreaterThan(0.1);
        expect(verdictOf(hf, plan)).toBe(readable(t(language, 'sheets.mlstm.try.remembers', { t: T })));
        set(hf, traceCell(plan, 'i_pre', T - 1), 10);
        for (const [s, v] of row()) {
          if (s < T - 1) expect(v).toBeLessThan(0.01);
          else expect(v).toBeCloseTo(1, 12);
        }
        expect(verdictOf(hf, plan)).toBe(readable(t(language, 'sheets.mlstm.try.diagonal', { t: T })));
      } finally {
        hf.destroy();
      }
    });
  }

  it('h̄ from the raw memory equals h, and the raw C̄ is C·exp(m)', () => {
    const plan = mlstmSpec.build(mlstmSpec.defaults);
    const { steps: T, headSize: d } = mlstmSpec.defaults;
    const hf = loadPlan(plan);
    try {
      for (let s = 0; s < T; s++) {
        const h = tensorAt(hf, plan, 'h', s);
        const raw = tensorAt(hf, plan, 'raw_h', s);
        for (let a = 0; a < d; a++) expect(close(raw.get(a) as number, h.get(a) as number, 1e-12)).toBe(true);
        const scale = Math.exp(valueAt(hf, traceCell(plan, 'm', s)));
        const C = tensorAt(hf, plan, 'C', s);
        for (const [j, v] of tensorAt(hf, plan, 'raw_C', s))
          expect(close(v, (C.get(j) as number) * scale, 1e-12)).toBe(true);
      }
    } finally {
      hf.destroy();
    }
  });
});

describe('cost tables equal their closed forms', () => {
  const cases = [
    {
      spec: mambaScanSpec as ModelSpec,
      // D·N | 2TD ; 3DN | 2TD ; 3TDN | DT(T+1), with D = N = 2 on the default sheet.
      closed: (T: number) => [4, 4 * T, 12, 4 * T, 12 * T, 2 * T * (T + 1)],
    },
    {
      spec: mlstmSpec as ModelSpec,
      // d² + d + 1 | 2Td ; 3d² | 2Td ; 3Td² | dT(T+1), with d = 2 on the default sheet.
      closed: (T: number) => [7, 4 * T, 12, 4 * T, 12 * T, 2 * T * (T + 1)],
    },
  ];
  for (const { spec, closed } of cases)
    it(`${spec.id}: at the sheet's T and at T = 1000 typed in`, () => {
      const plan = spec.build(spec.defaults);
      const hf = loadPlan(plan);
      try {
        const table = () => [...tensorAt(hf, plan, 'cost', 0)].sort(([a], [b]) => a - b).map(([, v]) => v);
        expect(table()).toEqual(closed((spec.defaults as { steps: number }).steps));
        set(hf, paramCell(plan, 'cost_T', 0), 1000);
        expect(table()).toEqual(closed(1000));
        expectStillCore(hf, plan, spec);
      } finally {
        hf.destroy();
      }
    });
});

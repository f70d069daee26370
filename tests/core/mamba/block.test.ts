import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  initMamba,
  mambaBlockForward,
  mambaBlockTrace,
  mambaResidualForward,
  rmsNorm,
  type MambaParams,
} from '../../../src/core/mamba-block';
import type { Matrix } from '../../../src/core/tensor';
import type { Discretization } from '../../../src/core/mamba-scan';
import { mat } from './arbitraries';
import { referenceBlock, type PlainMamba, type PlainSteps } from './block-reference';

const TRACE_NAMES = [
  'x',
  'x_in',
  'z',
  'conv',
  'u',
  'dt_low',
  'B',
  'C',
  'dt_pre',
  'delta',
  'Abar',
  'Bbar',
  'h',
  'y',
  'gate',
  'y_gated',
  'out',
];

function rowsOf(m: Matrix): number[][] {
  return Array.from({ length: m.rows }, (_, r) => Array.from(m.data.slice(r * m.cols, (r + 1) * m.cols)));
}

function plain(p: MambaParams): PlainMamba {
  return {
    in_proj: rowsOf(p.in_proj),
    conv_w: rowsOf(p.conv_w),
    conv_b: Array.from(p.conv_b),
    x_proj: rowsOf(p.x_proj),
    dt_proj_w: rowsOf(p.dt_proj_w),
    dt_proj_b: Array.from(p.dt_proj_b),
    A_log: rowsOf(p.A_log),
    D: Array.from(p.D),
    out_proj: rowsOf(p.out_proj),
  };
}

/**
 * Agreement to 1e-12 of `scale`. Rounding errors scale with the largest number the
 * computation has carried so far, not with the result: a state of 3000 decaying towards
 * an output of 20 leaves errors of 3000·ε in it. `runningScale` gives that magnitude.
 */
function rowsAgree(got: ArrayLike<number>, want: readonly number[], scale = 1): boolean {
  const s = Math.max(scale, ...want.map(Math.abs));
  if (got.length !== want.length) return false;
  for (let i = 0; i < want.length; i++) if (!(Math.abs(got[i] - want[i]) <= 1e-12 * s)) return false;
  return true;
}

/** For each step t: the largest magnitude in any reference tensor at steps 0..t (at least 1). */
function runningScale(steps: PlainSteps, T: number): number[] {
  const out: number[] = [];
  let largest = 1;
  for (let t = 0; t < T; t++) {
    for (const rows of Object.values(steps))
      for (const v of rows[t] ?? []) largest = Math.max(largest, Math.abs(v));
    out.push(largest);
  }
  return out;
}

const dbls = (n: number, min: number, max: number) =>
  fc.array(fc.double({ min, max, noNaN: true, noDefaultInfinity: true }), { minLength: n, maxLength: n });

interface BlockCase {
  p: MambaParams;
  X: Matrix;
  method: Discretization;
}

/** Random sizes (defaults or explicit), a seeded init of either style, then A_log and D made random too. */
const blockCase: fc.Arbitrary<BlockCase> = fc
  .record({
    dModel: fc.integer({ min: 1, max: 6 }),
    dState: fc.integer({ min: 1, max: 4 }),
    dInner: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
    dtRank: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    dConv: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    T: fc.integer({ min: 1, max: 10 }),
    seed: fc.integer(),
    style: fc.constantFrom('torch' as const, 'hand' as const),
    method: fc.constantFrom<Discretization>('zoh', 'euler'),
  })
  .chain((s) => {
    const p0 = initMamba(s, s.seed, s.style);
    return fc
      .record({
        X: dbls(s.T * s.dModel, -2, 2),
        aLog: dbls(p0.A_log.data.length, -2, 2),
        D: dbls(p0.dInner, -2, 2),
      })
      .map(({ X, aLog, D }) => ({
        p: { ...p0, A_log: mat(p0.dInner, p0.dState, aLog), D: Float64Array.from(D) },
        X: mat(s.T, s.dModel, X),
        method: s.method,
      }));
  });

describe('Mamba block vs an independent plain-array reference', () => {
  it('forward output and every trace entry agree to 1e-12', () => {
    fc.assert(
      fc.property(blockCase, ({ p, X, method }) => {
        const want = referenceBlock(plain(p), rowsOf(X), method);
        const out = mambaBlockForward(p, X, method);
        expect(out.rows).toBe(X.rows);
        expect(out.cols).toBe(p.dModel);
        const outRows = rowsOf(out);
        const tr = mambaBlockTrace(p, X, method);
        const scale = runningScale(want, X.rows);
        expect(Object.keys(tr.tensors).sort()).toEqual([...TRACE_NAMES].sort());
        expect(tr.shapes.h).toEqual([p.dInner, p.dState]);
        for (let t = 0; t < X.rows; t++) {
          expect(rowsAgree(outRows[t], want.out[t], scale[t]), `out at t = ${t}`).toBe(true);
          for (const name of TRACE_NAMES) {
            expect(rowsAgree(tr.tensors[name][t], want[name][t], scale[t]), `${name} at t = ${t}`).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the streamed forward pass equals the materialized trace path bit for bit', () => {
    fc.assert(
      fc.property(blockCase, ({ p, X, method }) => {
        const streamed = mambaBlockForward(p, X, method);
        const out = mambaBlockTrace(p, X, method).tensors.out;
        for (let t = 0; t < X.rows; t++)
          expect(Array.from(streamed.data.subarray(t * p.dModel, (t + 1) * p.dModel))).toEqual(
            Array.from(out[t]),
          );
      }),
      { numRuns: 100 },
    );
  });

  it('residual layer equals X + block(x / √(mean x² + eps) ⊙ w)', () => {
    fc.assert(
      fc.property(blockCase, fc.double({ min: 1e-8, max: 1e-3, noNaN: true }), ({ p, X, method }, eps) => {
        const w = Array.from({ length: p.dModel }, (_, i) => 0.5 + i / 4);
        const normed = rowsOf(X).map((r) => {
          const rms = Math.sqrt(r.reduce((s, v) => s + v * v, 0) / r.length + eps);
          return r.map((v, i) => (v / rms) * w[i]);
        });
        const ref = referenceBlock(plain(p), normed, method);
        const scale = runningScale(ref, X.rows);
        const got = rowsOf(mambaResidualForward(p, Float64Array.from(w), X, method, eps));
        for (let t = 0; t < X.rows; t++) {
          const want = ref.out[t].map((v, i) => v + X.data[t * p.dModel + i]);
          expect(rowsAgree(got[t], want, scale[t])).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('causality', () => {
  it('the output at t is unaffected by any input after t', () => {
    fc.assert(
      fc.property(
        blockCase,
        fc.nat(),
        fc.double({ min: -3, max: 3, noNaN: true }),
        ({ p, X, method }, t0raw, v) => {
          const t0 = t0raw % X.rows;
          const changed = mat(X.rows, X.cols, Array.from(X.data));
          for (let i = (t0 + 1) * X.cols; i < changed.data.length; i++) changed.data[i] = v + i;
          const a = mambaBlockForward(p, X, method);
          const b = mambaBlockForward(p, changed, method);
          expect(Array.from(b.data.subarray(0, (t0 + 1) * p.dModel))).toEqual(
            Array.from(a.data.subarray(0, (t0 + 1) * p.dModel)),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('conv follows PyTorch: w[dConv − 1] multiplies the current token, w[0] the one dConv − 1 back', () => {
    const base = initMamba({ dModel: 1, dInner: 1, dState: 1, dtRank: 1 }, 1, 'hand');
    const X = mat(6, 1, [1, 2, 3, 4, 5, 6]);
    const withConv = (w: number[]): MambaParams => ({
      ...base,
      in_proj: mat(2, 1, [1, 0]),
      conv_w: mat(1, 4, w),
      conv_b: Float64Array.of(0.5),
    });
    const convOf = (w: number[]) => mambaBlockTrace(withConv(w), X, 'zoh').tensors.conv.map((c) => c[0]);
    expect(convOf([0, 0, 0, 1])).toEqual([1.5, 2.5, 3.5, 4.5, 5.5, 6.5]);
    expect(convOf([1, 0, 0, 0])).toEqual([0.5, 0.5, 0.5, 1.5, 2.5, 3.5]);
    expect(convOf([0, 10, 0, 1])).toEqual([1.5, 2.5, 13.5, 24.5, 35.5, 46.5]);
  });
});

describe('initMamba', () => {
  it('defaults: dInner = 2·dModel, dtRank = ceil(dModel/16), dConv = 4', () => {
    for (const [dModel, rank] of [
      [1, 1],
      [16, 1],
      [17, 2],
      [40, 3],
    ]) {
      const p = initMamba({ dModel, dState: 3 }, 5, 'torch');
      expect([p.dInner, p.dtRank, p.dConv]).toEqual([2 * dModel, rank, 4]);
      expect([p.in_proj.rows, p.in_proj.cols, p.x_proj.rows, p.x_proj.cols]).toEqual([
        4 * dModel,
        dModel,
        rank + 6,
        2 * dModel,
      ]);
    }
  });

  it('A_log = ln(1..N) in every channel (so A = −1, −2, …) and D = 1, in both styles', () => {
    for (const style of ['torch', 'hand'] as const) {
      const p = initMamba({ dModel: 2, dState: 4 }, 9, style);
      for (let d = 0; d < p.dInner; d++) {
        expect(Array.from(p.A_log.data.slice(d * 4, d * 4 + 4), (v) => -Math.exp(v))).toEqual(
          [-1, -2, -3, -4].map((a) => expect.closeTo(a, 14)),
        );
      }
      expect(Array.from(p.D)).toEqual(new Array(p.dInner).fill(1));
    }
  });

  it('torch style: every layer within ±1/√fan_in and softplus(dt bias) within [1e-3, 1e-1]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer(),
        (dModel, dState, seed) => {
          const p = initMamba({ dModel, dState }, seed, 'torch');
          const within = (m: Float64Array, fanIn: number) =>
            m.every((v) => Math.abs(v) <= 1 / Math.sqrt(fanIn));
          expect(within(p.in_proj.data, dModel)).toBe(true);
          expect(within(p.conv_w.data, 4) && within(p.conv_b, 4)).toBe(true);
          expect(within(p.x_proj.data, p.dInner) && within(p.out_proj.data, p.dInner)).toBe(true);
          expect(within(p.dt_proj_w.data, p.dtRank)).toBe(true);
          for (const b of p.dt_proj_b) {
            const dt = Math.log1p(Math.exp(b));
            expect(dt).toBeGreaterThanOrEqual(1e-3 * (1 - 1e-12));
            expect(dt).toBeLessThanOrEqual(1e-1 * (1 + 1e-12));
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('hand style: integers −2..2; same seed same weights, another seed other weights', () => {
    const p = initMamba({ dModel: 4, dState: 2 }, 3, 'hand');
    for (const m of [
      p.in_proj.data,
      p.conv_w.data,
      p.conv_b,
      p.x_proj.data,
      p.dt_proj_w.data,
      p.dt_proj_b,
      p.out_proj.data,
    ]) {
      expect(m.every((v) => Number.isInteger(v) && v >= -2 && v <= 2)).toBe(true);
    }
    expect(initMamba({ dModel: 4, dState: 2 }, 3, 'hand')).toEqual(p);
    expect(initMamba({ dModel: 4, dState: 2 }, 4, 'hand').in_proj.data).not.toEqual(p.in_proj.data);
  });

  it('every Ā of an initialized block lies in (0, 1): A is negative and Δ positive', () => {
    const p = initMamba({ dModel: 3, dState: 4 }, 11, 'torch');
    const X = mat(
      5,
      3,
      Array.from({ length: 15 }, (_, i) => Math.sin(i)),
    );
    for (const ab of mambaBlockTrace(p, X, 'zoh').tensors.Abar)
      expect(ab.every((v) => v > 0 && v < 1)).toBe(true);
  });

  it('rejects sizes that are not positive integers', () => {
    expect(() => initMamba({ dModel: 0, dState: 2 }, 1, 'torch')).toThrow(
      'dModel must be a positive integer',
    );
    expect(() => initMamba({ dModel: 2, dState: 1.5 }, 1, 'torch')).toThrow('dState');
  });
});

describe('input checks', () => {
  it('names what is wrong', () => {
    const p = initMamba({ dModel: 2, dState: 2 }, 1, 'torch');
    expect(() => mambaBlockForward(p, mat(3, 3, new Array(9).fill(0)), 'zoh')).toThrow(
      'X must have 2 columns (d_model); got 3',
    );
    expect(() =>
      mambaBlockForward({ ...p, x_proj: mat(4, 4, new Array(16).fill(0)) }, mat(1, 2, [0, 0]), 'zoh'),
    ).toThrow('x_proj must be 5×4; got 4×4');
    expect(() => mambaBlockForward({ ...p, D: Float64Array.of(1) }, mat(1, 2, [0, 0]), 'zoh')).toThrow(
      'D must have 4 values',
    );
    expect(() => rmsNorm(mat(1, 2, [1, 2]), Float64Array.of(1), 1e-5)).toThrow(
      'norm weight must have 2 values',
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  initMlstm,
  mlstmInitialState,
  mlstmParallel,
  mlstmParallelTrace,
  mlstmProject,
  mlstmRecurrent,
  mlstmStep,
  mlstmTrace,
  type MlstmSequence,
  type MlstmState,
} from '../../../src/core/mlstm';
import { fromRows, matrix, toRows } from '../../../src/core/tensor';
import { dot, makeRand, naiveMlstm, randMat, sig } from './oracles';

interface SeqOptions {
  T: number;
  dk: number;
  dv: number;
  seed: number;
  withO: boolean;
  /** Range of ĩ; f̃ is drawn from [−fSpread, fSpread] around fCenter. */
  iLo?: number;
  iHi?: number;
  fCenter?: number;
  fSpread?: number;
}

function randomSequence(o: SeqOptions): MlstmSequence {
  const r = makeRand(o.seed);
  const fc0 = o.fCenter ?? 1;
  const fs = o.fSpread ?? 3;
  return {
    Q: fromRows(randMat(r, o.T, o.dk, -1.5, 1.5)),
    K: fromRows(randMat(r, o.T, o.dk, -1.5, 1.5)),
    V: fromRows(randMat(r, o.T, o.dv, -2, 2)),
    iPre: Float64Array.from({ length: o.T }, () => r(o.iLo ?? -3, o.iHi ?? 3)),
    fPre: Float64Array.from({ length: o.T }, () => r(fc0 - fs, fc0 + fs)),
    oPre: o.withO ? fromRows(randMat(r, o.T, o.dv, -3, 3)) : undefined,
  };
}

const seqArb = fc.record({
  T: fc.integer({ min: 1, max: 14 }),
  dk: fc.integer({ min: 1, max: 5 }),
  dv: fc.integer({ min: 1, max: 5 }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  withO: fc.boolean(),
  // Wide gate ranges so that both the max(|nᵀq|, exp(−m)) branches and both m branches occur.
  iLo: fc.integer({ min: -12, max: 0 }),
  iHi: fc.integer({ min: 0, max: 8 }),
  fCenter: fc.integer({ min: -4, max: 8 }),
  fSpread: fc.integer({ min: 0, max: 6 }),
});

function close(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number, what = ''): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const err = Math.abs(actual[i] - expected[i]);
    if (!(err <= tol * Math.max(1, Math.abs(expected[i])))) {
      throw new Error(`${what} entry ${i}: ${actual[i]} vs ${expected[i]} (error ${err})`);
    }
  }
}

const rowOf = (data: Float64Array, t: number, w: number) => data.subarray(t * w, (t + 1) * w);

describe('mlstm recurrent vs parallel', () => {
  it('the parallel form reproduces the recurrent h to 1e-10 over random shapes and gates', () => {
    fc.assert(
      fc.property(seqArb, (o) => {
        const seq = randomSequence(o);
        close(mlstmParallel(seq).data, mlstmRecurrent(seq).H.data, 1e-10, 'H');
      }),
      { numRuns: 300 },
    );
  });

  it('agrees where the exp(−m) floor is active, with the m_0 = 0 term setting the row max', () => {
    // Strongly closed input gates and open forget gates: max_s log D ≈ ĩ ≈ −6 while
    // Σ logσ(f̃) stays near 0, so m_t comes from m_0 and |nᵀq| < exp(−m_t).
    const seq = randomSequence({
      T: 10,
      dk: 3,
      dv: 2,
      seed: 42,
      withO: true,
      iLo: -7,
      iHi: -6,
      fCenter: 6,
      fSpread: 0.5,
    });
    const rec = mlstmTrace(seq);
    let floorSteps = 0;
    for (let t = 0; t < 10; t++) {
      const m = rec.tensors.m[t][0];
      if (rec.tensors.denom[t][0] === Math.exp(-m)) floorSteps++;
      expect(m).toBeGreaterThan(-1);
    }
    expect(floorSteps).toBe(10);
    close(mlstmParallel(seq).data, mlstmRecurrent(seq).H.data, 1e-10, 'H');
    // Here every row max comes from Σ_{j≤t} logσ(f̃_j), not from any entry of log D.
    const par = mlstmParallelTrace(seq);
    for (let t = 0; t < 10; t++) {
      expect(par.tensors.m[t][0]).toBe(par.tensors.log_f_cum[t][0]);
      expect(Math.max(...par.tensors.log_D[t])).toBeLessThan(par.tensors.m[t][0]);
      close(par.tensors.m[t], rec.tensors.m[t], 1e-12, 'm');
      close(par.tensors.denom[t], rec.tensors.denom[t], 1e-10, 'denom');
    }
  });

  it('the parallel trace holds the matrices of the parallel form, consistent with each other and the recurrent trace', () => {
    fc.assert(
      fc.property(seqArb, (o) => {
        const seq = randomSequence(o);
        const { T, dk, dv } = o;
        const par = mlstmParallelTrace(seq);
        const rec = mlstmTrace(seq);
        expect(par.steps).toBe(T);
        expect(par.shapes.log_D).toEqual([T]);
        expect(par.shapes.h).toEqual([dv]);
        const H = mlstmParallel(seq);
        let cum = 0;
        for (let t = 0; t < T; t++) {
          const g = (name: string) => par.tensors[name][t];
          const lf = Math.log(sig(seq.fPre[t]));
          cum += lf;
          expect(g('log_f')[0]).toBeCloseTo(lf, 12);
          expect(g('log_f_cum')[0]).toBeCloseTo(cum, 10);
          let rowMax = cum;
          for (let s = 0; s < T; s++) {
            let qk = 0;
            for (let j = 0; j < dk; j++) qk += seq.Q.data[t * dk + j] * seq.K.data[s * dk + j];
            expect(g('qk')[s]).toBeCloseTo(qk / Math.sqrt(dk), 12);
            if (s > t) {
              expect(g('log_D')[s]).toBe(-Infinity);
              expect(g('D_tilde')[s]).toBe(0);
              expect(g('S')[s]).toBe(0);
              continue;
            }
            // Σ_{j=s+1..t} logσ(f̃_j) + ĩ_s, summed here from the definition.
            let expected = seq.iPre[s];
            for (let j = s + 1; j <= t; j++) expected += Math.log(sig(seq.fPre[j]));
            expect(g('log_D')[s]).toBeCloseTo(expected, 10);
            rowMax = Math.max(rowMax, g('log_D')[s]);
          }
          const m = g('m')[0];
          expect(m).toBeCloseTo(rowMax, 12);
          expect(m).toBeCloseTo(rec.tensors.m[t][0], 10);
          let sum = 0;
          for (let s = 0; s <= t; s++) {
            expect(g('D_tilde')[s]).toBeCloseTo(Math.exp(g('log_D')[s] - m), 14);
            expect(g('S')[s]).toBe(g('qk')[s] * g('D_tilde')[s]);
            sum += g('S')[s];
          }
          expect(g('s_sum')[0]).toBeCloseTo(sum, 12);
          close(g('s_sum'), rec.tensors.nq[t], 1e-10, 's_sum vs nᵀq');
          close(g('denom'), rec.tensors.denom[t], 1e-10, 'denom');
          expect(g('denom')[0]).toBe(Math.max(Math.abs(g('s_sum')[0]), Math.exp(-m)));
          expect(Array.from(g('o'))).toEqual(Array.from(rec.tensors.o[t]));
          expect(Array.from(g('h'))).toEqual(Array.from(rowOf(H.data, t, dv)));
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('mlstm step vs sequence', () => {
  it('stepping with mlstmStep equals mlstmRecurrent and the trace, and leaves the input state alone', () => {
    fc.assert(
      fc.property(seqArb, (o) => {
        const seq = randomSequence(o);
        const { T, dk, dv } = o;
        const { H, state } = mlstmRecurrent(seq);
        const tr = mlstmTrace(seq);
        let s: MlstmState = mlstmInitialState(dk, dv);
        for (let t = 0; t < T; t++) {
          const snapshot = Array.from(s.C.data);
          const r = mlstmStep(
            {
              q: rowOf(seq.Q.data, t, dk),
              k: rowOf(seq.K.data, t, dk),
              v: rowOf(seq.V.data, t, dv),
              iPre: seq.iPre[t],
              fPre: seq.fPre[t],
              oPre: seq.oPre ? rowOf(seq.oPre.data, t, dv) : undefined,
            },
            s,
          );
          expect(Array.from(s.C.data)).toEqual(snapshot);
          s = r.state;
          expect(Array.from(r.h)).toEqual(Array.from(rowOf(H.data, t, dv)));
          expect(Array.from(tr.tensors.h[t])).toEqual(Array.from(r.h));
          expect(Array.from(tr.tensors.C[t])).toEqual(Array.from(s.C.data));
          expect(Array.from(tr.tensors.n[t])).toEqual(Array.from(s.n));
          expect(tr.tensors.m[t][0]).toBe(s.m);
        }
        expect(Array.from(state.C.data)).toEqual(Array.from(s.C.data));
        expect(Array.from(state.n)).toEqual(Array.from(s.n));
        expect(state.m).toBe(s.m);
      }),
      { numRuns: 100 },
    );
  });

  it('the trace holds every contract name, C as dv × dk, and its entries follow the equations', () => {
    const seq = randomSequence({ T: 6, dk: 3, dv: 2, seed: 9, withO: false });
    const tr = mlstmTrace(seq);
    const names = [
      'q',
      'k',
      'k_scaled',
      'v',
      'i_pre',
      'f_pre',
      'log_f',
      'm',
      'i_stab',
      'f_stab',
      'C',
      'n',
      'Cq',
      'nq',
      'denom',
      'o',
      'h',
    ];
    expect(Object.keys(tr.tensors).sort()).toEqual([...names].sort());
    expect(tr.shapes.C).toEqual([2, 3]);
    let mPrev = 0;
    for (let t = 0; t < 6; t++) {
      const g = (name: string) => Array.from(tr.tensors[name][t]);
      close(
        g('k_scaled'),
        g('k').map((x) => x / Math.sqrt(3)),
        1e-15,
      );
      expect(g('o')).toEqual([1, 1]); // no output gate given
      const m = Math.max(g('log_f')[0] + mPrev, g('i_pre')[0]);
      expect(g('m')[0]).toBe(m);
      expect(g('i_stab')[0]).toBeCloseTo(Math.exp(g('i_pre')[0] - m), 15);
      expect(g('f_stab')[0]).toBeCloseTo(Math.exp(g('log_f')[0] + mPrev - m), 15);
      const C = g('C');
      const q = g('q');
      const Cq = [dot(C.slice(0, 3), q), dot(C.slice(3, 6), q)];
      close(g('Cq'), Cq, 1e-15);
      close(g('nq'), [dot(g('n'), q)], 1e-15);
      expect(g('denom')[0]).toBe(Math.max(Math.abs(g('nq')[0]), Math.exp(-m)));
      close(
        g('h'),
        Cq.map((x) => x / g('denom')[0]),
        1e-15,
      );
      mPrev = m;
    }
  });

  it('rejects mismatched shapes with the argument named', () => {
    const s = mlstmInitialState(3, 2);
    expect(() => mlstmStep({ q: [1, 2], k: [1, 2, 3], v: [1, 2], iPre: 0, fPre: 0 }, s)).toThrow(
      /^q must have 3/,
    );
    expect(() => mlstmStep({ q: [1, 2, 3], k: [1, 2, 3], v: [1], iPre: 0, fPre: 0 }, s)).toThrow(
      /^v must have 2/,
    );
    const seq = randomSequence({ T: 4, dk: 3, dv: 2, seed: 1, withO: true });
    expect(() => mlstmRecurrent({ ...seq, fPre: new Float64Array(3) })).toThrow(/fPre must have 4/);
    expect(() => mlstmParallel({ ...seq, K: matrix(4, 2) })).toThrow(/K must be 4×3/);
    expect(() => mlstmTrace({ ...seq, oPre: matrix(4, 3) })).toThrow(/oPre must be 4×2/);
  });
});

describe('mlstm stabilised vs unstabilised', () => {
  it('equals the naive model (exp gates, floor 1, no m) on small inputs to 1e-12 relative', () => {
    fc.assert(
      fc.property(
        fc.record({
          T: fc.integer({ min: 1, max: 8 }),
          dk: fc.integer({ min: 1, max: 4 }),
          dv: fc.integer({ min: 1, max: 4 }),
          seed: fc.integer({ min: 1, max: 1_000_000 }),
          withO: fc.boolean(),
        }),
        (o) => {
          const seq = randomSequence({ ...o, iLo: -3, iHi: 3, fCenter: 0, fSpread: 3 });
          const expected = naiveMlstm(
            toRows(seq.Q),
            toRows(seq.K),
            toRows(seq.V),
            Array.from(seq.iPre),
            Array.from(seq.fPre),
            seq.oPre && toRows(seq.oPre),
          );
          close(mlstmRecurrent(seq).H.data, expected.flat(), 1e-12, 'recurrent');
          close(mlstmParallel(seq).data, expected.flat(), 1e-12, 'parallel');
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('mlstm at extreme pre-activations', () => {
  it('gate pre-activations of ±1000 keep h, C, n, m finite in both forms, and the forms agree', () => {
    const extreme = fc.constantFrom(-1000, 1000);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.tuple(extreme, extreme, extreme), { minLength: 10, maxLength: 10 }),
        (T, seed, gates) => {
          const base = randomSequence({ T, dk: 3, dv: 2, seed, withO: false });
          const seq: MlstmSequence = {
            ...base,
            iPre: Float64Array.from(gates.slice(0, T), (g) => g[0]),
            fPre: Float64Array.from(gates.slice(0, T), (g) => g[1]),
            oPre: fromRows(gates.slice(0, T).map((g) => [g[2], -g[2]])),
          };
          const { H, state } = mlstmRecurrent(seq);
          for (const v of [...H.data, ...state.C.data, ...state.n, state.m])
            expect(Number.isFinite(v)).toBe(true);
          const P = mlstmParallel(seq);
          for (const v of P.data) expect(Number.isFinite(v)).toBe(true);
          close(P.data, H.data, 1e-10, 'parallel at ±1000');
        },
      ),
      { numRuns: 200 },
    );
  });

  it('f̃ = −1000 forgets everything: h_t = o ⊙ v_t (k_tᵀq_t/√d) / max(|k_tᵀq_t|/√d, exp(−ĩ_t))', () => {
    const T = 5;
    const base = randomSequence({ T, dk: 4, dv: 3, seed: 77, withO: true });
    // Input gates stay far from ±1000: an input written with weight e^{1000} outlives a
    // forget gate of e^{−1000}, so only moderate ĩ make "forgets everything" exact.
    const seq: MlstmSequence = {
      ...base,
      fPre: new Float64Array(T).fill(-1000),
      iPre: Float64Array.from([0.5, -2, 3, -5, 1]),
    };
    const H = mlstmRecurrent(seq).H;
    for (let t = 0; t < T; t++) {
      const kq = dot(Array.from(rowOf(seq.K.data, t, 4)), Array.from(rowOf(seq.Q.data, t, 4))) / 2;
      // m_t = ĩ_t once the memory is gone (step 0 also compares with m_0 = 0).
      const m = t === 0 ? Math.max(seq.iPre[0], Math.log(sig(-1000))) : seq.iPre[t];
      const denom = Math.max(Math.abs(kq), Math.exp(-m));
      const expected = Array.from(
        rowOf(seq.V.data, t, 3),
        (v, a) => (sig(seq.oPre!.data[t * 3 + a]) * v * kq) / denom,
      );
      close(rowOf(H.data, t, 3), expected, 1e-12, `step ${t}`);
    }
  });
});

describe('mlstm projections', () => {
  it('initMlstm is seeded, shaped d × I, torch-bounded by 1/√I, hand-style integer', () => {
    const a = initMlstm(4, 3, 12, 'torch');
    const b = initMlstm(4, 3, 12, 'torch');
    expect(a).toEqual(b);
    expect(initMlstm(4, 3, 13, 'torch')).not.toEqual(a);
    for (const W of [a.W_q, a.W_k, a.W_v, a.W_o]) expect([W.rows, W.cols]).toEqual([3, 4]);
    expect([a.b_o.length, a.w_i.length, a.w_f.length]).toEqual([3, 4, 4]);
    const all = [
      ...a.W_q.data,
      ...a.W_k.data,
      ...a.W_v.data,
      ...a.W_o.data,
      ...a.b_o,
      ...a.w_i,
      ...a.w_f,
      a.b_i,
      a.b_f,
    ];
    for (const v of all) expect(Math.abs(v)).toBeLessThanOrEqual(0.5);
    const h = initMlstm(4, 3, 12, 'hand');
    const hv = [
      ...h.W_q.data,
      ...h.W_k.data,
      ...h.W_v.data,
      ...h.W_o.data,
      ...h.b_o,
      ...h.w_i,
      ...h.w_f,
      h.b_i,
      h.b_f,
    ];
    for (const v of hv) expect([-2, -1, 0, 1, 2]).toContain(v);
  });

  it('mlstmProject computes q, k, v = W x, õ = W_o x + b_o, ĩ = w_i·x + b_i, f̃ = w_f·x + b_f per row', () => {
    const p = initMlstm(3, 2, 5, 'hand');
    const X = fromRows([
      [1, -2, 0.5],
      [0, 3, -1],
      [2, 2, 2],
      [-1, 0, 1],
    ]);
    const seq = mlstmProject(p, X);
    const Wx = (W: { data: Float64Array }, x: number[]) => [
      dot(Array.from(W.data.subarray(0, 3)), x),
      dot(Array.from(W.data.subarray(3, 6)), x),
    ];
    toRows(X).forEach((x, t) => {
      expect(Array.from(rowOf(seq.Q.data, t, 2))).toEqual(Wx(p.W_q, x));
      expect(Array.from(rowOf(seq.K.data, t, 2))).toEqual(Wx(p.W_k, x));
      expect(Array.from(rowOf(seq.V.data, t, 2))).toEqual(Wx(p.W_v, x));
      expect(Array.from(rowOf(seq.oPre!.data, t, 2))).toEqual(Wx(p.W_o, x).map((v, r) => v + p.b_o[r]));
      expect(seq.iPre[t]).toBe(dot(Array.from(p.w_i), x) + p.b_i);
      expect(seq.fPre[t]).toBe(dot(Array.from(p.w_f), x) + p.b_f);
    });
    expect(() => mlstmProject(p, matrix(2, 4))).toThrow(/3 columns/);
    // The projected sequence runs through both forms alike.
    close(mlstmParallel(seq).data, mlstmRecurrent(seq).H.data, 1e-10);
  });
});

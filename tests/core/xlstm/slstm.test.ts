import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  initSlstm,
  slstmForward,
  slstmInitialState,
  slstmStep,
  slstmTrace,
  type SlstmParams,
  type SlstmState,
} from '../../../src/core/slstm';
import { fromRows, matrix, toRows, type Matrix } from '../../../src/core/tensor';
import { makeRand, naiveSlstm, randMat, sig } from './oracles';

function randomInput(seed: number, T: number, I: number, scale = 1): Matrix {
  return fromRows(randMat(makeRand(seed), T, I, -scale, scale));
}

function closeRel(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const err = Math.abs(actual[i] - expected[i]);
    if (!(err <= tol * Math.max(1, Math.abs(expected[i])))) {
      throw new Error(`entry ${i}: ${actual[i]} vs ${expected[i]} (error ${err})`);
    }
  }
}

const shapes = fc.record({
  I: fc.integer({ min: 1, max: 4 }),
  headSize: fc.integer({ min: 1, max: 3 }),
  heads: fc.integer({ min: 1, max: 3 }),
  T: fc.integer({ min: 1, max: 8 }),
  seed: fc.integer({ min: 0, max: 1_000_000 }),
});

describe('initSlstm', () => {
  it('draws W (4H×I), R (4H×H), b (4H) deterministically from the seed', () => {
    const a = initSlstm(3, 4, 2, 7, 'torch');
    const b = initSlstm(3, 4, 2, 7, 'torch');
    expect([a.W.rows, a.W.cols, a.R.rows, a.R.cols, a.b.length]).toEqual([16, 3, 16, 4, 16]);
    expect(Array.from(a.W.data)).toEqual(Array.from(b.W.data));
    expect(Array.from(a.R.data)).toEqual(Array.from(b.R.data));
    expect(Array.from(a.b)).toEqual(Array.from(b.b));
    expect(Array.from(initSlstm(3, 4, 2, 8, 'torch').W.data)).not.toEqual(Array.from(a.W.data));
    expect(a.forget).toBe('sigmoid');
    expect(initSlstm(3, 4, 2, 7, 'torch', 'exp').forget).toBe('exp');
  });

  it('torch style stays inside ±1/√H, hand style draws integers −2..2', () => {
    const t = initSlstm(5, 9, 3, 1, 'torch');
    for (const v of [...t.W.data, ...t.R.data, ...t.b]) expect(Math.abs(v)).toBeLessThanOrEqual(1 / 3);
    const h = initSlstm(5, 9, 3, 1, 'hand');
    const values = new Set([...h.W.data, ...h.R.data, ...h.b]);
    for (const v of values) expect([-2, -1, 0, 1, 2]).toContain(v);
    expect(values.size).toBe(5);
  });

  it('zeroes R outside the head blocks of every gate: heads = 1 is dense, heads = H is diagonal', () => {
    const H = 6;
    const dense = initSlstm(2, H, 1, 3, 'torch');
    expect(dense.R.data.every((v) => v !== 0)).toBe(true);
    const diag = initSlstm(2, H, H, 3, 'torch');
    for (let r = 0; r < 4 * H; r++)
      for (let c = 0; c < H; c++) expect(diag.R.data[r * H + c] !== 0).toBe(r % H === c);
    const three = initSlstm(2, H, 3, 3, 'torch');
    for (let r = 0; r < 4 * H; r++)
      for (let c = 0; c < H; c++) {
        const inBlock = Math.floor((r % H) / 2) === Math.floor(c / 2);
        expect(three.R.data[r * H + c] !== 0).toBe(inBlock);
        // The masked matrix is the dense draw with off-block entries removed.
        if (inBlock) expect(three.R.data[r * H + c]).toBe(dense.R.data[r * H + c]);
      }
    expect(Array.from(three.W.data)).toEqual(Array.from(dense.W.data));
    expect(Array.from(three.b)).toEqual(Array.from(dense.b));
  });

  it('rejects a hidden size that the heads do not divide', () => {
    expect(() => initSlstm(2, 5, 2, 0, 'torch')).toThrow(/multiple of numHeads/);
    expect(() => initSlstm(0, 4, 2, 0, 'torch')).toThrow(/inputSize/);
  });
});

describe('slstm by hand', () => {
  it('matches a two-step, one-unit case worked out with literal arithmetic', () => {
    // W = [1, 2, 0.5, −1], R = [0.5, −1, 1, 2], b = [0, 1, 0, 0.5] for rows i, f, z, o.
    const p: SlstmParams = {
      inputSize: 1,
      hiddenSize: 1,
      numHeads: 1,
      forget: 'sigmoid',
      W: fromRows([[1], [2], [0.5], [-1]]),
      R: fromRows([[0.5], [-1], [1], [2]]),
      b: Float64Array.from([0, 1, 0, 0.5]),
    };
    const tr = slstmTrace(p, fromRows([[1], [-1]]));
    const v = (name: string, t: number) => tr.tensors[name][t][0];

    // Step 1, x = 1, h0 = 0: ĩ = 1, f̃ = 2 + 1 = 3, z̃ = 0.5, õ = −1 + 0.5 = −0.5.
    // m_1 = ĩ_1 = 1, so i′ = e^0 = 1, f′ = 0; c = tanh(0.5), n = 1.
    const h1 = sig(-0.5) * Math.tanh(0.5);
    expect([v('pre_i', 0), v('pre_f', 0), v('pre_z', 0), v('pre_o', 0)]).toEqual([1, 3, 0.5, -0.5]);
    expect(v('m', 0)).toBe(1);
    expect(v('i_stab', 0)).toBe(1);
    expect(v('f_stab', 0)).toBe(0);
    expect(v('n', 0)).toBe(1);
    expect(v('c', 0)).toBeCloseTo(0.46211715726000974, 15);
    expect(v('h', 0)).toBeCloseTo(h1, 15);
    expect(h1).toBeCloseTo(0.17446802061504182, 15);

    // Step 2, x = −1, h1 ≈ 0.1745: ĩ = −1 + 0.5·h1, f̃ = −2 − h1 + 1, z̃ = −0.5 + h1, õ = 1 + 2·h1 + 0.5.
    const iPre = -1 + 0.5 * h1;
    const fPre = -2 - h1 + 1;
    const zPre = -0.5 + h1;
    const oPre = 1 + 2 * h1 + 0.5;
    const logF = Math.log(sig(fPre)); // ≈ −1.4437
    const m2 = Math.max(logF + 1, iPre); // log f + m_1 ≈ −0.4437 beats ĩ ≈ −0.9128
    const iStab = Math.exp(iPre - m2);
    const fStab = Math.exp(logF + 1 - m2); // = 1: the forget path set m_2
    const c2 = fStab * Math.tanh(0.5) + iStab * Math.tanh(zPre);
    const n2 = fStab * 1 + iStab;
    const h2 = (sig(oPre) * c2) / n2;
    expect(v('pre_i', 1)).toBeCloseTo(iPre, 14);
    expect(v('pre_f', 1)).toBeCloseTo(fPre, 14);
    expect(v('pre_z', 1)).toBeCloseTo(zPre, 14);
    expect(v('pre_o', 1)).toBeCloseTo(oPre, 14);
    expect(v('log_f', 1)).toBeCloseTo(logF, 14);
    expect(v('m', 1)).toBeCloseTo(m2, 14);
    expect(v('f_stab', 1)).toBeCloseTo(1, 14);
    expect(v('i_stab', 1)).toBeCloseTo(iStab, 14);
    expect(v('c', 1)).toBeCloseTo(c2, 14);
    expect(v('n', 1)).toBeCloseTo(n2, 14);
    expect(v('h', 1)).toBeCloseTo(h2, 14);
    // The same numbers, computed independently to 17 digits.
    expect(v('m', 1)).toBeCloseTo(-0.4437187562963836, 13);
    expect(v('i_stab', 1)).toBeCloseTo(0.6255980333387419, 13);
    expect(v('c', 1)).toBeCloseTo(0.26536634645305657, 13);
    expect(v('h', 1)).toBeCloseTo(0.14104168732381753, 13);
  });
});

describe('slstm forms agree', () => {
  it('step by step equals the sequence, and the trace records the same h, c, n, m', () => {
    fc.assert(
      fc.property(
        shapes,
        fc.constantFrom('sigmoid' as const, 'exp' as const),
        ({ I, headSize, heads, T, seed }, forget) => {
          const H = headSize * heads;
          const p = initSlstm(I, H, heads, seed, 'torch', forget);
          const X = randomInput(seed + 1, T, I, 2);
          const { output, state } = slstmForward(p, X);
          const tr = slstmTrace(p, X);
          let s: SlstmState = slstmInitialState(H);
          for (let t = 0; t < T; t++) {
            const before = Float64Array.from(s.h);
            const next = slstmStep(p, X.data.subarray(t * I, (t + 1) * I), s);
            expect(Array.from(s.h)).toEqual(Array.from(before)); // the step leaves its input alone
            s = next;
            expect(Array.from(s.h)).toEqual(Array.from(output.data.subarray(t * H, (t + 1) * H)));
            expect(Array.from(tr.tensors.h[t])).toEqual(Array.from(s.h));
            expect(Array.from(tr.tensors.c[t])).toEqual(Array.from(s.c));
            expect(Array.from(tr.tensors.n[t])).toEqual(Array.from(s.n));
            expect(Array.from(tr.tensors.m[t])).toEqual(Array.from(s.m));
          }
          for (const k of ['h', 'c', 'n', 'm'] as const)
            expect(Array.from(state[k])).toEqual(Array.from(s[k]));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a sequence split in two and resumed from the state equals the whole run', () => {
    const p = initSlstm(3, 4, 2, 11, 'torch');
    const X = randomInput(5, 9, 3, 2);
    const whole = slstmForward(p, X);
    const first = slstmForward(p, fromRows(toRows(X).slice(0, 4)));
    const m0 = Array.from(first.state.m);
    const second = slstmForward(p, fromRows(toRows(X).slice(4)), first.state);
    expect(Array.from(first.state.m)).toEqual(m0);
    expect(Array.from(second.output.data)).toEqual(Array.from(whole.output.data.subarray(4 * 4)));
  });

  it('the trace holds every contract name with consistent values', () => {
    const p = initSlstm(2, 4, 2, 4, 'torch', 'exp');
    const X = randomInput(8, 5, 2, 2);
    const tr = slstmTrace(p, X);
    const names = [
      'x',
      'h_prev',
      'pre_i',
      'pre_f',
      'pre_z',
      'pre_o',
      'log_f',
      'm',
      'i_stab',
      'f_stab',
      'z',
      'o',
      'c',
      'n',
      'h',
    ];
    expect(Object.keys(tr.tensors).sort()).toEqual([...names].sort());
    expect(tr.steps).toBe(5);
    for (let t = 0; t < 5; t++) {
      for (let u = 0; u < 4; u++) {
        const g = (name: string) => tr.tensors[name][t][u];
        expect(g('log_f')).toBe(g('pre_f')); // exp forget: log f = f̃
        expect(g('z')).toBeCloseTo(Math.tanh(g('pre_z')), 15);
        expect(g('o')).toBeCloseTo(sig(g('pre_o')), 15);
        expect(g('h')).toBeCloseTo((g('o') * g('c')) / g('n'), 15);
        // One of the two stabilised gates is exactly 1 (the branch that set m), neither exceeds it.
        expect(Math.max(g('i_stab'), g('f_stab'))).toBeCloseTo(1, 15);
        expect(g('n')).toBeGreaterThanOrEqual(1 - 1e-15);
        if (t > 0) expect(tr.tensors.h_prev[t][u]).toBe(tr.tensors.h[t - 1][u]);
      }
    }
    expect(Array.from(tr.tensors.m[0])).toEqual(Array.from(tr.tensors.pre_i[0]));
    expect(Array.from(tr.tensors.f_stab[0])).toEqual([0, 0, 0, 0]);
    expect(Array.from(tr.tensors.h_prev[0])).toEqual([0, 0, 0, 0]);
  });
});

describe('slstm stabilised vs unstabilised', () => {
  for (const forget of ['sigmoid', 'exp'] as const) {
    it(`equals the naive exp-gate model on small inputs (${forget} forget, 1e-12 relative)`, () => {
      fc.assert(
        fc.property(shapes, ({ I, headSize, heads, T, seed }) => {
          const H = headSize * heads;
          const p = initSlstm(I, H, heads, seed, 'torch', forget);
          const X = randomInput(seed + 2, T, I, 1.5);
          const expected = naiveSlstm(toRows(p.W), toRows(p.R), Array.from(p.b), forget, toRows(X));
          closeRel(slstmForward(p, X).output.data, expected.flat(), 1e-12);
        }),
        { numRuns: 80 },
      );
    });
  }
});

describe('slstm block-diagonal recurrence', () => {
  it("a unit's h depends only on its own head's previous h", () => {
    fc.assert(
      fc.property(
        shapes,
        fc.nat(),
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        fc.boolean(),
        ({ I, headSize, heads, seed }, pick, size, up) => {
          const H = headSize * heads;
          const p = initSlstm(I, H, heads, seed, 'torch');
          const x1 = randomInput(seed + 3, 1, I).data;
          const x2 = randomInput(seed + 4, 1, I).data;
          const s1 = slstmStep(p, x1, slstmInitialState(H));
          const head = pick % heads;
          const h = Float64Array.from(s1.h);
          for (let u = head * headSize; u < (head + 1) * headSize; u++) h[u] += up ? size : -size;
          const a = slstmStep(p, x2, s1);
          const b = slstmStep(p, x2, { ...s1, h });
          for (let u = 0; u < H; u++) {
            if (Math.floor(u / headSize) !== head) {
              expect(b.h[u]).toBe(a.h[u]);
              expect(b.c[u]).toBe(a.c[u]);
            }
          }
          // With torch init R's in-block entries are nonzero, so the perturbed head does react.
          let changed = false;
          for (let u = head * headSize; u < (head + 1) * headSize; u++) changed ||= b.h[u] !== a.h[u];
          expect(changed).toBe(true);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('with heads = H each unit is its own scalar recurrence', () => {
    const H = 3;
    const full = initSlstm(2, H, H, 21, 'torch');
    const X = randomInput(9, 6, 2, 2);
    const out = slstmForward(full, X).output;
    for (let u = 0; u < H; u++) {
      // Rebuild unit u as a 1-unit cell from its rows of W, b and its diagonal entries of R.
      const rows = [0, 1, 2, 3].map((g) => g * H + u);
      const single: SlstmParams = {
        inputSize: 2,
        hiddenSize: 1,
        numHeads: 1,
        forget: 'sigmoid',
        W: fromRows(rows.map((r) => Array.from(full.W.data.subarray(r * 2, r * 2 + 2)))),
        R: fromRows(rows.map((r) => [full.R.data[r * H + u]])),
        b: Float64Array.from(rows.map((r) => full.b[r])),
      };
      const one = slstmForward(single, X).output;
      for (let t = 0; t < 6; t++) expect(one.data[t]).toBe(out.data[t * H + u]);
    }
  });
});

describe('slstm at extreme pre-activations', () => {
  const extremes = fc.constantFrom(-1000, 1000);

  it('gate pre-activations of ±1000 give finite h, c, n, m (both forget modes)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(extremes, extremes, extremes, extremes), { minLength: 1, maxLength: 12 }),
        fc.constantFrom('sigmoid' as const, 'exp' as const),
        (steps, forget) => {
          // One unit, W = identity on a 4-wide input: the input row is the pre-activation.
          const p: SlstmParams = {
            inputSize: 4,
            hiddenSize: 1,
            numHeads: 1,
            forget,
            W: fromRows([
              [1, 0, 0, 0],
              [0, 1, 0, 0],
              [0, 0, 1, 0],
              [0, 0, 0, 1],
            ]),
            R: matrix(4, 1),
            b: new Float64Array(4),
          };
          const tr = slstmTrace(p, fromRows(steps));
          for (const list of Object.values(tr.tensors))
            for (const v of list) for (const x of v) expect(Number.isFinite(x)).toBe(true);
          for (let t = 0; t < steps.length; t++) expect(Math.abs(tr.tensors.h[t][0])).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reaches the right limits: ĩ = 1000, f̃ = −1000 forgets everything; ĩ = −1000, f̃ = 1000 keeps c/n', () => {
    const p = initSlstm(3, 4, 2, 5, 'torch');
    const bias = (i: number, f: number) => ({
      ...p,
      b: Float64Array.from(p.b.map((v, r) => (r < 4 ? i : r < 8 ? f : v))),
    });
    const X = randomInput(6, 5, 3, 1);
    const reset = slstmTrace(bias(1000, -1000), X);
    for (let t = 0; t < 5; t++)
      for (let u = 0; u < 4; u++)
        expect(reset.tensors.h[t][u]).toBeCloseTo(reset.tensors.o[t][u] * reset.tensors.z[t][u], 14);
    // After a first normal step, an input gate of −1000 adds nothing: c/n stays at tanh(z̃_1).
    const first = slstmStep(p, X.data.subarray(0, 3), slstmInitialState(4));
    const keep = slstmTrace(bias(-1000, 1000), fromRows(toRows(X).slice(1)), first);
    for (let t = 0; t < 4; t++)
      for (let u = 0; u < 4; u++)
        expect(keep.tensors.c[t][u] / keep.tensors.n[t][u]).toBeCloseTo(first.c[u] / first.n[u], 14);
  });
});

/**
 * The forward and backward passes must allocate nothing per time step (docs/ARCHITECTURE.md:
 * hot loops reuse their buffers). We count every Float64Array the code creates — through the constructor,
 * `subarray`, `slice`, `map` or `from` — during a forward pass of T and of 4·T steps: a
 * per-step allocation shows up as a count that grows with T.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { initGru, gruForward } from '../../src/core/gru';
import { initLstm, lstmForward } from '../../src/core/lstm';
import { initRnn, rnnForward } from '../../src/core/rnn';
import { initSlstm, slstmForward } from '../../src/core/slstm';
import { mlstmRecurrent } from '../../src/core/mlstm';
import { selectiveScan } from '../../src/core/mamba-scan';
import { initMamba, mambaBlockForward } from '../../src/core/mamba-block';
import { matrix, type Matrix } from '../../src/core/tensor';
import { rnnBackward } from '../../src/core/rnn-backward';
import { lstmBackward } from '../../src/core/lstm-backward';
import { gruBackward } from '../../src/core/gru-backward';

const Original = globalThis.Float64Array;
const proto = Original.prototype;
const originals = { subarray: proto.subarray, slice: proto.slice, map: proto.map };
let count = 0;

function startCounting(): void {
  count = 0;
  const Counting: Float64ArrayConstructor = new Proxy(Original, {
    construct(target, args, newTarget): object {
      count++;
      return Reflect.construct(target, args, newTarget === Counting ? target : newTarget);
    },
    get(target, key, receiver) {
      if (key === 'from' || key === 'of') {
        return (...args: unknown[]) => {
          count++;
          return (target[key] as (...a: unknown[]) => Float64Array).apply(target, args);
        };
      }
      return Reflect.get(target, key, receiver);
    },
  });
  globalThis.Float64Array = Counting;
  for (const name of ['subarray', 'slice', 'map'] as const) {
    const original = originals[name] as (...a: unknown[]) => Float64Array;
    Object.defineProperty(proto, name, {
      configurable: true,
      writable: true,
      value(this: Float64Array, ...args: unknown[]) {
        count++;
        return original.apply(this, args);
      },
    });
  }
}

function stopCounting(): void {
  globalThis.Float64Array = Original;
  for (const name of ['subarray', 'slice', 'map'] as const) {
    Object.defineProperty(proto, name, { configurable: true, writable: true, value: originals[name] });
  }
}

afterEach(stopCounting);

function seq(T: number, cols: number, scale = 0.5): Matrix {
  const m = matrix(T, cols);
  for (let i = 0; i < m.data.length; i++) m.data[i] = scale * Math.sin(1.7 * i + 0.3);
  return m;
}

/** Arrays created by `run(T)` while counting. */
function allocations(run: (T: number) => unknown, T: number): number {
  run(T); // warm-up outside the count: lazy module state, JIT
  startCounting();
  try {
    run(T);
    return count;
  } finally {
    stopCounting();
  }
}

const cases: Record<string, (T: number) => unknown> = {
  rnnForward: (() => {
    const p = initRnn(3, 4, 1, 'torch');
    return (T: number) => rnnForward(p, seq(T, 3));
  })(),
  lstmForward: (() => {
    const p = initLstm(3, 4, 1, 'torch');
    return (T: number) => lstmForward(p, seq(T, 3));
  })(),
  gruForward: (() => {
    const p = initGru(3, 4, 1, 'torch');
    return (T: number) => gruForward(p, seq(T, 3));
  })(),
  slstmForward: (() => {
    const p = initSlstm(3, 4, 2, 1, 'torch');
    return (T: number) => slstmForward(p, seq(T, 3));
  })(),
  mlstmRecurrent: (T: number) =>
    mlstmRecurrent({
      Q: seq(T, 3),
      K: seq(T, 3, 0.4),
      V: seq(T, 2, 0.3),
      iPre: seq(1, T, 0.2).data,
      fPre: seq(1, T, 0.7).data,
    }),
  selectiveScan: (T: number) =>
    selectiveScan({
      u: seq(T, 3),
      delta: matrix(T, 3, new Array(3 * T).fill(0.5)),
      A: matrix(3, 2, [-1, -2, -1, -2, -1, -2]),
      B: seq(T, 2),
      C: seq(T, 2, 0.3),
      D: Original.from([1, 1, 1]),
      method: 'zoh',
    }),
  rnnBackward: (() => {
    const p = initRnn(3, 4, 1, 'torch');
    const head = { W_hy: seq(2, 4), b_y: Original.from([0.1, -0.2]) };
    return (T: number) => rnnBackward(p, head, seq(T, 3), seq(T, 2, 0.7));
  })(),
  lstmBackward: (() => {
    const p = initLstm(3, 4, 1, 'torch');
    const head = { W_hy: seq(2, 4), b_y: Original.from([0.1, -0.2]) };
    return (T: number) => lstmBackward(p, head, seq(T, 3), seq(T, 2, 0.7));
  })(),
  gruBackward: (() => {
    const p = initGru(3, 4, 1, 'torch');
    const head = { W_hy: seq(2, 4), b_y: Original.from([0.1, -0.2]) };
    return (T: number) => gruBackward(p, head, seq(T, 3), seq(T, 2, 0.7));
  })(),
  mambaBlockForward: (() => {
    const p = initMamba({ dModel: 2, dState: 2 }, 1, 'torch');
    return (T: number) => mambaBlockForward(p, seq(T, 2), 'zoh');
  })(),
};

describe('forward and backward passes allocate nothing per time step', () => {
  for (const [name, run] of Object.entries(cases)) {
    it(name, () => {
      // Inputs are built inside `run`, a fixed number of arrays each; what may grow
      // with T is only a per-step allocation in the loop.
      const short = allocations(run, 8);
      const long = allocations(run, 32);
      expect(short).toBeGreaterThan(0); // the counter sees this code's arrays at all
      expect(long).toBe(short);
    });
  }
});

/**
 * Selection: Δ̃, Δ, B and C computed from the tokens, against the equations written out
 * with plain numbers, and the effect the scan sheet teaches (a large b_Δ gives Ā ≈ 0).
 */
import { describe, expect, it } from 'vitest';
import { selectFromInput, selectionTrace } from '../../../src/core/mamba-selection';
import { fromRows } from '../../../src/core/tensor';

const params = {
  wDelta: Float64Array.of(0.5, -1),
  dtBias: Float64Array.of(1, -2),
  W_B: fromRows([
    [1, 2],
    [0, -1],
  ]),
  W_C: fromRows([
    [-2, 1],
    [1, 1],
  ]),
};

describe('Mamba selection from the input', () => {
  it('two tokens by hand', () => {
    const u = fromRows([
      [2, 1],
      [-1, 3],
    ]);
    const s = selectFromInput(u, params);
    // δ = 0.5·2 − 1·1 = 0, then 0.5·(−1) − 3 = −3.5.
    expect(Array.from(s.dtLow.data)).toEqual([0, -3.5]);
    expect(Array.from(s.dtPre.data)).toEqual([1, -2, -2.5, -5.5]);
    expect(s.delta.data[0]).toBeCloseTo(Math.log(1 + Math.E), 14);
    expect(s.delta.data[3]).toBeCloseTo(Math.log(1 + Math.exp(-5.5)), 14);
    expect(Array.from(s.B.data)).toEqual([4, -1, 5, -3]);
    expect(Array.from(s.C.data)).toEqual([-3, 3, 5, 2]);
    const tr = selectionTrace(s);
    expect(Array.from(tr.tensors.dt_pre[1])).toEqual([-2.5, -5.5]);
    expect(Array.from(tr.tensors.C[1])).toEqual([5, 2]);
  });

  it('refuses weights whose sizes do not fit the channels', () => {
    const u = fromRows([[1, 2, 3]]);
    expect(() => selectFromInput(u, params)).toThrow(/w_Δ must have 3 values/);
    expect(() => selectFromInput(fromRows([[1, 2]]), { ...params, W_C: fromRows([[1, 2]]) })).toThrow(
      /W_C must be 2×2/,
    );
  });
});

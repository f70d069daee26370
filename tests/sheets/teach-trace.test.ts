/**
 * The trace entries the sheets show to teach, derived from the core's own values: the
 * hand-over's size is the largest |value| of each named tensor, step by step.
 */
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../src/core/trace';
import { withLargestMagnitude } from '../../src/sheets/teach-trace';

const trace: Trace = {
  steps: 2,
  tensors: {
    h: [Float64Array.from([0.25, -0.75]), Float64Array.from([0.5, 0.125])],
    c: [Float64Array.from([-2, 1.5])],
  },
  shapes: { h: [2], c: [2] },
};

describe('withLargestMagnitude', () => {
  it('entry k of each step is the largest |value| of tensor k, over the steps all tensors have', () => {
    const out = withLargestMagnitude(trace, ['h', 'c'], 'size');
    expect(out.tensors.size.map((v) => [...v])).toEqual([[0.75, 2]]);
    expect(out.shapes.size).toEqual([2]);
    // The tensors it read are left as they were.
    expect(out.tensors.h).toBe(trace.tensors.h);
    expect(withLargestMagnitude(trace, ['h'], 'hSize').tensors.hSize.map((v) => [...v])).toEqual([
      [0.75],
      [0.5],
    ]);
  });

  it('names a tensor the trace lacks', () => {
    expect(() => withLargestMagnitude(trace, ['h', 'n'], 'size')).toThrow(/no n/);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawGru, gruForward, type GruParams } from '../../../src/core/gru';
import { drawLstm, lstmForward, type LstmParams } from '../../../src/core/lstm';
import { createRng } from '../../../src/core/random';
import { drawRnn, rnnForward, type RnnParams } from '../../../src/core/rnn';
import { initStack, stackForward, type CellKind, type StackParams } from '../../../src/core/stack';
import { fromRows, matrix } from '../../../src/core/tensor';
import {
  maxDiff,
  nested,
  refCellOf,
  refGru,
  refLstm,
  refRnn,
  testSequence,
  testValues,
  type Mat,
} from './reference';

const configs = fc.record({
  kind: fc.constantFrom<CellKind>('rnn', 'lstm', 'gru'),
  I: fc.integer({ min: 1, max: 5 }),
  H: fc.integer({ min: 1, max: 5 }),
  T: fc.integer({ min: 1, max: 7 }),
  L: fc.integer({ min: 1, max: 3 }),
  bidirectional: fc.boolean(),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  style: fc.constantFrom('torch' as const, 'hand' as const),
});

/**
 * A stack computed from the reference cells alone: reverse the list for the backward
 * cell, reverse its outputs back, concatenate per time step, feed the next layer.
 */
function refStack(p: StackParams, xs: Mat, h0: Mat, c0: Mat): { out: Mat; hN: Mat; cN: Mat } {
  const D = p.bidirectional ? 2 : 1;
  let input = xs;
  const hN: Mat = [];
  const cN: Mat = [];
  for (let l = 0; l < p.numLayers; l++) {
    const perDir: Mat[] = [];
    for (let d = 0; d < D; d++) {
      const k = l * D + d;
      const seq = d === 1 ? [...input].reverse() : input;
      const cell = refCellOf(p.layers[l][d]);
      let hs: Mat;
      if (p.kind === 'lstm') {
        const r = refLstm(cell, seq, h0[k], c0[k]);
        hs = r.hs;
        cN.push(r.cs[r.cs.length - 1]);
      } else if (p.kind === 'gru') hs = refGru(cell, seq, h0[k]);
      else hs = refRnn(cell, seq, h0[k], p.nonlinearity ?? 'tanh');
      hN.push(hs[hs.length - 1]);
      perDir.push(d === 1 ? [...hs].reverse() : hs);
    }
    input = input.map((_, t) => perDir.flatMap((hs) => hs[t]));
  }
  return { out: input, hN, cN };
}

describe('stackForward', () => {
  it('equals the reference composition for every kind, depth and direction', () => {
    fc.assert(
      fc.property(configs, ({ kind, I, H, T, L, bidirectional, seed, style }) => {
        const p = initStack(kind, I, H, L, bidirectional, seed, style);
        const D = bidirectional ? 2 : 1;
        const xs = testSequence(seed, T, I, 2);
        const h0 = Array.from({ length: L * D }, (_, k) => testValues(seed + 10 + k, H));
        const c0 = Array.from({ length: L * D }, (_, k) => testValues(seed + 50 + k, H));
        const res = stackForward(p, fromRows(xs), fromRows(h0), kind === 'lstm' ? fromRows(c0) : undefined);
        const ref = refStack(p, xs, h0, c0);
        expect([res.output.rows, res.output.cols, res.hN.rows, res.hN.cols]).toEqual([T, D * H, L * D, H]);
        expect(maxDiff(nested(res.output), ref.out)).toBeLessThan(1e-12);
        expect(maxDiff(nested(res.hN), ref.hN)).toBeLessThan(1e-12);
        if (kind === 'lstm') expect(maxDiff(nested(res.cN!), ref.cN)).toBeLessThan(1e-12);
        else expect(res.cN).toBeUndefined();
      }),
      { numRuns: 60 },
    );
  });

  it('bidirectional = the forward pass and the time-realigned pass over the reversed input, side by side', () => {
    const I = 3;
    const H = 2;
    const T = 5;
    const p = initStack('lstm', I, H, 1, true, 31, 'torch');
    const xs = testSequence(2, T, I);
    const { output, hN } = stackForward(p, fromRows(xs));
    const fwd = lstmForward(p.layers[0][0] as LstmParams, fromRows(xs));
    const bwd = lstmForward(p.layers[0][1] as LstmParams, fromRows([...xs].reverse()));
    for (let t = 0; t < T; t++) {
      const expected = [
        ...fwd.output.data.subarray(t * H, (t + 1) * H),
        ...bwd.output.data.subarray((T - 1 - t) * H, (T - t) * H),
      ];
      expect(Array.from(output.data.subarray(t * 2 * H, (t + 1) * 2 * H))).toEqual(expected);
    }
    // h_n[1] is where the backward cell ends: at t = 0, the left half of output row 0's right block.
    expect(Array.from(hN.data.subarray(0, H))).toEqual(Array.from(fwd.hN));
    expect(Array.from(hN.data.subarray(H))).toEqual(Array.from(output.data.subarray(H, 2 * H)));
  });

  it('a one-layer unidirectional stack equals the plain cell', () => {
    const X = fromRows(testSequence(4, 6, 3));
    const rnn = initStack('rnn', 3, 4, 1, false, 5, 'torch', 'relu');
    expect(stackForward(rnn, X).output).toEqual(rnnForward(rnn.layers[0][0] as RnnParams, X).output);
    const gru = initStack('gru', 3, 4, 1, false, 5, 'torch');
    expect(stackForward(gru, X).output).toEqual(gruForward(gru.layers[0][0] as GruParams, X).output);
  });

  it('layer 2 of a stack reads layer 1’s output', () => {
    const X = fromRows(testSequence(6, 4, 2));
    const p = initStack('gru', 2, 3, 2, false, 7, 'torch');
    const first = gruForward(p.layers[0][0] as GruParams, X).output;
    expect(stackForward(p, X).output).toEqual(gruForward(p.layers[1][0] as GruParams, first).output);
  });

  it('rejects a wrongly sized input or initial state, and c0 for a non-LSTM', () => {
    const p = initStack('rnn', 2, 3, 2, true, 1, 'torch');
    expect(() => stackForward(p, matrix(4, 3))).toThrow(/X must have 2 columns/);
    expect(() => stackForward(p, matrix(4, 2), matrix(2, 3))).toThrow(/h0 must be 4×3.*got 2×3/);
    expect(() => stackForward(p, matrix(4, 2), undefined, matrix(4, 3))).toThrow(
      /c0 applies to an LSTM only/,
    );
  });
});

describe('initStack', () => {
  it('draws l0, l0_reverse, l1, l1_reverse from one stream, with layer 1 reading D·H inputs', () => {
    const rng = createRng(99);
    const expected = [
      drawLstm(rng, 3, 2, 'torch'),
      drawLstm(rng, 3, 2, 'torch'),
      drawLstm(rng, 4, 2, 'torch'),
      drawLstm(rng, 4, 2, 'torch'),
    ];
    const p = initStack('lstm', 3, 2, 2, true, 99, 'torch');
    expect(p.layers.flat()).toEqual(expected);
    const g = createRng(3);
    expect(initStack('gru', 2, 2, 2, false, 3, 'hand').layers.flat()).toEqual([
      drawGru(g, 2, 2, 'hand'),
      drawGru(g, 2, 2, 'hand'),
    ]);
    const r = createRng(4);
    const rnn = initStack('rnn', 2, 3, 1, true, 4, 'torch', 'relu');
    expect(rnn.layers[0]).toEqual([drawRnn(r, 2, 3, 'torch', 'relu'), drawRnn(r, 2, 3, 'torch', 'relu')]);
    expect(rnn.nonlinearity).toBe('relu');
  });

  it('rejects a layer count below one', () => {
    expect(() => initStack('rnn', 2, 2, 0, false, 1, 'torch')).toThrow(/numLayers/);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initLstm, lstmForward, type LstmParams } from '../../../src/core/lstm';
import { initStack, stackForward, type CellKind } from '../../../src/core/stack';
import { stackFromStateDict, stackToStateDict } from '../../../src/core/state-dict';
import { ShapeError } from '../../../src/core/state-dict-tensor';
import { fromRows } from '../../../src/core/tensor';
import { testSequence } from './reference';

describe('stackToStateDict / stackFromStateDict', () => {
  it('round-trips through JSON: same parameters, same outputs, sizes inferred from the tensors', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<CellKind>('rnn', 'lstm', 'gru'),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 1e6 }),
        (kind, I, H, L, bidirectional, seed) => {
          const p = initStack(
            kind,
            I,
            H,
            L,
            bidirectional,
            seed,
            'torch',
            kind === 'rnn' ? 'relu' : undefined,
          );
          const json = JSON.parse(JSON.stringify(stackToStateDict(p)));
          const q = stackFromStateDict(kind, json, { nonlinearity: 'relu' });
          expect(q).toEqual(p);
          const X = fromRows(testSequence(seed, 3, I));
          expect(stackForward(q, X).output).toEqual(stackForward(p, X).output);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('lists tensors in PyTorch state_dict order with PyTorch shapes', () => {
    const dict = stackToStateDict(initStack('gru', 3, 2, 2, true, 1, 'torch'));
    const names = ['l0', 'l0_reverse', 'l1', 'l1_reverse'].flatMap((s) =>
      ['weight_ih', 'weight_hh', 'bias_ih', 'bias_hh'].map((b) => `${b}_${s}`),
    );
    expect(Object.keys(dict)).toEqual(names);
    const shape = (v: number[] | number[][]) => (Array.isArray(v[0]) ? [v.length, v[0].length] : [v.length]);
    expect(shape(dict.weight_ih_l0)).toEqual([6, 3]);
    expect(shape(dict.weight_ih_l1_reverse)).toEqual([6, 4]);
    expect(shape(dict.weight_hh_l1)).toEqual([6, 2]);
    expect(shape(dict.bias_hh_l0_reverse)).toEqual([6]);
  });

  it('carries peephole weights under weight_ci/cf/co names', () => {
    const cell = initLstm(2, 3, 5, 'torch', { peephole: true });
    const p = {
      kind: 'lstm' as const,
      inputSize: 2,
      hiddenSize: 3,
      numLayers: 1,
      bidirectional: false,
      layers: [[cell]],
    };
    const dict = stackToStateDict(p);
    expect(Object.keys(dict)).toEqual([
      'weight_ih_l0',
      'weight_hh_l0',
      'bias_ih_l0',
      'bias_hh_l0',
      'weight_ci_l0',
      'weight_cf_l0',
      'weight_co_l0',
    ]);
    const back = stackFromStateDict('lstm', JSON.parse(JSON.stringify(dict)));
    expect(back.layers[0][0]).toEqual(cell);
    const X = fromRows(testSequence(1, 4, 2));
    expect(lstmForward(back.layers[0][0] as LstmParams, X).output).toEqual(lstmForward(cell, X).output);
  });

  it('loads a hand-written dict exactly as PyTorch lays it out', () => {
    const dict = {
      weight_ih_l0: [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      weight_hh_l0: [[7], [8], [9]],
      bias_ih_l0: [0.1, 0.2, 0.3],
      bias_hh_l0: [0.4, 0.5, 0.6],
    };
    const p = stackFromStateDict('gru', dict);
    expect([p.inputSize, p.hiddenSize, p.numLayers, p.bidirectional]).toEqual([2, 1, 1, false]);
    const cell = p.layers[0][0];
    expect(Array.from(cell.W_ih.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(cell.W_hh.data)).toEqual([7, 8, 9]);
    expect(Array.from(cell.b_hh)).toEqual([0.4, 0.5, 0.6]);
  });

  it('reads a dict without biases (bias=False) as zero biases', () => {
    const p = stackFromStateDict('rnn', {
      weight_ih_l0: [[1], [2]],
      weight_hh_l0: [
        [0, 1],
        [1, 0],
      ],
    });
    expect(Array.from(p.layers[0][0].b_ih)).toEqual([0, 0]);
    expect(Array.from(p.layers[0][0].b_hh)).toEqual([0, 0]);
    expect(p.nonlinearity).toBe('tanh');
  });
});

describe('stackFromStateDict errors', () => {
  const good = () =>
    stackToStateDict(initStack('lstm', 3, 2, 2, true, 1, 'torch')) as Record<string, unknown>;

  it('names the tensor and both shapes when a shape is wrong', () => {
    for (const [name, bad, expected, got] of [
      ['weight_ih_l0', [[1, 2, 3]], '(8, 3)', '(1, 3)'],
      ['weight_hh_l1_reverse', Array.from({ length: 8 }, () => [0, 0, 0]), '(8, 2)', '(8, 3)'],
      ['bias_ih_l1', [1, 2, 3], '(8)', '(3)'],
      ['weight_ih_l1', Array.from({ length: 8 }, () => [0, 0]), '(8, 4)', '(8, 2)'],
    ] as const) {
      const dict = { ...good(), [name]: bad };
      let error: unknown;
      try {
        stackFromStateDict('lstm', dict);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ShapeError);
      expect((error as Error).message).toBe(`${name} must have shape ${expected}; got ${got}`);
    }
  });

  it('infers H from weight_hh_l0 and checks its gate rows', () => {
    const dict = { ...good(), weight_hh_l0: Array.from({ length: 6 }, () => [0, 0]) };
    expect(() => stackFromStateDict('lstm', dict)).toThrow('weight_hh_l0 must have shape (8, 2); got (6, 2)');
    expect(() => stackFromStateDict('gru', { weight_hh_l0: [1, 2, 3] })).toThrow(
      'weight_hh_l0 must have shape (3·H, H) for a GRU; got (3)',
    );
    expect(() => stackFromStateDict('rnn', {})).toThrow(/weight_hh_l0 .* got nothing \(missing\)/);
  });

  it('reports a missing tensor, a missing bias partner, ragged arrays and tensors of another architecture', () => {
    const missing = good();
    delete missing.weight_hh_l1;
    expect(() => stackFromStateDict('lstm', missing)).toThrow(
      'weight_hh_l1 must have shape (8, 2); got nothing (missing)',
    );
    const halfBias = good();
    delete halfBias.bias_hh_l0_reverse;
    expect(() => stackFromStateDict('lstm', halfBias)).toThrow(
      'bias_hh_l0_reverse must have shape (8); got nothing (missing)',
    );
    const ragged = {
      ...good(),
      weight_ih_l0: [
        [1, 2, 3],
        [1, 2],
      ],
    };
    expect(() => stackFromStateDict('lstm', ragged)).toThrow(
      'weight_ih_l0 must have shape (4·H, I) for an LSTM; got a ragged array',
    );
    expect(() => stackFromStateDict('lstm', { ...good(), weight_hr_l0: [[1, 2]] })).toThrow(
      /unexpected tensor weight_hr_l0/,
    );
    // An LSTM dict read as a GRU fails on its first tensor, naming the GRU's expected rows.
    expect(() => stackFromStateDict('gru', good())).toThrow(
      'weight_hh_l0 must have shape (6, 2); got (8, 2)',
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { initMamba, mambaBlockForward } from '../../../src/core/mamba-block';
import { mambaFromStateDict, mambaToStateDict } from '../../../src/core/mamba-state-dict';
import { ShapeError } from '../../../src/core/state-dict-tensor';
import { mat } from './arbitraries';

const NAMES = [
  'A_log',
  'D',
  'in_proj.weight',
  'conv1d.weight',
  'conv1d.bias',
  'x_proj.weight',
  'dt_proj.weight',
  'dt_proj.bias',
  'out_proj.weight',
];

/** A small dict written out by hand: d_model 1, d_inner 2, N 1, dt_rank 1, d_conv 2. */
function handDict(): Record<string, unknown> {
  return {
    'in_proj.weight': [[1], [2], [3], [4]],
    'conv1d.weight': [[[0.5, 1]], [[-1, 2]]],
    'conv1d.bias': [0.1, 0.2],
    'x_proj.weight': [
      [1, 0],
      [0, 1],
      [1, 1],
    ],
    'dt_proj.weight': [[1], [-1]],
    'dt_proj.bias': [0, 0.5],
    A_log: [[0], [Math.LN2]],
    D: [1, 1],
    'out_proj.weight': [[1, -1]],
  };
}

describe('Mamba state dict', () => {
  it('uses mamba_ssm names and PyTorch shapes, conv1d.weight as (d_inner, 1, d_conv)', () => {
    const p = initMamba({ dModel: 3, dState: 2 }, 7, 'torch');
    const dict = mambaToStateDict(p);
    expect(Object.keys(dict).sort()).toEqual([...NAMES].sort());
    expect((dict['conv1d.weight'] as number[][][]).length).toBe(6);
    expect((dict['conv1d.weight'] as number[][][])[0]).toEqual([Array.from(p.conv_w.data.slice(0, 4))]);
    expect((dict['in_proj.weight'] as number[][]).length).toBe(12);
    expect((dict['x_proj.weight'] as number[][])[0].length).toBe(6);
  });

  it('reads the hand-written dict into the layout the block uses', () => {
    const p = mambaFromStateDict(handDict());
    expect([p.dModel, p.dInner, p.dState, p.dtRank, p.dConv]).toEqual([1, 2, 1, 1, 2]);
    expect(Array.from(p.conv_w.data)).toEqual([0.5, 1, -1, 2]);
    expect(Array.from(p.x_proj.data)).toEqual([1, 0, 0, 1, 1, 1]);
    expect(Array.from(p.A_log.data)).toEqual([0, Math.LN2]);
    // The 2-D export of the same depthwise kernel means the same thing.
    const flat = {
      ...handDict(),
      'conv1d.weight': [
        [0.5, 1],
        [-1, 2],
      ],
    };
    expect(mambaFromStateDict(flat)).toEqual(p);
  });

  it('round-trips through JSON for random sizes, seeds and styles, and the block output is unchanged', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
        fc.integer(),
        fc.constantFrom('torch' as const, 'hand' as const),
        (dModel, dState, dConv, seed, style) => {
          const p = initMamba({ dModel, dState, dConv }, seed, style);
          const back = mambaFromStateDict(JSON.parse(JSON.stringify(mambaToStateDict(p))));
          expect(back).toEqual(p);
          const X = mat(
            3,
            dModel,
            Array.from({ length: 3 * dModel }, (_, i) => Math.cos(i)),
          );
          expect(mambaBlockForward(back, X, 'euler').data).toEqual(mambaBlockForward(p, X, 'euler').data);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('a wrong shape names the tensor and both shapes', () => {
    const cases: [string, unknown, RegExp][] = [
      [
        'x_proj.weight',
        [
          [1, 0],
          [0, 1],
        ],
        /^x_proj\.weight must have shape \(3, 2\); got \(2, 2\)$/,
      ],
      ['out_proj.weight', [[1, -1, 0]], /^out_proj\.weight must have shape \(1, 2\); got \(1, 3\)$/],
      ['D', [1, 1, 1], /^D must have shape \(2\); got \(3\)$/],
      ['A_log', [[0], [1], [2]], /^A_log must have shape \(2, 1\); got \(3, 1\)$/],
      [
        'conv1d.weight',
        [
          [
            [0.5, 1],
            [0, 0],
          ],
          [
            [-1, 2],
            [0, 0],
          ],
        ],
        /^conv1d\.weight must have shape \(2, 1, 2\); got \(2, 2, 2\)$/,
      ],
      ['conv1d.bias', undefined, /^conv1d\.bias must have shape \(2\); got nothing \(missing\)$/],
      ['dt_proj.bias', [0, NaN], /^dt_proj\.bias must have shape \(2\); got a non-finite number$/],
      [
        'in_proj.weight',
        [[1], [2], [3]],
        /^in_proj\.weight must have shape \(2·d_inner, d_model\) with an even row count; got \(3, 1\)$/,
      ],
      ['in_proj.weight', [1, 2, 3, 4], /^in_proj\.weight must have shape \(2·d_inner, d_model\); got \(4\)$/],
      ['dt_proj.weight', 'oops', /^dt_proj\.weight must have shape \(d_inner, dt_rank\); got a string$/],
    ];
    for (const [name, value, message] of cases) {
      const dict = { ...handDict(), [name]: value };
      let caught: unknown;
      try {
        mambaFromStateDict(dict);
      } catch (e) {
        caught = e;
      }
      expect(caught, name).toBeInstanceOf(ShapeError);
      expect((caught as ShapeError).tensor).toBe(name);
      expect((caught as Error).message).toMatch(message);
    }
  });

  it('refuses projection biases the block does not have instead of dropping them', () => {
    expect(() => mambaFromStateDict({ ...handDict(), 'in_proj.bias': [0, 0, 0, 0] })).toThrow(
      'in_proj.bias is not supported',
    );
  });
});

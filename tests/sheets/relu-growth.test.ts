/**
 * A ReLU stack with small-integer weights can grow h past what a sheet adds exactly (a
 * bidirectional 2-layer stack of 3 units reached 1e17 by step 24, where the sheet and the
 * core then disagreed in the units digit). The spec refuses those sizes and says why; the
 * test checks the refusal against the sheet itself, built without the check: every
 * refused sheet really holds an |h| above the limit, every accepted one stays below it,
 * and the largest accepted sheets still equal the core in a formula engine.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { HyperFormula } from 'hyperformula';
import type { RecurrentConfig } from '../../src/sheets/model-spec';
import { coreResults } from '../../src/sheets/results';
import { rnnModel, rnnSpec } from '../../src/sheets/rnn-sheet';
import { buildUnchecked, RELU_GROWTH_LIMIT } from '../../src/sheets/recurrent-spec';
import { compareWithCore, loadPlan } from './evaluate';

const open: HyperFormula[] = [];
afterEach(() => open.splice(0).forEach((hf) => hf.destroy()));

/** The largest |h| any step of any layer shows on the sheet (the core's value of each h cell). */
function largestH(config: RecurrentConfig): number {
  const plan = buildUnchecked(rnnModel, config);
  const value = coreResults(plan);
  let largest = 0;
  for (const cell of plan.cells) {
    const name = cell.meaning?.trace?.name ?? '';
    if (!/(^|\.)h$/.test(name)) continue;
    largest = Math.max(largest, Math.abs(Number(value(cell))));
  }
  return largest;
}

const base = { ...rnnSpec.defaults, init: 'hand' } as RecurrentConfig;
const CASES: RecurrentConfig[] = [];
for (const variant of ['relu', 'bidirectional-relu'] as const)
  for (const [inputSize, hiddenSize, numLayers] of [
    [1, 3, 2],
    [2, 2, 1],
    [4, 4, 3],
  ])
    for (const steps of [8, 24, 32])
      for (const seed of [1, 2])
        CASES.push({ ...base, variant, inputSize, hiddenSize, numLayers, steps, seed } as RecurrentConfig);

describe('ReLU with small-integer weights: sizes whose h outgrows exact sums are refused', () => {
  it('a refused sheet holds an |h| above the limit, an accepted one none', () => {
    let refused = 0;
    for (const config of CASES) {
      const problems = rnnSpec.validate(config);
      const largest = largestH(config);
      if (problems.length > 0) {
        refused++;
        expect(problems).toHaveLength(1);
        expect(largest, JSON.stringify(config)).toBeGreaterThan(RELU_GROWTH_LIMIT);
        expect(problems[0]).toContain(largest.toExponential(1).toUpperCase());
      } else {
        expect(largest, JSON.stringify(config)).toBeLessThanOrEqual(RELU_GROWTH_LIMIT);
      }
    }
    // Both outcomes occur among the cases, so neither branch is vacuous.
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThan(CASES.length);
  });

  it('the case that disagreed with the core is refused, in both languages, naming the step', () => {
    const config = {
      ...base,
      variant: 'bidirectional-relu',
      inputSize: 1,
      hiddenSize: 3,
      numLayers: 2,
      steps: 24,
      seed: 2,
    } as RecurrentConfig;
    const en = rnnSpec.validate(config);
    const zh = rnnSpec.validate({ ...config, language: 'zh' });
    expect(en[0]).toMatch(/grows h past 1E\+9 at step \d+, and to \d\.\dE\+\d+ by the end/);
    expect(zh[0]).toMatch(/h 在第 \d+ 步超过 1E\+9，最后达到 \d\.\dE\+\d+/);
    expect(() => rnnSpec.build(config)).toThrow();
  });

  it('PyTorch-style weights, tanh and the defaults are never refused for growth', () => {
    expect(rnnSpec.validate({ ...base, variant: 'relu' })).toEqual([]);
    const big = { ...base, inputSize: 16, hiddenSize: 16, steps: 32, numLayers: 3 };
    expect(rnnSpec.validate({ ...big, variant: 'relu', init: 'torch' })).toEqual([]);
    expect(rnnSpec.validate({ ...big, variant: 'tanh' })).toEqual([]);
    expect(rnnSpec.validate({ ...big, variant: 'bidirectional' })).toEqual([]);
  });

  it('the largest accepted ReLU sheets still equal the core in a formula engine', () => {
    const accepted = CASES.filter((c) => rnnSpec.validate(c).length === 0)
      .map((c) => ({ c, largest: largestH(c) }))
      .sort((a, b) => b.largest - a.largest)
      .slice(0, 3);
    expect(accepted.length).toBeGreaterThan(0);
    for (const { c } of accepted) {
      const plan = rnnSpec.build(c);
      const hf = loadPlan(plan);
      open.push(hf);
      expect(compareWithCore(hf, plan, rnnSpec).failures.slice(0, 3), JSON.stringify(c)).toEqual([]);
    }
  });
});

/**
 * Checks shared by the RNN, LSTM and GRU sheet tests. Besides the trace comparison of
 * the harness, the last layer's h cells, as the formula engine computes them, must equal
 * the core's stackForward output: a path that never goes through the sheet's own
 * per-layer evaluate code; so must a bidirectional sheet's joined output row [h→ₜ ; h←ₜ].
 */
import { expect } from 'vitest';
import fc from 'fast-check';
import { stackForward, type CellKind } from '../../src/core/stack';
import { matrix } from '../../src/core/tensor';
import type { ModelSpec, RecurrentConfig, VariantId } from '../../src/sheets/model-spec';
import type { SheetPlan } from '../../src/sheets/plan';
import { paramsFromPlan } from '../../src/sheets/params';
import { stackParams, type StackShape } from '../../src/sheets/recurrent-sheet';
import { loadPlan } from './evaluate';
import { expectSheetPasses } from './sheet-checks';

/** Builds the sheet; it must pass the shared checks and its last layer match stackForward. */
export function expectSheetMatchesStack(spec: ModelSpec, kind: CellKind, config: RecurrentConfig): void {
  finalOutputMatchesStack(kind, config, expectSheetPasses(spec, config));
}

/** Small random configs of one recurrent model: sizes, seed, init style, variant, layers and language. */
export function recurrentConfigs(
  base: RecurrentConfig,
  variants: readonly VariantId[],
  maxHidden = 3,
): fc.Arbitrary<RecurrentConfig> {
  return fc
    .record({
      inputSize: fc.integer({ min: 1, max: 4 }),
      hiddenSize: fc.integer({ min: 1, max: maxHidden }),
      steps: fc.integer({ min: 1, max: 4 }),
      seed: fc.integer({ min: 0, max: 10_000 }),
      init: fc.constantFrom('torch' as const, 'hand' as const),
      variant: fc.constantFrom(...variants),
      numLayers: fc.integer({ min: 1, max: 2 }),
      language: fc.constantFrom('en' as const, 'zh' as const),
    })
    .map((over) => ({ ...base, ...over }));
}

export function shapeOfConfig(kind: CellKind, config: RecurrentConfig): StackShape {
  const v = config.variant ?? '';
  return {
    numLayers: config.numLayers ?? 1,
    bidirectional: v.startsWith('bidirectional'),
    nonlinearity: kind === 'rnn' ? (v.endsWith('relu') ? 'relu' : 'tanh') : undefined,
    peephole: v === 'peephole',
  };
}

export function finalOutputMatchesStack(kind: CellKind, config: RecurrentConfig, plan: SheetPlan): void {
  const shape = shapeOfConfig(kind, config);
  const p = stackParams(kind, config, shape);
  const T = config.steps;
  const H = config.hiddenSize;
  const D = shape.bidirectional ? 2 : 1;
  const X = matrix(T, config.inputSize, paramsFromPlan(plan).x);
  const out = stackForward(p, X).output;
  const hf = loadPlan(plan);
  const last = shape.numLayers - 1;
  const plain = shape.numLayers === 1 && !shape.bidirectional;
  let seen = 0;
  let joined = 0;
  for (const cell of plan.cells) {
    const tr = cell.meaning?.trace;
    if (!tr) continue;
    if (tr.name === 'out') {
      // A bidirectional stack's joined output [h→ₜ ; h←ₜ]: entry flat of stackForward's row t.
      const v = hf.getCellValue({ sheet: 0, row: cell.row, col: cell.col }) as number;
      const expected = out.data[tr.step * D * H + tr.flat];
      expect(Math.abs(v - expected)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(expected)));
      joined++;
    }
    for (let d = 0; d < D; d++) {
      const name = plain ? 'h' : `l${last}${d === 1 ? 'r' : ''}.h`;
      if (tr.name !== name) continue;
      const v = hf.getCellValue({ sheet: 0, row: cell.row, col: cell.col }) as number;
      const expected = out.data[tr.step * D * H + d * H + tr.flat];
      expect(Math.abs(v - expected)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(expected)));
      seen++;
    }
  }
  hf.destroy();
  expect(seen).toBe(T * H * D);
  expect(joined).toBe(shape.bidirectional ? T * H * D : 0);
}

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { initMamba, mambaBlockForward, type MambaParams } from '../../src/core/mamba-block';
import { mambaToStateDict } from '../../src/core/mamba-state-dict';
import { matrix } from '../../src/core/tensor';
import { mambaBlockSpec } from '../../src/sheets/mamba-block-sheet';
import { withReadableSteps } from '../../src/sheets/mamba-readable-step';
import { mambaScanSpec } from '../../src/sheets/mamba-scan-sheet';
import type { MambaBlockConfig, ModelConfig, StateDictJson } from '../../src/sheets/model-spec';
import { paramsFromPlan } from '../../src/sheets/params';
import { a1, type SheetPlan } from '../../src/sheets/plan';
import { DECIMAL_FORMAT } from '../../src/sheets/style';
import { runHarness } from './evaluate';
import { expectEngineSteps, expectHarnessPasses, expectNativeFormulas } from './sheet-checks';

const block = mambaBlockSpec.defaults;
const scan = mambaScanSpec.defaults;

/** What PyTorch would paste: the tensors as plain nested arrays, via JSON like the pane reads them. */
function exported(p: MambaParams, prefix = ''): StateDictJson {
  const dict = JSON.parse(JSON.stringify(mambaToStateDict(p))) as StateDictJson;
  return Object.fromEntries(Object.entries(dict).map(([k, v]) => [prefix + k, v]));
}

/** The weights a seeded sheet starts from (torch style moves dt_bias to readable step sizes). */
function seeded(config: MambaBlockConfig): MambaParams {
  const p = initMamba(
    { dModel: config.dModel, dInner: config.dInner, dState: config.stateSize },
    config.seed,
    config.init,
  );
  return config.init === 'torch' ? withReadableSteps(p) : p;
}

/** Every cell's formula, and every parameter cell's value, by address. */
function formulasAndParams(plan: SheetPlan): Map<string, string | number> {
  const out = new Map<string, string | number>();
  for (const c of plan.cells) {
    if (c.formula !== undefined) out.set(a1(c.row, c.col), c.formula);
    else if (c.meaning?.param) out.set(a1(c.row, c.col), Number(c.value));
  }
  return out;
}

/** The engine's out_t cells against the core's forward pass on the given weights. */
function expectOutMatchesForward(plan: SheetPlan, p: MambaParams, config: ModelConfig): void {
  const X = matrix(config.steps, p.dModel, paramsFromPlan(plan).x);
  const out = mambaBlockForward(p, X, config.variant === 'euler' ? 'euler' : 'zoh');
  expectEngineSteps(plan, 'out', config.steps, (t) => out.data.subarray(t * p.dModel, (t + 1) * p.dModel));
}

describe('Mamba block sheet from a state_dict', () => {
  it('the exported seeded weights give the seeded sheet: same formulas, same weights, harness passes', () => {
    fc.assert(
      fc.property(
        fc.record({
          inputSize: fc.integer({ min: 1, max: 4 }),
          hiddenSize: fc.integer({ min: 1, max: 6 }),
          stateSize: fc.integer({ min: 1, max: 3 }),
          steps: fc.integer({ min: 1, max: 5 }),
          seed: fc.integer({ min: 0, max: 10_000 }),
          init: fc.constantFrom('torch' as const, 'hand' as const),
          variant: fc.constantFrom('zoh', 'euler'),
        }),
        (over) => {
          const config: ModelConfig = { ...block, ...over };
          const fromSeed = mambaBlockSpec.build(config);
          const fromDict = mambaBlockSpec.build({ ...config, stateDict: exported(seeded(config)) });
          expect(formulasAndParams(fromDict)).toEqual(formulasAndParams(fromSeed));
          expectHarnessPasses(runHarness(fromDict, mambaBlockSpec));
        },
      ),
      { numRuns: 8 },
    );
  });

  it('says on the sheet that the weights were loaded, and shows them as decimals', () => {
    const plan = mambaBlockSpec.build({
      ...block,
      init: 'hand',
      stateDict: exported(seeded({ ...block, init: 'hand' })),
    });
    expect(plan.cells.some((c) => c.value === 'loaded state_dict')).toBe(true);
    const w = plan.cells.find((c) => c.meaning?.param?.name === 'in_proj')!;
    expect(w.numberFormat).toBe(DECIMAL_FORMAT);
  });

  it('strips a checkpoint layer prefix shared by every key', () => {
    const p = seeded(block);
    const plain = mambaBlockSpec.build({ ...block, stateDict: exported(p) });
    const prefixed = { ...block, stateDict: exported(p, 'backbone.layers.3.mixer.') };
    expect(mambaBlockSpec.validate(prefixed)).toEqual([]);
    expect(formulasAndParams(mambaBlockSpec.build(prefixed))).toEqual(formulasAndParams(plain));
  });

  it('refuses several layers, tensors outside the layer, and tensors it does not use, by name', () => {
    const p = seeded(block);
    const two = { ...exported(p, 'layers.0.mixer.'), ...exported(p, 'layers.1.mixer.') };
    expect(mambaBlockSpec.validate({ ...block, stateDict: two }).join(' ')).toMatch(
      /several layers \(layers\.0\.mixer\., layers\.1\.mixer\.\)/,
    );
    const withNorm = { ...exported(p, 'layers.0.mixer.'), 'layers.0.norm.weight': [1, 1] };
    expect(mambaBlockSpec.validate({ ...block, stateDict: withNorm }).join(' ')).toMatch(
      /layers\.0\.norm\.weight is not under layers\.0\.mixer\./,
    );
    const extra = { ...exported(p), 'norm.weight': [1, 1] };
    expect(mambaBlockSpec.validate({ ...block, stateDict: extra }).join(' ')).toMatch(
      /norm\.weight: not a tensor the Mamba block sheet uses/,
    );
  });

  it('takes dt_rank and d_conv from the tensors, and recomputes from the sheet with them', () => {
    const config: ModelConfig = { ...block, dModel: 2, dInner: 3, stateSize: 2, steps: 5 };
    const p = initMamba({ dModel: 2, dInner: 3, dState: 2, dtRank: 2, dConv: 3 }, 11, 'torch');
    const dict = exported(p);
    // A 2-D conv1d.weight (d_inner, d_conv) holds the same numbers as PyTorch's (d_inner, 1, d_conv).
    dict['conv1d.weight'] = (dict['conv1d.weight'] as number[][][]).map((r) => r[0]);
    const withDict = { ...config, stateDict: dict };
    expect(mambaBlockSpec.validate(withDict)).toEqual([]);
    const plan = mambaBlockSpec.build(withDict);
    expect(paramsFromPlan(plan).dt_proj_w).toHaveLength(3 * 2);
    expect(paramsFromPlan(plan).conv_w).toHaveLength(3 * 3);
    expect(plan.cells.some((c) => c.value === 'conv1d w[0…2]')).toBe(true);
    expectHarnessPasses(runHarness(plan, mambaBlockSpec));
    expectNativeFormulas(plan);
    expectOutMatchesForward(plan, p, config);
  });

  it('a tensor of the wrong shape is named with both shapes', () => {
    const dict = exported(seeded(block));
    // Defaults: d_model 2, d_inner 4, N 2, dt_rank 1, so x_proj is (1 + 2·2) × 4.
    dict['x_proj.weight'] = (dict['x_proj.weight'] as number[][]).slice(1);
    const problems = mambaBlockSpec.validate({ ...block, stateDict: dict });
    expect(problems).toEqual(['state_dict: x_proj.weight must have shape (5, 4); got (4, 4)']);
    expect(() => mambaBlockSpec.build({ ...block, stateDict: dict })).toThrow(
      /x_proj\.weight must have shape \(5, 4\); got \(4, 4\)/,
    );
    const short = exported(seeded(block));
    short.D = [1, 2, 3];
    expect(mambaBlockSpec.validate({ ...block, stateDict: short })).toEqual([
      'state_dict: D must have shape (4); got (3)',
    ]);
  });

  it('sizes that differ from the form, or that no readable sheet holds, name the tensor and its shape', () => {
    const small = exported(initMamba({ dModel: 2, dInner: 3, dState: 2 }, 1, 'torch'));
    expect(mambaBlockSpec.validate({ ...block, stateDict: small })).toEqual([
      'state_dict in_proj.weight has shape (6, 2), so d_inner = 3, but the sheet asks for 4',
    ]);
    const wide = exported(initMamba({ dModel: 2, dInner: 16, dState: 2 }, 1, 'torch'));
    expect(mambaBlockSpec.validate({ ...block, dInner: 8, stateDict: wide })).toEqual([
      'state_dict in_proj.weight has shape (32, 2), so d_inner = 16: more than a readable sheet shows (at most 8)',
    ]);
    const rank = exported(initMamba({ dModel: 2, dInner: 4, dState: 2, dtRank: 6, dConv: 8 }, 1, 'torch'));
    expect(mambaBlockSpec.validate({ ...block, stateDict: rank })).toEqual([
      'state_dict dt_proj.weight has shape (4, 6), so dt_rank = 6: more than a readable sheet shows (at most 4)',
      'state_dict conv1d.weight has shape (4, 1, 8), so d_conv = 8: more than a readable sheet shows (at most 4)',
    ]);
    expect(mambaBlockSpec.validate({ ...block, language: 'zh', stateDict: small }).join(' ')).toMatch(
      /in_proj\.weight 形状为 \(6, 2\)，即 d_inner = 3，但配置为 4/,
    );
  });
});

describe('Mamba scan sheet from a state_dict', () => {
  const D = scan.channels;
  const N = scan.stateSize;

  it("mamba_ssm's init as a state_dict gives the default sheet", () => {
    const init = {
      A_log: Array.from({ length: D }, () => Array.from({ length: N }, (_, n) => Math.log(n + 1))),
      D: Array(D).fill(1),
    };
    const fromDict = mambaScanSpec.build({ ...scan, stateDict: init });
    expect(formulasAndParams(fromDict)).toEqual(formulasAndParams(mambaScanSpec.build(scan)));
  });

  it('loads A_log (D × N) and D, also from one layer of a checkpoint, and the sheet evaluates with them', () => {
    const A_log = [
      [0.3, -0.2],
      [1.1, 0.05],
    ];
    const skip = [0.5, -1.25];
    for (const stateDict of [
      { A_log, D: skip },
      { 'layers.2.mixer.A_log': A_log, 'layers.2.mixer.D': skip },
    ]) {
      const config: ModelConfig = { ...scan, stateDict };
      expect(mambaScanSpec.validate(config)).toEqual([]);
      const plan = mambaScanSpec.build(config);
      const params = paramsFromPlan(plan);
      expect(Array.from(params.A_log)).toEqual(A_log.flat());
      expect(Array.from(params.D)).toEqual(skip);
      expectHarnessPasses(runHarness(plan, mambaScanSpec));
    }
  });

  it('names the tensor and both shapes when they do not fit, and refuses the block tensors it does not show', () => {
    const A_log = [
      [0, 0.7],
      [0, 0.7],
    ];
    expect(mambaScanSpec.validate({ ...scan, stateDict: { A_log, D: [1, 1, 1] } })).toEqual([
      'state_dict: D must have shape (2); got (3)',
    ]);
    expect(mambaScanSpec.validate({ ...scan, stateDict: { A_log: [[0, 0.7, 1]], D: [1, 1] } })).toEqual([
      'state_dict A_log has shape (1, 3), so channels D = 1, but the sheet asks for 2',
      'state_dict A_log has shape (1, 3), so N = 3, but the sheet asks for 2',
    ]);
    expect(mambaScanSpec.validate({ ...scan, stateDict: { D: [1, 1] } })).toEqual([
      'state_dict: A_log must have shape (2, 2); got nothing (missing)',
    ]);
    const block = exported(seeded(mambaBlockSpec.defaults));
    expect(mambaScanSpec.validate({ ...scan, stateDict: block }).join(' ')).toMatch(
      /in_proj\.weight, .*not a tensor the Mamba scan sheet uses \(it reads A_log, D\)/,
    );
  });
});

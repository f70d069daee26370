/**
 * The LSTM encoder–decoder sheet: every formula against the core (HyperFormula, before and
 * after edits), the decoder's states against one LSTM run over X then Y_in when the
 * decoder has the encoder's weights, the hand-over as the only path from source to
 * decoder, and pasted state_dicts with encoder./decoder./fc. or out. prefixes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lstmForward } from '../../src/core/lstm';
import { initLstmSeq2seq, type LstmSeq2seqParams } from '../../src/core/lstm-seq2seq';
import { stackToStateDict } from '../../src/core/state-dict';
import { matrix } from '../../src/core/tensor';
import { lstmSeq2seqSpec } from '../../src/sheets/lstm-seq2seq-sheet';
import type { ModelConfig, StateDictJson } from '../../src/sheets/model-spec';
import { paramsFromPlan } from '../../src/sheets/params';
import { a1, type PlanCell, type SheetPlan } from '../../src/sheets/plan';
import { loadPlan } from './evaluate';
import { expectEngineSteps, expectSheetPasses, tensorAt } from './sheet-checks';

const base = lstmSeq2seqSpec.defaults;

/** A PyTorch module's state_dict: encoder and decoder nn.LSTM, and a Linear head under `head`. */
function moduleDict(p: LstmSeq2seqParams, head = 'fc'): StateDictJson {
  const lstm = (prefix: string, cell: LstmSeq2seqParams['encoder']) =>
    Object.fromEntries(
      Object.entries(
        stackToStateDict({
          kind: 'lstm',
          inputSize: cell.inputSize,
          hiddenSize: cell.hiddenSize,
          numLayers: 1,
          bidirectional: false,
          layers: [[cell]],
        }),
      ).map(([k, v]) => [`${prefix}.${k}`, v]),
    );
  const rows = Array.from({ length: p.W_hy.rows }, (_, r) =>
    Array.from(p.W_hy.data.slice(r * p.W_hy.cols, (r + 1) * p.W_hy.cols)),
  );
  return {
    ...lstm('encoder', p.encoder),
    ...lstm('decoder', p.decoder),
    [`${head}.weight`]: rows,
    [`${head}.bias`]: Array.from(p.b_y),
  };
}

function cellOf(plan: SheetPlan, trace: string, step: number, flat = 0): PlanCell {
  const c = plan.cells.find(
    (x) => x.meaning?.trace?.name === trace && x.meaning.trace.step === step && x.meaning.trace.flat === flat,
  );
  if (!c) throw new Error(`no ${trace}[${step}][${flat}]`);
  return c;
}

describe('LSTM encoder–decoder sheet', () => {
  it('every formula equals the core trace, before and after editing an input and a weight, in both variants', () => {
    for (const variant of ['teacher-forcing', 'feed-back'])
      expectSheetPasses(lstmSeq2seqSpec, { ...base, variant });
  });

  it('random sizes, lengths, seeds, init styles, variants and languages evaluate to the core trace', () => {
    fc.assert(
      fc.property(
        fc.record({
          inputSize: fc.integer({ min: 1, max: 4 }),
          hiddenSize: fc.integer({ min: 1, max: 4 }),
          outputSize: fc.integer({ min: 1, max: 4 }),
          steps: fc.integer({ min: 1, max: 5 }),
          targetSteps: fc.integer({ min: 1, max: 5 }),
          seed: fc.integer({ min: 0, max: 10_000 }),
          init: fc.constantFrom('torch' as const, 'hand' as const),
          variant: fc.constantFrom('teacher-forcing', 'feed-back'),
          language: fc.constantFrom('en' as const, 'zh' as const),
        }),
        (over) => {
          expectSheetPasses(lstmSeq2seqSpec, { ...base, ...over });
        },
      ),
      { numRuns: 10 },
    );
  });

  it('with the decoder holding the encoder’s weights (O = I), the decoder continues one LSTM run over X then Y_in', () => {
    const p0 = initLstmSeq2seq(3, 2, 3, 8, 'torch');
    const config: ModelConfig = {
      ...base,
      inputSize: 3,
      hiddenSize: 2,
      outputSize: 3,
      steps: 4,
      targetSteps: 3,
      init: 'torch',
      stateDict: moduleDict({ ...p0, decoder: p0.encoder }),
    };
    const plan = expectSheetPasses(lstmSeq2seqSpec, config);
    const params = paramsFromPlan(plan);
    const XY = matrix(7, 3, Float64Array.from([...params.x, ...params.y_in]));
    const whole = lstmForward(p0.encoder, XY);
    const row = (m: typeof whole.output, t: number) => m.data.slice(t * 2, t * 2 + 2);
    expectEngineSteps(plan, 'dec_h', 3, (t) => row(whole.output, 4 + t));
    expectEngineSteps(plan, 'dec_c', 3, (t) => row(whole.cells, 4 + t));
    expectEngineSteps(plan, 'handover_h', 1, () => row(whole.output, 3));
  });

  it('the hand-over is its own step: it copies the encoder’s last (h, c), and the decoder starts from it', () => {
    const config: ModelConfig = { ...base, steps: 4, hiddenSize: 3 };
    const plan = lstmSeq2seqSpec.build(config);
    for (const state of ['h', 'c'])
      for (let r = 0; r < 3; r++) {
        const hand = cellOf(plan, `handover_${state}`, 0, r);
        const last = cellOf(plan, `enc_${state}`, 3, r);
        expect(hand.formula).toBe(`=${a1(last.row, last.col)}`);
        expect(cellOf(plan, `dec_${state}_prev`, 0, r).formula).toBe(`=${a1(hand.row, hand.col)}`);
      }
    const texts = plan.cells.map((c) => String(c.value ?? '')).join('\n');
    expect(texts).toMatch(/Hand-over/);
    const zh = lstmSeq2seqSpec.build({ ...config, language: 'zh' });
    expect(zh.cells.map((c) => String(c.value ?? '')).join('\n')).toMatch(/交接/);
  });

  it('the source reaches the decoder: editing x₁ changes ŷ at every decoder step', () => {
    const plan = lstmSeq2seqSpec.build({ ...base, init: 'torch' });
    const hf = loadPlan(plan);
    const before = [0, 1, 2].map((t) => tensorAt(hf, plan, 'y_hat', t));
    const x = plan.cells.find((c) => c.meaning?.param?.name === 'x' && c.meaning.param.flat === 0)!;
    hf.setCellContents({ sheet: 0, row: x.row, col: x.col }, Number(x.value) + 1);
    for (let t = 0; t < 3; t++) expect(tensorAt(hf, plan, 'y_hat', t).get(0)).not.toBe(before[t].get(0));
    hf.destroy();
  });

  it('loads a state_dict with fc. or out. for the head, and names what does not fit', () => {
    const p = initLstmSeq2seq(2, 3, 2, 5, 'torch');
    const sized: ModelConfig = { ...base, inputSize: 2, hiddenSize: 3, outputSize: 2, init: 'torch' };
    for (const head of ['fc', 'out']) {
      const plan = expectSheetPasses(lstmSeq2seqSpec, { ...sized, stateDict: moduleDict(p, head) });
      const w = plan.cells.find((c) => c.meaning?.param?.name === 'dec_W_hh' && c.meaning.param.flat === 5);
      expect(w?.value).toBe(p.decoder.W_hh.data[5]);
      const wy = plan.cells.find((c) => c.meaning?.param?.name === 'W_hy' && c.meaning.param.flat === 4);
      expect(wy?.value).toBe(p.W_hy.data[4]);
    }
    const dict = moduleDict(p);
    const problems = (over: Partial<ModelConfig>) =>
      lstmSeq2seqSpec.validate({ ...sized, ...over }).join(' ');
    expect(problems({ stateDict: dict, hiddenSize: 2 })).toMatch(/hidden size H 3 but the sheet asks for 2/);
    expect(problems({ stateDict: dict, outputSize: 3 })).toMatch(/output size O 2 but the sheet asks for 3/);
    expect(problems({ stateDict: { ...dict, 'attn.weight': [[1]] } })).toMatch(
      /unexpected tensor\(s\) attn\.weight/,
    );
    const noHead = Object.fromEntries(Object.entries(dict).filter(([k]) => !k.startsWith('fc.')));
    expect(problems({ stateDict: noHead })).toMatch(/expected fc\.weight \(or out\.weight\)/);
    const noDecoder = Object.fromEntries(Object.entries(dict).filter(([k]) => !k.startsWith('decoder.')));
    expect(problems({ stateDict: noDecoder })).toMatch(/no decoder\.weight_ih_l0/);
    expect(problems({ stateDict: dict, language: 'zh', outputSize: 3 })).toMatch(/输出维度 O/);
  });

  it('refuses sizes beyond its limits with the cell count, in both languages', () => {
    expect(lstmSeq2seqSpec.validate(base)).toEqual([]);
    expect(lstmSeq2seqSpec.validate({ ...base, targetSteps: 9 }).join(' ')).toMatch(
      /target length must be between 1 and 6/,
    );
    expect(lstmSeq2seqSpec.validate({ ...base, outputSize: 9 }).join(' ')).toMatch(/about [\d,]+ cells/);
    expect(lstmSeq2seqSpec.validate({ ...base, language: 'zh', outputSize: 0 }).join(' ')).toMatch(
      /输出维度 O/,
    );
    expect(lstmSeq2seqSpec.validate({ ...base, variant: 'beam' }).join(' ')).toMatch(/unknown variant/);
  });
});

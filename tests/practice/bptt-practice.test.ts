/**
 * Practice on the training sheets' backward cells. "One backward step" blanks the backward
 * band of one time step (∂L/∂hₜ from the output, from the future and their sum, then ∂L/∂zₜ
 * for the RNN; for the LSTM also ∂L/∂cₜ and each gate's two derivatives), "one gradient"
 * one derivative tensor at one step. A learner who types what the walkthrough shows scores
 * full marks, in both languages, and one wrong digit is marked wrong.
 */
import { describe, expect, it } from 'vitest';
import { listBlanks } from '../../src/practice/blanks';
import { checkPractice } from '../../src/practice/checker';
import { createPracticeSheet } from '../../src/practice/create';
import { displayRound } from '../../src/practice/grading';
import type { Difficulty } from '../../src/practice/metadata';
import { difficultiesFor } from '../../src/practice/practice-plan';
import type { Language } from '../../src/sheets/plan';
import { a1 } from '../../src/sheets/plan';
import type { ModelConfig } from '../../src/sheets/model-spec';
import { buildPlan, specFor } from '../../src/sheets/registry';
import { sheetTruth } from './fixtures';
import { FormulaHost } from './formula-host';

const MODELS = ['rnn-bptt', 'lstm-bptt'] as const;
const LANGUAGES: readonly Language[] = ['en', 'zh'];

function configOf(model: (typeof MODELS)[number], language: Language): ModelConfig {
  return { ...specFor(model).defaults, language, hiddenSize: 2, inputSize: 2, steps: 3 } as ModelConfig;
}

/** The trace names and steps of a practice sheet's blanks, read from the walkthrough's meanings. */
async function practise(config: ModelConfig, difficulty: Difficulty, seed: number) {
  const host = new FormulaHost();
  const made = await createPracticeSheet(host, config, difficulty, seed);
  const walkthrough = buildPlan(config);
  const byAddress = new Map(walkthrough.cells.map((c) => [a1(c.row, c.col), c]));
  const traces = made.answers.map((a) => byAddress.get(a)?.meaning?.trace);
  return { host, sheet: made.sheetName, answers: made.answers, walkthrough, traces };
}

/** Types the walkthrough's displayed values (3 decimals) into every blank, then checks. */
async function typeShownAndCheck(p: Awaited<ReturnType<typeof practise>>) {
  const truth = sheetTruth(p.walkthrough, p.answers);
  for (const a of p.answers) p.host.setContent(p.sheet, a, displayRound(truth.get(a) as number, 3));
  const result = await checkPractice(p.host, p.sheet);
  return { result, truth };
}

describe('the difficulties a sheet offers', () => {
  it('training sheets offer one gradient and one backward step beside everything', () => {
    for (const model of MODELS) {
      const offered = difficultiesFor(specFor(model), specFor(model).defaults);
      expect(offered).toEqual(expect.arrayContaining(['everything', 'one-gradient', 'one-backward-step']));
    }
  });

  it('forward-only sheets do not', () => {
    for (const model of ['rnn', 'lstm', 'gru', 'mamba-scan'] as const) {
      const offered = difficultiesFor(specFor(model), specFor(model).defaults);
      expect(offered).not.toContain('one-gradient');
      expect(offered).not.toContain('one-backward-step');
    }
  });
});

describe.each(MODELS)('%s practice on backward cells', (model) => {
  const H = 2;
  const band =
    model === 'rnn-bptt'
      ? ['dh_out', 'dh_future', 'dh', 'da']
      : [
          'dh_out',
          'dh_future',
          'dh',
          'dc_future',
          'dc',
          'd_i',
          'da_i',
          'd_f',
          'da_f',
          'd_g',
          'da_g',
          'd_o',
          'da_o',
        ];

  for (const language of LANGUAGES) {
    it(`one backward step (${language}): the backward band of one step, and the shown values are right`, async () => {
      const seen = new Set<number>();
      for (const seed of [1, 2, 3, 4, 5]) {
        const p = await practise(configOf(model, language), 'one-backward-step', seed);
        const step = p.traces[0]?.step as number;
        seen.add(step);
        expect(p.traces.every((t) => t?.step === step)).toBe(true);
        // Each derivative of the band once per hidden unit j.
        expect(new Set(p.traces.map((t) => `${t?.name}[${t?.flat}]`)).size).toBe(band.length * H);
        expect([...new Set(p.traces.map((t) => t?.name))].sort()).toEqual([...band].sort());
        const { result } = await typeShownAndCheck(p);
        expect(result.score).toBe(`${p.answers.length} / ${p.answers.length}`);
        // The pane's list names each blank at its 1-based step.
        const list = await listBlanks(p.host, p.sheet);
        expect(list.blanks.every((b) => b.step === step + 1)).toBe(true);
        expect(list.filled).toBe(p.answers.length);
      }
      expect(seen.size).toBeGreaterThan(1);
    });

    it(`one gradient (${language}): one derivative tensor at one step, and the shown values are right`, async () => {
      const names = new Set<string>();
      for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
        const p = await practise(configOf(model, language), 'one-gradient', seed);
        const first = p.traces[0];
        expect(specFor(model).derivatives?.gradients).toContain(first?.name);
        expect(p.traces.every((t) => t?.name === first?.name && t?.step === first?.step)).toBe(true);
        // Every entry of that tensor at that step: flat indices 0 … n − 1.
        expect(p.traces.map((t) => t?.flat).sort((a, b) => (a as number) - (b as number))).toEqual(
          p.traces.map((_, i) => i),
        );
        names.add(first?.name as string);
        const { result, truth } = await typeShownAndCheck(p);
        expect(result.score).toBe(`${p.answers.length} / ${p.answers.length}`);
        // One step off in the last shown decimal is wrong.
        const a = p.answers[0];
        p.host.setContent(p.sheet, a, displayRound(truth.get(a) as number, 3) + 0.001);
        expect((await checkPractice(p.host, p.sheet)).verdicts[0].verdict).toBe('wrong');
      }
      expect(names.size).toBeGreaterThan(2);
    });
  }
});

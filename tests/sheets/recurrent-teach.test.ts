/**
 * The teaching parts of the RNN, LSTM, GRU and encoder–decoder sheets, in every variant
 * and both languages: a role line beside every band of every section (on the band's
 * equation line, in the teaching look, different words in English and Chinese), the
 * line that says what step t reads, the papers note, one "What to try" box, and PyTorch's
 * parameter names on a backward or stacked section's weight captions.
 */
import { describe, expect, it } from 'vitest';
import { otherLanguage, t } from '../../src/i18n';
import type { PlainKey } from '../../src/sheets/i18n';
import { gruSpec } from '../../src/sheets/gru-sheet';
import { lstmSeq2seqSpec } from '../../src/sheets/lstm-seq2seq-sheet';
import { lstmSpec } from '../../src/sheets/lstm-sheet';
import type { ModelSpec, Settings } from '../../src/sheets/model-spec';
import { readable } from '../../src/sheets/notation';
import type { SheetPlan } from '../../src/sheets/plan';
import { rnnSpec } from '../../src/sheets/rnn-sheet';

const LSTM_ROLES: PlainKey[] = [
  'sheets.roles.lstm.f',
  'sheets.roles.lstm.i',
  'sheets.roles.lstm.g',
  'sheets.roles.lstm.c',
  'sheets.roles.lstm.o',
  'sheets.roles.lstm.tanhC',
  'sheets.roles.lstm.h',
  'sheets.roles.lstm.keep',
];
const GRU_ROLES: PlainKey[] = [
  'sheets.roles.gru.r',
  'sheets.roles.gru.z',
  'sheets.roles.gru.n',
  'sheets.roles.gru.h',
  'sheets.roles.gru.keep',
];

/** Each sheet: its bands' role keys, by variant, and how many sections carry them. */
function cases(): [string, ModelSpec, Settings, PlainKey[], number][] {
  const out: [string, ModelSpec, Settings, PlainKey[], number][] = [];
  for (const language of ['en', 'zh'] as const) {
    for (const v of rnnSpec.variants) {
      const relu = v.id.endsWith('relu');
      const roles: PlainKey[] = relu
        ? ['sheets.roles.rnn.hRelu', 'sheets.roles.rnn.slopeRelu']
        : ['sheets.roles.rnn.h', 'sheets.roles.rnn.slope'];
      const sections = v.id.startsWith('bidirectional') ? 2 : 1;
      out.push([
        `rnn ${v.id} ${language}`,
        rnnSpec,
        { ...rnnSpec.defaults, variant: v.id, language },
        roles,
        sections,
      ]);
    }
    out.push([
      'rnn 2 layers',
      rnnSpec,
      { ...rnnSpec.defaults, numLayers: 2, language },
      ['sheets.roles.rnn.h'],
      2,
    ]);
    for (const v of lstmSpec.variants) {
      const sections = v.id === 'bidirectional' ? 2 : 1;
      out.push([
        `lstm ${v.id} ${language}`,
        lstmSpec,
        { ...lstmSpec.defaults, variant: v.id, language },
        LSTM_ROLES,
        sections,
      ]);
    }
    out.push([
      `lstm 2 layers ${language}`,
      lstmSpec,
      { ...lstmSpec.defaults, numLayers: 2, language },
      LSTM_ROLES,
      2,
    ]);
    for (const v of gruSpec.variants) {
      const sections = v.id === 'bidirectional' ? 2 : 1;
      out.push([
        `gru ${v.id} ${language}`,
        gruSpec,
        { ...gruSpec.defaults, variant: v.id, language },
        GRU_ROLES,
        sections,
      ]);
    }
    for (const v of lstmSeq2seqSpec.variants)
      out.push([
        `seq2seq ${v.id} ${language}`,
        lstmSeq2seqSpec,
        { ...lstmSeq2seqSpec.defaults, variant: v.id, language },
        LSTM_ROLES,
        2,
      ]);
  }
  return out;
}

function teachTexts(plan: SheetPlan): string[] {
  return plan.cells
    .filter((c) => c.role === 'teach' && typeof c.value === 'string')
    .map((c) => c.value as string);
}

describe('role lines', () => {
  it.each(cases())(
    '%s: every band of every section has its role line, on its equation line',
    (_name, spec, settings, roles, sections) => {
      const plan = spec.build(settings);
      const lang = settings.language;
      for (const key of roles) {
        const text = readable(t(lang, key));
        const cells = plan.cells.filter((c) => c.role === 'teach' && c.value === text);
        expect(cells.length, key).toBe(sections);
        for (const c of cells) {
          // Beside its band: the band's equation sits on the same row, further left.
          const equation = plan.cells.find(
            (e) => e.row === c.row && (e.role === 'equation' || e.role === 'sideEquation'),
          );
          expect(equation && equation.col < c.col, `${key} has no equation beside it`).toBe(true);
        }
        // Words, not a copy of the other language.
        const other = otherLanguage(lang);
        expect(t(other, key)).not.toBe(t(lang, key));
      }
      const stack = readable(t(lang, 'sheets.roles.recurrent.stack'));
      expect(teachTexts(plan).filter((x) => x === stack)).toHaveLength(sections);
    },
  );
});

describe('notes and boxes', () => {
  it.each([
    [rnnSpec, 'sheets.rnn.papersNote'],
    [lstmSpec, 'sheets.lstm.papersNote'],
    [gruSpec, 'sheets.gru.papersNote'],
    [lstmSeq2seqSpec, 'sheets.seq2seq.papersNote'],
  ] as const)(
    '%#: the papers note points to DESIGN-NOTES and the sheet has one try box, in both languages',
    (spec, key) => {
      for (const language of ['en', 'zh'] as const) {
        const plan = spec.build({ ...spec.defaults, language });
        const texts = teachTexts(plan);
        expect(texts).toContain(readable(t(language, key)));
        expect(t(language, key)).toContain('docs/DESIGN-NOTES.md');
        expect(plan.cells.filter((c) => c.meaning?.verdict)).toHaveLength(1);
        expect(plan.cells.filter((c) => c.value === t(language, 'sheets.try.title'))).toHaveLength(1);
      }
    },
  );

  it('a one-step LSTM has nothing to carry: no ∏f cells and no box', () => {
    const plan = lstmSpec.build({ ...lstmSpec.defaults, steps: 1 });
    expect(plan.cells.filter((c) => c.meaning?.trace?.name === 'f_keep')).toHaveLength(0);
    expect(plan.cells.filter((c) => c.meaning?.verdict)).toHaveLength(0);
  });
});

describe('PyTorch names and the joined output', () => {
  it.each([rnnSpec, lstmSpec, gruSpec])(
    '%#: backward weights are captioned with _l0_reverse and hold W_ih_l0_reverse',
    (spec) => {
      const plan = spec.build({
        ...spec.defaults,
        variant: spec.variants.find((v) => v.id.startsWith('bidirectional'))!.id,
      });
      const reverse = plan.cells.filter(
        (c) => typeof c.value === 'string' && /^W_i.?_l0_reverse$/.test(c.value),
      );
      expect(reverse.length).toBeGreaterThan(0);
      for (const caption of reverse) {
        const below = plan.cells.find((c) => c.row === caption.row + 1 && c.col === caption.col);
        expect(below?.meaning?.param?.name).toBe('W_ih_l0_reverse');
      }
      // The forward direction keeps the plain _l0 suffix.
      expect(plan.cells.some((c) => typeof c.value === 'string' && /^W_i.?_l0$/.test(c.value))).toBe(true);
    },
  );

  it('the joined output is 2H rows of output cells per step, under its own heading', () => {
    const config = { ...lstmSpec.defaults, variant: 'bidirectional' };
    const plan = lstmSpec.build(config);
    const out = plan.cells.filter((c) => c.meaning?.trace?.name === 'out');
    expect(out).toHaveLength(config.steps * 2 * config.hiddenSize);
    expect(new Set(out.map((c) => c.role))).toEqual(new Set(['output']));
    expect(plan.cells.some((c) => c.value === readable(t('en', 'sheets.recurrent.outputHeading')))).toBe(
      true,
    );
  });
});

/**
 * The top of the RNN, LSTM, GRU and encoder–decoder sheets is tight: summary and legend,
 * the papers note, the "What to try" box and the first section follow one another with
 * at most one blank row between them (the legend no longer reserves rows for lines the
 * sheet does not write, such as the copies and the joined output of a bidirectional stack
 * on a one-direction one), in every variant, both languages, one or two layers, with and
 * without a box. The legend's colour/arrow line stays clear: nothing else on its row or
 * right of it, and the row below it left to the practice sheet's answer swatch, which a
 * practice sheet still gets.
 */
import { describe, expect, it } from 'vitest';
import { makePracticePlan } from '../../src/practice/practice-plan';
import { label } from '../../src/sheets/i18n';
import type { ModelSpec } from '../../src/sheets/model-spec';
import type { PlanCell, SheetPlan } from '../../src/sheets/plan';
import { specFor } from '../../src/sheets/registry';

const MODELS = ['rnn', 'lstm', 'gru', 'lstm-seq2seq'] as const;

function cases(): [string, SheetPlan][] {
  const out: [string, SheetPlan][] = [];
  for (const id of MODELS) {
    const spec: ModelSpec = specFor(id);
    const variants = spec.variants.length > 0 ? spec.variants.map((v) => v.id) : [undefined];
    for (const variant of variants)
      for (const language of ['en', 'zh'] as const)
        for (const extra of [{}, { numLayers: 2 }, { steps: 1 }, { targetSteps: 1 }]) {
          const config = { ...spec.defaults, language, ...(variant ? { variant } : {}), ...extra };
          if (Object.keys(extra).some((k) => !(k in spec.defaults))) continue;
          if (spec.validate(config as never).length > 0) continue;
          out.push([
            `${id} ${variant ?? ''} ${language} ${JSON.stringify(extra)}`,
            spec.build(config as never),
          ]);
        }
  }
  return out;
}

interface Top {
  /** The legend's heading, its colour/arrow line (or the row below its last swatch). */
  readonly legendCol: number;
  readonly colourLine: number;
  /** The first row of the first section (its "Time" header, or the caption above it). */
  readonly section: number;
  /** Rows that hold a cell, above the first section. */
  readonly filled: ReadonlySet<number>;
  /** The summary's last row (its note on the dot products). */
  readonly summaryEnd: number;
  /** The papers note and the "What to try" box's last row (the note's when there is no box). */
  readonly note: number;
  readonly teachEnd: number;
}

function topOf(plan: SheetPlan): Top {
  const lang = plan.language;
  const at = (row: number, col: number): PlanCell | undefined =>
    plan.cells.find((c) => c.row === row && c.col === col);
  const heading = plan.cells.find((c) => c.role === 'header' && c.value === label(lang, 'legend'))!;
  const legendCol = heading.col;
  let row = heading.row + 1;
  while (at(row, legendCol)?.value === '') row++;
  const time = plan.cells.find((c) => c.role === 'header' && c.value === label(lang, 'time'))!;
  // A stack of several sections puts a caption ("Layer 1 · forward") on the row above.
  const section = at(time.row - 1, 0)?.role === 'section' ? time.row - 1 : time.row;
  const teach = plan.cells.filter((c) => c.col === 0 && c.row < section && c.role === 'teach');
  const note = Math.min(...teach.map((c) => c.row));
  const teachEnd = Math.max(
    ...teach.map((c) => c.row),
    ...plan.cells.filter((c) => c.row < section && c.role === 'section').map((c) => c.row),
  );
  const filled = new Set(plan.cells.filter((c) => c.row < section).map((c) => c.row));
  const summaryEnd = Math.max(
    ...plan.cells.filter((c) => c.col === 0 && c.row < note && c.row > 2).map((c) => c.row),
  );
  return { legendCol, colourLine: row, section, filled, note, teachEnd, summaryEnd };
}

describe('the top of the recurrent sheets', () => {
  const all = cases();

  it('covers every recurrent model, variant and language', () => {
    expect(all.length).toBeGreaterThanOrEqual(2 * 11 * 2);
  });

  it.each(all)('%s: no run of two blank rows between its parts', (_, plan) => {
    const top = topOf(plan);
    const blankRuns: number[] = [];
    // From the summary (row 3) down to the first section.
    for (let r = 3; r < top.section; r++)
      if (!top.filled.has(r) && !top.filled.has(r + 1) && r + 1 < top.section) blankRuns.push(r);
    expect(blankRuns).toEqual([]);
    // The frame's last line (the legend's colour line, or the summary's note) to the papers
    // note, the box to the first section: two rows at most.
    expect(top.note - Math.max(top.colourLine, top.summaryEnd)).toBeLessThanOrEqual(2);
    expect(top.section - top.teachEnd).toBeLessThanOrEqual(2);
  });

  it.each(all)('%s: the colour/arrow line and the row for the answers’ swatch stay clear', (_, plan) => {
    const top = topOf(plan);
    const line = plan.cells.filter((c) => c.row === top.colourLine);
    // The line is one note beside the swatch column; only the summary's own note may share its row, on the left.
    expect(line.filter((c) => c.col >= top.legendCol).map((c) => c.col)).toEqual([top.legendCol + 1]);
    expect(line.filter((c) => c.col < top.legendCol).every((c) => c.role === 'note' && c.col === 0)).toBe(
      true,
    );
    expect(plan.cells.filter((c) => c.row === top.colourLine + 1 && c.col >= top.legendCol)).toEqual([]);
    // The papers note (a long line overflowing to the right) sits below both.
    expect(top.note).toBeGreaterThanOrEqual(top.colourLine + 2);
  });

  it.each(MODELS)('%s: a practice sheet still gets its answers’ swatch below the colour line', (id) => {
    const spec = specFor(id);
    const plan = spec.build(spec.defaults);
    const practice = makePracticePlan(plan, 'one-step');
    const top = topOf(plan);
    const swatch = practice.plan.cells.find((c) => c.role === 'answer' && c.value === '');
    expect(swatch).toMatchObject({ row: top.colourLine + 1, col: top.legendCol });
  });
});

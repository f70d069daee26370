/**
 * The parts of the Mamba sheets that teach rather than compute: the "What to try" box
 * (push channel 1's step-size bias to ±5 and watch Ā go to 0 or to 1 with B̄ ≈ 0, a
 * live verdict over Ā and B̄ of channel d = 1, state n = 1 at every token) and the rows
 * of the scan sheet's cost table (cost-table.ts) with their closed forms.
 */
import { t } from '../i18n';
import type { CostRow } from './cost-table';
import type { PerStep } from './kit/steps';
import { tryBox, type TryBox } from './kit/try-box';
import { editValue, settleEdit, strengths, type SheetEvaluator } from './kit/try-edit';
import type { PlanBuilder } from './layout';
import { a1, type CellPos, type Language, type TraceRef, type Verdict, type VerdictTest } from './plan';

/** Channel d = 1, state n = 1: the first entry of the channels × N matrices Ā_t and B̄_t. */
const FIRST = 0;
/** Below this Ā counts as "≈ 0", above 1 − this as "≈ 1"; |B̄| below it as "≈ 0". */
const NEAR = 0.05;

function steps(T: number): number[] {
  return Array.from({ length: T }, (_, t) => t);
}

/** The box's verdict: gauges Ā_t[1,1] for every t, then B̄_t[1,1] for every t. */
export function mambaVerdict(lang: Language, T: number): Verdict {
  const ref =
    (name: string) =>
    (t: number): TraceRef => ({ name, step: t, flat: FIRST });
  const below = (gauge: number, value: number): VerdictTest => ({ gauge, op: '<', value });
  const above = (gauge: number, value: number): VerdictTest => ({ gauge, op: '>', value });
  return {
    gauges: [...steps(T).map(ref('Abar')), ...steps(T).map(ref('Bbar'))],
    cases: [
      { when: steps(T).map((t) => below(t, NEAR)), text: t(lang, 'sheets.mamba.try.resets') },
      {
        when: [
          ...steps(T).map((t) => above(t, 1 - NEAR)),
          ...steps(T).flatMap((t) => [below(T + t, NEAR), above(T + t, -NEAR)]),
        ],
        text: t(lang, 'sheets.mamba.try.ignores'),
      },
    ],
    otherwise: t(lang, 'sheets.mamba.try.mixes'),
  };
}

export interface MambaTry {
  readonly top: number;
  readonly cols: number;
  readonly T: number;
  /** Which sheet's wording of the edit: b_Δ on the scan sheet, dt_bias on the block sheet. */
  readonly edit: 'sheets.mambaScan.try.edit' | 'sheets.mambaBlock.try.edit';
  /** The bias cell of channel d = 1 the edit changes. */
  readonly bias: CellPos;
  readonly aBar: PerStep;
  readonly bBar: PerStep;
  /** The core on the sheet's config: which of ±5, ±10, … resets and keeps on its weights. */
  readonly evaluate: SheetEvaluator;
}

/** The "What to try" box at `top`, its verdict reading Ā and B̄ of channel 1 at every step. */
export function mambaTryBox(b: PlanBuilder, m: MambaTry): TryBox {
  const lang = b.language;
  const cell = a1(m.bias.row, m.bias.col);
  const verdict = mambaVerdict(lang, m.T);
  const settle = (sign: 1 | -1, wanted: string) =>
    editValue(settleEdit(b, m.evaluate, verdict, { cells: [m.bias], candidates: strengths(sign), wanted }));
  const values = {
    up: settle(1, t(lang, 'sheets.mamba.try.resets')),
    down: settle(-1, t(lang, 'sheets.mamba.try.ignores')),
  };
  return tryBox(b, {
    top: m.top,
    left: 0,
    cols: m.cols,
    edit: t(lang, m.edit, { cell, ...values }),
    watch: t(lang, 'sheets.mamba.try.watch', values),
    verdict,
    gaugeCells: [...steps(m.T).map((s) => m.aBar(s).at(0, 0)), ...steps(m.T).map((s) => m.bBar(s).at(0, 0))],
    tensor: 'Ā_t[1,1], B̄_t[1,1]',
    equation: '\\bar{A}_t = e^{\\Delta_t A},\\ \\bar{B}_t \\text{ of channel } d = 1',
  });
}

/**
 * The scan's cost rows against attention, with D and N the summary's cells (A1): numbers
 * kept between tokens D·N | 2·T·D (every key and value), multiply-adds for token T
 * 3·D·N (Ā⊙h, B̄u, C·h) | 2·T·D (T scores, T values weighed), for all T tokens
 * 3·T·D·N | D·T·(T + 1).
 */
export function scanCostRows(D: string, N: string): (T: string) => CostRow[] {
  return (T) => [
    { caption: 'sheets.cost.state', model: [`${D}*${N}`, 'D N'], attention: [`2*${T}*${D}`, '2 T D'] },
    { caption: 'sheets.cost.perToken', model: [`3*${D}*${N}`, '3 D N'], attention: [`2*${T}*${D}`, '2 T D'] },
    {
      caption: 'sheets.cost.sequence',
      model: [`3*${T}*${D}*${N}`, '3 T D N'],
      attention: [`${D}*${T}*(${T}+1)`, 'D T (T + 1)'],
    },
  ];
}

/** The same closed forms in numbers, for the sheet's trace and the tests. */
export function scanCostValues(D: number, N: number, T: number): number[] {
  return [D * N, 2 * T * D, 3 * D * N, 2 * T * D, 3 * T * D * N, D * T * (T + 1)];
}

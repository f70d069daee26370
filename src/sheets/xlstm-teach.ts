/**
 * The parts of the xLSTM sheets that teach rather than compute. sLSTM: a "What to try"
 * box (b_i[1] = 10: m jumps while h keeps its scale, a live verdict over m[1] and h[1]
 * at the last step). mLSTM: a box (type 10 over the last ĩ: row T of D̃ keeps only its
 * diagonal, a verdict over the entries left of it) and the rows of its cost table.
 */
import { t } from '../i18n';
import type { CostRow } from './cost-table';
import type { PerStep } from './kit/steps';
import { tryBox, type TryBox } from './kit/try-box';
import { editValue, settleEdit, type SheetEvaluator } from './kit/try-edit';
import type { PlanBuilder } from './layout';
import { a1, type CellPos, type Verdict } from './plan';
import { PARALLEL_PREFIX } from './mlstm-parallel-bands';

/** m[1] above this counts as "jumped": exp(8) ≈ 3000, far past what a sigmoid gate reaches. */
export const M_JUMP = 8;

/** The sLSTM box's verdict: m[1] and h[1] at the last step. */
export function slstmVerdict(lang: PlanBuilder['language'], T: number): Verdict {
  return {
    gauges: [
      { name: 'm', step: T - 1, flat: 0 },
      { name: 'h', step: T - 1, flat: 0 },
    ],
    cases: [
      {
        when: [
          { gauge: 0, op: '>', value: M_JUMP },
          { gauge: 1, op: '<', value: 1 },
          { gauge: 1, op: '>', value: -1 },
        ],
        text: t(lang, 'sheets.slstm.try.jumped'),
      },
    ],
    otherwise: t(lang, 'sheets.slstm.try.calm'),
  };
}

export interface SlstmTry {
  readonly top: number;
  readonly cols: number;
  readonly T: number;
  /** b_i[1], the cell the edit changes. */
  readonly bias: CellPos;
  readonly m: PerStep;
  readonly h: PerStep;
  /** The core on the sheet's config: which of 10, 15, 20 makes m jump on its weights. */
  readonly evaluate: SheetEvaluator;
}

/** exp(v) to two significant digits, grouped by thousands as the watch line writes it. */
function roughExp(v: number): string {
  const x = Math.exp(v);
  const rounded = Number(x.toPrecision(2));
  return rounded.toLocaleString('en-US', { maximumFractionDigits: 0 }).replace(/,/g, ' ');
}

/** Values of b_i[1] the box tries: 10 on the usual weights; integer weights may need more. */
const JUMP_BIASES = [10, 15, 20];

export function slstmTryBox(b: PlanBuilder, s: SlstmTry): TryBox {
  const lang = b.language;
  const verdict = slstmVerdict(lang, s.T);
  const value = settleEdit(b, s.evaluate, verdict, {
    cells: [s.bias],
    candidates: JUMP_BIASES,
    wanted: t(lang, 'sheets.slstm.try.jumped'),
  });
  return tryBox(b, {
    top: s.top,
    left: 0,
    cols: s.cols,
    edit: t(lang, 'sheets.slstm.try.edit', {
      cell: a1(s.bias.row, s.bias.col),
      value: editValue(value, false),
    }),
    watch: t(lang, 'sheets.slstm.try.watch', { value: editValue(value, false), exp: roughExp(value) }),
    verdict,
    gaugeCells: [s.m(s.T - 1).at(0), s.h(s.T - 1).at(0)],
    tensor: 'm_T[1], h_T[1]',
    equation: 'm_T[1] > 8,\\ |h_T[1]| < 1',
  });
}

/** D̃ below this counts as "≈ 0". */
const TINY = 0.01;

/** The mLSTM box's verdict: the entries of row T of D̃ left of the diagonal (T ≥ 2). */
export function mlstmVerdict(lang: PlanBuilder['language'], T: number): Verdict {
  const before = Array.from({ length: T - 1 }, (_, s) => s);
  return {
    gauges: before.map((s) => ({ name: `${PARALLEL_PREFIX}D_tilde`, step: T - 1, flat: s })),
    cases: [
      {
        when: before.map((s) => ({ gauge: s, op: '<' as const, value: TINY })),
        text: t(lang, 'sheets.mlstm.try.diagonal', { t: T }),
      },
    ],
    otherwise: t(lang, 'sheets.mlstm.try.remembers', { t: T }),
  };
}

export interface MlstmTry {
  readonly top: number;
  readonly cols: number;
  readonly T: number;
  /** The ĩ cell of the last step, the one to type over. */
  readonly iLast: CellPos;
  /** A1 of D̃[T, s] for s = 1 … T − 1. */
  readonly dTildeRow: readonly string[];
  /** The core's row T of log D on the sheet's weights (log D[T, s] = Σ log f + ĩ_s). */
  readonly logD: ArrayLike<number> | undefined;
}

/** Values the box may ask to type over ĩ_T: 10 on the usual weights. */
const WRITE_STRENGTHS = [10, 20, 50, 100, 1000];

/**
 * The first value v for ĩ_T that leaves only the diagonal in row T of D̃. Typing v sets
 * log D[T, T] = v and the row's stabiliser to max(v, earlier entries); an earlier entry
 * s then weighs exp(log D[T, s] − v), below TINY once v exceeds every earlier log D[T, s]
 * by ln(1/TINY). Integer weights can write ĩ of 10 and more at earlier steps.
 */
function lastWrite(logD: ArrayLike<number> | undefined, T: number): number {
  let before = -Infinity;
  for (let s = 0; s < T - 1; s++) before = Math.max(before, logD?.[s] ?? -Infinity);
  const needed = before + Math.log(1 / TINY);
  return WRITE_STRENGTHS.find((v) => v > needed) ?? WRITE_STRENGTHS[WRITE_STRENGTHS.length - 1];
}

/** The box, or nothing when T = 1 (no entry left of the diagonal). */
export function mlstmTryBox(b: PlanBuilder, m: MlstmTry): TryBox | undefined {
  if (m.T < 2) return undefined;
  const lang = b.language;
  return tryBox(b, {
    top: m.top,
    left: 0,
    cols: m.cols,
    edit: t(lang, 'sheets.mlstm.try.edit', {
      t: m.T,
      cell: a1(m.iLast.row, m.iLast.col),
      value: lastWrite(m.logD, m.T),
    }),
    watch: t(lang, 'sheets.mlstm.try.watch', { t: m.T }),
    verdict: mlstmVerdict(lang, m.T),
    gaugeCells: m.dTildeRow,
    tensor: 'D̃[T, s < T]',
    equation: '\\tilde{D}_{Ts},\\ s < T',
  });
}

/**
 * The mLSTM's cost rows against attention, d the summary's head-size cell (A1): numbers
 * kept between tokens d² + d + 1 (C, n, m) | 2·T·d, multiply-adds for token T 3·d²
 * (f′C + i′vkᵀ, then Cq) | 2·T·d, for all T tokens 3·T·d² | d·T·(T + 1).
 */
export function mlstmCostRows(d: string): (T: string) => CostRow[] {
  return (T) => [
    {
      caption: 'sheets.cost.state',
      model: [`${d}*${d}+${d}+1`, 'd^2 + d + 1'],
      attention: [`2*${T}*${d}`, '2 T d'],
    },
    { caption: 'sheets.cost.perToken', model: [`3*${d}*${d}`, '3 d^2'], attention: [`2*${T}*${d}`, '2 T d'] },
    {
      caption: 'sheets.cost.sequence',
      model: [`3*${T}*${d}*${d}`, '3 T d^2'],
      attention: [`${d}*${T}*(${T}+1)`, 'd T (T + 1)'],
    },
  ];
}

export function mlstmCostValues(d: number, T: number): number[] {
  return [d * d + d + 1, 2 * T * d, 3 * d * d, 2 * T * d, 3 * T * d * d, d * T * (T + 1)];
}

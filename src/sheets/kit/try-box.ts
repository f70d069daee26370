/**
 * Kit: a "What to try" box. A heading, the suggested edit (naming the cell to change),
 * what to watch, and a live verdict cell that states in words what the sheet shows now,
 * so a learner who makes the edit sees the sentence change with the numbers.
 *
 *   const box = tryBox(b, { top, left: 0, cols: 8,
 *     edit: t(lang, 'sheets.lstm.try.edit', { cell: 'C24' }),
 *     watch: t(lang, 'sheets.lstm.try.watch'),
 *     verdict, gaugeCells: [keep.at(0)], tensor: '∏f', equation: '\\prod_t f_t' });
 *   box.bottom; // first free row below the box
 */
import { t } from '../../i18n';
import { a1, type CellPos, type Verdict } from '../plan';
import type { PlanBuilder } from '../layout';
import { verdictFormula } from './verdict';
import { textWidthUnits } from '../style';

/** The kit's text estimate (1.15 characters a unit) widened to one character a unit. */
const WIDE_FONT = 1.15;

/** Rows a try box takes: heading, edit, watch, verdict. */
export const TRY_BOX_ROWS = 4;

export interface TryBoxSpec {
  readonly top: number;
  readonly left: number;
  /** Columns the box spans: its border, and the verdict cell merged from `left + 1` to the right edge. */
  readonly cols: number;
  /** The suggested edit, in words, naming the cell to change (its address, e.g. "b_if[1], cell C24"). */
  readonly edit: string;
  /** What to watch once the edit is made. */
  readonly watch: string;
  readonly verdict: Verdict;
  /** The gauge cells (A1) in `verdict.gauges` order. */
  readonly gaugeCells: readonly string[];
  /** What the verdict cell is when explained: a label and the TeX of what it tests. */
  readonly tensor: string;
  readonly equation: string;
}

export interface TryBox {
  /** The live verdict cell. */
  readonly verdictCell: CellPos;
  /** First free row below the box. */
  readonly bottom: number;
}

/** The box: heading, "Try: …", "Watch: …", then "The sheet shows now:" and the live verdict. */
export function tryBox(b: PlanBuilder, box: TryBoxSpec): TryBox {
  const lang = b.language;
  const { top, left } = box;
  if (box.cols < 2) throw new Error('a try box needs a column for its label and one for its verdict');
  b.text(top, left, t(lang, 'sheets.try.title'), 'section');
  b.text(top + 1, left, t(lang, 'sheets.try.edit', { edit: box.edit }), 'teach');
  b.text(top + 2, left, t(lang, 'sheets.try.watch', { watch: box.watch }), 'teach');
  const row = top + 3;
  const now = t(lang, 'sheets.try.now');
  b.text(row, left, now, 'teach');
  const verdictCell = { row, col: verdictColumn(b, left, now) };
  b.put({
    ...verdictCell,
    formula: `=${verdictFormula(box.verdict, box.gaugeCells)}`,
    role: 'teach',
    meaning: {
      model: b.model,
      tensor: box.tensor,
      equation: box.equation,
      verdict: box.verdict,
    },
  });
  const right = Math.max(left + box.cols - 1, verdictCell.col);
  if (right > verdictCell.col) b.merge({ top: row, bottom: row, left: verdictCell.col, right });
  b.box({ top: row, bottom: row, left: verdictCell.col, right });
  b.box({ top, bottom: row, left, right });
  return { verdictCell, bottom: row + 1 };
}

/**
 * The verdict's column: the first after `left` where the "The sheet shows now:" label,
 * which cannot spill into the verdict, fits. Measured at a character per unit of width,
 * wider than the kit's usual estimate: the label sits right against the verdict's box,
 * and the preview's and LibreOffice's fonts run wider than Excel's.
 */
function verdictColumn(b: PlanBuilder, left: number, label: string): number {
  const need = textWidthUnits(label) * WIDE_FONT + 1;
  let col = left + 1;
  for (let room = b.widthOf(left); room < need; col++) room += b.widthOf(col);
  return col;
}

/** "b_if[1] (C24)": a parameter's name and where it sits, for a try box's edit line. */
export function cellName(name: string, at: CellPos): string {
  return `${name} (${a1(at.row, at.col)})`;
}

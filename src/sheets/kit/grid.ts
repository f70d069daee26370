/**
 * Kit: where things go. `TimeGrid` places the time blocks (one block of columns per step,
 * time running left → right); `BandCursor` hands out bands top to bottom (an equation
 * line, a caption line, the values). PRE / OP / VALUE are the columns of a time block in
 * every sheet: the value before an operator, the operator, the value after it.
 *
 *   const grid = new TimeGrid(firstCol, blockWidth, T);
 *   const cursor = new BandCursor(b, wCol, row);
 *   const top = cursor.band('h_t = …', H); // first value row of a new band
 */
import { label } from '../i18n';
import type { PlanBuilder } from '../layout';

/** Column of a time block holding a pre-activation (or a step's first value). */
export const PRE = 0;
/** Column of a time block holding the operator between PRE and VALUE (σ, tanh, ⊙ …). */
export const OP = 1;
/** Column of a time block holding the value after the operator. */
export const VALUE = 2;

/** Widths of the columns of a time block, the same in every sheet. */
export const VALUE_WIDTH = 10;
export const OPERATOR_WIDTH = 5;
export const GAP_WIDTH = 3;

/** Columns of a time block: everything a step shows sits in `width − 1` columns, then a gap. */
export class TimeGrid {
  constructor(
    /** First column of the first time block. */
    readonly firstCol: number,
    /** Columns per step, the trailing gap included. */
    readonly blockWidth: number,
    readonly steps: number,
  ) {}

  col(t: number, offset = 0): number {
    return this.firstCol + t * this.blockWidth + offset;
  }

  /** "t = 1 … T" across the blocks on `row`, with "Time" in the column before them. */
  header(b: PlanBuilder, row: number): void {
    b.text(row, this.firstCol - 1, label(b.language, 'time'), 'header');
    this.stepHeaders(b, row);
  }

  /** "t = 1 … T" across the blocks on `row`. */
  stepHeaders(b: PlanBuilder, row: number): void {
    for (let t = 0; t < this.steps; t++)
      b.text(row, this.col(t), `${label(b.language, 'tEquals')} ${t + 1}`, 'header');
  }

  /** Value columns VALUE_WIDTH wide, operator columns (offsets in `narrow`) narrow, gaps narrower. */
  widths(b: PlanBuilder, narrow: readonly number[] = []): void {
    for (let t = 0; t < this.steps; t++)
      for (let c = 0; c < this.blockWidth; c++) {
        const gap = c === this.blockWidth - 1;
        b.width(this.col(t, c), gap ? GAP_WIDTH : narrow.includes(c) ? OPERATOR_WIDTH : VALUE_WIDTH);
      }
  }
}

/**
 * Hands out bands top to bottom. A band is an equation line, a caption line (block
 * captions and time-block captions go there) and `rows` value rows. The equation sits
 * beside the band's first results (right-aligned just left of the first time block) where
 * the free cells of its line hold it, else at the left edge of the parameter area.
 */
export class BandCursor {
  /** Whether the last band's equation went beside its results. */
  beside = false;

  constructor(
    private readonly b: PlanBuilder,
    /** Column the equations are written in when they do not fit beside their results. */
    private readonly equationCol: number,
    public row: number,
    /** The column just left of the first time block; none: always at `equationCol`. */
    private readonly besideCol?: number,
  ) {}

  /**
   * Writes the equation and returns the first value row of a band of `rows` rows.
   * `inGrid` false: the band's values are not in the time blocks (a parallel form's
   * matrices under the equation), so the equation stays above them.
   */
  band(equation: string, rows: number, inGrid = true): number {
    const besideCol = inGrid ? this.besideCol : undefined;
    this.beside =
      besideCol !== undefined && this.b.bandEquation(this.row, besideCol, this.equationCol, equation);
    if (besideCol === undefined) this.b.equation(this.row, this.equationCol, equation);
    const top = this.row + 2;
    this.row = top + rows + 1;
    return top;
  }

  /** A section heading (bold, left-aligned) on its own line. */
  heading(text: string, col = 0): void {
    this.b.text(this.row, col, text, 'section');
    this.row += 2;
  }
}

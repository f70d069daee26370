/**
 * Kit: what every time block holds. Each part writes one column group in every step's
 * block and returns `(t) => Block`, the cells of step t, for later formulas to point at.
 *
 *   stepColumn   any formula per step (the general case); `carries` marks a state read
 *                by the next step, which records the flow between them
 *   stepInputs   literal inputs per step (x_t, u_t …): cells a learner edits
 *   dotStep      a weight block's rows dotted with a column of the step (+ a bias)
 *   activation   an operator column, then f(value) element-wise
 *   stepRows     a T-row matrix whose row t belongs to step t (parallel forms)
 *
 *   const z = dotStep(canvas, { top, rows: H, weights: W, input: (t) => x(t).colRef(),
 *     trace: 'pre', tensor: 'z_t', equation: 'z_t = W x_t' });
 *   const h = activation(canvas, { top, rows: H, from: z, op: 'tanh', fn: tanhF,
 *     role: 'state', trace: 'h', tensor: 'h_t', equation: 'h_t = \\tanh(z_t)' });
 */
import { dotF } from '../formulas';
import { Block, type PlanBuilder } from '../layout';
import type { CellRole } from '../plan';
import { OP, PRE, VALUE, type TimeGrid } from './grid';
import { carriedAlong } from './flow';
import { operatorColumn } from './labels';
import { rowOf } from './weights';

/** The builder and the time grid a part writes into. */
export interface Canvas {
  readonly b: PlanBuilder;
  readonly grid: TimeGrid;
}

/** The cells of one band at step t. */
export type PerStep = (t: number) => Block;

/** Where a band's cells sit in each time block, and what they mean. */
export interface StepCells {
  readonly top: number;
  readonly rows: number;
  readonly cols?: number;
  /** Column offset within the time block (default PRE). */
  readonly col?: number;
  readonly role: CellRole;
  /** Trace tensor the cells must equal. */
  readonly trace: string;
  /** Human label of the cells, e.g. "h_t". */
  readonly tensor: string;
  /** TeX of the equation, the same at every step or per step. */
  readonly equation: string | ((t: number) => string);
  /**
   * A state each step computes from its own previous value (hₜ from hₜ₋₁, Cₜ from Cₜ₋₁):
   * its name as the sheet writes it. Each step from the second on then records a flow
   * from the previous step's cells to its own (kit/flow.ts).
   */
  readonly carries?: string;
}

/** The block of `rows × cols` cells at column offset `col` of each step. */
export function stepBlocks(grid: TimeGrid, top: number, rows: number, col = PRE, cols = 1): PerStep {
  return (t) => new Block(top, grid.col(t, col), rows, cols);
}

/** A computed column group in every time block; `formula(t, r, c)` without '='. */
export function stepColumn(
  cv: Canvas,
  cells: StepCells & { formula(t: number, r: number, c: number): string },
): PerStep {
  const col = cells.col ?? PRE;
  const cols = cells.cols ?? 1;
  const eq = cells.equation;
  for (let t = 0; t < cv.grid.steps; t++)
    cv.b.computed({
      top: cells.top,
      left: cv.grid.col(t, col),
      rows: cells.rows,
      cols,
      role: cells.role,
      formula: (r, c) => cells.formula(t, r, c),
      trace: cells.trace,
      step: t,
      tensor: cells.tensor,
      equation: typeof eq === 'string' ? eq : eq(t),
    });
  const blocks = stepBlocks(cv.grid, cells.top, cells.rows, col, cols);
  if (cells.carries !== undefined) carriedAlong(cv.b, blocks, cv.grid.steps, cells.carries);
  return blocks;
}

export interface StepInputs {
  readonly top: number;
  readonly rows: number;
  /** Column offset within the time block (default PRE). */
  readonly col?: number;
  /** The core parameter the cells hold, T × rows, row-major. */
  readonly param: string;
  readonly data: ArrayLike<number>;
  readonly tensor: string;
  readonly role?: CellRole;
}

/** Literal inputs in every time block: step t shows row t of a T × rows tensor. */
export function stepInputs(cv: Canvas, s: StepInputs): PerStep {
  const col = s.col ?? PRE;
  for (let t = 0; t < cv.grid.steps; t++)
    cv.b.param({
      top: s.top,
      left: cv.grid.col(t, col),
      rows: s.rows,
      cols: 1,
      role: s.role ?? 'input',
      param: s.param,
      step: t,
      value: (r) => s.data[t * s.rows + r],
      flat: (r) => t * s.rows + r,
      tensor: s.tensor,
      index: (r) => [t, r],
    });
  return stepBlocks(cv.grid, s.top, s.rows, col);
}

/** Rows of `weights` dotted with a column of the step (MMULT row × column), plus an optional bias column. */
export function dotStep(
  cv: Canvas,
  s: Omit<StepCells, 'role'> & {
    readonly role?: CellRole;
    readonly weights: Block;
    /** The column of step t the rows are dotted with, as a range. */
    input(t: number): string;
    readonly bias?: Block;
  },
): PerStep {
  return stepColumn(cv, {
    ...s,
    role: s.role ?? 'computed',
    formula: (t, r) => dotF(rowOf(s.weights, r), s.input(t)) + (s.bias ? `+${s.bias.at(r, 0, true)}` : ''),
  });
}

/** An element-wise step: the operator symbol at `opCol`, then `fn` of the source cell at `col` (default VALUE). */
export function activation(
  cv: Canvas,
  s: StepCells & {
    readonly from: PerStep;
    readonly op: string;
    readonly opCol?: number;
    fn(ref: string): string;
  },
): PerStep {
  for (let t = 0; t < cv.grid.steps; t++)
    operatorColumn(cv.b, s.top, cv.grid.col(t, s.opCol ?? OP), s.rows, s.op);
  return stepColumn(cv, { col: VALUE, ...s, formula: (t, r) => s.fn(s.from(t).at(r)) });
}

/** A T-row matrix whose row t belongs to step t (the parallel forms: one row per time step). */
export interface StepRows {
  readonly top: number;
  readonly left: number;
  readonly cols: number;
  /** Caption above the matrix. */
  readonly caption: string;
  readonly role: CellRole;
  readonly trace: string;
  readonly tensor: string;
  readonly equation: string;
  /** Formula of entry (t, c); undefined leaves the `blank` text (nothing there yet, e.g. above a diagonal). */
  formula(t: number, c: number): string | undefined;
  readonly blank?: string;
}

/** Writes the matrix with one box around it; entry (t, c) is trace `trace` at step t, flat index c. */
export function stepRows(b: PlanBuilder, steps: number, m: StepRows): Block {
  b.text(m.top - 1, m.left, m.caption, 'label');
  for (let t = 0; t < steps; t++)
    for (let c = 0; c < m.cols; c++) {
      const f = m.formula(t, c);
      if (f === undefined) {
        b.text(m.top + t, m.left + c, m.blank ?? '', 'note');
        continue;
      }
      b.computed({
        top: m.top + t,
        left: m.left + c,
        rows: 1,
        cols: 1,
        role: m.role,
        formula: () => f,
        trace: m.trace,
        step: t,
        flat: () => c,
        tensor: m.tensor,
        equation: m.equation,
        box: false,
      });
    }
  const block = new Block(m.top, m.left, steps, m.cols);
  b.box(block.range);
  return block;
}

/**
 * Where everything sits on a training sheet. Parameters are written once at the left;
 * one block of columns per time step follows. The forward bands run left → right with a
 * "start" block (h₀, c₀) first; the backward band reuses the same columns with time
 * reversed, step T at the left and ∂L/∂h₀ in the last block, so time visibly runs back.
 * Row groups line up with the weight rows they use (zₜ row r beside row r of W_ih).
 */
import { t, type MessageKey } from '../i18n';
import { Block, type PlanBuilder } from './layout';
import type { BpttKind, BpttSetup, ParamName } from './bptt-model';
import { a1 } from './plan';
import type { TermSizes } from './bptt-terms';

/** A training sheet's caption: the key of its catalogue entry after `sheets.bptt.`. */
export type BpttTextKey = MessageKey extends infer K
  ? K extends `sheets.bptt.${infer R}`
    ? R
    : never
  : never;

export interface Sizes {
  readonly I: number;
  readonly H: number;
  /** Rows of W_ih: H (RNN) or 4H (LSTM, gates i f g o). */
  readonly G: number;
  readonly O: number;
  readonly T: number;
}

/** One block per trained tensor: the parameters at the left, their gradients, the new weights. */
export type Weights = Readonly<Record<ParamName, Block>>;

/** Where a block sits: [top, left, rows, cols]. */
export type At = readonly [number, number, number, number];

/** The placement fields of a block at `at`. */
export function placed(at: At): { top: number; left: number; rows: number; cols: number } {
  return { top: at[0], left: at[1], rows: at[2], cols: at[3] };
}

/** The blocks of the six trained tensors at the rows of the cell (`top`) and of the head (`head`). */
export function weightPlaces(n: Sizes, top: number, head: number): Readonly<Record<keyof Weights, At>> {
  const { I, H, G, O } = n;
  return {
    W_ih: [top, 1, G, I],
    W_hh: [top, 1 + I, G, H],
    b_ih: [top, 1 + I + H, G, 1],
    b_hh: [top, 2 + I + H, G, 1],
    W_hy: [head, 1, O, H],
    b_y: [head, 1 + H, O, 1],
  };
}

export class BpttLayout {
  readonly firstCol: number;
  readonly labelCol: number;
  readonly blockWidth: number;

  constructor(
    readonly b: PlanBuilder,
    readonly kind: BpttKind,
    readonly setup: BpttSetup,
    readonly n: Sizes,
  ) {
    this.labelCol = n.I + n.H + 4;
    this.firstCol = this.labelCol + 1;
    this.blockWidth = Math.max(n.I + n.H, kind === 'lstm' ? 5 : 4) + 1;
  }

  /** Column c of forward step t (t = −1 is the start block). */
  fcol(t: number, c = 0): number {
    return this.firstCol + (t + 1) * this.blockWidth + c;
  }

  /** Column c of backward step t: step T − 1 first, step 0 next to last, then ∂L/∂h₀ (t = −1). */
  bcol(t: number, c = 0): number {
    return this.firstCol + (t < 0 ? this.n.T : this.n.T - 1 - t) * this.blockWidth + c;
  }

  /** The sizes a written-out chain-rule term sums over. */
  get sizes(): TermSizes {
    return { kind: this.kind, ...this.n };
  }

  text(key: BpttTextKey): string {
    return t(this.b.language, `sheets.bptt.${key}`);
  }

  /** A column vector of `rows` cells at (top, col). */
  vec(top: number, col: number, rows: number, absolute = false): string {
    return new Block(top, col, rows, 1).ref(absolute);
  }

  at(row: number, col: number, absolute = false): string {
    return a1(row, col, absolute);
  }

  /** "t = 0 … T" over the forward blocks, or "t = T … 1, ∂L/∂h₀" over the backward ones. */
  header(row: number, backward: boolean): void {
    const { T } = this.n;
    const head = this.text('time');
    for (let t = -1; t < T; t++) {
      const col = backward ? this.bcol(t) : this.fcol(t);
      const caption = t < 0 ? this.text(backward ? 'backStart' : 'initial') : `${head} ${t + 1}`;
      this.b.text(row, col, caption, 'header');
    }
  }

  /** A row-group caption in the label column. */
  label(row: number, key: BpttTextKey): void {
    this.b.text(row, this.labelCol, this.text(key), 'label');
  }

  widths(): void {
    this.b.width(0, 20);
    this.b.width(this.labelCol, 36);
    for (let k = 0; k <= this.n.T; k++)
      for (let c = 0; c < this.blockWidth; c++)
        this.b.width(this.firstCol + k * this.blockWidth + c, c === this.blockWidth - 1 ? 3 : 11);
  }
}

/**
 * The frame of the sheets that do not use the recurrent stack layout (Mamba, sLSTM,
 * mLSTM): title, configuration summary and legend at the top, then bands stacked down
 * the sheet (an equation line, a caption line, the values) with parameters written once
 * at the left and one block of columns per time step, time running left → right. The
 * look matches recurrent-sheet.ts so every model's sheet reads the same way.
 */
import { label, pick, type Bilingual } from './i18n';
import { Block, PlanBuilder, type LegendEntry } from './layout';
import type { Labelled, ModelConfig } from './model-spec';

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

  /** "t = 1 … T" across the blocks on `row`. */
  header(b: PlanBuilder, row: number): void {
    b.text(row, this.firstCol - 1, label(b.language, 'time'), 'header');
    for (let t = 0; t < this.steps; t++)
      b.text(row, this.col(t), `${label(b.language, 'tEquals')} ${t + 1}`, 'header');
  }

  /** Value columns 9 wide, operator columns narrow, gaps narrower. */
  widths(b: PlanBuilder, narrow: readonly number[] = []): void {
    for (let t = 0; t < this.steps; t++)
      for (let c = 0; c < this.blockWidth; c++) {
        const gap = c === this.blockWidth - 1;
        b.width(this.col(t, c), gap ? 3 : narrow.includes(c) ? 5 : 9);
      }
  }
}

/**
 * Hands out bands top to bottom. A band is an equation line, a caption line (block
 * captions and time-block captions go there) and `rows` value rows.
 */
export class BandCursor {
  constructor(
    private readonly b: PlanBuilder,
    /** Column the equations are written in (the left edge of the parameter area). */
    private readonly equationCol: number,
    public row: number,
  ) {}

  /** Writes the equation and returns the first value row of a band of `rows` rows. */
  band(equation: string, rows: number): number {
    this.b.equation(this.row, this.equationCol, equation);
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

/** What the top of a sheet shows besides the config: its title, sizes and legend. */
export interface Frame {
  readonly title: Bilingual;
  /** Size rows of the summary, before sequence length, seed, init and variant. */
  readonly sizes: readonly (readonly [string, number])[];
  readonly legendCol: number;
  /** The colours this sheet uses, in its own words where the general caption would mislead. */
  readonly legend: readonly LegendEntry[];
  /** The model's variants, so the summary shows the variant's label, not its id. */
  readonly variants: readonly Labelled[];
}

/** The variant's label in the sheet's language ("zero-order hold …", "标准"); the id when unlisted. */
export function variantLabel(variants: readonly Labelled[], config: ModelConfig): string | undefined {
  if (config.variant === undefined) return undefined;
  const found = variants.find((v) => v.id === config.variant);
  return found ? found.label[config.language] : config.variant;
}

/** The init line of the summary. */
export function initLabel(config: ModelConfig): string {
  const lang = config.language;
  return config.stateDict
    ? label(lang, 'initStateDict')
    : label(lang, config.init === 'hand' ? 'initHand' : 'initTorch');
}

/**
 * Title, live note, configuration summary (sizes first, then seed, init and variant) and
 * the colour legend at `legendCol`. Returns the first free row below both.
 */
export function writeFrame(b: PlanBuilder, config: ModelConfig, frame: Frame): number {
  const lang = config.language;
  b.title(0, 0, `${pick(lang, frame.title)} | ${label(lang, 'byHand')}`, 12);
  b.text(1, 0, label(lang, 'liveNote'), 'note');
  const rows: (readonly [string, string | number])[] = [
    ...frame.sizes,
    [label(lang, 'steps'), config.steps],
    [label(lang, 'seed'), config.seed],
    [label(lang, 'init'), initLabel(config)],
  ];
  const variant = variantLabel(frame.variants, config);
  if (variant !== undefined) rows.push([label(lang, 'variant'), variant]);
  const afterSummary = b.keyValues(3, 0, rows);
  const afterLegend = b.legend(3, frame.legendCol, frame.legend);
  return Math.max(afterSummary, afterLegend) + 2;
}

/** Operator symbols down one column, beside `rows` values starting at `top`. */
export function operatorColumn(b: PlanBuilder, top: number, col: number, rows: number, symbol: string): void {
  for (let r = 0; r < rows; r++) b.operator(top + r, col, symbol);
}

/** Absolute reference to row r of a parameter block (the same row for every time step). */
export function rowOf(block: Block, r: number, fromCol = 0, cols = block.cols - fromCol): string {
  return new Block(block.top + r, block.left + fromCol, 1, cols).ref(true);
}

/** The config exactly as the plan stores it, so a sheet can be re-checked after reopening. */
export function configRecord(config: ModelConfig): Record<string, unknown> {
  return { ...config };
}

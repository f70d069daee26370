/**
 * Kit: the top of every sheet. `writeFrame` writes the title, the live note, the
 * configuration summary (sizes, sequence length, extra rows, seed, init, variant) and the
 * colour legend, and returns the first free row below them; `configRecord` is the config
 * exactly as a plan stores it.
 *
 *   const row = writeFrame(b, config, { title, sizes, legendCol, legend, variants });
 */
import { label, pick, type Bilingual } from '../i18n';
import { PlanBuilder, paramFormatFor, type LegendEntry } from '../layout';
import type { Labelled, ModelConfig } from '../model-spec';
import type { TimeGrid } from './grid';
import { textWidthUnits } from '../style';

/** What the top of a sheet shows besides the config: its title, sizes and legend. */
export interface Frame {
  readonly title: Bilingual;
  /** Size rows of the summary, before sequence length, seed, init and variant. */
  readonly sizes: readonly (readonly [string, number])[];
  /** Rows between the sequence length and the seed (the recurrent sheets' layer count). */
  readonly afterSteps?: readonly (readonly [string, number])[];
  readonly legendCol: number;
  /** The colours this sheet uses, in its own words where the general caption would mislead. */
  readonly legend: readonly LegendEntry[];
  /** The model's variants, so the summary shows the variant's label, not its id. */
  readonly variants: readonly Labelled[];
  /** A note one line below the summary, before the sheet's first band. */
  readonly note?: string;
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

/** Where the frame's two sides end: the first free row below the summary (and its note), and below the legend's reserved lines. */
interface FrameEnds {
  readonly summary: number;
  readonly legend: number;
}

/**
 * Title, live note, configuration summary (sizes first, then sequence length, seed, init
 * and variant) and the colour legend at `legendCol`. Returns the first free row below both.
 */
export function writeFrame(b: PlanBuilder, config: ModelConfig, frame: Frame): number {
  const ends = writeFrameParts(b, config, frame);
  return Math.max(ends.summary, ends.legend) + 2;
}

/**
 * The frame with one blank row below it: one row below the summary, and below the legend
 * its colour/arrow line and the row a practice sheet adds its answers' swatch to. For a
 * sheet whose legend lists only the roles it uses (unused lines are left out when the
 * plan is built, and would leave blank rows): the recurrent sheets.
 */
export function writeTightFrame(b: PlanBuilder, config: ModelConfig, frame: Frame): number {
  const ends = writeFrameParts(b, config, frame);
  return Math.max(ends.summary + 1, ends.legend + 2);
}

function writeFrameParts(b: PlanBuilder, config: ModelConfig, frame: Frame): FrameEnds {
  const lang = config.language;
  b.title(0, 0, `${pick(lang, frame.title)} | ${label(lang, 'byHand')}`, 12);
  b.text(1, 0, label(lang, 'liveNote'), 'note');
  const rows: (readonly [string, string | number])[] = [
    ...frame.sizes,
    [label(lang, 'steps'), config.steps],
    ...(frame.afterSteps ?? []),
    [label(lang, 'seed'), config.seed],
    [label(lang, 'init'), initLabel(config)],
  ];
  const variant = variantLabel(frame.variants, config);
  if (variant !== undefined) rows.push([label(lang, 'variant'), variant]);
  let afterSummary = b.keyValues(3, 0, rows);
  const afterLegend = b.legend(3, frame.legendCol, frame.legend);
  if (frame.note !== undefined) {
    b.text(afterSummary + 1, 0, frame.note, 'note');
    afterSummary += 2;
  }
  return { summary: afterSummary, legend: afterLegend };
}

/** Where a sheet's time blocks start: `steps` blocks of `blockWidth` columns from `firstCol`. */
export type Blocks = Pick<TimeGrid, 'firstCol' | 'blockWidth' | 'steps'>;

/**
 * The first time block the legend can sit above without cutting the summary's longest
 * value (a long variant label runs right from column B), at the widths set so far; past
 * the last block (a sheet of few or narrow steps) the first column the value clears.
 */
export function legendColumn(
  b: PlanBuilder,
  config: ModelConfig,
  variants: readonly Labelled[],
  blocks: Blocks,
): number {
  const values = [initLabel(config), variantLabel(variants, config) ?? ''];
  const need = Math.max(...values.map((v) => textWidthUnits(v))) + 1;
  const { firstCol, blockWidth, steps } = blocks;
  const end = firstCol + steps * blockWidth;
  let room = 0;
  // Bounded: a column is at least one unit wide, so the room passes `need` well before this.
  for (let c = 1; c < end + Math.ceil(need); c++) {
    const blockStart = c >= end || (c >= firstCol && (c - firstCol) % blockWidth === 0);
    if (blockStart && room >= need) return c;
    room += b.widthOf(c);
  }
  return end + Math.ceil(need);
}

/**
 * The frame of a sheet with a time grid: the legend above the first time block it fits over, `note`
 * on the line above the "t = 1 … T" header, then the header. Returns the header row.
 */
export function writeGridFrame(
  b: PlanBuilder,
  config: ModelConfig,
  grid: TimeGrid,
  frame: Omit<Frame, 'legendCol' | 'note'>,
  note: string,
): number {
  const legendCol = legendColumn(b, config, frame.variants, grid);
  const row = writeFrame(b, config, { ...frame, legendCol });
  b.text(row - 1, 0, note, 'note');
  grid.header(b, row);
  return row;
}

/** The config exactly as the plan stores it, so a sheet can be re-checked after reopening. */
export function configRecord(config: ModelConfig): Record<string, unknown> {
  return { ...config };
}

/** The builder of a sheet for `config`: it stores the config and formats literal parameters for its init. */
export function sheetBuilder(config: ModelConfig, baseName: string): PlanBuilder {
  const format = paramFormatFor(config.init, !!config.stateDict);
  return new PlanBuilder(config.model, config.language, baseName, configRecord(config), format);
}

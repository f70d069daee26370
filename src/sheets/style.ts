/**
 * The one palette of every generated sheet, keyed by cell role. Hosts (Excel, preview,
 * .xlsx) read colours and formats from here only, so a change of look is one edit.
 * Colours follow the seed workbooks: inputs pale yellow, learnable weights pale green,
 * biases grey, states blue, gates and activations each a distinct soft tint.
 */
import type { CellRole } from './plan';

export interface CellStyle {
  /** Fill '#RRGGBB', or undefined for no fill. */
  readonly fill?: string;
  readonly fontColor: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly fontSize: number;
  readonly hAlign: 'left' | 'center' | 'right';
  /** Excel number format for numeric values; undefined for text cells. */
  readonly numberFormat?: string;
  /** Thin border around the single cell (vector and matrix entries, as in the seed look). */
  readonly cellBorder: boolean;
}

/** Three decimals: enough to check a hand calculation, short enough to read. */
export const DECIMAL_FORMAT = '0.000';
/** Hand-style weights are small integers and read better without decimals. */
export const INTEGER_FORMAT = '0';

export const BORDER_COLOR = '#7F7F7F';
/** Learnable parameters get the seed's red outline so they stand out as "what training changes". */
export const PARAM_BOX_COLOR = '#C00000';
export const BOX_COLOR = '#404040';
/** Data bars (the size of a gradient per step): Excel's own default blue. */
export const DATA_BAR_COLOR = '#638EC6';

const base: CellStyle = {
  fontColor: '#000000',
  bold: false,
  italic: false,
  fontSize: 11,
  hAlign: 'center',
  cellBorder: false,
};

function numeric(fill: string | undefined, extra: Partial<CellStyle> = {}): CellStyle {
  return { ...base, fill, numberFormat: DECIMAL_FORMAT, cellBorder: true, ...extra };
}

export const PALETTE: Readonly<Record<CellRole, CellStyle>> = {
  title: { ...base, bold: true, fontSize: 14, hAlign: 'left' },
  equation: { ...base, fontColor: '#A50021', italic: true, hAlign: 'left' },
  // Right-aligned: the text ends where the band's first results begin and spills left.
  sideEquation: { ...base, fontColor: '#A50021', italic: true, hAlign: 'right' },
  label: { ...base, hAlign: 'left' },
  operator: { ...base, bold: true, fontColor: '#404040' },
  header: { ...base, bold: true },
  // Left-aligned so a long heading in a narrow first column runs right instead of being cut at the sheet's edge.
  section: { ...base, bold: true, fontSize: 12, hAlign: 'left' },
  input: numeric('#FFF2CC'),
  weight: numeric('#E2EFDA'),
  recurrentWeight: numeric('#C6E0B4'),
  bias: numeric('#E7E6E6'),
  state: numeric('#DDEBF7'),
  gate: numeric('#FCE4D6'),
  activation: numeric('#EDE1F5'),
  computed: numeric(undefined),
  // No fill (a formula, not something to edit) and grey italic figures (a repeat, not a new result).
  copy: numeric(undefined, { fontColor: '#595959', italic: true }),
  output: numeric('#BDD7EE', { bold: true }),
  // A tint of its own (listed in the practice legend), so the blanks are easy to find.
  answer: numeric('#D9F2EF', { fontColor: '#1F4E79' }),
  note: { ...base, italic: true, fontColor: '#595959', fontSize: 9, hAlign: 'left' },
  // Dark blue, full size: the words that teach are read, not skimmed like a note.
  teach: { ...base, fontColor: '#1F4E79', hAlign: 'left' },
};

export function styleFor(role: CellRole): CellStyle {
  return PALETTE[role];
}

/** Narrowest column that shows a three-decimal number such as −12.345 without "###". */
export const MIN_NUMBER_WIDTH = 7;

/**
 * Narrowest column that shows an operator symbol in full: operators are bold and centred,
 * with value cells on both sides, so they cannot spill into a neighbour.
 */
export function operatorWidth(symbol: string): number {
  return Math.ceil([...symbol].length * 1.2) + 1;
}

/** Characters of proportional text per unit of column width (a unit is one digit), about. */
const CHARS_PER_UNIT = 1.15;
/** CJK and full-width characters, each about two digits wide. */
const WIDE = /[\u2e80-\u9fff\uff00-\uffef]/u;

/**
 * Column-width units a line of text needs, estimated on the safe side: the sheets use it
 * to keep a line clear of the cells it must not run into (an equation beside its results,
 * a role line after a long equation).
 */
export function textWidthUnits(text: string): number {
  let units = 0;
  for (const ch of text) units += WIDE.test(ch) ? 2 : 1 / CHARS_PER_UNIT;
  return units;
}

/**
 * A SheetPlan is plain, JSON-serialisable data describing one generated worksheet.
 * Builders produce it from a config; hosts (Excel, preview, .xlsx export) write it;
 * the task pane reads cell meanings from it to explain cells and check practice answers.
 * Nothing here knows about Office.js or the DOM.
 */

export type ModelId =
  | 'rnn'
  | 'lstm'
  | 'gru'
  | 'mamba-scan'
  | 'mamba-block'
  | 'slstm'
  | 'mlstm'
  | 'rnn-bptt'
  | 'lstm-bptt'
  | 'lstm-seq2seq';
export type { Language } from '../i18n/language';
import type { Language } from '../i18n/language';

/** Role of a cell: it picks the palette entry (style.ts) and tells practice mode what may be blanked. */
export type CellRole =
  | 'title'
  | 'equation'
  /**
   * A band's equation beside the numbers it produces: right-aligned in the column just left
   * of the band's first results, so it reads into them; it spills left over the empty cells.
   */
  | 'sideEquation'
  | 'label'
  | 'operator'
  | 'header'
  /** A section heading (a layer-direction, the parallel form): left-aligned, free to run right. */
  | 'section'
  | 'input'
  | 'weight'
  | 'recurrentWeight'
  | 'bias'
  | 'state'
  | 'gate'
  | 'activation'
  | 'computed'
  /** A formula that repeats a value shown elsewhere (x_t in another section, Q rows = q_t): a given, not an input. */
  | 'copy'
  | 'output'
  | 'answer'
  | 'note'
  /** Plain words that explain (a band's role line, a "what to try" box, a narrative line): readable, not small. */
  | 'teach';

/** 0-based row/column on the sheet. */
export interface CellPos {
  readonly row: number;
  readonly col: number;
}

/**
 * What a cell is. Inputs/weights carry `param` (which tensor entry they hold, so the
 * checker can rebuild the model from the sheet); computed cells carry `trace` (which
 * trace entry they must equal, so tests and practice can compare with the core).
 */
/** One entry of a model's trace: tensor `name` at time step `step`, flat index `flat`. */
export interface TraceRef {
  readonly name: string;
  readonly step: number;
  readonly flat: number;
}

/** A test on one gauge of a verdict: gauge `gauge` (an index into `Verdict.gauges`) above or below `value`. */
export interface VerdictTest {
  readonly gauge: number;
  readonly op: '>' | '<';
  readonly value: number;
}

/**
 * A live sentence about what the sheet shows now ("c carries through"): the text of the
 * first case whose tests all hold, else `otherwise`. Each gauge is a traced cell of the
 * sheet; the cell's IF formula reads the gauge cells, and a checker reads the same
 * entries of the core's trace, so the sentence is checked like any number.
 */
export interface Verdict {
  readonly gauges: readonly TraceRef[];
  readonly cases: readonly { readonly when: readonly VerdictTest[]; readonly text: string }[];
  readonly otherwise: string;
}

export interface CellMeaning {
  readonly model: ModelId;
  /** Human label, e.g. "f_t" or "W_ih[i]". */
  readonly tensor: string;
  readonly step?: number;
  readonly index?: readonly number[];
  /** LaTeX of the equation that produces this cell (KaTeX renders it in the pane). */
  readonly equation?: string;
  /**
   * LaTeX of the equation written out for this one entry, with its own step and 1-based
   * indices (a derivative's chain-rule term); absent where the equation says it all.
   */
  readonly term?: string;
  readonly param?: { readonly name: string; readonly flat: number };
  readonly trace?: TraceRef;
  /** A formula that states a sentence rather than a number (a "what to try" box's live check). */
  readonly verdict?: Verdict;
}

export interface PlanCell extends CellPos {
  /** A literal value (inputs, weights, labels). */
  readonly value?: number | string;
  /** A native Excel formula starting with '=' (computed cells). A1 references, same sheet. */
  readonly formula?: string;
  readonly role: CellRole;
  readonly meaning?: CellMeaning;
  /** Overrides the role's number format, e.g. '0' for hand-style integers. */
  readonly numberFormat?: string;
}

export interface PlanRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface PlanName {
  /** Workbook-scoped names must be unique per workbook; hosts scope them to the sheet. */
  readonly name: string;
  readonly range: PlanRange;
}

/**
 * Conditional formatting over one rectangle, applied by every writer (Excel, .xlsx,
 * preview). A data bar draws each number as a bar scaled between the lowest and highest
 * value of the range (the size of a gradient at every step); a colour scale fills each
 * cell with a colour between `colors[0]` at the lowest value and the last at the highest,
 * through the middle colour (at the 50th percentile) when three are given.
 */
export type ConditionalFormat =
  | {
      readonly kind: 'dataBar';
      readonly range: PlanRange;
      /** Further rectangles the same rule covers, its lowest and highest taken over all of them. */
      readonly more?: readonly PlanRange[];
      readonly color: string;
    }
  | {
      readonly kind: 'colorScale';
      readonly range: PlanRange;
      /** Further rectangles the same rule covers, its lowest and highest taken over all of them. */
      readonly more?: readonly PlanRange[];
      readonly colors: readonly [string, string] | readonly [string, string, string];
      /**
       * A fixed value for each stop, or null where the stop follows the data (the lowest,
       * the median, the highest value). Absent: every stop follows the data. A gate's scale
       * is fixed at 0 and 1, so the same colour means the same opening on every sheet.
       */
      readonly stops?: readonly (number | null)[];
    };

/** Every rectangle a conditional format covers. */
export function formatAreas(format: ConditionalFormat): readonly PlanRange[] {
  return [format.range, ...(format.more ?? [])];
}

/**
 * A visible flow of state: `to` (the cells of a step that read a previous step's state,
 * or a copy of it) takes its value from `from` (where that state was produced). Writers
 * draw it as an arrow, or, where they cannot draw, show `label` on the reading cells.
 */
export interface PlanFlow {
  readonly from: PlanRange;
  readonly to: PlanRange;
  /** "← h₃ from t = 3", in the sheet's language. */
  readonly label: string;
}

export interface SheetPlan {
  /** The sheet name the host should try first ("LSTM"); it appends " 2", " 3" when taken. */
  readonly baseName: string;
  readonly model: ModelId;
  readonly language: Language;
  /** The config the plan was built from, stored with the sheet so it can be re-checked after reopen. */
  readonly config: Readonly<Record<string, unknown>>;
  readonly rowCount: number;
  readonly colCount: number;
  readonly cells: readonly PlanCell[];
  readonly merges: readonly PlanRange[];
  /** Column widths in Excel character units, by column index. */
  readonly columnWidths: readonly { readonly col: number; readonly width: number }[];
  readonly names: readonly PlanName[];
  /** Blocks with a visible border (a vector or a weight matrix), drawn as in the seed workbooks. */
  readonly boxes: readonly PlanRange[];
  /** Rows above and columns left of the split that stay visible while scrolling (optional). */
  readonly freeze?: { readonly rows: number; readonly cols: number };
  /** Data bars and colour scales (optional; absent means none). */
  readonly conditionalFormats?: readonly ConditionalFormat[];
  /** Where a step reads an earlier step's state (optional; absent means none). */
  readonly flows?: readonly PlanFlow[];
}

/** Column letters of a 0-based column: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  let c = col + 1;
  let letters = '';
  while (c > 0) {
    const rem = (c - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    c = Math.floor((c - 1) / 26);
  }
  return letters;
}

/** 0-based (row, col) → "B3". */
export function a1(row: number, col: number, absolute = false): string {
  const letters = columnLetters(col);
  return absolute ? `$${letters}$${row + 1}` : `${letters}${row + 1}`;
}

export function rangeA1(r: PlanRange, absolute = false): string {
  const tl = a1(r.top, r.left, absolute);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${a1(r.bottom, r.right, absolute)}`;
}

/** "C5" or "$C$5" → 0-based position. */
export function parseA1(ref: string): CellPos {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref.toUpperCase());
  if (!m) throw new RangeError(`not an A1 cell reference: ${ref}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

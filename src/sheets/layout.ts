/**
 * A small builder that turns "place this labelled vector here, compute that block
 * there" into a SheetPlan. Every model builder goes through it, so all sheets share
 * one look (boxes, captions, formats) and every cell carries its meaning: literals a
 * `param` (which tensor entry they hold), formulas a `trace` (which trace entry they
 * must equal). Blocks return their addresses so later formulas can point at them.
 */
import {
  a1,
  rangeA1,
  type CellMeaning,
  type CellRole,
  type ConditionalFormat,
  type Language,
  type ModelId,
  type PlanCell,
  type PlanFlow,
  type PlanName,
  type PlanRange,
  type SheetPlan,
} from './plan';
import {
  DECIMAL_FORMAT,
  INTEGER_FORMAT,
  MIN_NUMBER_WIDTH,
  operatorWidth,
  styleFor,
  textWidthUnits,
} from './style';
import { roleLegend, label, type Bilingual } from './i18n';
import { readable } from './notation';
import { collectParams } from './params';
import { meaningScales, type BandScale } from './kit/colour';
import { t } from '../i18n';

/** Excel's column count: no sheet is wider. */
const MAX_COLS = 16384;
/** The palette's body font size: `textWidthUnits` measures text of this size. */
const BODY_FONT_SIZE = 11;
/** Width of a column the plan leaves unset (Excel's and LibreOffice's default). */
const DEFAULT_WIDTH = 8.43;

/** A rectangle of cells placed on the sheet, with helpers for referring to it. */
export class Block {
  constructor(
    readonly top: number,
    readonly left: number,
    readonly rows: number,
    readonly cols: number,
  ) {}

  get range(): PlanRange {
    return {
      top: this.top,
      left: this.left,
      bottom: this.top + this.rows - 1,
      right: this.left + this.cols - 1,
    };
  }

  get bottom(): number {
    return this.top + this.rows - 1;
  }

  get right(): number {
    return this.left + this.cols - 1;
  }

  /** A1 address of entry (r, c) of the block. */
  at(r: number, c = 0, absolute = false): string {
    return a1(this.top + r, this.left + c, absolute);
  }

  /** Row r of the block as a range ("B4:F4"). */
  rowRef(r: number, absolute = false): string {
    return rangeA1({ top: this.top + r, bottom: this.top + r, left: this.left, right: this.right }, absolute);
  }

  /** Column c of the block as a range ("B4:B7"). */
  colRef(c = 0, absolute = false): string {
    return rangeA1(
      { top: this.top, bottom: this.bottom, left: this.left + c, right: this.left + c },
      absolute,
    );
  }

  ref(absolute = false): string {
    return rangeA1(this.range, absolute);
  }
}

export interface BlockPlacement {
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly cols: number;
  readonly role: CellRole;
  /** Caption written one row above the block's left cell (e.g. "W_f"). */
  readonly caption?: string;
  /** Draw a border around the block (default true). */
  readonly box?: boolean;
  /** Workbook name for the block's range. */
  readonly name?: string;
  readonly numberFormat?: string;
}

export interface ParamBlock extends BlockPlacement {
  /** The core parameter tensor the cells hold ('W_ih', 'x', 'h0', …). */
  readonly param: string;
  readonly value: (r: number, c: number) => number;
  /** Row-major index into the parameter tensor; default r·cols + c. */
  readonly flat?: (r: number, c: number) => number;
  /** Human label for the meaning, e.g. "W_if"; default the param name. */
  readonly tensor?: string;
  readonly index?: (r: number, c: number) => readonly number[];
  readonly step?: number;
}

export interface ComputedBlock extends BlockPlacement {
  /** The formula of entry (r, c), without '='. */
  readonly formula: (r: number, c: number) => string;
  /** Trace tensor the cells must equal, at `step`, flat index `flat(r, c)` (default r·cols + c). */
  readonly trace: string;
  readonly step: number;
  readonly flat?: (r: number, c: number) => number;
  /** Human label, e.g. "f_t". */
  readonly tensor: string;
  /** LaTeX of the equation that produces the cells. */
  readonly equation: string;
  /** LaTeX of the equation written out for entry (r, c) (see CellMeaning.term). */
  readonly term?: (r: number, c: number) => string;
}

/** A legend line: a role with the sheet's own wording, or the role's general caption. */
export type LegendEntry = CellRole | readonly [CellRole, Bilingual];

export class PlanBuilder {
  /** Keyed by row·MAX_COLS + col: a number key is several times faster than a string on large sheets. */
  private readonly cells = new Map<number, PlanCell>();
  private readonly merges: PlanRange[] = [];
  private readonly boxes: PlanRange[] = [];
  private readonly names: PlanName[] = [];
  private readonly widths = new Map<number, number>();
  private frozen: { rows: number; cols: number } | undefined;
  private readonly conditional: ConditionalFormat[] = [];
  private readonly flows: PlanFlow[] = [];
  private legendAt: { top: number; col: number; entries: readonly LegendEntry[] } | undefined;
  private maxRow = 0;
  private maxCol = 0;

  constructor(
    readonly model: ModelId,
    readonly language: Language,
    readonly baseName: string,
    private readonly config: Readonly<Record<string, unknown>>,
    /** Format for literal parameters: integers for hand-style weights. */
    readonly paramFormat: string = DECIMAL_FORMAT,
  ) {}

  /** Places one cell; two cells at one position is a builder bug, so it throws. */
  put(cell: PlanCell): PlanCell {
    const key = cell.row * MAX_COLS + cell.col;
    if (this.cells.has(key))
      throw new Error(`two cells at ${a1(cell.row, cell.col)} in the ${this.model} plan`);
    if (cell.formula !== undefined && !cell.meaning?.trace && !cell.meaning?.verdict) {
      throw new Error(`formula cell ${a1(cell.row, cell.col)} has neither a trace nor a verdict meaning`);
    }
    this.cells.set(key, cell);
    this.maxRow = Math.max(this.maxRow, cell.row);
    this.maxCol = Math.max(this.maxCol, cell.col);
    return cell;
  }

  has(row: number, col: number): boolean {
    return this.cells.has(row * MAX_COLS + col);
  }

  /** The parameter entry a literal cell already written holds, if any. */
  paramAt(row: number, col: number): { readonly name: string; readonly flat: number } | undefined {
    return this.cells.get(row * MAX_COLS + col)?.meaning?.param;
  }

  /** Every parameter tensor written so far, read back off its cells (as `paramsFromPlan`). */
  paramValues(): Record<string, Float64Array> {
    return collectParams([...this.cells.values()]);
  }

  /** Plain text, written in the sheet's notation (notation.ts). */
  text(row: number, col: number, text: string, role: CellRole = 'label'): void {
    this.put({ row, col, value: readable(text), role });
  }

  title(row: number, col: number, text: string, span = 8): void {
    this.text(row, col, text, 'title');
    if (span > 1) this.merge({ top: row, bottom: row, left: col, right: col + span - 1 });
  }

  /** An equation caption (plain text with Unicode sub/superscripts) above a block. */
  equation(row: number, col: number, text: string): void {
    this.text(row, col, text, 'equation');
  }

  /**
   * A band's equation beside the numbers it produces: right-aligned in `col`, the column
   * just left of the band's first results, spilling left over the free cells of its row.
   * Written only where that free run (at the widths set so far) holds the whole text;
   * returns false, writing nothing, where it would be cut, so the caller keeps the
   * equation at the left of its band instead.
   */
  sideEquation(row: number, col: number, text: string): boolean {
    const shown = readable(text);
    let room = 0;
    for (let c = col; c >= 0 && !this.has(row, c) && !this.merged(row, c); c--) room += this.widthOf(c);
    if (room < textWidthUnits(shown) + 1) return false;
    this.put({ row, col, value: shown, role: 'sideEquation' });
    return true;
  }

  /**
   * A band's equation beside its results (`sideEquation` at `besideCol`) where its line
   * holds it, else at `leftCol`, the left edge of the band's weights. Returns whether it
   * went beside.
   */
  bandEquation(row: number, besideCol: number, leftCol: number, text: string): boolean {
    if (this.sideEquation(row, besideCol, text)) return true;
    this.equation(row, leftCol, text);
    return false;
  }

  operator(row: number, col: number, symbol: string): void {
    this.text(row, col, symbol, 'operator');
  }

  /** A literal number that is part of the layout (the 1s of a stacked column), not a parameter. */
  constant(row: number, col: number, value: number, role: CellRole = 'bias'): void {
    this.put({ row, col, value, role, numberFormat: Number.isInteger(value) ? INTEGER_FORMAT : undefined });
  }

  param(spec: ParamBlock): Block {
    const block = this.place(spec);
    const flat = spec.flat ?? ((r: number, c: number) => r * spec.cols + c);
    for (let r = 0; r < spec.rows; r++)
      for (let c = 0; c < spec.cols; c++) {
        const meaning: CellMeaning = {
          model: this.model,
          tensor: spec.tensor ?? spec.param,
          step: spec.step,
          index: spec.index ? spec.index(r, c) : spec.cols === 1 ? [r] : [r, c],
          param: { name: spec.param, flat: flat(r, c) },
        };
        this.put({
          row: spec.top + r,
          col: spec.left + c,
          value: spec.value(r, c),
          role: spec.role,
          meaning,
          numberFormat: spec.numberFormat ?? this.paramFormat,
        });
      }
    return block;
  }

  computed(spec: ComputedBlock): Block {
    const block = this.place(spec);
    const flat = spec.flat ?? ((r: number, c: number) => r * spec.cols + c);
    for (let r = 0; r < spec.rows; r++)
      for (let c = 0; c < spec.cols; c++) {
        const f = flat(r, c);
        const meaning: CellMeaning = {
          model: this.model,
          tensor: spec.tensor,
          step: spec.step,
          index: spec.cols === 1 ? [r] : [r, c],
          equation: spec.equation,
          ...(spec.term ? { term: spec.term(r, c) } : {}),
          trace: { name: spec.trace, step: spec.step, flat: f },
        };
        this.put({
          row: spec.top + r,
          col: spec.left + c,
          formula: `=${spec.formula(r, c)}`,
          role: spec.role,
          meaning,
          numberFormat: spec.numberFormat,
        });
      }
    return block;
  }

  box(range: PlanRange): void {
    this.boxes.push(range);
  }

  merge(range: PlanRange): void {
    this.merges.push(range);
    this.maxRow = Math.max(this.maxRow, range.bottom);
    this.maxCol = Math.max(this.maxCol, range.right);
  }

  name(name: string, range: PlanRange): void {
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) {
      throw new Error(`"${name}" is not a valid workbook name`);
    }
    if (this.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
      throw new Error(`duplicate name ${name}`);
    this.names.push({ name, range });
  }

  /** Keeps the top `rows` rows and left `cols` columns in view while scrolling. */
  freeze(rows: number, cols: number): void {
    this.frozen = { rows, cols };
  }

  /** A data bar or colour scale over a rectangle of the sheet. */
  conditionalFormat(format: ConditionalFormat): void {
    this.conditional.push(format);
  }

  /** A visible flow of state from the range that produced it to the cells that read it (kit/flow.ts). */
  flow(flow: PlanFlow): void {
    this.flows.push(flow);
  }

  width(col: number, width: number): void {
    this.widths.set(col, width);
  }

  /** Width of a column as set so far (the default where unset). */
  widthOf(col: number): number {
    return this.widths.get(col) ?? DEFAULT_WIDTH;
  }

  private merged(row: number, col: number): boolean {
    return this.merges.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }

  /** Label/value rows (the configuration summary at the top left). Returns the next free row. */
  keyValues(top: number, col: number, rows: readonly (readonly [string, string | number])[]): number {
    rows.forEach(([k, v], i) => {
      this.text(top + i, col, k, 'label');
      this.put({
        row: top + i,
        col: col + 1,
        value: typeof v === 'number' ? v : readable(v),
        role: 'label',
        numberFormat: typeof v === 'number' ? 'General' : undefined,
      });
    });
    return top + rows.length;
  }

  /**
   * Reserves the colour legend: one swatch and caption per entry. The lines are written
   * by `build`, which leaves out the roles no cell of the sheet ended up with (a variant
   * without copies, say), so the legend never shows a colour the sheet lacks.
   * Returns the row below the reserved lines.
   */
  legend(top: number, col: number, entries: readonly LegendEntry[]): number {
    this.text(top, col, label(this.language, 'legend'), 'header');
    this.legendAt = { top, col, entries };
    return top + 1 + entries.length;
  }

  build(): SheetPlan {
    const scales = meaningScales([...this.cells.values()]);
    this.writeLegend(scales);
    const conditional = [...this.conditional, ...scales.map((s) => s.format)];
    const cells = [...this.cells.values()].sort((p, q) => p.row - q.row || p.col - q.col);
    this.widenToFit(cells);
    this.fitMergedText(cells);
    return {
      baseName: this.baseName,
      model: this.model,
      language: this.language,
      config: this.config,
      rowCount: this.maxRow + 1,
      colCount: this.maxCol + 1,
      cells,
      merges: this.merges,
      columnWidths: [...this.widths.entries()]
        .sort((p, q) => p[0] - q[0])
        .map(([col, width]) => ({ col, width })),
      names: this.names,
      boxes: this.boxes,
      ...(this.frozen ? { freeze: this.frozen } : {}),
      ...(conditional.length > 0 ? { conditionalFormats: conditional } : {}),
      ...(this.flows.length > 0 ? { flows: this.flows } : {}),
    };
  }

  private writeLegend(scales: readonly BandScale[]): void {
    if (!this.legendAt) return;
    const { top, col, entries } = this.legendAt;
    const used = new Set([...this.cells.values()].map((c) => c.role));
    let row = top + 1;
    for (const entry of entries) {
      const [role, text] = typeof entry === 'string' ? [entry, undefined] : entry;
      if (!used.has(role)) continue;
      this.put({ row, col, value: '', role });
      this.text(row, col + 1, text ? text[this.language] : roleLegend(this.language, role), 'note');
      row++;
    }
    // The frame leaves two free rows below the reserved legend lines: the colour scales and
    // the arrows share the first, so no band moves and a practice sheet's answer line fits below.
    const lang = this.language;
    const parts = (['unit', 'signed'] as const)
      .filter((k) => scales.some((s) => s.scale === k))
      .map((k) => t(lang, `sheets.colour.${k}`));
    const colours = t(lang, 'sheets.colour.legend', { parts: parts.join(t(lang, 'sheets.colour.join')) });
    const texts = [
      ...(parts.length > 0 ? [colours] : []),
      ...(this.flows.length > 0 ? [t(lang, 'sheets.flow.legend')] : []),
    ];
    if (texts.length > 0) this.text(row, col + 1, texts.join(t(lang, 'sheets.colour.lineJoin')), 'note');
  }

  /**
   * Columns only grow: a column holding numbers gets at least MIN_NUMBER_WIDTH (no "###"
   * where a band of one step reuses another band's narrow operator column), and an operator
   * column is as wide as its longest symbol (no "oftplu"), a centred heading fits its
   * column (a table's "attention" over a narrow step column), and so does a label whose
   * right neighbour is taken.
   */
  private widenToFit(cells: readonly PlanCell[]): void {
    const need = new Map<number, number>();
    const want = (col: number, width: number) => need.set(col, Math.max(need.get(col) ?? 0, width));
    for (const c of cells) {
      const numeric = c.formula !== undefined || typeof c.value === 'number';
      if (numeric && styleFor(c.role).cellBorder) want(c.col, MIN_NUMBER_WIDTH);
      if (c.role === 'operator' && typeof c.value === 'string') want(c.col, operatorWidth(c.value));
      if (c.role === 'header' && typeof c.value === 'string') want(c.col, [...c.value].length);
      // A caption with its neighbour taken cannot spill (a bias's "b_if_l0_reverse" beside "b_hf_l0_reverse").
      if (c.role === 'label' && typeof c.value === 'string' && this.has(c.row, c.col + 1))
        want(c.col, textWidthUnits(c.value) + 1);
    }
    for (const [col, width] of need) {
      if ((this.widths.get(col) ?? DEFAULT_WIDTH) < width) this.widths.set(col, width);
    }
  }

  /**
   * A merged text (the title) is cut at the merge's right edge, where unmerged text would
   * spill on: a one-row merge of text grows right until its columns hold the text, at its
   * font size. Run after the widths are final.
   */
  private fitMergedText(cells: readonly PlanCell[]): void {
    for (const [i, m] of this.merges.entries()) {
      if (m.top !== m.bottom) continue;
      const c = cells.find((x) => x.row === m.top && x.col === m.left);
      if (!c || typeof c.value !== 'string') continue;
      const style = styleFor(c.role);
      const need = (textWidthUnits(c.value) * style.fontSize * (style.bold ? 1.1 : 1)) / BODY_FONT_SIZE;
      let right = m.right;
      let room = 0;
      for (let k = m.left; k <= right; k++) room += this.widthOf(k);
      while (room < need && right + 1 < MAX_COLS && !this.has(m.top, right + 1))
        room += this.widthOf(++right);
      if (right > m.right) {
        this.merges[i] = { ...m, right };
        this.maxCol = Math.max(this.maxCol, right);
      }
    }
  }

  private place(spec: BlockPlacement): Block {
    const block = new Block(spec.top, spec.left, spec.rows, spec.cols);
    if (spec.caption !== undefined) this.text(spec.top - 1, spec.left, spec.caption, 'label');
    if (spec.box !== false) this.box(block.range);
    if (spec.name) this.name(spec.name, block.range);
    return block;
  }
}

/** Integers for hand-style weights, three decimals otherwise. */
export function paramFormatFor(init: string, fromStateDict: boolean): string {
  return init === 'hand' && !fromStateDict ? INTEGER_FORMAT : DECIMAL_FORMAT;
}

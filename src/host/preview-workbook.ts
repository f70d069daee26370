/**
 * An in-browser workbook for the preview: HyperFormula evaluates the formulas, this
 * class keeps what HyperFormula does not (the plan's roles, number formats, widths,
 * merges, boxes, the add-in's metadata marker, the selection) and tells subscribers
 * when anything visible changed. HyperFormula is GPL-3.0, so only the preview bundle
 * and tests may import this file; the production entries never reach src/host/preview-*.
 * Custom functions are registered globally (preview-functions.ts) before a workbook is
 * made: HyperFormula snapshots its function registry when an engine is built.
 */
import { excelNumbers } from './formula-literals';
import { literalEntry } from './excel-ops';
import { HyperFormula, DetailedCellError, type RawCellContent } from 'hyperformula';
import {
  a1,
  parseA1,
  type CellRole,
  type ConditionalFormat,
  type PlanRange,
  type SheetPlan,
} from '../sheets/plan';
import { resolvePlanLook, type Freeze, type ResolvedBox, type ResolvedLook } from './plan-look';
import type { ResolvedFlow } from './flow-look';
import { freeSheetName, sheetNameProblem, sheetRangeRef } from './sheet-names';

export type PreviewValue = number | string | boolean | null;

/** What the grid needs to draw one cell. */
export interface PreviewCell {
  readonly value: PreviewValue;
  readonly formula: string | null;
  /** Set when the value is an error ('#VALUE!'): the message, shown as a tooltip. */
  readonly error: string | null;
  readonly role: CellRole | null;
  /** The resolver's look of the cell the plan wrote here; null for a cell the plan left empty. */
  readonly look: ResolvedLook | null;
  /** The resolved number format (null: General). */
  readonly numberFormat: string | null;
  /** A fill written by writeCells (practice feedback); wins over the role's fill. */
  readonly fillOverride: string | null;
}

export interface PreviewSheet {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  readonly columnWidths: ReadonlyMap<number, number>;
  /** The largest font (points) a row's styled cells use; Excel grows such rows to fit it. */
  readonly rowFontSizes: ReadonlyMap<number, number>;
  readonly merges: readonly PlanRange[];
  /** Each box with the colour the resolver gave it. */
  readonly boxes: readonly ResolvedBox[];
  /** The frozen split the plan asked for, or null. */
  readonly freeze: Freeze | null;
  readonly conditionalFormats: readonly ConditionalFormat[];
  /** The flows between steps, drawn as arrows over the grid. */
  readonly flows: readonly ResolvedFlow[];
  readonly metadata: Readonly<Record<string, unknown>> | null;
}

export interface PreviewSelection {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

interface CellLook {
  readonly role: CellRole;
  readonly look: ResolvedLook;
}

interface SheetRecord {
  name: string;
  readonly hfId: number;
  rowCount: number;
  colCount: number;
  columnWidths: Map<number, number>;
  rowFontSizes: Map<number, number>;
  merges: PlanRange[];
  boxes: ResolvedBox[];
  freeze: Freeze | null;
  conditionalFormats: ConditionalFormat[];
  flows: ResolvedFlow[];
  metadata: Readonly<Record<string, unknown>> | null;
  readonly looks: Map<number, CellLook>;
  readonly fills: Map<number, string>;
}

/** Excel's grid limits; the key packs (row, col) into one number. */
const MAX_COLS = 16384;
const key = (row: number, col: number): number => row * MAX_COLS + col;

/** Room beyond the used range to click into and type, as Excel's endless grid offers. */
const MIN_ROWS = 100;
const MIN_COLS = 26;
const SPARE_ROWS = 30;
const SPARE_COLS = 8;

export class PreviewWorkbook {
  private readonly hf: HyperFormula;
  private readonly records: SheetRecord[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly selectionListeners = new Set<(s: PreviewSelection) => void>();
  private selection: PreviewSelection | null = null;
  private active: string | null = null;
  private versionCounter = 0;
  private batching = 0;

  constructor() {
    this.hf = HyperFormula.buildEmpty({
      licenseKey: 'gpl-v3',
      // Full double precision: the sheets are compared with the core at 1e-9.
      smartRounding: false,
    });
    this.hf.on('valuesUpdated', () => this.changed());
  }

  /** Increases on every visible change; React's useSyncExternalStore reads it. */
  get version(): number {
    return this.versionCounter;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onSelection(listener: (s: PreviewSelection) => void): () => void {
    this.selectionListeners.add(listener);
    return () => this.selectionListeners.delete(listener);
  }

  sheetNames(): string[] {
    return this.records.map((r) => r.name);
  }

  sheet(name: string): PreviewSheet | null {
    const r = this.find(name);
    if (!r) return null;
    return {
      name: r.name,
      rowCount: Math.max(r.rowCount + SPARE_ROWS, MIN_ROWS),
      colCount: Math.max(r.colCount + SPARE_COLS, MIN_COLS),
      columnWidths: r.columnWidths,
      rowFontSizes: r.rowFontSizes,
      merges: r.merges,
      boxes: r.boxes,
      freeze: r.freeze,
      conditionalFormats: r.conditionalFormats,
      flows: r.flows,
      metadata: r.metadata,
    };
  }

  get activeSheet(): string | null {
    return this.active;
  }

  getSelection(): PreviewSelection | null {
    return this.selection;
  }

  activate(name: string): void {
    if (!this.find(name) || this.active === name) return;
    this.active = name;
    this.select(name, 0, 0);
  }

  select(sheet: string, row: number, col: number): void {
    const s = this.selection;
    if (s && s.sheet === sheet && s.row === row && s.col === col && this.active === sheet) return;
    this.active = sheet;
    this.selection = { sheet, row, col };
    this.changed();
    const sel = this.selection;
    for (const l of [...this.selectionListeners]) l(sel);
  }

  /** Adds an empty sheet named `baseName` made valid, or "baseName 2", "baseName 3"… when taken. */
  addSheet(baseName: string): string {
    const name = freeSheetName(baseName, this.sheetNames());
    this.hf.addSheet(name);
    this.forgetHistory();
    const hfId = this.hf.getSheetId(name);
    if (hfId === undefined) throw new Error(`sheet ${name} was not created`);
    this.records.push({
      name,
      hfId,
      rowCount: 0,
      colCount: 0,
      columnWidths: new Map(),
      rowFontSizes: new Map(),
      merges: [],
      boxes: [],
      freeze: null,
      conditionalFormats: [],
      flows: [],
      metadata: null,
      looks: new Map(),
      fills: new Map(),
    });
    if (this.active === null) this.active = name;
    this.changed();
    return name;
  }

  /** A sheet's id, which a rename keeps (HyperFormula's sheet id), or null when there is no such sheet. */
  sheetId(name: string): string | null {
    const r = this.find(name);
    return r ? String(r.hfId) : null;
  }

  /** The name of the sheet with this id now, or null when it is gone. */
  sheetNameOfId(id: string): string | null {
    return this.records.find((r) => String(r.hfId) === id)?.name ?? null;
  }

  removeSheet(name: string): void {
    const i = this.records.findIndex((r) => r.name === name);
    if (i < 0) return;
    this.hf.removeSheet(this.records[i].hfId);
    this.forgetHistory();
    this.records.splice(i, 1);
    if (this.active === name) this.active = this.records[Math.max(0, i - 1)]?.name ?? null;
    if (this.selection?.sheet === name) this.selection = null;
    this.changed();
    if (this.active && !this.selection) this.select(this.active, 0, 0);
  }

  /**
   * Renames a sheet; false when Excel would refuse the new name (see sheetNameProblem).
   * Formulas on other sheets that refer to it follow, as in Excel, and so does the task
   * pane: the selection moves with the sheet, and its listeners hear of it.
   */
  renameSheet(name: string, newName: string): boolean {
    const r = this.find(name);
    const clean = newName.trim();
    if (!r || sheetNameProblem(clean, name, this.sheetNames()) !== null) return false;
    if (clean === name) return true;
    if (!this.hf.isItPossibleToRenameSheet(r.hfId, clean)) return false;
    this.hf.renameSheet(r.hfId, clean);
    r.name = clean;
    if (this.active === name) this.active = clean;
    const moved = this.selection?.sheet === name;
    if (this.selection && moved) this.selection = { ...this.selection, sheet: clean };
    this.changed();
    const sel = this.selection;
    if (moved && sel) for (const l of [...this.selectionListeners]) l(sel);
    return true;
  }

  /** Whether a sheet holds anything: a cell's content, or the add-in's marker. */
  hasContent(name: string): boolean {
    const r = this.require(name);
    if (r.metadata !== null) return true;
    // The dimensions do not shrink when cells are cleared, so look at what the cells hold.
    return this.hf.getSheetSerialized(r.hfId).some((row) => row.some((c) => c !== null && c !== undefined));
  }

  /**
   * Writes a plan's layout, looks and contents into an existing, empty sheet. Contents
   * go in `chunkRows` rows at a time so a caller can report progress between chunks;
   * evaluation waits until the last chunk so the graph is computed once.
   */
  writePlan(
    name: string,
    plan: SheetPlan,
    onChunk?: (done: number, total: number) => void,
    chunkRows = 200,
  ): void {
    const r = this.require(name);
    r.rowCount = plan.rowCount;
    r.colCount = plan.colCount;
    const look = resolvePlanLook(plan);
    r.columnWidths = new Map(look.columnWidths.map((w) => [w.col, w.width]));
    r.merges = [...look.merges];
    r.boxes = [...look.boxes];
    r.freeze = look.freeze;
    r.rowFontSizes = new Map(look.rowFontSizes);
    r.conditionalFormats = [...(plan.conditionalFormats ?? [])];
    r.flows = [...look.flows];
    const rows: RawCellContent[][] = Array.from({ length: plan.rowCount }, () =>
      new Array(plan.colCount).fill(null),
    );
    plan.cells.forEach((c, i) => {
      if (c.row >= plan.rowCount || c.col >= plan.colCount) {
        throw new RangeError(
          `plan cell ${a1(c.row, c.col)} lies outside its ${plan.rowCount}×${plan.colCount} sheet`,
        );
      }
      // A text the engine would read as a formula or number ("= level 0", "=") stays text, as in Excel.
      rows[c.row][c.col] = c.formula ?? (c.value === undefined ? null : literalEntry(c.value));
      r.looks.set(key(c.row, c.col), { role: c.role, look: look.cells[i].look });
    });
    this.hf.suspendEvaluation();
    this.batching++;
    try {
      const total = plan.cells.length;
      let done = 0;
      for (let top = 0; top < rows.length; top += chunkRows) {
        const chunk = rows.slice(top, top + chunkRows);
        this.hf.setCellContents({ sheet: r.hfId, row: top, col: 0 }, chunk);
        done += plan.cells.filter((c) => c.row >= top && c.row < top + chunkRows).length;
        onChunk?.(done, total);
      }
      for (const n of plan.names) {
        this.hf.addNamedExpression(n.name, `=${sheetRangeRef(r.name, n.range)}`, r.hfId);
      }
    } finally {
      this.batching--;
      this.hf.resumeEvaluation();
      this.forgetHistory();
    }
    this.changed();
  }

  setMetadata(name: string, metadata: Readonly<Record<string, unknown>>): void {
    this.require(name).metadata = { ...metadata };
  }

  /** Reads a cell by 0-based position. */
  cell(name: string, row: number, col: number): PreviewCell {
    const r = this.require(name);
    const address = { sheet: r.hfId, row, col };
    const raw = this.hf.getCellValue(address);
    const look = r.looks.get(key(row, col));
    const isError = raw instanceof DetailedCellError;
    return {
      value: isError ? raw.value : (raw as PreviewValue),
      formula: this.hf.getCellFormula(address) ?? null,
      error: isError ? raw.message || raw.value : null,
      role: look?.role ?? null,
      look: look?.look ?? null,
      numberFormat: look?.look.numberFormat ?? null,
      fillOverride: r.fills.get(key(row, col)) ?? null,
    };
  }

  cellAt(name: string, address: string): PreviewCell {
    const p = parseA1(address);
    return this.cell(name, p.row, p.col);
  }

  /** Writes a formula ('=…'), a literal, or null (clears). */
  setContent(name: string, row: number, col: number, content: string | number | boolean | null): void {
    const r = this.require(name);
    this.hf.setCellContents({ sheet: r.hfId, row, col }, [[content]]);
    r.rowCount = Math.max(r.rowCount, row + 1);
    r.colCount = Math.max(r.colCount, col + 1);
    this.changed();
  }

  /** What a person typed into a cell or the formula bar, read the way Excel reads it. */
  setInput(name: string, row: number, col: number, text: string): void {
    this.setContent(name, row, col, parseInput(text));
  }

  /**
   * Ctrl+Z and Ctrl+Y: HyperFormula's own undo of cell edits. Building or removing a sheet
   * clears the history (see forgetHistory), so undo never takes a built sheet apart.
   */
  undo(): boolean {
    if (!this.hf.isThereSomethingToUndo()) return false;
    this.hf.undo();
    this.changed();
    return true;
  }

  redo(): boolean {
    if (!this.hf.isThereSomethingToRedo()) return false;
    this.hf.redo();
    this.changed();
    return true;
  }

  private forgetHistory(): void {
    this.hf.clearUndoStack();
    this.hf.clearRedoStack();
  }

  setFill(name: string, row: number, col: number, fill: string | null): void {
    const r = this.require(name);
    if (fill === null) r.fills.delete(key(row, col));
    else r.fills.set(key(row, col), fill);
    this.changed();
  }

  private find(name: string): SheetRecord | undefined {
    return this.records.find((r) => r.name === name);
  }

  private require(name: string): SheetRecord {
    const r = this.find(name);
    if (!r) throw new Error(`no sheet named "${name}"`);
    return r;
  }

  private changed(): void {
    if (this.batching > 0) return;
    this.versionCounter++;
    for (const l of [...this.listeners]) l();
  }
}

/** Excel reads "1.5" as a number, "TRUE" as a boolean, "=…" as a formula, "" as empty. */
export function parseInput(text: string): string | number | boolean | null {
  const t = text.trim();
  if (t === '') return null;
  if (t.startsWith('=')) return excelNumbers(t);
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t);
  if (/^true$/i.test(t)) return true;
  if (/^false$/i.test(t)) return false;
  return text;
}

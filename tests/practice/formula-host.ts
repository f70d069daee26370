/**
 * An in-memory WorkbookHost for practice tests, backed by HyperFormula so learner
 * formulas calculate as they would in Excel. `save()` gives the stored workbook (cells,
 * fills, markers) and a new host over it simulates closing and reopening the file: no
 * state other than what `save()` returned survives. Every writeCells call is recorded.
 */
import { DetailedCellError, HyperFormula, type RawCellContent } from 'hyperformula';
import type {
  AddinSheet,
  BuildResult,
  CellContent,
  CellWrite,
  HostSupport,
  SelectedCell,
  WorkbookHost,
} from '../../src/host/host';
import { a1, parseA1, type SheetPlan } from '../../src/sheets/plan';
import { memorySettings } from '../../src/host/settings';

export interface StoredSheetState {
  readonly name: string;
  readonly metadata: Record<string, unknown> | null;
  readonly contents: RawCellContent[][];
  readonly fills: Record<string, string>;
}

export interface StoredWorkbook {
  readonly sheets: readonly StoredSheetState[];
}

export interface RecordedWrite {
  readonly sheet: string;
  readonly address: string;
  readonly write: CellWrite;
}

export class FormulaHost implements WorkbookHost {
  readonly kind = 'fake' as const;
  readonly settings = memorySettings();
  readonly hf: HyperFormula;
  readonly writes: RecordedWrite[] = [];
  private readonly metadata = new Map<string, Record<string, unknown> | null>();
  private readonly fills = new Map<string, Map<string, string>>();
  private readonly listeners = new Set<(c: SelectedCell) => void>();
  private selection: SelectedCell | null = null;

  constructor(stored?: StoredWorkbook) {
    this.hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3', smartRounding: false });
    for (const s of stored?.sheets ?? []) {
      this.hf.addSheet(s.name);
      this.hf.setSheetContent(this.id(s.name), structuredClone(s.contents));
      this.metadata.set(s.name, s.metadata === null ? null : structuredClone(s.metadata));
      this.fills.set(s.name, new Map(Object.entries(s.fills)));
    }
  }

  save(): StoredWorkbook {
    return {
      sheets: this.hf.getSheetNames().map((name) => ({
        name,
        metadata: structuredClone(this.metadata.get(name) ?? null),
        contents: structuredClone(this.hf.getSheetSerialized(this.id(name))) as RawCellContent[][],
        fills: Object.fromEntries(this.fills.get(name) ?? []),
      })),
    };
  }

  async checkSupport(): Promise<HostSupport> {
    return { ok: true };
  }

  async buildSheet(plan: SheetPlan, metadata: Readonly<Record<string, unknown>>): Promise<BuildResult> {
    let name = plan.baseName;
    for (let n = 2; this.hf.doesSheetExist(name); n++) name = `${plan.baseName} ${n}`;
    this.hf.addSheet(name);
    const grid: RawCellContent[][] = [];
    for (let r = 0; r < plan.rowCount; r++) grid.push(new Array<RawCellContent>(plan.colCount).fill(null));
    for (const c of plan.cells) grid[c.row][c.col] = c.formula ?? (c.value === '' ? null : (c.value ?? null));
    this.hf.setSheetContent(this.id(name), grid);
    // Stored as JSON, as a document property would be.
    this.metadata.set(name, JSON.parse(JSON.stringify(metadata)) as Record<string, unknown>);
    this.fills.set(name, new Map());
    const formulaCount = plan.cells.filter((c) => c.formula !== undefined).length;
    return { sheetName: name, cellCount: plan.cells.length, formulaCount, syncCount: 0 };
  }

  /** A sheet the learner made themselves (no marker). */
  addPlainSheet(name: string, contents: RawCellContent[][]): void {
    this.hf.addSheet(name);
    this.hf.setSheetContent(this.id(name), contents);
    this.metadata.set(name, null);
  }

  async listAddinSheets(): Promise<AddinSheet[]> {
    return this.hf
      .getSheetNames()
      .filter((n) => this.metadata.get(n))
      .map((name) => ({ name, metadata: this.metadata.get(name) as Record<string, unknown> }));
  }

  async readCells(sheet: string, addresses: readonly string[]): Promise<CellContent[]> {
    return addresses.map((address) => this.cell(sheet, address));
  }

  cell(sheet: string, address: string): CellContent {
    const { row, col } = parseA1(address);
    const at = { sheet: this.id(sheet), row, col };
    const raw = this.hf.getCellValue(at);
    const value = raw instanceof DetailedCellError ? raw.value : raw;
    const formula = this.hf.getCellFormula(at) ?? null;
    return { address: a1(row, col), value, formula };
  }

  fillOf(sheet: string, address: string): string | undefined {
    return this.fills.get(sheet)?.get(address);
  }

  async writeCells(sheet: string, writes: readonly CellWrite[]): Promise<void> {
    for (const w of writes) {
      this.writes.push({ sheet, address: w.address, write: w });
      if (w.content !== undefined) this.setContent(sheet, w.address, w.content);
      if (w.fill !== undefined) {
        const fills = this.fills.get(sheet) ?? new Map<string, string>();
        if (w.fill === null) fills.delete(w.address);
        else fills.set(w.address, w.fill);
        this.fills.set(sheet, fills);
      }
    }
  }

  /** What a learner typing into the grid does (not recorded as an add-in write). */
  setContent(sheet: string, address: string, content: string | number | null): void {
    const { row, col } = parseA1(address);
    this.hf.setCellContents({ sheet: this.id(sheet), row, col }, content);
  }

  async getSelection(): Promise<SelectedCell | null> {
    return this.selection;
  }

  onSelectionChanged(listener: (cell: SelectedCell) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    this.select(sheet, address);
  }

  select(sheet: string, address: string): void {
    this.selection = { sheet, address };
    for (const l of this.listeners) l(this.selection);
  }

  private id(name: string): number {
    const id = this.hf.getSheetId(name);
    if (id === undefined) throw new Error(`no sheet ${name}`);
    return id;
  }
}

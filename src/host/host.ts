/**
 * The one interface the task pane talks to. ExcelHost implements it with Office.js,
 * PreviewHost with an in-browser HyperFormula workbook, and tests with fakes. The pane
 * never touches Office.js directly.
 */
import type { SheetPlan } from '../sheets/plan';
import type { SettingsStore } from './settings';

export interface BuildProgress {
  readonly done: number;
  readonly total: number;
}

export interface BuildResult {
  readonly sheetName: string;
  readonly cellCount: number;
  readonly formulaCount: number;
  readonly syncCount: number;
  /**
   * The workbook's own id of the sheet built (Excel's worksheet id), which stays the same
   * when the sheet is renamed: what removeSheet takes, so nothing else can be removed.
   */
  readonly sheetId?: string;
}

/** A sheet this add-in created, recognised by the marker the host stores with it. */
export interface AddinSheet {
  readonly name: string;
  /** The plan's config and mode, as stored when the sheet was built. */
  readonly metadata: Readonly<Record<string, unknown>>;
}

export interface CellContent {
  readonly address: string;
  /** Calculated value; null for an empty cell. */
  readonly value: number | string | boolean | null;
  /** The formula text ('=…') if the cell holds one, else null. */
  readonly formula: string | null;
}

export interface CellWrite {
  readonly address: string;
  /** A formula ('=…'), a literal, or null to clear the content. */
  readonly content?: string | number | null;
  /** Fill colour '#RRGGBB', or null to restore the plan's fill for that cell. */
  readonly fill?: string | null;
}

export interface HostSupport {
  readonly ok: boolean;
  readonly message?: string;
}

export interface SelectedCell {
  readonly sheet: string;
  readonly address: string;
}

export interface WorkbookHost {
  readonly kind: 'excel' | 'preview' | 'fake';
  /** What the pane remembers between sessions (language, last build settings). */
  readonly settings: SettingsStore;
  checkSupport(): Promise<HostSupport>;
  /**
   * Writes the plan into a new sheet (never an existing one). On any failure the
   * half-written sheet is removed before the error propagates.
   */
  buildSheet(
    plan: SheetPlan,
    metadata: Readonly<Record<string, unknown>>,
    onProgress?: (p: BuildProgress) => void,
  ): Promise<BuildResult>;
  listAddinSheets(): Promise<AddinSheet[]>;
  /**
   * Removes a sheet this add-in built, found by the id its build returned, never by name
   * (a co-author's sheet may have taken the name meanwhile). A sheet already gone is not
   * an error; a sheet without the add-in's marker is refused.
   */
  removeSheet?(sheetId: string): Promise<void>;
  /**
   * Puts the arrows of a sheet this add-in built back where its cells now are (after a
   * learner changed column widths or row heights) and returns how many arrows the sheet
   * shows. Only what the add-in drew is touched; a sheet without the add-in's marker is
   * refused. Absent where a host draws no arrows.
   */
  redrawFlows?(sheetName: string): Promise<number>;
  /** Reads cells of a sheet the add-in created. */
  readCells(sheet: string, addresses: readonly string[]): Promise<CellContent[]>;
  /** Writes cells of a sheet the add-in created; callers restrict this to answer cells. */
  writeCells(sheet: string, writes: readonly CellWrite[]): Promise<void>;
  getSelection(): Promise<SelectedCell | null>;
  /**
   * Opens an .xlsx file as a new workbook (Excel.createWorkbook). Absent where the host
   * cannot; rejects where this Excel lacks the API. A browser download is the fallback,
   * and Office on Mac ignores those, so Excel hosts should offer this.
   */
  openWorkbook?(bytes: Uint8Array): Promise<void>;
  /**
   * Activates the sheet and selects one cell (bringing it into view), as a learner would by
   * clicking it: the pane uses it to go to a blank and to show what an action filled.
   */
  selectCell(sheet: string, address: string): Promise<void>;
  /** Subscribes to selection changes; returns the unsubscribe function. */
  onSelectionChanged(listener: (cell: SelectedCell) => void): () => void;
}

/**
 * WorkbookHost on the preview's in-browser workbook, so the real task pane runs without
 * Excel: the same plans, the same formulas (HyperFormula computes them), the same
 * selection events. Only the preview bundle and tests import it (HyperFormula is GPL).
 */
import { a1, parseA1, type SheetPlan } from '../sheets/plan';
import type {
  AddinSheet,
  BuildProgress,
  BuildResult,
  CellContent,
  CellWrite,
  HostSupport,
  SelectedCell,
  WorkbookHost,
} from './host';
import { t } from '../i18n';
import { firstCell } from './first-cell';
import { pageStorage, storageSettings, type SettingsStore } from './settings';
import { PreviewWorkbook } from './preview-workbook';

export class PreviewHost implements WorkbookHost {
  readonly kind = 'preview' as const;

  constructor(
    readonly workbook: PreviewWorkbook = new PreviewWorkbook(),
    readonly settings: SettingsStore = storageSettings(pageStorage()),
  ) {}

  async checkSupport(): Promise<HostSupport> {
    return { ok: true };
  }

  async buildSheet(
    plan: SheetPlan,
    metadata: Readonly<Record<string, unknown>>,
    onProgress?: (p: BuildProgress) => void,
  ): Promise<BuildResult> {
    const wb = this.workbook;
    const name = wb.addSheet(plan.baseName);
    try {
      wb.writePlan(name, plan, (done, total) => onProgress?.({ done, total }));
      wb.setMetadata(name, metadata);
    } catch (e) {
      wb.removeSheet(name);
      throw e;
    }
    wb.activate(name);
    const first = firstCell(plan);
    if (first) await this.selectCell(name, first);
    const formulaCount = plan.cells.filter((c) => c.formula !== undefined).length;
    const cellCount = plan.cells.filter((c) => c.formula !== undefined || c.value !== undefined).length;
    // There is no Office.js round trip here, so no context.sync() calls to count.
    return { sheetName: name, cellCount, formulaCount, syncCount: 0, sheetId: wb.sheetId(name) ?? undefined };
  }

  async removeSheet(sheetId: string): Promise<void> {
    const name = this.workbook.sheetNameOfId(sheetId);
    if (name === null) return;
    // PreviewHost is not told the pane's language; its other refusals are English too.
    if (!this.workbook.sheet(name)?.metadata) throw new Error(t('en', 'host.notOursRemove', { name }));
    this.workbook.removeSheet(name);
  }

  async listAddinSheets(): Promise<AddinSheet[]> {
    const out: AddinSheet[] = [];
    for (const name of this.workbook.sheetNames()) {
      const metadata = this.workbook.sheet(name)?.metadata;
      if (metadata) out.push({ name, metadata });
    }
    return out;
  }

  /**
   * Nothing to move: the preview draws each arrow from the plan's flows at every render,
   * from where the cells are then, so the arrows already follow any width or height. It
   * still refuses a sheet the add-in did not build, as Excel does, and reports the arrows
   * the sheet shows.
   */
  async redrawFlows(sheetName: string): Promise<number> {
    this.requireAddinSheet(sheetName);
    return this.workbook.sheet(sheetName)?.flows.length ?? 0;
  }

  async readCells(sheet: string, addresses: readonly string[]): Promise<CellContent[]> {
    this.requireAddinSheet(sheet);
    return addresses.map((address) => {
      const c = this.workbook.cellAt(sheet, address);
      return { address: normal(address), value: c.value, formula: c.formula };
    });
  }

  async writeCells(sheet: string, writes: readonly CellWrite[]): Promise<void> {
    this.requireAddinSheet(sheet);
    const positions = writes.map((w) => parseA1(w.address));
    writes.forEach((w, i) => {
      const { row, col } = positions[i];
      if (w.content !== undefined) {
        if (typeof w.content === 'string') this.workbook.setInput(sheet, row, col, w.content);
        else this.workbook.setContent(sheet, row, col, w.content);
      }
      if (w.fill !== undefined) this.workbook.setFill(sheet, row, col, w.fill);
    });
  }

  async getSelection(): Promise<SelectedCell | null> {
    const s = this.workbook.getSelection();
    return s ? { sheet: s.sheet, address: a1(s.row, s.col) } : null;
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    const p = parseA1(address);
    this.workbook.select(sheet, p.row, p.col);
  }

  onSelectionChanged(listener: (cell: SelectedCell) => void): () => void {
    return this.workbook.onSelection((s) => listener({ sheet: s.sheet, address: a1(s.row, s.col) }));
  }

  private requireAddinSheet(sheet: string): void {
    if (!this.workbook.sheet(sheet)?.metadata)
      throw new Error(`"${sheet}" is not a sheet this add-in created`);
  }
}

function normal(address: string): string {
  const p = parseA1(address);
  return a1(p.row, p.col);
}

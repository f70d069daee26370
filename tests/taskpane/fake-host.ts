/** A WorkbookHost that records builds; tests control when a build finishes and whether it fails. */
import type { BuildProgress, BuildResult, HostSupport, WorkbookHost } from '../../src/host/host';
import type { SheetPlan } from '../../src/sheets/plan';
import { memorySettings } from '../../src/host/settings';

export interface RecordedBuild {
  readonly plan: SheetPlan;
  readonly metadata: Readonly<Record<string, unknown>>;
}

export class FakeHost implements WorkbookHost {
  readonly kind = 'fake' as const;
  readonly settings = memorySettings();
  readonly builds: RecordedBuild[] = [];
  support: HostSupport = { ok: true };
  /** When set, buildSheet reports these progress steps and then waits for `release()`. */
  holdWith?: BuildProgress[];
  failWith?: Error;
  private releaseBuild?: () => void;

  async checkSupport(): Promise<HostSupport> {
    return this.support;
  }

  async buildSheet(
    plan: SheetPlan,
    metadata: Readonly<Record<string, unknown>>,
    onProgress?: (p: BuildProgress) => void,
  ): Promise<BuildResult> {
    this.builds.push({ plan, metadata });
    for (const p of this.holdWith ?? []) onProgress?.(p);
    if (this.holdWith) await new Promise<void>((resolve) => (this.releaseBuild = resolve));
    if (this.failWith) throw this.failWith;
    const n = this.builds.length;
    return {
      sheetName: `${plan.baseName} ${n}`,
      cellCount: plan.cells.filter((c) => c.value !== undefined || c.formula !== undefined).length,
      formulaCount: plan.cells.filter((c) => c.formula !== undefined).length,
      syncCount: 2,
    };
  }

  release(): void {
    this.releaseBuild?.();
  }

  async listAddinSheets() {
    return [];
  }
  async readCells() {
    return [];
  }
  async writeCells() {}
  async getSelection() {
    return null;
  }
  readonly selected: { sheet: string; address: string }[] = [];
  async selectCell(sheet: string, address: string) {
    this.selected.push({ sheet, address });
  }
  onSelectionChanged() {
    return () => undefined;
  }
}

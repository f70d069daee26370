/**
 * WorkbookHost for Excel, through Office.js. A plan is turned into grouped writes
 * (excel-ops), cut into requests under Excel on the web's payload limit (excel-chunks)
 * and written into a freshly added sheet; a typical sheet costs two `context.sync()`
 * calls (read the sheet names, then write everything). Anything that fails removes the
 * sheet being built, and only that sheet.
 */
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
import { a1, formatAreas, parseA1, rangeA1, type Language, type SheetPlan } from '../sheets/plan';
import { t } from '../i18n';
import { paletteLook, type LookOf } from './cell-look';
import { chunkOps, DEFAULT_MAX_REQUEST_BYTES } from './excel-chunks';
import { firstCell } from './first-cell';
import {
  cellLimitsFor,
  cellWriteOps,
  locate,
  readRequests,
  writeRequests,
  type CellLimits,
  type CellWriteOp,
} from './excel-cells';
import { DEFAULT_OP_LIMITS, planOps, type ExcelOp } from './excel-ops';
import { queueConditionalFormat } from './excel-conditional-formats';
import {
  deleteOwnShapes,
  flowDrawing,
  flowNoteBytes,
  flowShapeBytes,
  flowShapes,
  GEOMETRY_LOAD_BYTES,
  loadFlowGeometry,
  queueFlowNote,
  queueFlowShape,
  type FlowDrawing,
  type FlowGeometry,
} from './excel-flows';
import { flowNotes, resolveFlows, type ResolvedFlow } from './flow-look';
import { officeSettings, type SettingsStore } from './settings';
import { frozenBlock, type Freeze } from './plan-look';
import { toBase64 } from './base64';
import { chunkBySize, joinAddresses } from './rectangles';
import { checkRequirements, type IsSetSupported } from './requirements';
import { decodeMarker, encodeMarker, markerBytes, type MarkerProperty } from './sheet-marker';
import { freeSheetName, splitSheetAddress } from './sheet-names';

/**
 * The shape of Excel's run with options first (`defaultRun` always adds delayForCellEdit);
 * `previousObjects` re-enters a context (needed to remove an event handler).
 */
export type ExcelRun = <T>(
  options: Excel.RunOptions,
  batch: (context: Excel.RequestContext) => Promise<T>,
) => Promise<T>;

export interface ExcelHostOptions {
  readonly run?: ExcelRun;
  readonly isSetSupported?: IsSetSupported;
  readonly lookOf?: LookOf;
  /** Finds the plan of a sheet built in an earlier session, to restore a cell's fill. */
  readonly resolvePlan?: (sheet: AddinSheet) => SheetPlan | undefined;
  /** Upper bound on one request's estimated size (Excel on the web refuses above 5 MB). */
  readonly maxRequestBytes?: number;
  readonly language?: Language;
  /** Where the pane remembers its settings; defaults to the add-in's storage in Office. */
  readonly settings?: SettingsStore;
  /** `Excel.createWorkbook` (ExcelApi 1.8). */
  readonly createWorkbook?: (base64: string) => Promise<void>;
}

/**
 * Every batch waits for a cell edit to end instead of failing: a learner types an answer
 * and clicks Check without pressing Enter, which is the normal practice flow.
 */
const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

/** The real Excel.run, which always waits out a cell edit, whatever options a caller passes. */
const defaultRun: ExcelRun = (options, batch) => Excel.run({ ...options, delayForCellEdit: true }, batch);

function defaultIsSetSupported(): IsSetSupported | undefined {
  if (typeof Office === 'undefined' || !Office.context?.requirements) return undefined;
  return (name, version) => Office.context.requirements.isSetSupported(name, version);
}

/** A readable one-line account of an Office.js error (message, code and where it failed). */
export function describeError(err: unknown): string {
  // Duck-typed: an Office.js RuntimeError may come from another realm than this bundle's Error.
  if (typeof err === 'object' && err !== null && typeof (err as Error).message === 'string') {
    const office = err as Error & { code?: string; debugInfo?: { errorLocation?: string } };
    const parts = [office.message];
    if (office.code && !office.message.includes(office.code)) parts.push(`(${office.code})`);
    if (office.debugInfo?.errorLocation) parts.push(`at ${office.debugInfo.errorLocation}`);
    return parts.join(' ');
  }
  return String(err);
}

function columnLetters(col: number): string {
  return a1(0, col).replace(/\d+$/, '');
}

const OUTLINE_EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;
const INSIDE_EDGES = ['InsideHorizontal', 'InsideVertical'] as const;

/** Queues one write on `sheet`; nothing is sent until the caller syncs. */
function queueOp(sheet: Excel.Worksheet, op: ExcelOp): void {
  switch (op.kind) {
    case 'cells': {
      const range = sheet.getRange(rangeA1(op.range));
      if (op.numberFormat) range.numberFormat = op.numberFormat;
      range.formulas = op.formulas;
      return;
    }
    case 'format': {
      const format = sheet.getRanges(joinAddresses(op.ranges)).format;
      const { look } = op;
      if (look.fill !== undefined) format.fill.color = look.fill;
      if (look.fontColor !== undefined) format.font.color = look.fontColor;
      if (look.bold !== undefined) format.font.bold = look.bold;
      if (look.italic !== undefined) format.font.italic = look.italic;
      if (look.fontSize !== undefined) format.font.size = look.fontSize;
      if (look.horizontalAlignment !== undefined) format.horizontalAlignment = look.horizontalAlignment;
      return;
    }
    case 'borders': {
      const borders = sheet.getRanges(joinAddresses(op.ranges)).format.borders;
      const edges = op.inside ? [...OUTLINE_EDGES, ...INSIDE_EDGES] : OUTLINE_EDGES;
      for (const edge of edges) {
        const border = borders.getItem(edge);
        border.style = 'Continuous';
        border.weight = op.weight;
        border.color = op.color;
      }
      return;
    }
    case 'merge':
      sheet.getRange(rangeA1(op.range)).merge(false);
      return;
    case 'columnWidth':
      sheet.getRange(`${columnLetters(op.from)}:${columnLetters(op.to)}`).format.columnWidth = op.points;
      return;
    case 'name':
      sheet.names.add(op.name, sheet.getRange(rangeA1(op.range, true)));
      return;
    case 'freeze':
      freezePanes(sheet, op.freeze);
      return;
    case 'conditionalFormat': {
      const areas = formatAreas(op.format);
      const target =
        areas.length === 1 ? sheet.getRange(rangeA1(areas[0])) : sheet.getRanges(joinAddresses(areas));
      queueConditionalFormat(target, op.format);
      return;
    }
  }
}

function freezePanes(sheet: Excel.Worksheet, freeze: Freeze): void {
  if (freeze.cols === 0) sheet.freezePanes.freezeRows(freeze.rows);
  else if (freeze.rows === 0) sheet.freezePanes.freezeColumns(freeze.cols);
  else sheet.freezePanes.freezeAt(sheet.getRange(frozenBlock(freeze)));
}

let buildCounter = 0;
/** A sheet name for the length of one build: unique to this pane and moment. */
function temporarySheetName(): string {
  buildCounter = (buildCounter + 1) % 1296;
  return `~building ${Date.now().toString(36)}${buildCounter.toString(36)}`;
}

function normalizeA1(address: string): string {
  const p = parseA1(address);
  return a1(p.row, p.col);
}

/** Fill colour of every plan cell by address, built once per plan (not a search per written cell). */
const fillMaps = new WeakMap<SheetPlan, Map<string, string>>();
function planFills(plan: SheetPlan, lookOf: LookOf): Map<string, string> {
  let map = fillMaps.get(plan);
  if (!map) {
    map = new Map();
    for (const cell of plan.cells) {
      const fill = lookOf(cell).fill;
      if (fill) map.set(a1(cell.row, cell.col), fill);
    }
    fillMaps.set(plan, map);
  }
  return map;
}

function queueCellWrite(sheet: Excel.Worksheet, op: CellWriteOp): void {
  switch (op.kind) {
    case 'contents':
      sheet.getRange(rangeA1(op.range)).formulas = op.formulas;
      return;
    case 'clear':
      sheet.getRanges(joinAddresses(op.ranges)).clear('Contents');
      return;
    case 'fill': {
      const fill = sheet.getRanges(joinAddresses(op.ranges)).format.fill;
      if (op.color === null) fill.clear();
      else fill.color = op.color;
      return;
    }
  }
}

/** Queues one request's share of the flows, given where the flows' ranges were loaded (shapes need it). */
type FlowBatch = (sheet: Excel.Worksheet, geometry: readonly FlowGeometry[]) => void;

/** Shapes where the loaded geometry puts them. */
const shapeBatch =
  (flows: readonly ResolvedFlow[]): FlowBatch =>
  (sheet, geometry) => {
    const byName = new Map(flowShapes(geometry).map((s) => [s.flow.name, s]));
    for (const f of flows) queueFlowShape(sheet, byName.get(f.name)!);
  };

function readMarker(props: Excel.WorksheetCustomPropertyCollection): Record<string, unknown> | null {
  return decodeMarker(props.items.map((p): MarkerProperty => ({ key: p.key, value: String(p.value) })));
}

export class ExcelHost implements WorkbookHost {
  readonly kind = 'excel' as const;
  private readonly run: ExcelRun;
  private readonly isSetSupported: IsSetSupported | undefined;
  private readonly lookOf: LookOf;
  private readonly resolvePlan?: (sheet: AddinSheet) => SheetPlan | undefined;
  private readonly maxRequestBytes: number;
  private readonly cellLimits: CellLimits;
  private readonly language: Language;
  readonly settings: SettingsStore;
  private readonly createWorkbook?: (base64: string) => Promise<void>;
  /** Plans built in this session, by sheet name, to restore fills without rebuilding. */
  private readonly plans = new Map<string, SheetPlan>();

  constructor(options: ExcelHostOptions = {}) {
    this.run = options.run ?? defaultRun;
    this.isSetSupported = options.isSetSupported ?? defaultIsSetSupported();
    this.lookOf = options.lookOf ?? paletteLook;
    this.resolvePlan = options.resolvePlan;
    this.maxRequestBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
    this.cellLimits = cellLimitsFor(this.maxRequestBytes);
    this.language = options.language ?? 'en';
    this.settings = options.settings ?? officeSettings();
    this.createWorkbook = options.createWorkbook;
  }

  async checkSupport(): Promise<HostSupport> {
    return checkRequirements(this.isSetSupported, this.language);
  }

  async buildSheet(
    plan: SheetPlan,
    metadata: Readonly<Record<string, unknown>>,
    onProgress?: (p: BuildProgress) => void,
  ): Promise<BuildResult> {
    // Everything that can be decided without Excel is decided first, so a bad plan fails
    // before any sheet exists.
    const ops = planOps(plan, this.lookOf, {
      ...DEFAULT_OP_LIMITS,
      maxOpBytes: Math.min(DEFAULT_OP_LIMITS.maxOpBytes, Math.floor(this.maxRequestBytes / 2)),
    });
    const marker = encodeMarker(metadata);
    const flows = this.flowRequests(plan);
    // The last chunk also loads where each flow's two ranges sit, when arrows follow.
    const geometryBytes = flows.drawing === 'shapes' ? flows.all.length * GEOMETRY_LOAD_BYTES : 0;
    const chunks = chunkOps(ops, this.maxRequestBytes, markerBytes(marker) + geometryBytes);
    const formulaCount = plan.cells.filter((c) => c.formula !== undefined).length;
    const cellCount = plan.cells.filter((c) => c.formula !== undefined || c.value !== undefined).length;
    const first = firstCell(plan);

    return this.run(RUN_OPTIONS, async (context) => {
      let syncCount = 0;
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name');
      try {
        await context.sync();
      } catch (err) {
        throw new Error(this.buildFailure(plan.baseName, err), { cause: err });
      }
      syncCount++;
      const name = freeSheetName(
        plan.baseName,
        worksheets.items.map((s) => s.name),
      );
      const total = chunks.length + flows.requests.length;
      onProgress?.({ done: 0, total });
      // The sheet is built under a name no one else would choose and renamed in the last
      // request, so a clean-up can only ever find the sheet this build created, even if a
      // co-author makes a sheet of the final name meanwhile.
      const buildingName = freeSheetName(
        temporarySheetName(),
        worksheets.items.map((s) => s.name),
      );
      let sheetId: string | undefined;
      const finish = (sheet: Excel.Worksheet) => {
        for (const p of marker) sheet.customProperties.add(p.key, p.value);
        sheet.activate();
        if (first) sheet.getRange(first).select();
        sheet.load('id');
        // Last of all: once the sheet has its name, nothing after it can fail.
        sheet.name = name;
      };
      try {
        const sheet = worksheets.add(buildingName);
        let geometry: FlowGeometry[] = [];
        for (let i = 0; i < total; i++) {
          // Until the sync, Excel would otherwise recalculate after every queued write.
          context.application.suspendApiCalculationUntilNextSync();
          if (i < chunks.length) for (const op of chunks[i].ops) queueOp(sheet, op);
          else flows.requests[i - chunks.length](sheet, geometry);
          // Arrows are placed in points: where the cells ended up once contents and widths are written.
          if (i === chunks.length - 1 && flows.drawing === 'shapes')
            geometry = loadFlowGeometry(sheet, flows.all);
          if (i === total - 1) finish(sheet);
          await context.sync();
          syncCount++;
          onProgress?.({ done: i + 1, total });
        }
        sheetId = sheet.id;
      } catch (err) {
        await this.removeHalfBuilt(context, buildingName);
        throw new Error(this.buildFailure(name, err), { cause: err });
      }
      this.plans.set(name, plan);
      return { sheetName: name, cellCount, formulaCount, syncCount, sheetId };
    });
  }

  /** The plan's flows, how this Excel draws them, and in which requests: shapes, or one note per reading cell. */
  private flowRequests(plan: SheetPlan): {
    drawing: FlowDrawing;
    all: ResolvedFlow[];
    requests: FlowBatch[];
  } {
    const all = resolveFlows(plan);
    const drawing = all.length > 0 ? flowDrawing(this.isSetSupported) : 'none';
    const max = this.maxRequestBytes;
    if (drawing === 'shapes')
      return { drawing, all, requests: chunkBySize(all, flowShapeBytes, max).map(shapeBatch) };
    if (drawing === 'none') return { drawing, all, requests: [] };
    const notes = chunkBySize(flowNotes(all), flowNoteBytes, max);
    return {
      drawing,
      all,
      requests: notes.map((batch) => (sheet) => batch.forEach((n) => queueFlowNote(sheet, n))),
    };
  }

  /**
   * Redraws the arrows of a sheet this add-in built (after a learner changed column widths,
   * say): deletes the shapes the add-in drew there, and only those, then draws the plan's
   * flows where the cells now are. Refuses a sheet without the add-in's marker.
   */
  async redrawFlows(sheetName: string): Promise<number> {
    return this.run(RUN_OPTIONS, async (context) => {
      const { sheet, metadata } = await this.requireOwnSheet(context, sheetName);
      const plan = this.plans.get(sheetName) ?? this.resolvePlan?.({ name: sheetName, metadata });
      if (!plan) throw new Error(t(this.language, 'host.noPlan', { name: sheetName }));
      const flows = this.flowRequests(plan);
      if (flows.drawing !== 'shapes') return 0;
      await deleteOwnShapes(context, sheet);
      const geometry = loadFlowGeometry(sheet, flows.all);
      await context.sync();
      for (const request of flows.requests) {
        request(sheet, geometry);
        await context.sync();
      }
      return flows.all.length;
    });
  }

  private buildFailure(name: string, err: unknown): string {
    return t(this.language, 'host.buildFailed', { name, detail: describeError(err) });
  }

  /** Deletes the sheet this build created, found by the temporary name only this build uses. */
  private async removeHalfBuilt(context: Excel.RequestContext, buildingName: string): Promise<void> {
    try {
      const sheet = context.workbook.worksheets.getItemOrNullObject(buildingName);
      await context.sync();
      if (sheet.isNullObject) return;
      sheet.delete();
      await context.sync();
    } catch {
      // The original failure is what the user needs to see; a failed clean-up must not hide it.
    }
  }

  async listAddinSheets(): Promise<AddinSheet[]> {
    return this.run(RUN_OPTIONS, async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name');
      await context.sync();
      const props = worksheets.items.map((s) => {
        const p = s.customProperties;
        p.load('items/key,items/value');
        return p;
      });
      await context.sync();
      const out: AddinSheet[] = [];
      worksheets.items.forEach((s, i) => {
        const metadata = readMarker(props[i]);
        if (metadata) out.push({ name: s.name, metadata });
      });
      return out;
    });
  }

  async removeSheet(sheetId: string): Promise<void> {
    await this.run(RUN_OPTIONS, async (context) => {
      // Office.js takes a worksheet's id wherever it takes a name; an id is never a name.
      const sheet = context.workbook.worksheets.getItemOrNullObject(sheetId);
      sheet.load('name');
      await context.sync();
      if (sheet.isNullObject) return;
      const props = sheet.customProperties;
      props.load('items/key,items/value');
      await context.sync();
      if (!readMarker(props)) throw new Error(t(this.language, 'host.notOursRemove', { name: sheet.name }));
      sheet.delete();
      await context.sync();
    });
  }

  private async requireSheet(context: Excel.RequestContext, name: string): Promise<Excel.Worksheet> {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    await context.sync();
    if (sheet.isNullObject) {
      throw new Error(t(this.language, 'host.noSheet', { name }));
    }
    return sheet;
  }

  /** The sheet and its marker; refuses a sheet the add-in did not build. */
  private async requireOwnSheet(
    context: Excel.RequestContext,
    name: string,
  ): Promise<{ sheet: Excel.Worksheet; metadata: Record<string, unknown> }> {
    const sheet = await this.requireSheet(context, name);
    const props = sheet.customProperties;
    props.load('items/key,items/value');
    await context.sync();
    const metadata = readMarker(props);
    if (!metadata) throw new Error(t(this.language, 'host.notOurs', { name }));
    return { sheet, metadata };
  }

  async readCells(sheetName: string, addresses: readonly string[]): Promise<CellContent[]> {
    return this.run(RUN_OPTIONS, async (context) => {
      const sheet = await this.requireSheet(context, sheetName);
      const found = new Map<string, CellContent>();
      const normalized = addresses.map(normalizeA1);
      const wanted = new Set(normalized);
      for (const rects of readRequests(addresses, this.cellLimits)) {
        const ranges = rects.map((r) => sheet.getRange(rangeA1(r)).load('values,formulas'));
        await context.sync();
        for (const [address, [k, row, col]] of locate(wanted, rects)) {
          const value = ranges[k].values[row][col] as number | string | boolean;
          const formula = ranges[k].formulas[row][col] as unknown;
          found.set(address, {
            address,
            value: value === '' ? null : value,
            formula: typeof formula === 'string' && formula.startsWith('=') ? formula : null,
          });
        }
      }
      return addresses.map((address, i) => ({ ...found.get(normalized[i])!, address }));
    });
  }

  async writeCells(sheetName: string, writes: readonly CellWrite[]): Promise<void> {
    await this.run(RUN_OPTIONS, async (context) => {
      const { sheet, metadata } = await this.requireOwnSheet(context, sheetName);
      const plan = this.plans.get(sheetName) ?? this.resolvePlan?.({ name: sheetName, metadata });
      const fillAt = plan ? planFills(plan, this.lookOf) : undefined;
      const ops = cellWriteOps(writes, (address) => fillAt?.get(address), this.cellLimits);
      for (const request of writeRequests(ops, this.cellLimits)) {
        for (const op of request) queueCellWrite(sheet, op);
        await context.sync();
      }
    });
  }

  async openWorkbook(bytes: Uint8Array): Promise<void> {
    if (this.isSetSupported && !this.isSetSupported('ExcelApi', '1.8')) {
      throw new Error('Excel.createWorkbook needs ExcelApi 1.8');
    }
    const create = this.createWorkbook ?? ((base64: string) => Excel.createWorkbook(base64));
    await create(toBase64(bytes));
  }

  async getSelection(): Promise<SelectedCell | null> {
    try {
      return await this.run(RUN_OPTIONS, async (context) => {
        const cell = context.workbook.getActiveCell();
        cell.load('address');
        await context.sync();
        const { sheet, address } = splitSheetAddress(cell.address);
        return { sheet, address: address.replace(/\$/g, '') };
      });
    } catch {
      // Excel refuses API calls while a cell is being edited; there is no selection to report then.
      return null;
    }
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    await this.run(RUN_OPTIONS, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }

  onSelectionChanged(listener: (cell: SelectedCell) => void): () => void {
    let active = true;
    const registration = this.run(RUN_OPTIONS, async (context) => {
      const result = context.workbook.worksheets.onSelectionChanged.add(async () => {
        if (!active) return;
        const cell = await this.getSelection();
        if (cell && active) listener(cell);
      });
      await context.sync();
      return result;
    });
    registration.catch(() => undefined);
    return () => {
      active = false;
      void registration
        .then((result) =>
          this.run({ ...RUN_OPTIONS, previousObjects: result.context }, async (context) => {
            result.remove();
            await context.sync();
          }),
        )
        .catch(() => undefined);
    };
  }
}

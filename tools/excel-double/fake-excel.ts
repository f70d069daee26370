/**
 * A recording fake of the part of the Excel JavaScript API the add-in uses, shared by the
 * host tests and the host benchmark. Like the real API, calls only queue actions;
 * `context.sync()` sends them as one request, applies them in order and fills in what was
 * loaded. The fake counts syncs, measures each request's JSON size against Excel on the
 * web's 5 MB limit, checks array shapes against range shapes, refuses taken and reserved
 * sheet names, records frozen panes, and can be told to fail the Nth action (the actions
 * before it stay applied, as in Excel).
 */

import { columnLetters } from '../../src/sheets/plan';

export interface FakeBorder {
  style?: string;
  color?: string;
  weight?: string;
}

export interface FakeCell {
  /** The formula text for formula cells, else undefined. */
  formula?: string;
  value?: number | string | boolean;
  numberFormat?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  align?: string;
  borders: Record<string, FakeBorder>;
}

export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  readonly merges: string[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly names = new Map<string, string>();
  readonly properties = new Map<string, string>();
  /** Conditional formats as queued: the range, the type and the properties set on it. */
  readonly conditionalFormats: { address: string; type: string; props: Record<string, unknown> }[] = [];
  /** Rows above and columns left of the frozen split, as the last freezePanes call left them. */
  frozen: { rows: number; cols: number } | null = null;
  /** Drawing shapes on the sheet (lines, and whatever a test puts there as the user's own). */
  readonly shapes: FakeShapeRecord[] = [];
  /** Cell notes by address. */
  readonly notes = new Map<string, string>();
  constructor(
    readonly id: string,
    public name: string,
  ) {}

  cell(address: string): FakeCell | undefined {
    const { row, col } = parseCell(address);
    return this.cells.get(`${row},${col}`);
  }

  touch(row: number, col: number): FakeCell {
    const key = `${row},${col}`;
    let c = this.cells.get(key);
    if (!c) this.cells.set(key, (c = { borders: {} }));
    return c;
  }
}

/** A shape as the fake keeps it: the line's end points (points) and what the add-in set on it. */
export interface FakeShapeRecord {
  readonly id: string;
  readonly type: string;
  readonly line?: {
    startLeft: number;
    startTop: number;
    endLeft: number;
    endTop: number;
    connectorType: string;
  };
  name: string;
  altTextDescription?: string;
  placement?: string;
  lineFormat: { color?: string; dashStyle?: string; weight?: number };
  lineEnds: { beginArrowheadStyle?: string; endArrowheadStyle?: string };
}

/** Excel's default row height and column width in points (15 pt rows, 8.43-character columns). */
export const DEFAULT_ROW_POINTS = 15;
export const DEFAULT_COLUMN_POINTS = 48;

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export interface FakeExcelOptions {
  /** 1-based index of the applied action that throws (counted over the fake's lifetime). */
  failAtAction?: number;
  maxRequestBytes?: number;
  /** Longest multi-area address getRanges accepts. */
  maxAreasAddressChars?: number;
  /** Longest custom property value. */
  maxPropertyChars?: number;
  /** Whether this fake estimates request sizes itself (the strict double measures real bytes instead). */
  estimateBytes?: boolean;
}

type Handler = (args: { address: string; worksheetId: string }) => Promise<unknown>;

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  syncCount = 0;
  actionCount = 0;
  suspendCount = 0;
  readonly requestBytes: number[] = [];
  /** Every action applied, as its payload, in order. */
  readonly log: { type: string; [k: string]: unknown }[] = [];
  active: { sheet: string; address: string } = { sheet: 'Sheet1', address: 'A1' };
  readonly handlers = new Set<Handler>();
  /** Values Excel would compute for formula cells, by "sheet!A1". */
  readonly computed = new Map<string, number | string | boolean>();
  private nextId = 1;
  readonly options: Required<FakeExcelOptions>;

  constructor(sheetNames: readonly string[] = ['Sheet1'], options: FakeExcelOptions = {}) {
    for (const n of sheetNames) this.sheets.push(new FakeSheet(`{id-${this.nextId++}}`, n));
    if (sheetNames.length > 0) this.active = { sheet: sheetNames[0], address: 'A1' };
    this.options = {
      failAtAction: options.failAtAction ?? 0,
      maxRequestBytes: options.maxRequestBytes ?? 5_000_000,
      maxAreasAddressChars: options.maxAreasAddressChars ?? 8_000,
      maxPropertyChars: options.maxPropertyChars ?? 255,
      estimateBytes: options.estimateBytes ?? true,
    };
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  newId(): string {
    return `{id-${this.nextId++}}`;
  }

  /** Workbooks opened through `Excel.createWorkbook`, as the base64 they were given. */
  readonly openedWorkbooks: string[] = [];

  /** Excel.run(batch) and Excel.run(options, batch), options possibly naming an earlier context. */
  run = <T>(first: unknown, second?: (context: never) => Promise<T>): Promise<T> => {
    const batch = (second ?? first) as (context: never) => Promise<T>;
    const options = second ? (first as { previousObjects?: unknown }) : {};
    const previous = options.previousObjects;
    const ctx = previous instanceof FakeContext ? previous : new FakeContext(this);
    return batch(ctx as never);
  };

  isSetSupported = (name: string, version: string): boolean =>
    name === 'ExcelApi' && compareVersions(version, this.apiVersion) <= 0;
  apiVersion = '1.17';

  /** The user clicks a cell: selection events fire. */
  async select(sheet: string, address: string): Promise<void> {
    this.active = { sheet, address };
    const id = this.sheet(sheet)?.id ?? '';
    await Promise.all([...this.handlers].map((h) => h({ address, worksheetId: id })));
  }
}

function compareVersions(a: string, b: string): number {
  const [a1, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
}

// ---------------------------------------------------------------- addresses

const COL_RE = /^\$?([A-Z]+)$/;

function lettersToCol(letters: string): number {
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

export const colToLetters = columnLetters;

export function parseCell(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref.trim().toUpperCase());
  if (!m) throw new FakeOfficeError('InvalidArgument', `bad cell reference ${ref}`);
  return { row: Number(m[2]) - 1, col: lettersToCol(m[1]) };
}

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
  wholeColumns: boolean;
}

export function parseArea(address: string): Area {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [a, b = a] = local.split(':');
  const ca = COL_RE.exec(a.toUpperCase());
  const cb = COL_RE.exec(b.toUpperCase());
  if (ca && cb) {
    return {
      top: 0,
      bottom: 1_048_575,
      left: lettersToCol(ca[1]),
      right: lettersToCol(cb[1]),
      wholeColumns: true,
    };
  }
  const p = parseCell(a);
  const q = parseCell(b);
  return {
    top: Math.min(p.row, q.row),
    bottom: Math.max(p.row, q.row),
    left: Math.min(p.col, q.col),
    right: Math.max(p.col, q.col),
    wholeColumns: false,
  };
}

export function areaA1(a: Area): string {
  const tl = `${colToLetters(a.left)}${a.top + 1}`;
  const br = `${colToLetters(a.right)}${a.bottom + 1}`;
  return tl === br ? tl : `${tl}:${br}`;
}

function utf8(s: string): number {
  return new TextEncoder().encode(s).length;
}

// ---------------------------------------------------------------- context

interface Action {
  readonly type: string;
  readonly payload: unknown;
  readonly apply: () => void;
}

const ACTION_BYTES = 100;

export class FakeContext {
  private queue: Action[] = [];
  readonly workbook: FakeWorkbook;
  readonly application: {
    suspendApiCalculationUntilNextSync(): void;
    createWorkbook(base64: string): { open(): void };
  };
  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
    this.application = {
      suspendApiCalculationUntilNextSync: () =>
        this.enqueue('suspendCalculation', {}, () => {
          excel.suspendCount++;
        }),
      createWorkbook: (base64) => ({
        open: () =>
          this.enqueue('openWorkbook', { bytes: base64.length }, () => {
            excel.openedWorkbooks.push(base64);
          }),
      }),
    };
  }

  enqueue(type: string, payload: unknown, apply: () => void): void {
    this.queue.push({ type, payload, apply });
  }

  async sync(): Promise<void> {
    const excel = this.excel;
    const actions = this.queue;
    this.queue = [];
    excel.syncCount++;
    if (!excel.options.estimateBytes) {
      this.apply(actions);
      return;
    }
    const bytes = actions.reduce(
      (n, a) => n + ACTION_BYTES + utf8(JSON.stringify({ t: a.type, p: a.payload })),
      0,
    );
    excel.requestBytes.push(bytes);
    if (bytes > excel.options.maxRequestBytes) {
      throw new FakeOfficeError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size has exceeded the limit (${bytes} bytes).`,
      );
    }
    this.apply(actions);
  }

  private apply(actions: readonly Action[]): void {
    const excel = this.excel;
    for (const a of actions) {
      excel.actionCount++;
      if (excel.actionCount === excel.options.failAtAction) {
        throw new FakeOfficeError('GeneralException', `An internal error has occurred (action ${a.type}).`);
      }
      a.apply();
      excel.log.push({ type: a.type, ...(a.payload as object) });
    }
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
  }
  get application(): FakeContext['application'] {
    return this.ctx.application;
  }
  getActiveCell(): FakeRange {
    const excel = this.ctx.excel;
    let sheetName = '';
    let address = '';
    this.ctx.enqueue('getActiveCell', {}, () => {
      sheetName = excel.active.sheet;
      address = excel.active.address;
    });
    return new FakeRange(
      this.ctx,
      () => excel.sheet(sheetName) ?? null,
      () => address,
    );
  }
}

class Loadable {
  protected loaded = false;
  protected check(prop: string): void {
    if (!this.loaded)
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        `The property '${prop}' is not available. Call load() and sync() first.`,
      );
  }
}

class FakeWorksheetCollection extends Loadable {
  private _items: FakeWorksheet[] = [];
  readonly onSelectionChanged: {
    add(handler: Handler): { context: FakeContext; remove(): void };
  };
  constructor(private readonly ctx: FakeContext) {
    super();
    const excel = ctx.excel;
    this.onSelectionChanged = {
      add: (handler) => {
        ctx.enqueue('addHandler', {}, () => excel.handlers.add(handler));
        return {
          context: ctx,
          remove: () => ctx.enqueue('removeHandler', {}, () => excel.handlers.delete(handler)),
        };
      },
    };
  }
  get items(): FakeWorksheet[] {
    this.check('items');
    return this._items;
  }
  load(_props?: string): this {
    this.ctx.enqueue('loadWorksheets', {}, () => {
      this._items = this.ctx.excel.sheets.map((s) => {
        const w = new FakeWorksheet(this.ctx, () => s);
        w.markLoaded();
        return w;
      });
      this.loaded = true;
    });
    return this;
  }
  add(name: string): FakeWorksheet {
    const excel = this.ctx.excel;
    let created: FakeSheet | null = null;
    this.ctx.enqueue('addWorksheet', { name }, () => {
      const reserved = name.toLowerCase() === 'history';
      if (
        name.length === 0 ||
        name.length > 31 ||
        /[\\/?*[\]:]/.test(name) ||
        /^'|'$/.test(name) ||
        reserved
      ) {
        throw new FakeOfficeError('InvalidArgument', `invalid sheet name ${name}`);
      }
      if (excel.sheet(name))
        throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${name} already exists.`);
      created = new FakeSheet(excel.newId(), name);
      excel.sheets.push(created);
    });
    return new FakeWorksheet(this.ctx, () => created);
  }
  /** By id or name, as Office.js addresses a collection's items. */
  getItem(key: string): FakeWorksheet {
    const excel = this.ctx.excel;
    let found: FakeSheet | null = null;
    const w = new FakeWorksheet(this.ctx, () => found);
    this.ctx.enqueue('getWorksheet', { key }, () => {
      found = excel.sheets.find((s) => s.id === key) ?? excel.sheet(key) ?? null;
      if (!found) throw new FakeOfficeError('ItemNotFound', `The requested worksheet ${key} does not exist.`);
      w.markLoaded();
    });
    return w;
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    const excel = this.ctx.excel;
    let found: FakeSheet | null = null;
    const w = new FakeWorksheet(this.ctx, () => found);
    this.ctx.enqueue('getWorksheet', { name }, () => {
      // Like Excel, a worksheet id is accepted wherever a name is.
      found = excel.sheets.find((s) => s.id === name) ?? excel.sheet(name) ?? null;
      w.markLoaded();
    });
    return w;
  }
}

type SheetRef = () => FakeSheet | null;

function need(ref: SheetRef): FakeSheet {
  const s = ref();
  if (!s) throw new FakeOfficeError('ItemNotFound', 'The requested worksheet does not exist.');
  return s;
}

class FakeWorksheet extends Loadable {
  readonly names: { add(name: string, reference: FakeRange | string): void };
  readonly customProperties: FakeCustomProperties;
  readonly shapes: FakeShapeCollection;
  readonly notes: FakeNoteCollection;
  readonly freezePanes: {
    freezeRows(count: number): void;
    freezeColumns(count: number): void;
    freezeAt(range: FakeRange | string): void;
  };
  constructor(
    private readonly ctx: FakeContext,
    private readonly ref: SheetRef,
  ) {
    super();
    const freeze = (action: string, rows: number, cols: number) =>
      ctx.enqueue(action, { rows, cols }, () => {
        need(ref).frozen = { rows, cols };
      });
    this.freezePanes = {
      freezeRows: (count) => freeze('freezeRows', count, 0),
      freezeColumns: (count) => freeze('freezeColumns', 0, count),
      freezeAt: (range) => {
        // The range is the frozen top-left block itself, "A1:B3" freezing 3 rows and 2 columns.
        const address = typeof range === 'string' ? range : range.localAddress();
        const corner = parseCell(address.split(':').pop()!);
        freeze('freezeAt', corner.row + 1, corner.col + 1);
      },
    };
    this.names = {
      add: (name, reference) => {
        const address = typeof reference === 'string' ? reference : reference.localAddress();
        ctx.enqueue('addName', { name, address }, () => {
          const s = need(ref);
          if (s.names.has(name)) throw new FakeOfficeError('ItemAlreadyExists', `name ${name} exists`);
          s.names.set(name, address);
        });
      },
    };
    this.customProperties = new FakeCustomProperties(ctx, ref);
    this.shapes = new FakeShapeCollection(ctx, ref);
    this.notes = new FakeNoteCollection(ctx, ref);
  }

  markLoaded(): void {
    this.loaded = true;
  }
  /** Whether the sheet this object stands for exists (false for a null object). */
  exists(): boolean {
    return this.ref() !== null;
  }
  get isNullObject(): boolean {
    this.check('isNullObject');
    return this.ref() === null;
  }
  get name(): string {
    this.check('name');
    return need(this.ref).name;
  }
  set name(value: string) {
    this.ctx.enqueue('renameWorksheet', { name: value }, () => {
      const s = need(this.ref);
      const other = this.ctx.excel.sheet(value);
      if (other && other !== s)
        throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${value} already exists.`);
      const active = this.ctx.excel.active;
      if (active.sheet === s.name) this.ctx.excel.active = { ...active, sheet: value };
      s.name = value;
    });
  }
  get id(): string {
    this.check('id');
    return need(this.ref).id;
  }
  load(_props?: string): this {
    this.ctx.enqueue('loadWorksheet', {}, () => {
      this.loaded = true;
    });
    return this;
  }
  getRange(address: string): FakeRange {
    return new FakeRange(this.ctx, this.ref, () => address);
  }
  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this.ref, address);
  }
  activate(): void {
    this.ctx.enqueue('activate', {}, () => {
      this.ctx.excel.active = { sheet: need(this.ref).name, address: 'A1' };
    });
  }
  delete(): void {
    this.ctx.enqueue('deleteWorksheet', {}, () => {
      const s = need(this.ref);
      const excel = this.ctx.excel;
      excel.sheets.splice(excel.sheets.indexOf(s), 1);
    });
  }
}

class FakeCustomProperties extends Loadable {
  private _items: { key: string; value: string }[] = [];
  constructor(
    private readonly ctx: FakeContext,
    private readonly ref: SheetRef,
  ) {
    super();
  }
  get items(): { key: string; value: string }[] {
    this.check('items');
    return this._items;
  }
  add(key: string, value: string): void {
    this.ctx.enqueue('addProperty', { key, value }, () => {
      if (String(value).length > this.ctx.excel.options.maxPropertyChars) {
        throw new FakeOfficeError('InvalidArgument', `custom property ${key} is too long`);
      }
      need(this.ref).properties.set(key, String(value));
    });
  }
  load(_props?: string): this {
    this.ctx.enqueue('loadProperties', {}, () => {
      this._items = [...need(this.ref).properties].map(([key, value]) => ({ key, value }));
      this.loaded = true;
    });
    return this;
  }
}

// ---------------------------------------------------------------- shapes

class FakeShape {
  constructor(
    private readonly ctx: FakeContext,
    private readonly ref: SheetRef,
    readonly record: FakeShapeRecord,
  ) {}
  get id(): string {
    return this.record.id;
  }
  get name(): string {
    return this.record.name;
  }
  set name(v: string) {
    this.record.name = v;
  }
  get type(): string {
    return this.record.type;
  }
  set altTextDescription(v: string) {
    this.record.altTextDescription = v;
  }
  set placement(v: string) {
    if (!['TwoCell', 'OneCell', 'Absolute'].includes(v))
      throw new FakeOfficeError('InvalidArgument', `placement ${v} is not one of Excel's`);
    this.record.placement = v;
  }
  get lineFormat(): FakeShapeRecord['lineFormat'] {
    return this.record.lineFormat;
  }
  get line(): FakeShapeRecord['lineEnds'] {
    if (this.record.type !== 'Line') throw new FakeOfficeError('InvalidArgument', 'the shape is not a line');
    return this.record.lineEnds;
  }
  delete(): void {
    this.ctx.enqueue('deleteShape', { id: this.record.id }, () => {
      const shapes = need(this.ref).shapes;
      const i = shapes.indexOf(this.record);
      if (i < 0) throw new FakeOfficeError('ItemNotFound', `no shape ${this.record.id}`);
      shapes.splice(i, 1);
    });
  }
}

/** A collection of one sheet's things (shapes, notes): its items are read when a load is applied. */
abstract class FakeSheetItems<T> extends Loadable {
  private _items: T[] = [];
  constructor(
    protected readonly ctx: FakeContext,
    protected readonly ref: SheetRef,
  ) {
    super();
  }
  get items(): T[] {
    this.check('items');
    return this._items;
  }
  /** The action a load is logged as. */
  protected abstract readonly loadAction: string;
  protected abstract read(sheet: FakeSheet): T[];
  load(_props?: string): this {
    this.ctx.enqueue(this.loadAction, {}, () => {
      this._items = this.read(need(this.ref));
      this.loaded = true;
    });
    return this;
  }
}

class FakeShapeCollection extends FakeSheetItems<FakeShape> {
  protected readonly loadAction = 'loadShapes';
  protected read(sheet: FakeSheet): FakeShape[] {
    return sheet.shapes.map((r) => new FakeShape(this.ctx, this.ref, r));
  }
  addLine(
    startLeft: number,
    startTop: number,
    endLeft: number,
    endTop: number,
    connectorType = 'Straight',
  ): FakeShape {
    const ends = [startLeft, startTop, endLeft, endTop];
    const record: FakeShapeRecord = {
      id: this.ctx.excel.newId(),
      type: 'Line',
      line: { startLeft, startTop, endLeft, endTop, connectorType },
      name: '',
      lineFormat: {},
      lineEnds: {},
    };
    this.ctx.enqueue('addLine', { ends, connectorType }, () => {
      if (ends.some((v) => typeof v !== 'number' || !Number.isFinite(v) || v < 0))
        throw new FakeOfficeError(
          'InvalidArgument',
          `a line's ends must be finite points on the sheet: ${ends}`,
        );
      if (!['Straight', 'Elbow', 'Curve'].includes(connectorType))
        throw new FakeOfficeError('InvalidArgument', `connector type ${connectorType}`);
      need(this.ref).shapes.push(record);
    });
    return new FakeShape(this.ctx, this.ref, record);
  }
  /** By position, as Office.js addresses the items of a loaded shape collection. */
  getItemAt(index: number): FakeShape {
    const found = need(this.ref).shapes[index];
    if (!found) throw new FakeOfficeError('ItemNotFound', `no shape at ${index}`);
    return new FakeShape(this.ctx, this.ref, found);
  }
  /** By id or name, as Office.js addresses a collection's items. */
  getItem(key: string): FakeShape {
    const found = need(this.ref).shapes.find((r) => r.id === key || r.name === key);
    if (!found) throw new FakeOfficeError('ItemNotFound', `no shape ${key}`);
    return new FakeShape(this.ctx, this.ref, found);
  }
}

// ---------------------------------------------------------------- notes (ExcelApi 1.18)

/** Who a note added through the double is by (Excel answers the signed-in user's name). */
export const FAKE_NOTE_AUTHOR = 'Excel double';

/**
 * The one cell a note goes on, as "A1": a cell of this sheet given as "A1", "$A$1",
 * "Sheet!A1" or a one-cell range. Anything else (several cells, another sheet, not an
 * address) is Excel's InvalidCellAddress, as @types/office-js documents for `add`.
 */
function noteCell(sheet: FakeSheet, cellAddress: unknown): string {
  const given = cellAddress instanceof FakeRange ? cellAddress.localAddress() : cellAddress;
  const bad = () => new FakeOfficeError('InvalidCellAddress', `a note needs one cell, not ${String(given)}`);
  if (typeof given !== 'string') throw bad();
  const bang = given.lastIndexOf('!');
  if (bang >= 0 && given.slice(0, bang).replace(/^'|'$/g, '').toLowerCase() !== sheet.name.toLowerCase())
    throw bad();
  let area: Area;
  try {
    area = parseArea(given);
  } catch {
    throw bad();
  }
  if (area.wholeColumns || area.top !== area.bottom || area.left !== area.right) throw bad();
  return areaA1(area);
}

/**
 * A sheet's notes: at most one per cell (a second `add` on a cell that has one is refused,
 * so nothing the add-in writes can silently replace a learner's note). Excel does not
 * document a length limit for a note's text; the content is kept as the string it becomes.
 */
class FakeNoteCollection extends FakeSheetItems<FakeNote> {
  protected readonly loadAction = 'loadNotes';
  protected read(sheet: FakeSheet): FakeNote[] {
    return [...sheet.notes.keys()].map((key) => this.note(() => key, false));
  }
  add(cellAddress: unknown, content: unknown): FakeNote {
    let key: string | null = null;
    const address = cellAddress instanceof FakeRange ? cellAddress.localAddress() : cellAddress;
    this.ctx.enqueue('addNote', { address, content }, () => {
      const s = need(this.ref);
      const cell = noteCell(s, cellAddress);
      if (s.notes.has(cell))
        throw new FakeOfficeError('InvalidArgument', `the cell ${cell} already has a note`);
      s.notes.set(cell, String(content));
      key = cell;
    });
    return this.note(() => key, false);
  }
  getItem(address: string): FakeNote {
    return this.note(() => noteCell(need(this.ref), address), false);
  }
  getItemOrNullObject(address: string): FakeNote {
    return this.note(() => noteCell(need(this.ref), address), true);
  }
  /** By position when the request is applied, as Office.js addresses the items of a loaded collection. */
  getItemAt(index: number): FakeNote {
    return this.note(() => [...need(this.ref).notes.keys()][index] ?? null, false);
  }
  private note(key: () => string | null, orNull: boolean): FakeNote {
    return new FakeNote(this.ctx, this.ref, key, orNull);
  }
}

/** One note, found by its cell when a request is applied (it may be added earlier in the same request). */
class FakeNote {
  constructor(
    private readonly ctx: FakeContext,
    private readonly ref: SheetRef,
    private readonly key: () => string | null,
    private readonly orNull: boolean,
  ) {}
  /** Whether the note exists (false for a null object). */
  exists(): boolean {
    const key = this.ref() ? this.key() : null;
    return key !== null && need(this.ref).notes.has(key);
  }
  private cell(): string {
    const key = this.key();
    if (key === null || !need(this.ref).notes.has(key))
      throw new FakeOfficeError('ItemNotFound', `there is no note on ${key ?? 'that cell'}`);
    return key;
  }
  load(_props?: string): this {
    this.ctx.enqueue('loadNote', {}, () => {
      if (!this.orNull) this.cell();
    });
    return this;
  }
  get content(): string {
    return need(this.ref).notes.get(this.cell())!;
  }
  set content(value: string) {
    this.ctx.enqueue('setNote', { content: value }, () => {
      need(this.ref).notes.set(this.cell(), String(value));
    });
  }
  get authorName(): string {
    this.cell();
    return FAKE_NOTE_AUTHOR;
  }
  delete(): void {
    this.ctx.enqueue('deleteNote', {}, () => {
      need(this.ref).notes.delete(this.cell());
    });
  }
}

// ---------------------------------------------------------------- ranges and formats

function forEachCell(area: Area, f: (row: number, col: number) => void): void {
  for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) f(r, c);
}

class FakeBorders {
  constructor(
    private readonly ctx: FakeContext,
    private readonly target: () => { sheet: FakeSheet; areas: Area[] },
  ) {}
  getItem(edge: string): FakeBorder {
    const ctx = this.ctx;
    const target = this.target;
    const set = (prop: keyof FakeBorder, value: string) =>
      ctx.enqueue('border', { edge, prop, value }, () => {
        const { sheet, areas } = target();
        for (const a of areas) forEachCell(a, (r, c) => applyEdge(sheet, a, r, c, edge, prop, value));
      });
    return {
      set style(v: string) {
        set('style', v);
      },
      set color(v: string) {
        set('color', v);
      },
      set weight(v: string) {
        set('weight', v);
      },
    } as FakeBorder;
  }
}

/** Records the edge on the cells it touches, as the cell's own top/bottom/left/right border. */
function applyEdge(
  sheet: FakeSheet,
  a: Area,
  r: number,
  c: number,
  edge: string,
  prop: keyof FakeBorder,
  value: string,
): void {
  const sides: string[] = [];
  if (edge === 'EdgeTop' && r === a.top) sides.push('top');
  if (edge === 'EdgeBottom' && r === a.bottom) sides.push('bottom');
  if (edge === 'EdgeLeft' && c === a.left) sides.push('left');
  if (edge === 'EdgeRight' && c === a.right) sides.push('right');
  if (edge === 'InsideHorizontal') {
    if (r > a.top) sides.push('top');
    if (r < a.bottom) sides.push('bottom');
  }
  if (edge === 'InsideVertical') {
    if (c > a.left) sides.push('left');
    if (c < a.right) sides.push('right');
  }
  for (const side of sides) {
    const cell = sheet.touch(r, c);
    cell.borders[side] = { ...cell.borders[side], [prop]: value };
  }
}

class FakeFormat {
  readonly fill: { color: string; clear(): void };
  readonly font: { color: string; bold: boolean; italic: boolean; size: number };
  readonly borders: FakeBorders;
  constructor(
    private readonly ctx: FakeContext,
    private readonly target: () => { sheet: FakeSheet; areas: Area[] },
    private readonly describe: () => string,
  ) {
    const setCells = (type: string, prop: keyof FakeCell, value: unknown) =>
      ctx.enqueue(type, { address: describe(), value }, () => {
        const { sheet, areas } = target();
        for (const a of areas) {
          if (a.wholeColumns)
            throw new FakeOfficeError('InvalidArgument', 'cell formats on whole columns are not expected');
          forEachCell(a, (r, c) => {
            (sheet.touch(r, c) as unknown as Record<string, unknown>)[prop] = value;
          });
        }
      });
    this.fill = {
      set color(v: string) {
        setCells('fill', 'fill', v);
      },
      clear: () => setCells('fillClear', 'fill', undefined),
    } as { color: string; clear(): void };
    this.font = {
      set color(v: string) {
        setCells('fontColor', 'fontColor', v);
      },
      set bold(v: boolean) {
        setCells('bold', 'bold', v);
      },
      set italic(v: boolean) {
        setCells('italic', 'italic', v);
      },
      set size(v: number) {
        setCells('fontSize', 'fontSize', v);
      },
    } as { color: string; bold: boolean; italic: boolean; size: number };
    this.borders = new FakeBorders(ctx, target);
  }
  set horizontalAlignment(v: string) {
    const { ctx, target, describe } = this;
    ctx.enqueue('align', { address: describe(), value: v }, () => {
      const { sheet, areas } = target();
      for (const a of areas) forEachCell(a, (r, c) => (sheet.touch(r, c).align = v));
    });
  }
  set columnWidth(points: number) {
    const { ctx, target, describe } = this;
    ctx.enqueue('columnWidth', { address: describe(), value: points }, () => {
      const { sheet, areas } = target();
      for (const a of areas) for (let c = a.left; c <= a.right; c++) sheet.columnWidths.set(c, points);
    });
  }
}

/** What typing `entry` into a cell stores, as Excel reads it. */
function enter(cell: FakeCell, entry: unknown): void {
  if (typeof entry === 'string' && entry.startsWith('=')) {
    cell.formula = entry;
    cell.value = undefined;
  } else if (typeof entry === 'string' && entry.startsWith("'")) {
    cell.formula = undefined;
    cell.value = entry.slice(1);
  } else if (entry === '' || entry === null) {
    cell.formula = undefined;
    cell.value = undefined;
  } else if (typeof entry === 'string' && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(entry.trim())) {
    // Excel turns numeric-looking text into a number, which is why literal text must be escaped.
    cell.formula = undefined;
    cell.value = Number(entry);
  } else if (typeof entry === 'string' && /^(true|false)$/i.test(entry.trim())) {
    cell.formula = undefined;
    cell.value = entry.trim().toLowerCase() === 'true';
  } else {
    cell.formula = undefined;
    cell.value = entry as number | string | boolean;
  }
}

function checkShape(area: Area, values: unknown, what: string): void {
  if (!Array.isArray(values)) return; // a single value fills the range
  const rows = area.bottom - area.top + 1;
  const cols = area.right - area.left + 1;
  if (values.length !== rows || values.some((r) => !Array.isArray(r) || r.length !== cols)) {
    throw new FakeOfficeError(
      'InvalidArgument',
      `${what}: array shape does not match the range (${rows}×${cols})`,
    );
  }
}

class FakeRange extends Loadable {
  readonly format: FakeFormat;
  private _values: unknown[][] = [];
  private _formulas: unknown[][] = [];
  private _address = '';
  constructor(
    private readonly ctx: FakeContext,
    private readonly ref: SheetRef,
    private readonly addr: () => string,
  ) {
    super();
    this.format = new FakeFormat(ctx, () => ({ sheet: need(ref), areas: [parseArea(addr())] }), addr);
  }
  localAddress(): string {
    return this.addr();
  }
  select(): void {
    this.ctx.enqueue('select', { address: this.addr() }, () => {
      this.ctx.excel.active = { sheet: need(this.ref).name, address: this.addr() };
    });
  }
  /** Row `index` (0-based) of this range; Office.js uses it to split large writes. */
  getRow(index: number): FakeRange {
    return new FakeRange(this.ctx, this.ref, () => {
      const a = parseArea(this.addr());
      return areaA1({ ...a, top: a.top + index, bottom: a.top + index });
    });
  }
  getCell(row: number, col: number): FakeRange {
    return new FakeRange(this.ctx, this.ref, () => {
      const a = parseArea(this.addr());
      return areaA1({ ...a, top: a.top + row, bottom: a.top + row, left: a.left + col, right: a.left + col });
    });
  }
  getBoundingRect(other: FakeRange): FakeRange {
    return new FakeRange(this.ctx, this.ref, () => {
      const a = parseArea(this.addr());
      const b = parseArea(other.localAddress());
      return areaA1({
        top: Math.min(a.top, b.top),
        left: Math.min(a.left, b.left),
        bottom: Math.max(a.bottom, b.bottom),
        right: Math.max(a.right, b.right),
        wholeColumns: false,
      });
    });
  }
  private write(type: string, values: unknown, store: (cell: FakeCell, v: unknown) => void): void {
    this.ctx.enqueue(type, { address: this.addr(), values }, () => {
      const sheet = need(this.ref);
      const area = parseArea(this.addr());
      checkShape(area, values, type);
      forEachCell(area, (r, c) => {
        const v = Array.isArray(values) ? (values as unknown[][])[r - area.top][c - area.left] : values;
        store(sheet.touch(r, c), v);
      });
    });
  }
  set formulas(v: unknown) {
    this.write('formulas', v, enter);
  }
  set values(v: unknown) {
    this.write('values', v, enter);
  }
  set numberFormat(v: unknown) {
    this.write('numberFormat', v, (cell, f) => (cell.numberFormat = f as string));
  }
  get values(): unknown[][] {
    this.check('values');
    return this._values;
  }
  get formulas(): unknown[][] {
    this.check('formulas');
    return this._formulas;
  }
  get address(): string {
    this.check('address');
    return this._address;
  }
  private geometry = { left: 0, top: 0, width: 0, height: 0 };
  private loadedGeometry(prop: keyof FakeRange['geometry']): number {
    this.check(prop);
    return this.geometry[prop];
  }
  get left(): number {
    return this.loadedGeometry('left');
  }
  get top(): number {
    return this.loadedGeometry('top');
  }
  get width(): number {
    return this.loadedGeometry('width');
  }
  get height(): number {
    return this.loadedGeometry('height');
  }
  get conditionalFormats(): ConditionalFormatCollection {
    return conditionalFormatsOn(this.ctx, this.ref, () => this.addr());
  }
  merge(across = false): void {
    this.ctx.enqueue('merge', { address: this.addr(), across }, () => {
      need(this.ref).merges.push(this.addr());
    });
  }
  clear(applyTo = 'All'): void {
    this.ctx.enqueue('clear', { address: this.addr(), applyTo }, () => {
      const sheet = need(this.ref);
      forEachCell(parseArea(this.addr()), (r, c) => enter(sheet.touch(r, c), ''));
    });
  }
  load(_props?: string): this {
    this.ctx.enqueue('loadRange', { address: this.addr() }, () => {
      const sheet = need(this.ref);
      const area = parseArea(this.addr());
      const excel = this.ctx.excel;
      this._values = [];
      this._formulas = [];
      for (let r = area.top; r <= area.bottom; r++) {
        const vr: unknown[] = [];
        const fr: unknown[] = [];
        for (let c = area.left; c <= area.right; c++) {
          const cell = sheet.cells.get(`${r},${c}`);
          const key = `${sheet.name}!${colToLetters(c)}${r + 1}`;
          if (cell?.formula !== undefined) {
            vr.push(excel.computed.get(key) ?? 0);
            fr.push(cell.formula);
          } else {
            vr.push(cell?.value ?? '');
            fr.push(cell?.value ?? '');
          }
        }
        this._values.push(vr);
        this._formulas.push(fr);
      }
      const quoted = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet.name)
        ? sheet.name
        : `'${sheet.name.replace(/'/g, "''")}'`;
      this._address = `${quoted}!${this.addr()}`;
      this.geometry = rangeGeometry(sheet, area);
      this.loaded = true;
    });
    return this;
  }
}

type ConditionalFormatCollection = { add(type: string): Record<string, unknown> };

/** `conditionalFormats` of a range or of several areas (one rule over all of them). */
function conditionalFormatsOn(
  ctx: FakeContext,
  ref: SheetRef,
  address: () => string,
): ConditionalFormatCollection {
  return {
    add: (type: string) => {
      // Property writes on the returned proxy land in `props` when the action runs.
      const props: Record<string, unknown> = {};
      const record = (path: string): Record<string, unknown> =>
        new Proxy({} as Record<string, unknown>, {
          get: (_t, key: string) => record(path ? `${path}.${key}` : key),
          set: (_t, key: string, value: unknown) => {
            props[path ? `${path}.${key}` : key] = value;
            return true;
          },
        });
      ctx.enqueue('conditionalFormat', { address: address(), type }, () => {
        need(ref).conditionalFormats.push({ address: address(), type, props });
      });
      return record('');
    },
  };
}

/** Where a range sits in points: column widths as set (Excel's default otherwise), rows at the default height. */
function rangeGeometry(
  sheet: FakeSheet,
  a: Area,
): { left: number; top: number; width: number; height: number } {
  const w = (c: number) => sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_POINTS;
  let left = 0;
  for (let c = 0; c < a.left; c++) left += w(c);
  let width = 0;
  for (let c = a.left; c <= a.right; c++) width += w(c);
  return {
    left,
    top: a.top * DEFAULT_ROW_POINTS,
    width,
    height: (a.bottom - a.top + 1) * DEFAULT_ROW_POINTS,
  };
}

class FakeRangeAreas {
  readonly format: FakeFormat;
  constructor(
    private readonly ctx: FakeContext,
    private readonly ref: SheetRef,
    readonly address: string,
  ) {
    const parts = address.split(',');
    this.format = new FakeFormat(
      ctx,
      () => {
        if (address.length > ctx.excel.options.maxAreasAddressChars) {
          throw new FakeOfficeError(
            'InvalidArgument',
            'The argument is invalid or missing or has an incorrect format.',
          );
        }
        return { sheet: need(ref), areas: parts.map(parseArea) };
      },
      () => address,
    );
  }
  get conditionalFormats(): ConditionalFormatCollection {
    return conditionalFormatsOn(this.ctx, this.ref, () => this.address);
  }
  clear(applyTo = 'All'): void {
    this.ctx.enqueue('clear', { address: this.address, applyTo }, () => {
      const sheet = need(this.ref);
      for (const a of this.address.split(',').map(parseArea))
        forEachCell(a, (r, c) => enter(sheet.touch(r, c), ''));
    });
  }
}

/**
 * The strict Excel double: Microsoft's own Office.js request builder (office-js.ts) in
 * front of the recording fake (fake-excel.ts). Host code calls the real `Excel.run`; every
 * `context.sync()` produces the real request body, which this double measures in bytes,
 * refuses above Excel on the web's 5 MB limit, and then answers by replaying its object
 * paths and actions on the fake. It also refuses a batch while a cell is being edited
 * unless the batch asked `delayForCellEdit`, and lets a test change the workbook between
 * two syncs, as another user or the user's own typing would.
 */
import {
  bindExecutor,
  DELAY_FOR_CELL_EDIT_FLAG,
  officeExcel,
  setDefaultExecutor,
  type ActionInfo,
  type ObjectPathInfo,
  type RequestMessage,
  type ResponseMessage,
} from './office-js';
import { FakeContext, FakeExcel, FakeOfficeError, type FakeExcelOptions } from './fake-excel';

/** Excel on the web refuses a request or a response above 5 MB. */
export const EXCEL_WEB_MAX_BYTES = 5 * 1024 * 1024;

export interface RecordedRequest {
  readonly bytes: number;
  readonly responseBytes: number;
  readonly flags: number;
  readonly actions: number;
}

/** A cell the user is typing into: Excel is in cell-edit mode until it is committed. */
export interface CellEdit {
  readonly sheet: string;
  readonly address: string;
  readonly text: string;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

type Obj = Record<string, unknown>;

const UNMODELLED_METHODS = new Set(['_KeepReference', '_RemoveReference', '_ValidateArraySize']);

/** Replays one real context's requests on one fake context; object paths live as long as the context. */
class Replayer {
  private readonly paths = new Map<number, unknown>();
  private readonly refs = new Map<string, unknown>();
  private nextRef = 1;
  constructor(readonly fake: FakeContext) {}

  private args(
    info: { ArgumentInfo?: ObjectPathInfo['ArgumentInfo'] },
    all: RequestMessage['Body'],
  ): unknown[] {
    const args = info.ArgumentInfo?.Arguments ?? [];
    const refs = info.ArgumentInfo?.ReferencedObjectPathIds ?? [];
    return args.map((a, i) => (refs[i] ? this.resolve(refs[i], all) : a));
  }

  private resolve(id: number, body: RequestMessage['Body']): unknown {
    if (this.paths.has(id)) return this.paths.get(id);
    const info = body.ObjectPaths[String(id)];
    if (!info) throw new FakeOfficeError('InvalidObjectPath', `unknown object path ${id}`);
    const parent = info.ParentObjectPathId ? (this.resolve(info.ParentObjectPathId, body) as Obj) : undefined;
    let obj: unknown;
    switch (info.ObjectPathType) {
      case 1:
        obj = this.fake.workbook;
        break;
      case 4:
        obj = parent![lowerFirst(info.Name)];
        break;
      case 3:
        // A fake method that returns nothing (customProperties.add, names.add) still makes
        // an object in Excel; nothing in the add-in uses it further.
        obj = this.call(parent!, info.Name, this.args(info, body)) ?? { created: info.Name };
        break;
      case 5:
        obj = this.call(parent!, 'GetItem', this.args(info, body));
        break;
      case 6:
        obj = this.refs.get(info.Name);
        break;
      case 7:
        obj = null;
        break;
      default:
        throw new FakeOfficeError(
          'NotImplemented',
          `object path type ${info.ObjectPathType} is not modelled`,
        );
    }
    if (obj === undefined)
      throw new FakeOfficeError('NotImplemented', `the double does not model ${info.Name || 'this path'}`);
    this.paths.set(id, obj);
    return obj;
  }

  private call(target: Obj, name: string, args: unknown[]): unknown {
    const f = target[lowerFirst(name)];
    if (typeof f !== 'function')
      throw new FakeOfficeError('NotImplemented', `the double does not model ${name}`);
    return (f as (...a: unknown[]) => unknown).apply(target, args);
  }

  /** Queues the request on the fake; returns how to build each action's result once applied. */
  queue(body: RequestMessage['Body']): (() => { ActionId: number; Value: unknown } | undefined)[] {
    const results: (() => { ActionId: number; Value: unknown } | undefined)[] = [];
    for (const action of body.Actions) results.push(this.queueAction(action, body));
    return results;
  }

  private queueAction(action: ActionInfo, body: RequestMessage['Body']) {
    const target = this.resolve(action.ObjectPathId, body) as Obj | null;
    const id = action.Id;
    switch (action.ActionType) {
      case 1: {
        const info = body.ObjectPaths[String(action.ObjectPathId)];
        return () => {
          if (target === null || (typeof target.exists === 'function' && !(target.exists as () => boolean)()))
            return { ActionId: id, Value: null };
          if (info.ObjectPathType !== 3) return { ActionId: id, Value: {} };
          const ref = `ref${this.nextRef++}`;
          this.refs.set(ref, target);
          return { ActionId: id, Value: { _ReferenceId: ref } };
        };
      }
      case 2: {
        if (typeof target?.load === 'function') (target.load as () => void)();
        const select = action.QueryInfo?.Select ?? [];
        return () => ({ ActionId: id, Value: queryValue(target!, select) });
      }
      case 3:
        // Bookkeeping the real builder adds for large writes; the fake checks shapes itself.
        if (!UNMODELLED_METHODS.has(action.Name)) this.call(target!, action.Name, this.args(action, body));
        return () => undefined;
      case 4:
        target![lowerFirst(action.Name)] = this.args(action, body)[0];
        return () => undefined;
      case 5:
        return () => undefined;
      default:
        throw new FakeOfficeError('NotImplemented', `action type ${action.ActionType} is not modelled`);
    }
  }
}

function pick(obj: Obj, select: readonly string[]): Obj {
  const out: Obj = {};
  for (const s of select) out[upperFirst(s)] = obj[s];
  // Office.js keys collection items by their id; Excel always sends it.
  if (typeof obj.exists === 'function' && 'id' in Object.getPrototypeOf(obj) && !('Id' in out))
    out._Id = obj.id;
  return out;
}

function queryValue(obj: Obj, select: readonly string[]): unknown {
  if (typeof obj.exists === 'function' && !(obj.exists as () => boolean)()) return null;
  if ('items' in obj) return { _Items: (obj.items as Obj[]).map((item) => pick(item, select)) };
  return pick(obj, select);
}

function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

function errorResponse(code: string, message: string): ResponseMessage {
  return {
    ErrorCode: '',
    HttpStatusCode: 200,
    Headers: {},
    Body: { Error: { Code: code, Message: message, HttpStatusCode: 400, Location: '', ActionIndex: -1 } },
  };
}

export interface StrictExcelOptions extends FakeExcelOptions {
  /** Largest request (and response) accepted, in bytes; Excel on the web's 5 MB by default. */
  readonly maxBytes?: number;
}

export class StrictExcel extends FakeExcel {
  readonly requests: RecordedRequest[] = [];
  /** Set while the user types into a cell; a delayed batch commits it first. */
  editing: CellEdit | null = null;
  /** Runs before the Nth request (0-based) is applied, e.g. to add a co-author's sheet. */
  beforeRequest?: (index: number) => void;
  private readonly maxBytes: number;
  private readonly replayers = new WeakMap<object, Replayer>();

  constructor(sheetNames: readonly string[] = ['Sheet1'], options: StrictExcelOptions = {}) {
    super(sheetNames, { ...options, estimateBytes: false });
    this.maxBytes = options.maxBytes ?? options.maxRequestBytes ?? EXCEL_WEB_MAX_BYTES;
  }

  /** The real `Excel.run`, with this double answering. */
  override run = <T>(first: unknown, second?: (context: never) => Promise<T>): Promise<T> => {
    const batch = (second ?? first) as (context: object) => Promise<T>;
    const options = second ? first : undefined;
    const bound = (context: object) => {
      if (!this.replayers.has(context)) {
        this.replayers.set(context, new Replayer(new FakeContext(this)));
        bindExecutor(context, (flags, message) => this.execute(context, flags, message));
      }
      return batch(context);
    };
    const excel = officeExcel();
    return (options === undefined ? excel.run(bound) : excel.run(options, bound)) as Promise<T>;
  };

  /** The real `Excel.createWorkbook`, answered by this double. */
  createWorkbook = async (base64: string): Promise<void> => {
    const context = { replayer: new Replayer(new FakeContext(this)) };
    this.replayers.set(context, context.replayer);
    setDefaultExecutor((flags, message) => this.execute(context, flags, message));
    try {
      await officeExcel().createWorkbook(base64);
    } finally {
      setDefaultExecutor(undefined);
    }
  };

  get largestRequest(): number {
    return Math.max(0, ...this.requests.map((r) => r.bytes));
  }

  private async execute(context: object, flags: number, message: RequestMessage): Promise<ResponseMessage> {
    const body = JSON.stringify(message.Body);
    const bytes = utf8Bytes(body);
    const record = { bytes, responseBytes: 0, flags, actions: message.Body.Actions.length };
    this.requests.push(record);
    this.requestBytes.push(bytes);
    if (bytes > this.maxBytes) {
      return {
        ErrorCode: 'RequestPayloadSizeLimitExceeded',
        ErrorMessage: `The request payload size has exceeded the limit (${bytes} bytes).`,
        HttpStatusCode: 413,
        Headers: {},
        Body: {},
      };
    }
    if (this.editing) {
      if ((flags & DELAY_FOR_CELL_EDIT_FLAG) === 0) {
        return errorResponse(
          'InvalidOperationInCellEditMode',
          'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB.',
        );
      }
      this.commitEdit();
    }
    this.beforeRequest?.(this.requests.length - 1);
    const replayer = this.replayers.get(context)!;
    const fake = replayer.fake;
    let response: ResponseMessage;
    try {
      const results = replayer.queue(JSON.parse(body) as RequestMessage['Body']);
      await fake.sync();
      // Office.js releases kept references after a batch in a request of its own; the add-in
      // did not call sync() for it.
      if (message.Body.Actions.every((a) => a.ActionType !== 3 || a.Name === '_RemoveReference')) {
        if (message.Body.Actions.some((a) => a.Name === '_RemoveReference')) this.syncCount--;
      }
      const values = results.map((r) => r()).filter((r) => r !== undefined);
      response = { ErrorCode: '', HttpStatusCode: 200, Headers: {}, Body: { Results: values } };
    } catch (err) {
      const e = err as { code?: string; message?: string };
      response = errorResponse(e.code ?? 'GeneralException', e.message ?? String(err));
    }
    record.responseBytes = utf8Bytes(JSON.stringify(response.Body));
    if (record.responseBytes > this.maxBytes) {
      return errorResponse(
        'ResponsePayloadSizeLimitExceeded',
        `The response is ${record.responseBytes} bytes.`,
      );
    }
    return response;
  }

  /** The user presses Enter: what they typed lands in the cell. */
  commitEdit(): void {
    const edit = this.editing;
    if (!edit) return;
    this.editing = null;
    const sheet = this.sheet(edit.sheet);
    if (!sheet) return;
    const pos = /^([A-Z]+)(\d+)$/.exec(edit.address)!;
    let col = 0;
    for (const ch of pos[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    const cell = sheet.touch(Number(pos[2]) - 1, col - 1);
    const n = Number(edit.text);
    if (edit.text.startsWith('=')) cell.formula = edit.text;
    else cell.value = edit.text.trim() !== '' && Number.isFinite(n) ? n : edit.text;
  }
}

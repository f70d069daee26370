/**
 * The real Office.js request builder, in Node. The Excel web script that ships in
 * `@microsoft/office-js` is evaluated once in a jsdom window; `Excel.run`,
 * `Excel.RequestContext` and `Excel.createWorkbook` are then Microsoft's own code, so a
 * test sees exactly the request body (object paths, actions, flags) Excel would receive.
 * Only the last step, sending the body, is replaced: `setExecutor` decides how a context's
 * requests are answered.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { JSDOM } from 'jsdom';
import { installNotes } from './office-notes';

/** What Office.js hands its request executor for one `context.sync()`. */
export interface RequestMessage {
  readonly Url: string;
  readonly Headers: Record<string, string>;
  readonly Body: RequestBody;
}

export interface ObjectPathInfo {
  readonly Id: number;
  /** 1 global, 2 new object, 3 method, 4 property, 5 indexer, 6 reference id, 7 null object. */
  readonly ObjectPathType: number;
  readonly Name: string;
  readonly ParentObjectPathId?: number;
  readonly ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
}

export interface ActionInfo {
  readonly Id: number;
  /** 1 instantiate, 2 query, 3 method, 4 set property, 5 trace. */
  readonly ActionType: number;
  readonly Name: string;
  readonly ObjectPathId: number;
  readonly ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
  readonly QueryInfo?: { Select?: string[] };
}

export interface RequestBody {
  readonly Actions: ActionInfo[];
  readonly ObjectPaths: Record<string, ObjectPathInfo>;
}

export interface ResponseMessage {
  readonly ErrorCode: string;
  readonly ErrorMessage?: string;
  readonly HttpStatusCode: number;
  readonly Headers: Record<string, string>;
  readonly Body: {
    Results?: { ActionId: number; Value: unknown }[];
    Error?: { Code: string; Message: string; HttpStatusCode: number; Location: string; ActionIndex: number };
  };
}

export type Executor = (flags: number, message: RequestMessage) => Promise<ResponseMessage>;

/** The request flag `Excel.run({ delayForCellEdit: true })` sets. */
export const DELAY_FOR_CELL_EDIT_FLAG = 64;

interface OfficeWindow {
  Excel: {
    run: (...args: unknown[]) => Promise<unknown>;
    createWorkbook: (base64: string) => Promise<void>;
  };
  OfficeExtension: { ClientRequestContext: { prototype: object } };
}

let loaded: OfficeWindow | undefined;
const executors = new WeakMap<object, Executor>();

function loadOffice(): OfficeWindow {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const dir = require.resolve('@microsoft/office-js/package.json').replace(/package\.json$/, '');
  const source = readFileSync(`${dir}dist/excel-web-16.00.debug.js`, 'utf8');
  const dom = new JSDOM('<!doctype html><html><body></body></html>', {
    runScripts: 'outside-only',
    url: 'https://localhost/',
  });
  const window = dom.window as unknown as OfficeWindow & { eval(code: string): void };
  window.eval(source);
  // The shipped script predates notes (ExcelApi 1.18); added the way Office.js builds its classes.
  installNotes(window as never);
  // Every context asks its prototype for the executor; answer with the one bound to it.
  Object.defineProperty(window.OfficeExtension.ClientRequestContext.prototype, '_requestExecutor', {
    configurable: true,
    get(this: object) {
      const executor = executors.get(this) ?? currentExecutor;
      if (!executor) throw new Error('No request executor is bound to this Office.js context.');
      return {
        executeAsync: (_customData: unknown, flags: number, message: RequestMessage) =>
          executor(flags, message),
      };
    },
    set() {
      // Office.js assigns its own executor lazily; the test's stays in place.
    },
  });
  loaded = window;
  return window;
}

/** Used by contexts Office.js makes itself (`Excel.createWorkbook`), which a test cannot bind. */
let currentExecutor: Executor | undefined;

/** The real `Excel` namespace, with requests of `context` answered by `executor`. */
export function officeExcel(): OfficeWindow['Excel'] {
  return loadOffice().Excel;
}

export function bindExecutor(context: object, executor: Executor): void {
  executors.set(context, executor);
}

export function setDefaultExecutor(executor: Executor | undefined): void {
  currentExecutor = executor;
}

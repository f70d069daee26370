/**
 * Makes the add-in's custom functions (=LSTM.STEP, =NN.SIGMOID, …) work in the preview's
 * HyperFormula workbook. Excel learns each function's parameters from functions.json;
 * here the same facts (which arguments are ranges, which are optional, whether the
 * result spills) arrive as a catalogue, and the calls go to the very exports Excel
 * calls, so the preview cannot drift from the add-in.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type FunctionPluginDefinition,
  type ImplementedFunctions,
} from 'hyperformula';

export interface PreviewFunctionParam {
  readonly name: string;
  /** A range argument (`number[][]`/`any[][]`): a single cell still arrives as [[x]]. */
  readonly matrix: boolean;
  readonly optional: boolean;
}

export interface PreviewFunction {
  /** The name typed in a cell, e.g. 'LSTM.STEP'. */
  readonly id: string;
  readonly params: readonly PreviewFunctionParam[];
  readonly impl: (...args: unknown[]) => unknown;
}

/** One entry of a custom-functions metadata file (functions.json), the parts used here. */
export interface FunctionsJsonEntry {
  readonly id: string;
  readonly parameters: readonly {
    readonly name: string;
    readonly dimensionality?: string;
    readonly optional?: boolean;
  }[];
}

/** `LSTM.SEQ` ↔ `lstmSeq`, the naming rule between Excel names and the plain exports. */
export function exportNameOf(id: string): string {
  return id
    .toLowerCase()
    .split(/[._]/)
    .map((part, i) => (i === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('');
}

/**
 * Pairs functions.json entries with a module's exports. An entry whose export is
 * missing is reported rather than registered, so a typo cannot pass silently.
 */
export function catalogueFromMetadata(
  entries: readonly FunctionsJsonEntry[],
  exports: Readonly<Record<string, unknown>>,
  exportNames: Readonly<Record<string, string>> = {},
): { functions: PreviewFunction[]; missing: string[] } {
  const functions: PreviewFunction[] = [];
  const missing: string[] = [];
  for (const e of entries) {
    const impl = exports[exportNames[e.id] ?? exportNameOf(e.id)];
    if (typeof impl !== 'function') {
      missing.push(e.id);
      continue;
    }
    functions.push({
      id: e.id.toUpperCase(),
      params: e.parameters.map((p) => ({
        name: p.name,
        matrix: p.dimensionality === 'matrix',
        optional: !!p.optional,
      })),
      impl: impl as (...args: unknown[]) => unknown,
    });
  }
  return { functions, missing };
}

type HfValue = unknown;

const ERROR_TYPES: Readonly<Record<string, ErrorType>> = {
  '#VALUE!': ErrorType.VALUE,
  '#NUM!': ErrorType.NUM,
  '#DIV/0!': ErrorType.DIV_BY_ZERO,
  '#N/A': ErrorType.NA,
  '#REF!': ErrorType.REF,
  '#NAME?': ErrorType.NAME,
};

/** Our functions signal bad input with `{code: '#VALUE!', message}`; anything else is a bug shown as #VALUE!. */
export function toCellError(e: unknown): CellError {
  if (e instanceof CellError) return e;
  const obj = (e ?? {}) as { code?: unknown; message?: unknown };
  const code = typeof obj.code === 'string' ? obj.code : '';
  const message = typeof obj.message === 'string' ? obj.message : String(e);
  return new CellError(ERROR_TYPES[code] ?? ErrorType.VALUE, message);
}

/** HyperFormula keeps formatted numbers (dates, percents) as objects holding `val`. */
function scalarOf(v: HfValue): unknown {
  if (v === EmptyValue || v === undefined) return '';
  if (typeof v === 'object' && v !== null && 'val' in v) return (v as { val: unknown }).val;
  return v;
}

/** Converts one evaluated argument to what Excel would pass, or a CellError to return as is. */
function argumentFor(v: HfValue, param: PreviewFunctionParam | undefined): unknown {
  // An argument left empty (=F(a,,b)) or a lone empty cell counts as omitted, as in Excel.
  if (v === undefined || v === EmptyValue) return null;
  if (v instanceof CellError) return v;
  const matrix = param?.matrix ?? false;
  if (v instanceof SimpleRangeValue) {
    const data = v.rawData();
    for (const row of data) for (const x of row) if (x instanceof CellError) return x;
    const rows = data.map((row) => row.map(scalarOf));
    if (matrix) return rows;
    if (rows.length === 1 && rows[0].length === 1) return rows[0][0];
    return new CellError(
      ErrorType.VALUE,
      `${param?.name ?? 'argument'} takes a single value, got a ${rows.length}×${rows[0]?.length ?? 0} range`,
    );
  }
  const x = scalarOf(v);
  return matrix ? [[x]] : x;
}

/** A 2-D array result spills like Excel's dynamic arrays; a 1×1 result is a plain value. */
function resultOf(out: unknown): HfValue {
  if (out instanceof CellError) return out;
  if (Array.isArray(out)) {
    if (out.length === 0 || !Array.isArray(out[0]) || out[0].length === 0) {
      return new CellError(ErrorType.VALUE, 'the function returned an empty array');
    }
    const rows = (out as unknown[][]).map((row) => row.map(checkScalar));
    for (const row of rows) for (const x of row) if (x instanceof CellError) return x;
    if (rows.length === 1 && rows[0].length === 1) return rows[0][0];
    return SimpleRangeValue.onlyValues(rows as (number | string | boolean)[][]);
  }
  return checkScalar(out);
}

function checkScalar(x: unknown): number | string | boolean | CellError {
  if (typeof x === 'number')
    return Number.isFinite(x) ? x : new CellError(ErrorType.NUM, 'the result is not a finite number');
  if (typeof x === 'string' || typeof x === 'boolean') return x;
  if (x === null || x === undefined) return '';
  return new CellError(ErrorType.VALUE, `unexpected result ${String(x)}`);
}

function callWith(fn: PreviewFunction, values: readonly HfValue[]): HfValue {
  const args: unknown[] = [];
  for (let i = 0; i < values.length; i++) {
    const a = argumentFor(values[i], fn.params[i]);
    if (a instanceof CellError) return a;
    args.push(a);
  }
  // Omitted optional arguments arrive as null, as in Excel.
  while (args.length < fn.params.length) args.push(null);
  try {
    const out = fn.impl(...args);
    if (out instanceof Promise)
      return new CellError(
        ErrorType.VALUE,
        `${fn.id} is asynchronous; the preview runs synchronous functions only`,
      );
    return resultOf(out);
  } catch (e) {
    return toCellError(e);
  }
}

/**
 * The spill size of a call. HyperFormula fixes a formula's spill size once, when the
 * formula is entered, and never revisits it; a result of another size later shows
 * #VALUE! ("Cell range not allowed") for good. Our results' shapes follow the shapes of
 * the arguments, not their values, so when the arguments cannot be read yet (text or an
 * error in a range the learner is still filling) the size comes from a trial call with
 * numbers in their place: the formula then computes in full once the range is fixed,
 * as Excel's dynamic arrays do.
 */
function spillSize(fn: PreviewFunction, values: readonly HfValue[]): ArraySize {
  for (const fill of [null, 0, 1]) {
    const out = callWith(
      fn,
      fill === null ? values : values.map((v, i) => placeholder(v, fn.params[i], fill)),
    );
    if (out instanceof SimpleRangeValue) return new ArraySize(out.width(), out.height());
    if (!(out instanceof CellError)) return ArraySize.scalar();
  }
  return ArraySize.scalar();
}

/** An argument with `fill` in place of whatever is not a number in a range argument, or in an error. */
function placeholder(v: HfValue, param: PreviewFunctionParam | undefined, fill: number): HfValue {
  const number = (x: unknown): number => {
    const n = scalarOf(x);
    return typeof n === 'number' ? n : fill;
  };
  if (v instanceof SimpleRangeValue)
    return param?.matrix ? SimpleRangeValue.onlyValues(v.rawData().map((row) => row.map(number))) : v;
  if (v instanceof CellError) return fill;
  return param?.matrix && typeof scalarOf(v) === 'string' ? fill : v;
}

interface ProcedureAstLike {
  readonly args: readonly { readonly type: string }[];
}

/** Builds a HyperFormula plugin class whose methods call `functions`. */
function pluginFor(functions: readonly PreviewFunction[]): FunctionPluginDefinition {
  const implemented: ImplementedFunctions = {};
  class PreviewCustomFunctions extends FunctionPlugin {}
  const proto = PreviewCustomFunctions.prototype as unknown as Record<string, unknown>;
  functions.forEach((fn, n) => {
    const method = `call${n}`;
    const sizeMethod = `size${n}`;
    implemented[fn.id] = {
      method,
      sizeOfResultArrayMethod: sizeMethod,
      vectorizationForbidden: true,
      parameters: fn.params.map(() => ({ argumentType: FunctionArgumentType.ANY, optionalArg: true })),
    };
    proto[method] = function (this: FunctionPlugin, ast: ProcedureAstLike, state: unknown) {
      const self = this as unknown as PluginInternals;
      return self.runFunction(ast.args, state, self.metadata(fn.id), (...values: HfValue[]) =>
        callWith(fn, values),
      );
    };
    proto[sizeMethod] = function (this: FunctionPlugin, ast: ProcedureAstLike, state: unknown) {
      const self = this as unknown as PluginInternals;
      try {
        const values = ast.args.map((arg) =>
          arg.type === 'EMPTY' ? undefined : self.evaluateAst(arg, state),
        );
        return spillSize(fn, values);
      } catch {
        return ArraySize.scalar(); // a scalar size is always valid
      }
    };
  });
  (PreviewCustomFunctions as unknown as { implementedFunctions: ImplementedFunctions }).implementedFunctions =
    implemented;
  return PreviewCustomFunctions as unknown as FunctionPluginDefinition;
}

/** The protected members of FunctionPlugin the generated methods use. */
interface PluginInternals {
  runFunction(
    args: unknown,
    state: unknown,
    metadata: unknown,
    impl: (...values: HfValue[]) => HfValue,
  ): HfValue;
  metadata(id: string): unknown;
  evaluateAst(ast: unknown, state: unknown): HfValue;
}

let registeredPlugin: FunctionPluginDefinition | null = null;
let registeredIds: string[] = [];

/**
 * Registers the custom functions for every HyperFormula engine built afterwards,
 * replacing an earlier registration. Names are the same in every formula language.
 */
export function registerPreviewFunctions(functions: readonly PreviewFunction[]): void {
  if (registeredPlugin) HyperFormula.unregisterFunctionPlugin(registeredPlugin);
  registeredPlugin = null;
  registeredIds = [];
  if (functions.length === 0) return;
  const plugin = pluginFor(functions);
  const names: Record<string, string> = {};
  for (const fn of functions) names[fn.id] = fn.id;
  const translations: Record<string, Record<string, string>> = {};
  for (const code of HyperFormula.getRegisteredLanguagesCodes()) translations[code] = names;
  HyperFormula.registerFunctionPlugin(plugin, translations);
  registeredPlugin = plugin;
  registeredIds = functions.map((f) => f.id);
}

export function registeredPreviewFunctionIds(): readonly string[] {
  return registeredIds;
}

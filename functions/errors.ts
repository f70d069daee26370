/**
 * The one error type every custom function throws. Inside Excel it is the runtime's own
 * `CustomFunctions.Error`; in Node (tests, scripts) the runtime is absent and
 * `FunctionError` stands in with the same `code` and `message`, so callers can handle both
 * the same way. Excel shows the message only with #VALUE! (and #N/A): a message given with
 * #NUM! is dropped. So every mistake in the inputs, NaN and ±∞ included, is a #VALUE! with
 * a message naming the argument; #NUM! is left for a result that overflowed, where the
 * error itself says enough and only Node callers see the message.
 */

export type FunctionErrorCode = '#VALUE!' | '#NUM!';

export interface FunctionErrorLike {
  readonly code: FunctionErrorCode;
  readonly message: string;
}

export class FunctionError extends Error implements FunctionErrorLike {
  constructor(
    readonly code: FunctionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FunctionError';
  }
}

type Runtime = typeof CustomFunctions;

/** The Excel runtime when this code runs inside Excel; `typeof` keeps Node from throwing. */
function runtime(): Runtime | undefined {
  return typeof CustomFunctions === 'undefined' ? undefined : CustomFunctions;
}

export function functionError(code: FunctionErrorCode, message: string): FunctionErrorLike {
  const rt = runtime();
  if (rt) {
    const excelCode = code === '#NUM!' ? rt.ErrorCode.invalidNumber : rt.ErrorCode.invalidValue;
    return new rt.Error(excelCode, message) as FunctionErrorLike;
  }
  return new FunctionError(code, message);
}

/** #VALUE!: wrong type, wrong shape, unknown option, NaN/±∞ or an out-of-domain value in an input. */
export function invalidValue(message: string): FunctionErrorLike {
  return functionError('#VALUE!', message);
}

/** #NUM!: a result that overflowed (Excel shows no message with it). */
export function invalidNumber(message: string): FunctionErrorLike {
  return functionError('#NUM!', message);
}

export function isFunctionError(e: unknown): e is FunctionErrorLike {
  if (e instanceof FunctionError) return true;
  const rt = runtime();
  return rt !== undefined && e instanceof rt.Error;
}

/**
 * What an Excel-facing wrapper throws for anything its adapter threw: our own errors
 * pass through; anything else (a bug, not a user mistake) still becomes a #VALUE! with a
 * readable message instead of an unhandled exception that Excel would show without one.
 */
export function asFunctionError(e: unknown): FunctionErrorLike {
  if (isFunctionError(e)) return e;
  const detail = e instanceof Error ? e.message : String(e);
  return invalidValue(`Unexpected problem: ${detail || 'unknown error'}`);
}

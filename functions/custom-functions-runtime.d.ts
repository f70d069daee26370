/**
 * The part of Excel's custom-functions runtime this project touches. Declared here
 * rather than pulled from a types package because the metadata plugin appends
 * `CustomFunctions.associate(...)` calls to functions.ts before TypeScript compiles it,
 * and those calls must type-check. At run time the global exists only inside Excel.
 */
declare namespace CustomFunctions {
  enum ErrorCode {
    invalidValue = '#VALUE!',
    notAvailable = '#N/A',
    divisionByZero = '#DIV/0!',
    invalidNumber = '#NUM!',
    nullReference = '#NULL!',
    invalidName = '#NAME?',
    invalidReference = '#REF!',
  }
  class Error {
    constructor(errorCode?: ErrorCode, errorMessage?: string);
    code: ErrorCode;
    message?: string;
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  function associate(id: string, fn: (...args: any[]) => unknown): void;
}

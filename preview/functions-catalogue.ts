/**
 * Registers the add-in's custom functions for the preview workbook. The build reads
 * functions/functions.ts with the same metadata generator the production build uses
 * and passes its entries in as __PREVIEW_FUNCTIONS__; the calls go to the same exported
 * wrappers Excel calls.
 */
import * as excelFunctions from '../functions/functions';
import {
  catalogueFromMetadata,
  registerPreviewFunctions,
  type FunctionsJsonEntry,
} from '../src/host/preview-functions';

declare const __PREVIEW_FUNCTIONS__: {
  readonly functions: readonly FunctionsJsonEntry[];
  readonly associate: readonly { readonly id: string; readonly functionName: string }[];
};

/** Returns the ids of declared functions with no export to call (empty when all is well). */
export function installPreviewFunctions(): string[] {
  const names = Object.fromEntries(__PREVIEW_FUNCTIONS__.associate.map((a) => [a.id, a.functionName]));
  const { functions, missing } = catalogueFromMetadata(
    __PREVIEW_FUNCTIONS__.functions,
    excelFunctions,
    names,
  );
  registerPreviewFunctions(functions);
  return missing;
}

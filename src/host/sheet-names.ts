/**
 * Sheet names Excel accepts. A generated sheet never replaces a learner's sheet, so a
 * taken name gets a numeric suffix instead. Excel compares sheet names without regard
 * to case, and so do we.
 */
import { rangeA1, type PlanRange } from '../sheets/plan';

export const MAX_SHEET_NAME = 31;

/** Characters Excel refuses in a sheet name. */
const FORBIDDEN = /[\\/?*[\]:]/g;

/** `History` is reserved by Excel's change tracking. */
const RESERVED = new Set(['history']);

/** Replaces forbidden characters, trims apostrophes at the ends, cuts to 31 characters. */
export function sanitizeSheetName(raw: string): string {
  let name = Array.from(raw.replace(FORBIDDEN, '-'), (ch) => (ch.charCodeAt(0) < 0x20 ? ' ' : ch))
    .join('')
    .trim();
  name = name.replace(/^'+|'+$/g, '').trim();
  if (name.length === 0) name = 'Sheet';
  if (RESERVED.has(name.toLowerCase())) name = `${name} 1`;
  return truncate(name, MAX_SHEET_NAME);
}

/** Cuts by code point so a surrogate pair (a CJK extension character, an emoji) is never split. */
function truncate(name: string, max: number): string {
  const points = Array.from(name);
  if (points.length <= max) return name;
  return points.slice(0, max).join('').trimEnd();
}

/**
 * The first of `base`, `base 2`, `base 3`, … that no existing sheet uses. The base is
 * shortened when needed so that the suffix always fits in 31 characters.
 */
export function freeSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const clean = sanitizeSheetName(base);
  if (!taken.has(clean.toLowerCase())) return clean;
  for (let k = 2; ; k++) {
    const suffix = ` ${k}`;
    const candidate = `${truncate(clean, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** A sheet name inside a reference: always quoted, an apostrophe doubled ("'LSTM 2'"). */
export function quotedSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** An absolute reference to a range on a named sheet: "'LSTM 2'!$B$3:$C$4". */
export function sheetRangeRef(sheet: string, r: PlanRange): string {
  return `${quotedSheetName(sheet)}!${rangeA1(r, true)}`;
}

/** Splits "Sheet1!B3" or "'LSTM 2'!B3:C4" into sheet name and local address. */
export function splitSheetAddress(full: string): { sheet: string; address: string } {
  const bang = full.lastIndexOf('!');
  if (bang < 0) return { sheet: '', address: full };
  let sheet = full.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: full.slice(bang + 1) };
}

/** Why Excel would refuse a name a person typed for a sheet; null when it takes it. */
export type SheetNameProblem = 'empty' | 'tooLong' | 'forbidden' | 'apostrophe' | 'reserved' | 'taken';

/**
 * Excel's rules for renaming, checked before anything changes: not blank, at most 31
 * characters, none of \ / ? * [ ] :, no apostrophe first or last, not "History", and no
 * other sheet of that name in any case (the sheet's own name in another case is fine).
 */
export function sheetNameProblem(
  typed: string,
  current: string,
  existing: readonly string[],
): SheetNameProblem | null {
  const name = typed.trim();
  if (name === '') return 'empty';
  if (Array.from(name).length > MAX_SHEET_NAME) return 'tooLong';
  if (/[\\/?*[\]:]/.test(name) || Array.from(name).some((ch) => ch.charCodeAt(0) < 0x20)) return 'forbidden';
  if (name.startsWith("'") || name.endsWith("'")) return 'apostrophe';
  if (RESERVED.has(name.toLowerCase())) return 'reserved';
  const lower = name.toLowerCase();
  if (existing.some((n) => n !== current && n.toLowerCase() === lower)) return 'taken';
  return null;
}

/**
 * Names in an error message, bounded: a state_dict with a million stray keys must give a
 * one-line message, not megabytes. The first few names are shown, each cut to a readable
 * length, then how many more there are.
 */

/** How many names a message lists before "and N more". */
export const LISTED_NAMES = 5;
/** Longest name shown in full; a longer one (a pasted paragraph as a key) is cut. */
export const LISTED_NAME_CHARS = 60;

export function shortName(name: string, max = LISTED_NAME_CHARS): string {
  return name.length > max ? `${name.slice(0, max)}…` : name;
}

/** How a list names what it left out; the core speaks English, a caller may word it otherwise. */
export type MoreWording = (shown: string, rest: number) => string;

const ENGLISH_MORE: MoreWording = (shown, rest) => `${shown} and ${rest} more`;

/** "a, b, c, d, e and 995 more". */
export function listNames(names: readonly string[], max = LISTED_NAMES, more = ENGLISH_MORE): string {
  const shown = names
    .slice(0, max)
    .map((n) => shortName(n))
    .join(', ');
  const rest = names.length - max;
  return rest <= 0 ? shown : more(shown, rest);
}

/**
 * A value read from a stored sheet or a pasted config, shown in a message: numbers and
 * (shortened) strings as they are, anything else by its type. A template literal on an
 * arbitrary object can throw (`{ toString: 0 }`) or print megabytes.
 */
export function shownValue(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
  if (typeof v === 'string') return shortName(v);
  return Array.isArray(v) ? 'an array' : `a ${typeof v}`;
}

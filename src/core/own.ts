/**
 * Looking up a user-supplied string in a record by own properties only. A plain `obj[key]`
 * also finds what every object inherits (`constructor`, `toString`, `__proto__`), so a
 * model named "constructor" would be found as a "spec" that is really `Object`. This is
 * `Object.hasOwn` semantics, written with `hasOwnProperty.call` so it also runs in the
 * older WebViews some Excel installations still use.
 */
const hasOwnProperty = Object.prototype.hasOwnProperty;

export function hasOwn(record: object, key: PropertyKey): boolean {
  return hasOwnProperty.call(record, key);
}

/** `record[key]` when `key` is the record's own property, else undefined. */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return hasOwn(record, key) ? record[key] : undefined;
}

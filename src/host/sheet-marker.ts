/**
 * The marker that tells a sheet this add-in built from a learner's own sheets: worksheet
 * custom properties holding the build metadata as JSON. A property value is limited in
 * length, so long metadata is spread over numbered parts under one header property.
 */

export const MARKER_KEY = 'seqByHand';
/** Conservative per-value length (Office documents 255 characters for custom property values). */
export const MARKER_PART_CHARS = 255;

export interface MarkerProperty {
  readonly key: string;
  readonly value: string;
}

interface MarkerHeader {
  readonly v: 1;
  readonly parts: number;
}

export function partKey(i: number): string {
  return `${MARKER_KEY}.${i}`;
}

export function encodeMarker(metadata: Readonly<Record<string, unknown>>): MarkerProperty[] {
  const json = JSON.stringify(metadata);
  const parts: MarkerProperty[] = [];
  // Slice by code point so no part ends inside a surrogate pair.
  const points = Array.from(json);
  for (let i = 0; i < points.length; i += MARKER_PART_CHARS) {
    parts.push({ key: partKey(parts.length + 1), value: points.slice(i, i + MARKER_PART_CHARS).join('') });
  }
  const header: MarkerHeader = { v: 1, parts: parts.length };
  return [{ key: MARKER_KEY, value: JSON.stringify(header) }, ...parts];
}

/** The metadata stored on a sheet, or null when the sheet carries no (readable) marker. */
export function decodeMarker(properties: readonly MarkerProperty[]): Record<string, unknown> | null {
  const byKey = new Map(properties.map((p) => [p.key, p.value]));
  const headerText = byKey.get(MARKER_KEY);
  if (headerText === undefined) return null;
  try {
    const header = JSON.parse(headerText) as Partial<MarkerHeader>;
    if (header.v !== 1 || typeof header.parts !== 'number') return null;
    let json = '';
    for (let i = 1; i <= header.parts; i++) {
      const part = byKey.get(partKey(i));
      if (part === undefined) return null;
      json += part;
    }
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export function markerBytes(props: readonly MarkerProperty[]): number {
  return props.reduce((n, p) => n + 300 + p.key.length + 3 * p.value.length, 0);
}

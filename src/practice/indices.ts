/**
 * Indices as the sheet writes them. The plan's meanings carry 0-based indices (they address
 * the core's arrays), but every label on the sheet counts from 1 ("t = 4", "x[1]"), so the
 * pane says "[1, 2]" for index [0, 1], never a mix of both.
 */
export function indexText(index: readonly number[] | undefined): string {
  return index && index.length > 0 ? `[${index.map((i) => i + 1).join(', ')}]` : '';
}

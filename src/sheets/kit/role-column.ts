/**
 * Kit: where a band's role line goes. The role line sits on the equation's row, above the
 * first time block. An equation beside its results ends just left of that block; one too
 * long for that sits at the left of the band and would be cut there, so the line moves to the first time block that starts after the equation's last
 * character (an estimate from the kit's column widths; the sheets set the weight
 * columns 7–8 wide).
 *
 *   openBand(k, { equation, …, role, roleCol: roleColumn(k, equation) });
 */
import { GAP_WIDTH, VALUE_WIDTH } from './grid';
import { narrativeLine } from './role-line';
import { openBand, type BandHead, type SheetKit } from './band';

/** Characters of proportional text per unit of column width (a unit is one digit), about. */
const CHARS_PER_UNIT = 1.15;
/** Width of a weight-area column (the sheets set them 7–8 wide). */
const WEIGHT_COLUMN_WIDTH = 8;

export function roleColumn(k: SheetKit, equation: string): number {
  const { grid } = k;
  if (k.cursor.beside) return grid.col(0);
  const chars = [...equation].length + 2;
  let reach = (grid.firstCol - k.wCol) * WEIGHT_COLUMN_WIDTH * CHARS_PER_UNIT;
  const stepChars = ((grid.blockWidth - 1) * VALUE_WIDTH + GAP_WIDTH) * CHARS_PER_UNIT;
  for (let t = 0; t < grid.steps; t++) {
    if (reach >= chars) return grid.col(t);
    reach += stepChars;
  }
  return grid.col(grid.steps);
}

/** `openBand` with the role line placed clear of the band's equation. */
export function openTaughtBand(k: SheetKit, head: BandHead & { readonly role: string }): number {
  return openBand(k, { ...head, roleCol: head.roleCol ?? ((kit) => roleColumn(kit, head.equation)) });
}

/** Sentences of the story on their own rows at the band cursor (column 0), then a blank row. */
export function narrativeLines(k: SheetKit, lines: readonly string[]): void {
  lines.forEach((line, i) => narrativeLine(k.b, { row: k.cursor.row + i, col: 0 }, line));
  k.cursor.row += lines.length + 1;
}

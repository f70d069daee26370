/**
 * Kit: where a band's role line goes. The role line sits on the equation's row, above the
 * first time block. An equation beside its results ends just left of that block; one too
 * long for that sits at the left of the band and would be cut there, so the line moves to
 * the first time block that starts after the equation's last character, measured on the
 * widths the sheet has set (every sheet sets them before its bands).
 *
 *   openBand(k, { equation, …, role, roleCol: roleColumn(k, equation) });
 */
import { narrativeLine } from './role-line';
import { openBand, type BandHead, type SheetKit } from './band';
import { readable } from '../notation';
import { textWidthUnits } from '../style';

export function roleColumn(k: SheetKit, equation: string): number {
  const { b, grid } = k;
  if (k.cursor.beside) return grid.col(0);
  const need = textWidthUnits(readable(equation)) + 1;
  const end = grid.col(grid.steps);
  let reach = 0;
  // Bounded: a column is at least one unit wide, so the reach passes `need` well before this.
  for (let c = k.wCol; c < end + Math.ceil(need); c++) {
    // A time block's first column, or past the last block (a one-step sheet) any column.
    const start = c >= end || (c >= grid.firstCol && (c - grid.firstCol) % grid.blockWidth === 0);
    if (start && reach >= need) return c;
    reach += b.widthOf(c);
  }
  return end + Math.ceil(need);
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

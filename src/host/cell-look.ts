/**
 * What the Excel host needs to know to format one cell. The palette itself lives in
 * src/sheets/style.ts; the host receives a `LookOf` function so that it formats by
 * whatever the palette says without copying it.
 */
import type { CellRole, PlanCell } from '../sheets/plan';
import { BORDER_COLOR, BOX_COLOR, PARAM_BOX_COLOR, styleFor } from '../sheets/style';

export interface CellLook {
  /** '#RRGGBB' or undefined for no fill. */
  readonly fill?: string;
  readonly fontColor?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  readonly horizontalAlignment?: 'Left' | 'Center' | 'Right';
  /** Excel number format, e.g. '0.0000'; undefined means General. */
  readonly numberFormat?: string;
  /** A thin border around each such cell (vector and matrix entries). */
  readonly cellBorder?: boolean;
}

export type LookOf = (cell: PlanCell) => CellLook;

/** The look's formatting without its number format (number formats travel with the cell contents). */
export function formatKey(look: CellLook): string {
  return JSON.stringify([
    look.fill ?? null,
    look.fontColor ?? null,
    look.bold ?? null,
    look.italic ?? null,
    look.fontSize ?? null,
    look.horizontalAlignment ?? null,
  ]);
}

export function hasFormatting(look: CellLook): boolean {
  return (
    look.fill !== undefined ||
    look.fontColor !== undefined ||
    look.bold !== undefined ||
    look.italic !== undefined ||
    look.fontSize !== undefined ||
    look.horizontalAlignment !== undefined
  );
}

const ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;

/** The palette of src/sheets/style.ts, as the Excel host needs it. */
export const paletteLook: LookOf = (cell) => {
  const style = styleFor(cell.role);
  return {
    fill: style.fill,
    fontColor: style.fontColor,
    bold: style.bold,
    italic: style.italic,
    fontSize: style.fontSize,
    horizontalAlignment: ALIGN[style.hAlign],
    numberFormat: cell.numberFormat ?? (typeof cell.value === 'string' ? undefined : style.numberFormat),
    cellBorder: style.cellBorder,
  };
};

const PARAM_ROLES: ReadonlySet<CellRole> = new Set(['weight', 'recurrentWeight', 'bias']);

export const CELL_BORDER_COLOR = BORDER_COLOR;

/** Learnable-parameter blocks get the palette's red outline, every other box the dark one. */
export function boxColor(roles: readonly CellRole[]): string {
  return roles.length > 0 && roles.every((r) => PARAM_ROLES.has(r)) ? PARAM_BOX_COLOR : BOX_COLOR;
}

/**
 * The resolved look of a cell (plan-look.ts) in the terms the Excel host writes it:
 * capitalised alignments, and the formatting split from the number format (number
 * formats travel with the cell contents).
 */
import type { PlanCell } from '../sheets/plan';
import { resolveCellLook, type ResolvedLook } from './plan-look';

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

/** A resolved look as the Excel host writes it. */
export function excelLook(look: ResolvedLook): CellLook {
  return {
    fill: look.fill,
    fontColor: look.fontColor,
    bold: look.bold,
    italic: look.italic,
    fontSize: look.fontSize,
    horizontalAlignment: ALIGN[look.hAlign],
    numberFormat: look.numberFormat,
    cellBorder: look.border,
  };
}

/** The resolver's look of a plan cell, for the Excel host. */
export const paletteLook: LookOf = (cell) => excelLook(resolveCellLook(cell));

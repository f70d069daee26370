/**
 * CSS for a preview cell from the one palette (src/sheets/style.ts), so the preview
 * looks like the sheets Excel gets. Practice feedback fills override the role's fill.
 */
import type { CSSProperties } from 'react';
import { BORDER_COLOR, styleFor } from '../src/sheets/style';
import type { CellRole } from '../src/sheets/plan';

export interface LookInput {
  readonly role: CellRole | null;
  readonly fillOverride: string | null;
  readonly isText: boolean;
}

export function cellCss({ role, fillOverride, isText }: LookInput): CSSProperties {
  const s = role ? styleFor(role) : null;
  const fill = fillOverride ?? s?.fill;
  // Without a role Excel's General alignment applies: text left, numbers right.
  const align = s?.hAlign ?? (isText ? 'left' : 'right');
  return {
    background: fill ?? undefined,
    color: s?.fontColor ?? '#000000',
    fontWeight: s?.bold ? 700 : 400,
    fontStyle: s?.italic ? 'italic' : 'normal',
    fontSize: `${s?.fontSize ?? 11}pt`,
    textAlign: align,
    justifyContent: align === 'left' ? 'flex-start' : align === 'right' ? 'flex-end' : 'center',
    outline: s?.cellBorder ? `1px solid ${BORDER_COLOR}` : undefined,
    outlineOffset: s?.cellBorder ? '-1px' : undefined,
  };
}

/** Roles whose boxes get the seed's red outline: what training changes. */
export function isParameterRole(role: CellRole | null): boolean {
  return role === 'weight' || role === 'recurrentWeight' || role === 'bias';
}

/**
 * CSS for a preview cell from the resolver's look (src/host/plan-look.ts), so the preview
 * looks like the sheets Excel gets. Practice feedback fills override the look's fill.
 */
import type { CSSProperties } from 'react';
import { CELL_BORDER_COLOR, type ResolvedLook } from '../src/host/plan-look';

export interface LookInput {
  readonly look: ResolvedLook | null;
  readonly fillOverride: string | null;
  readonly isText: boolean;
}

export function cellCss({ look, fillOverride, isText }: LookInput): CSSProperties {
  const fill = fillOverride ?? look?.fill;
  // Without a look Excel's General alignment applies: text left, numbers right.
  const align = look?.hAlign ?? (isText ? 'left' : 'right');
  return {
    background: fill ?? undefined,
    color: look?.fontColor ?? '#000000',
    fontWeight: look?.bold ? 700 : 400,
    fontStyle: look?.italic ? 'italic' : 'normal',
    fontSize: `${look?.fontSize ?? 11}pt`,
    textAlign: align,
    justifyContent: align === 'left' ? 'flex-start' : align === 'right' ? 'flex-end' : 'center',
    outline: look?.border ? `1px solid ${CELL_BORDER_COLOR}` : undefined,
    outlineOffset: look?.border ? '-1px' : undefined,
  };
}

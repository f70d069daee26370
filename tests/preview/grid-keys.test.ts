/** The grid's keyboard, as Excel's: arrows and Enter/Tab move (past a merged block's far edge), F2 and typing edit. */
import { describe, expect, it } from 'vitest';
import { gridKeyAction } from '../../preview/grid-keys';
import type { PlanRange } from '../../src/sheets/plan';

const key = (
  k: string,
  mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {},
) => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

const none = new Map<string, PlanRange>();

describe('gridKeyAction', () => {
  it('moves one cell with the arrows, Enter and Tab, backwards with Shift', () => {
    const at = { row: 5, col: 5 };
    expect(gridKeyAction(key('ArrowUp'), at, none)).toEqual({ kind: 'move', row: 4, col: 5 });
    expect(gridKeyAction(key('ArrowDown'), at, none)).toEqual({ kind: 'move', row: 6, col: 5 });
    expect(gridKeyAction(key('ArrowLeft'), at, none)).toEqual({ kind: 'move', row: 5, col: 4 });
    expect(gridKeyAction(key('ArrowRight'), at, none)).toEqual({ kind: 'move', row: 5, col: 6 });
    expect(gridKeyAction(key('Enter'), at, none)).toEqual({ kind: 'move', row: 6, col: 5 });
    expect(gridKeyAction(key('Enter', { shiftKey: true }), at, none)).toEqual({
      kind: 'move',
      row: 4,
      col: 5,
    });
    expect(gridKeyAction(key('Tab'), at, none)).toEqual({ kind: 'move', row: 5, col: 6 });
    expect(gridKeyAction(key('Tab', { shiftKey: true }), at, none)).toEqual({ kind: 'move', row: 5, col: 4 });
  });

  it('leaves a merged block past its far edge going down or right, one cell going up or left', () => {
    const block = { top: 2, left: 1, bottom: 3, right: 4 };
    const merges = new Map<string, PlanRange>();
    for (let r = block.top; r <= block.bottom; r++)
      for (let c = block.left; c <= block.right; c++) merges.set(`${r}:${c}`, block);
    const at = { row: 2, col: 1 };
    expect(gridKeyAction(key('ArrowDown'), at, merges)).toEqual({ kind: 'move', row: 4, col: 1 });
    expect(gridKeyAction(key('ArrowRight'), at, merges)).toEqual({ kind: 'move', row: 2, col: 5 });
    expect(gridKeyAction(key('ArrowUp'), at, merges)).toEqual({ kind: 'move', row: 1, col: 1 });
    expect(gridKeyAction(key('ArrowLeft'), at, merges)).toEqual({ kind: 'move', row: 2, col: 0 });
  });

  it('edits with F2 (keeping the content) or a typed character (replacing it), clears with Delete', () => {
    const at = { row: 0, col: 0 };
    expect(gridKeyAction(key('F2'), at, none)).toEqual({ kind: 'edit' });
    expect(gridKeyAction(key('7'), at, none)).toEqual({ kind: 'edit', text: '7' });
    expect(gridKeyAction(key('='), at, none)).toEqual({ kind: 'edit', text: '=' });
    expect(gridKeyAction(key('Delete'), at, none)).toEqual({ kind: 'clear' });
    expect(gridKeyAction(key('Backspace'), at, none)).toEqual({ kind: 'clear' });
  });

  it('leaves shortcuts and other keys to the browser', () => {
    const at = { row: 0, col: 0 };
    expect(gridKeyAction(key('c', { ctrlKey: true }), at, none)).toEqual({ kind: 'none' });
    expect(gridKeyAction(key('v', { metaKey: true }), at, none)).toEqual({ kind: 'none' });
    expect(gridKeyAction(key('x', { altKey: true }), at, none)).toEqual({ kind: 'none' });
    expect(gridKeyAction(key('Shift'), at, none)).toEqual({ kind: 'none' });
  });
});

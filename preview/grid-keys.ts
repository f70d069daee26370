/** What a key pressed on the grid (not in the editor) does, as Excel does it. */
import type { MergeIndex } from './grid-layout';

export type GridKeyAction =
  | { readonly kind: 'move'; readonly row: number; readonly col: number }
  | { readonly kind: 'edit'; readonly text?: string }
  | { readonly kind: 'clear' }
  | { readonly kind: 'none' };

interface KeyLike {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

export function gridKeyAction(
  e: KeyLike,
  sel: { row: number; col: number },
  mergeAt: MergeIndex,
): GridKeyAction {
  const moves: Record<string, [number, number]> = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
    Enter: [e.shiftKey ? -1 : 1, 0],
    Tab: [0, e.shiftKey ? -1 : 1],
  };
  const m = moves[e.key];
  const span = mergeAt.get(`${sel.row}:${sel.col}`);
  if (m) {
    // Leaving a merged block moves past its far edge, as in Excel.
    const row = m[0] > 0 && span ? span.bottom + 1 : sel.row + m[0];
    const col = m[1] > 0 && span ? span.right + 1 : sel.col + m[1];
    return { kind: 'move', row, col };
  }
  if (e.key === 'F2') return { kind: 'edit' };
  if (e.key === 'Delete' || e.key === 'Backspace') return { kind: 'clear' };
  if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) return { kind: 'edit', text: e.key };
  return { kind: 'none' };
}

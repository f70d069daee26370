/** The in-cell editor: Enter and Tab commit and move, Escape cancels, blur commits in place. */
import type { Rect } from './grid-layout';

export interface Editing {
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

interface Props {
  readonly editing: Editing;
  readonly rect: Rect;
  readonly onChange: (text: string) => void;
  readonly onCommit: (move: [number, number]) => void;
  readonly onBlur: () => void;
  readonly onCancel: () => void;
}

export function CellEditor({ editing, rect, onChange, onCommit, onBlur, onCancel }: Props) {
  return (
    <input
      className="cell-editor"
      aria-label="Cell editor"
      autoFocus
      style={{ left: rect.left, top: rect.top, minWidth: rect.width, height: rect.height }}
      value={editing.text}
      onChange={(e) => onChange(e.target.value)}
      onBlur={onBlur}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          onCommit([e.shiftKey ? -1 : 1, 0]);
        } else if (e.key === 'Tab') {
          e.preventDefault();
          onCommit([0, e.shiftKey ? -1 : 1]);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    />
  );
}

/**
 * The worksheet grid: column letters, row numbers, cells drawn with the palette and the
 * plan's widths, merges and boxes, a selection, and in-cell editing (type or double-click,
 * Enter commits). Only the cells on screen are rendered, so large sheets stay responsive.
 */
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
} from 'react';
import { a1, type PlanRange } from '../src/sheets/plan';
import { BOX_COLOR, PARAM_BOX_COLOR, styleFor } from '../src/sheets/style';
import type { PreviewWorkbook } from '../src/host/preview-workbook';
import { cellCss, isParameterRole } from './cell-look';
import { conditionalLayers } from './ConditionalFormats';
import { columnAxis, columnName, rowAxis, visibleRange } from './geometry';
import { formatValue } from './number-format';
import { useWorkbookVersion } from './use-workbook';

const HEADER_HEIGHT = 22;
const ROW_HEADER_WIDTH = 46;

interface Props {
  readonly workbook: PreviewWorkbook;
  readonly sheet: string;
}

interface Editing {
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

interface Rect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export function Grid({ workbook, sheet }: Props) {
  useWorkbookVersion(workbook);
  const info = workbook.sheet(sheet);
  const scroller = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ left: 0, top: 0 });
  const [size, setSize] = useState({ width: 800, height: 600 });
  const [editing, setEditingState] = useState<Editing | null>(null);
  // The editor commits on Enter, Tab, a click elsewhere and blur; the ref makes sure one
  // edit is written once even when several of those fire together.
  const editingRef = useRef<Editing | null>(null);
  const setEditing = useCallback((e: Editing | null) => {
    editingRef.current = e;
    setEditingState(e);
  }, []);

  const colCount = info?.colCount ?? 0;
  const rowCount = info?.rowCount ?? 0;
  const widths = info?.columnWidths;
  const axis = useMemo(() => columnAxis(colCount, (c) => widths?.get(c)), [colCount, widths]);
  const fonts = info?.rowFontSizes;
  const rows = useMemo(() => rowAxis(rowCount, (r) => fonts?.get(r)), [rowCount, fonts]);
  const merges = useMemo(() => info?.merges ?? [], [info?.merges]);
  const mergeAt = useMemo(() => {
    const m = new Map<string, PlanRange>();
    for (const r of merges)
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) m.set(`${row}:${col}`, r);
    return m;
  }, [merges]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setSize({ width: el.clientWidth, height: el.clientHeight });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // A new sheet starts at its top-left corner, as Excel shows it.
  useEffect(() => {
    setEditing(null);
    if (scroller.current) {
      scroller.current.scrollTop = 0;
      scroller.current.scrollLeft = 0;
    }
    setScroll({ left: 0, top: 0 });
  }, [sheet, setEditing]);

  const rectOf = useCallback(
    (row: number, col: number): Rect => {
      const m = mergeAt.get(`${row}:${col}`);
      const r = m ?? { top: row, left: col, bottom: row, right: col };
      return {
        left: axis.offsets[r.left],
        top: rows.offsets[r.top],
        width: axis.offsets[r.right + 1] - axis.offsets[r.left],
        height: rows.offsets[r.bottom + 1] - rows.offsets[r.top],
      };
    },
    [axis, rows, mergeAt],
  );

  const selection = workbook.getSelection();
  const sel = selection && selection.sheet === sheet ? selection : null;

  const scrollIntoView = useCallback(
    (row: number, col: number) => {
      const el = scroller.current;
      if (!el) return;
      const r = rectOf(row, col);
      if (r.top < el.scrollTop) el.scrollTop = r.top;
      else if (r.top + r.height > el.scrollTop + el.clientHeight)
        el.scrollTop = r.top + r.height - el.clientHeight;
      if (r.left < el.scrollLeft) el.scrollLeft = r.left;
      else if (r.left + r.width > el.scrollLeft + el.clientWidth)
        el.scrollLeft = Math.min(r.left, r.left + r.width - el.clientWidth);
    },
    [rectOf],
  );

  // Selections made elsewhere (the name box, the task pane) scroll the cell into view.
  useEffect(() => {
    if (sel) scrollIntoView(sel.row, sel.col);
  }, [sel?.row, sel?.col, sel, scrollIntoView]);

  if (!info) return <div className="grid-empty">No sheet</div>;

  const select = (row: number, col: number) => {
    const r = Math.min(Math.max(row, 0), rowCount - 1);
    const c = Math.min(Math.max(col, 0), colCount - 1);
    const m = mergeAt.get(`${r}:${c}`);
    workbook.select(sheet, m ? m.top : r, m ? m.left : c);
  };

  const commit = (e: Editing | null, move: [number, number]) => {
    if (!e || editingRef.current !== e) return;
    setEditing(null);
    workbook.setInput(sheet, e.row, e.col, e.text);
    select(e.row + move[0], e.col + move[1]);
    scroller.current?.focus();
  };

  const startEdit = (row: number, col: number, text?: string) => {
    const c = workbook.cell(sheet, row, col);
    setEditing({ row, col, text: text ?? c.formula ?? (c.value === null ? '' : String(c.value)) });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing || !sel) return;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Enter: [e.shiftKey ? -1 : 1, 0],
      Tab: [0, e.shiftKey ? -1 : 1],
    };
    const m = sel ? moves[e.key] : undefined;
    const span = mergeAt.get(`${sel.row}:${sel.col}`);
    if (m) {
      e.preventDefault();
      // Leaving a merged block moves past its far edge, as in Excel.
      const row = m[0] > 0 && span ? span.bottom + 1 : sel.row + m[0];
      const col = m[1] > 0 && span ? span.right + 1 : sel.col + m[1];
      select(row, col);
    } else if (e.key === 'F2') {
      e.preventDefault();
      startEdit(sel.row, sel.col);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      workbook.setInput(sheet, sel.row, sel.col, '');
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      startEdit(sel.row, sel.col, e.key);
    }
  };

  const range = visibleRange(axis, rows, scroll.left, scroll.top, size.width, size.height);
  const cells: JSX.Element[] = [];
  const drawn = new Set<PlanRange>();
  const draw = (row: number, col: number) => {
    const c = workbook.cell(sheet, row, col);
    const m = mergeAt.get(`${row}:${col}`);
    let rect = rectOf(row, col);
    const text =
      c.error !== null
        ? String(c.value)
        : formatValue(c.value, c.numberFormat ?? (c.role ? styleFor(c.role).numberFormat : undefined));
    let look = cellCss({ role: c.role, fillOverride: c.fillOverride, isText: typeof c.value === 'string' });
    // Text spills over empty neighbours to the right, as Excel lets long labels do. An
    // error code spills too, whatever the cell's alignment: "#VALUE!" cut to "#VALUE" in a
    // narrow number column reads as a different thing, and its message is in the tooltip.
    if (!m && typeof c.value === 'string' && (look.textAlign === 'left' || c.error !== null)) {
      let right = col;
      while (right + 1 < colCount && right - col < 30 && isEmpty(workbook, sheet, row, right + 1, mergeAt))
        right++;
      if (right > col) {
        rect = { ...rect, width: axis.offsets[right + 1] - axis.offsets[col] };
        if (c.error !== null) look = { ...look, textAlign: 'left', justifyContent: 'flex-start' };
      }
    }
    const style: CSSProperties = {
      ...look,
      left: rect.left,
      top: rect.top,
      width: rect.width,
      height: rect.height,
    };
    // Spilled text hides the gridlines beneath it, as in Excel.
    if (rect.width > axis.offsets[col + 1] - axis.offsets[col]) {
      style.zIndex = 1;
      style.background = look.background ?? '#ffffff';
    }
    cells.push(
      <div
        key={`${row}:${col}`}
        className={`cell${c.error !== null ? ' cell-error' : ''}`}
        style={style}
        data-address={a1(row, col)}
        data-value={c.value === null ? '' : String(c.value)}
        title={errorTitle(c.value, c.error)}
        onMouseDown={(e) => {
          commit(editingRef.current, [0, 0]);
          e.preventDefault();
          select(row, col);
          scroller.current?.focus();
        }}
        onDoubleClick={() => startEdit(row, col)}
      >
        <span className="cell-text">{text}</span>
      </div>,
    );
  };
  for (let row = range.top; row <= range.bottom; row++) {
    for (let col = range.left; col <= range.right; col++) {
      const m = mergeAt.get(`${row}:${col}`);
      if (m) {
        if (!drawn.has(m)) {
          drawn.add(m);
          draw(m.top, m.left);
        }
        continue;
      }
      draw(row, col);
    }
  }

  const boxes = info.boxes
    .filter(
      (b) => b.bottom >= range.top && b.top <= range.bottom && b.right >= range.left && b.left <= range.right,
    )
    .map((b, i) => {
      const paramBox = isParameterRole(workbook.cell(sheet, b.top, b.left).role);
      return (
        <div
          key={`box${i}`}
          className="box"
          style={{
            left: axis.offsets[b.left] - 1,
            top: rows.offsets[b.top] - 1,
            width: axis.offsets[b.right + 1] - axis.offsets[b.left] + 1,
            height: rows.offsets[b.bottom + 1] - rows.offsets[b.top] + 1,
            borderColor: paramBox ? PARAM_BOX_COLOR : BOX_COLOR,
          }}
        />
      );
    });

  const colHeaders: JSX.Element[] = [];
  for (let col = range.left; col <= range.right; col++) {
    colHeaders.push(
      <div
        key={col}
        className={`col-header${sel?.col === col ? ' active' : ''}`}
        style={{ left: axis.offsets[col] - scroll.left, width: axis.offsets[col + 1] - axis.offsets[col] }}
      >
        {columnName(col)}
      </div>,
    );
  }
  const rowHeaders: JSX.Element[] = [];
  for (let row = range.top; row <= range.bottom; row++) {
    rowHeaders.push(
      <div
        key={row}
        className={`row-header${sel?.row === row ? ' active' : ''}`}
        style={{ top: rows.offsets[row] - scroll.top, height: rows.offsets[row + 1] - rows.offsets[row] }}
      >
        {row + 1}
      </div>,
    );
  }

  const selRect = sel ? rectOf(sel.row, sel.col) : null;
  const editRect = editing ? rectOf(editing.row, editing.col) : null;
  const totalWidth = axis.offsets[colCount];
  const totalHeight = rows.offsets[rowCount];

  return (
    <div
      className="grid"
      style={{ gridTemplateColumns: `${ROW_HEADER_WIDTH}px 1fr`, gridTemplateRows: `${HEADER_HEIGHT}px 1fr` }}
    >
      <div className="corner" />
      <div className="col-headers">{colHeaders}</div>
      <div className="row-headers">{rowHeaders}</div>
      <div
        ref={scroller}
        className="scroller"
        tabIndex={0}
        data-sheet={sheet}
        onScroll={(e) => setScroll({ left: e.currentTarget.scrollLeft, top: e.currentTarget.scrollTop })}
        onKeyDown={onKeyDown}
      >
        <div className="canvas" style={{ width: totalWidth, height: totalHeight }}>
          {cells}
          {conditionalLayers(workbook, sheet, info.conditionalFormats, rectOf)}
          {boxes}
          {selRect && (
            <div
              className="selection"
              style={{
                left: selRect.left - 1,
                top: selRect.top - 1,
                width: selRect.width + 1,
                height: selRect.height + 1,
              }}
            />
          )}
          {editing && editRect && (
            <input
              className="cell-editor"
              aria-label="Cell editor"
              autoFocus
              style={{
                left: editRect.left,
                top: editRect.top,
                minWidth: editRect.width,
                height: editRect.height,
              }}
              value={editing.text}
              onChange={(e) => setEditing({ ...editing, text: e.target.value })}
              onBlur={() => commit(editingRef.current, [0, 0])}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  commit(editing, [e.shiftKey ? -1 : 1, 0]);
                } else if (e.key === 'Tab') {
                  e.preventDefault();
                  commit(editing, [0, e.shiftKey ? -1 : 1]);
                } else if (e.key === 'Escape') {
                  e.preventDefault();
                  setEditing(null);
                  scroller.current?.focus();
                }
              }}
            />
          )}
        </div>
      </div>
    </div>
  );
}

function isEmpty(
  wb: PreviewWorkbook,
  sheet: string,
  row: number,
  col: number,
  merges: ReadonlyMap<string, PlanRange>,
): boolean {
  if (merges.has(`${row}:${col}`)) return false;
  const c = wb.cell(sheet, row, col);
  return c.value === null && c.formula === null;
}

/** The tooltip of an error cell: its code and, when there is one, the message naming the argument. */
function errorTitle(value: unknown, error: string | null): string | undefined {
  if (error === null) return undefined;
  return error === String(value) ? error : `${String(value)}: ${error}`;
}

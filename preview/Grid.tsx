/**
 * The worksheet grid: column letters, row numbers, cells drawn with the palette and the
 * plan's widths, merges and boxes, a selection, and in-cell editing (type or double-click,
 * Enter commits). Only the cells on screen are rendered, so large sheets stay responsive.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { PreviewWorkbook } from '../src/host/preview-workbook';
import { CellEditor, type Editing } from './CellEditor';
import { cellId } from './GridCells';
import { drawPane } from './draw-pane';
import { ColumnHeaders, HeaderRow, RowHeaders } from './GridHeaders';
import { visibleRange, type VisibleRange } from './geometry';
import { gridKeyAction } from './grid-keys';
import { useGridLayout, type Rect } from './grid-layout';
import { FrozenPanes, paneExtras, useFrozenSplit } from './FrozenPanes';
import { useFollowSelection } from './use-follow-selection';
import { FlowOverlay } from './FlowOverlay';
import { paneRanges, type PaneName } from './frozen-panes';
import { useWorkbookVersion } from './use-workbook';

const HEADER_HEIGHT = 22;
const ROW_HEADER_WIDTH = 46;

interface Props {
  readonly workbook: PreviewWorkbook;
  readonly sheet: string;
}

/** The scroller's client size, kept current as the window resizes. */
function useElementSize(ref: RefObject<HTMLDivElement>) {
  const [size, setSize] = useState({ width: 800, height: 600 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setSize({ width: el.clientWidth, height: el.clientHeight });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return size;
}

/**
 * The cell being edited. The editor commits on Enter, Tab, a click elsewhere and blur;
 * the ref makes sure one edit is written once even when several of those fire together.
 */
function useEditing() {
  const [editing, setEditingState] = useState<Editing | null>(null);
  const editingRef = useRef<Editing | null>(null);
  const setEditing = useCallback((e: Editing | null) => {
    editingRef.current = e;
    setEditingState(e);
  }, []);
  return { editing, editingRef, setEditing };
}

/** A new sheet starts at its top-left corner, as Excel shows it, with no edit under way. */
function useSheetStart(
  sheet: string,
  scroller: RefObject<HTMLDivElement>,
  setScroll: (s: { left: number; top: number }) => void,
  setEditing: (e: Editing | null) => void,
) {
  useEffect(() => {
    setEditing(null);
    if (scroller.current) {
      scroller.current.scrollTop = 0;
      scroller.current.scrollLeft = 0;
    }
    setScroll({ left: 0, top: 0 });
  }, [sheet, scroller, setScroll, setEditing]);
}

function SelectionOutline({ rect }: { rect: Rect }) {
  return (
    <div
      className="selection"
      style={{ left: rect.left - 1, top: rect.top - 1, width: rect.width + 1, height: rect.height + 1 }}
    />
  );
}

export function Grid({ workbook, sheet }: Props) {
  useWorkbookVersion(workbook);
  const info = workbook.sheet(sheet);
  const scroller = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ left: 0, top: 0 });
  const size = useElementSize(scroller);
  const { editing, editingRef, setEditing } = useEditing();
  const layout = useGridLayout(info);
  const { colCount, rowCount, axis, rows, mergeAt, rectOf } = layout;

  useSheetStart(sheet, scroller, setScroll, setEditing);

  const selection = workbook.getSelection();
  const sel = selection && selection.sheet === sheet ? selection : null;
  const frozen = useFrozenSplit(info?.freeze ?? null, layout);
  useFollowSelection(scroller, sel, layout, frozen);

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
    const action = gridKeyAction(e, sel, mergeAt);
    if (action.kind === 'none') return;
    e.preventDefault();
    if (action.kind === 'move') select(action.row, action.col);
    else if (action.kind === 'edit') startEdit(sel.row, sel.col, action.text);
    else if (action.kind === 'undo') workbook.undo();
    else if (action.kind === 'redo') workbook.redo();
    else workbook.setInput(sheet, sel.row, sel.col, '');
  };

  const range = visibleRange(axis, rows, scroll.left, scroll.top, size.width, size.height);
  const canvasSize = { width: axis.offsets[colCount], height: rows.offsets[rowCount] };
  const headers = { layout, range, scroll, frozen: frozen.split };
  const handlers = {
    onMouseDown: (row: number, col: number) => {
      commit(editingRef.current, [0, 0]);
      select(row, col);
      scroller.current?.focus();
    },
    onDoubleClick: (row: number, col: number) => startEdit(row, col),
  };
  // Each pane draws its own cells, tints and boxes; the frozen ones stay pinned (FrozenPanes).
  const source = { workbook, sheet, info, layout, handlers };
  const paneContent = (r: VisibleRange, pane: PaneName) =>
    drawPane(source, r, frozen.owns(pane), frozen.spillTo(pane));
  const editor = editing && (
    <CellEditor
      editing={editing}
      rect={rectOf(editing.row, editing.col)}
      onChange={(text) => setEditing({ ...editing, text })}
      onCommit={(move) => commit(editing, move)}
      onBlur={() => commit(editingRef.current, [0, 0])}
      onCancel={() => {
        setEditing(null);
        scroller.current?.focus();
      }}
    />
  );
  // The outline and the editor go in the pane of their cell, so they move (or stay) with it.
  const extras = paneExtras(frozen, [
    sel && { row: sel.row, col: sel.col, node: <SelectionOutline rect={rectOf(sel.row, sel.col)} /> },
    editing && { row: editing.row, col: editing.col, node: editor },
  ]);

  return (
    <div
      className="grid"
      style={{ gridTemplateColumns: `${ROW_HEADER_WIDTH}px 1fr`, gridTemplateRows: `${HEADER_HEIGHT}px 1fr` }}
    >
      <div className="corner" aria-hidden="true" />
      <ColumnHeaders {...headers} active={sel?.col} />
      <RowHeaders {...headers} active={sel?.row} />
      <div
        ref={scroller}
        className="scroller"
        tabIndex={0}
        role="grid"
        aria-label={sheet}
        aria-rowcount={rowCount + 1}
        aria-colcount={colCount + 1}
        aria-activedescendant={sel ? cellId(sel.row, sel.col) : undefined}
        data-sheet={sheet}
        onScroll={(e) => setScroll({ left: e.currentTarget.scrollLeft, top: e.currentTarget.scrollTop })}
        onKeyDown={onKeyDown}
      >
        <FrozenPanes frozen={frozen} range={range} layout={layout} render={paneContent} extras={extras} />
        <div className="canvas" style={canvasSize}>
          <HeaderRow range={range} />
          {paneContent(paneRanges(range, frozen.split).main, 'main')}
          <FlowOverlay flows={info.flows} rectOf={rectOf} {...canvasSize} />
          {extras.main}
        </div>
      </div>
    </div>
  );
}

/**
 * The name box (the selected cell's address; type an address to go there) and the
 * formula bar (the selected cell's formula or value; edit it and press Enter).
 */
import { useEffect, useState } from 'react';
import { a1, parseA1 } from '../src/sheets/plan';
import type { PreviewWorkbook } from '../src/host/preview-workbook';
import { useWorkbookVersion } from './use-workbook';

export function FormulaBar({ workbook }: { readonly workbook: PreviewWorkbook }) {
  const version = useWorkbookVersion(workbook);
  const sel = workbook.getSelection();
  const address = sel ? a1(sel.row, sel.col) : '';
  const cell = sel ? workbook.cell(sel.sheet, sel.row, sel.col) : null;
  const content = cell ? (cell.formula ?? (cell.value === null ? '' : String(cell.value))) : '';
  const [name, setName] = useState(address);
  const [text, setText] = useState(content);
  const [dirty, setDirty] = useState(false);

  // Follow the selection and recalculation unless the person is typing in the bar.
  useEffect(() => setName(address), [address]);
  useEffect(() => {
    if (!dirty) setText(content);
  }, [content, dirty, version]);

  const go = () => {
    if (!sel) return;
    try {
      const p = parseA1(name.trim());
      workbook.select(sel.sheet, p.row, p.col);
    } catch {
      setName(address);
    }
  };

  const commit = () => {
    if (!sel) return;
    workbook.setInput(sel.sheet, sel.row, sel.col, text);
    setDirty(false);
  };

  return (
    <div className="formula-bar">
      <input
        className="name-box"
        aria-label="Name box"
        value={name}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') go();
          if (e.key === 'Escape') setName(address);
        }}
      />
      <span className="fx" aria-hidden="true">
        fx
      </span>
      <input
        className="formula-input"
        aria-label="Formula bar"
        value={text}
        disabled={!sel}
        onChange={(e) => {
          setText(e.target.value);
          setDirty(true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setDirty(false);
            setText(content);
          }
        }}
        title={cell?.error ?? undefined}
      />
    </div>
  );
}

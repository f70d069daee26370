/**
 * The question before a sheet goes, beside its tab: a deleted sheet cannot be had back
 * (Excel cannot undo it either), so Cancel has the focus and Escape or a click elsewhere
 * keeps the sheet. A sheet the add-in built says what is lost with it.
 */
import { useEffect, useId, useRef } from 'react';
import { t, type Language } from '../src/i18n';
import type { TabRect } from './TabNameEditor';

interface Props {
  readonly name: string;
  readonly builtByAddin: boolean;
  readonly rect: TabRect;
  readonly language: Language;
  readonly onDelete: () => void;
  readonly onCancel: () => void;
}

export function DeleteSheetConfirm({ name, builtByAddin, rect, language, onDelete, onCancel }: Props) {
  const cancel = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const textId = useId();
  useEffect(() => cancel.current?.focus(), []);

  return (
    <div
      ref={box}
      role="alertdialog"
      aria-labelledby={textId}
      className="delete-sheet-confirm"
      style={{ left: rect.left, bottom: window.innerHeight - rect.top + 4 }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
      onBlur={(e) => {
        if (!box.current?.contains(e.relatedTarget as Node | null)) onCancel();
      }}
    >
      <p id={textId}>
        {t(language, 'preview.confirmDelete', { name })}
        {builtByAddin && <> {t(language, 'preview.confirmDeleteAddin')}</>}
      </p>
      <div className="delete-sheet-buttons">
        <button className="delete-sheet-yes" onClick={onDelete}>
          {t(language, 'preview.delete')}
        </button>
        <button ref={cancel} onClick={onCancel}>
          {t(language, 'preview.cancel')}
        </button>
      </div>
    </div>
  );
}

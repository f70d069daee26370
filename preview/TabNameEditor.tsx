/**
 * Renaming a sheet in its tab, as in Excel: the tab turns into a text box over itself,
 * Enter keeps the name, Escape (or leaving with a name Excel would refuse) keeps the old
 * one, and a name Excel would refuse is explained beside the box as it is typed. Nothing
 * changes in the workbook until a valid name is committed.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { t, type Language } from '../src/i18n';
import { sheetNameProblem } from '../src/host/sheet-names';

/** Where the tab being renamed sits on the page. */
export interface TabRect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

interface Props {
  readonly name: string;
  readonly rect: TabRect;
  readonly existing: readonly string[];
  readonly language: Language;
  readonly onCommit: (name: string) => void;
  readonly onCancel: () => void;
}

export function TabNameEditor({ name, rect, existing, language, onCommit, onCancel }: Props) {
  const [text, setText] = useState(name);
  const input = useRef<HTMLInputElement>(null);
  const messageId = useId();
  const problem = sheetNameProblem(text, name, existing);
  // One outcome per edit, however many of Enter, Escape and blur arrive.
  const done = useRef(false);
  const finish = (keep: boolean) => {
    if (done.current) return;
    done.current = true;
    if (keep && problem === null && text.trim() !== name) onCommit(text.trim());
    else onCancel();
  };

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  return (
    <>
      <input
        ref={input}
        className="tab-name-editor"
        style={{ left: rect.left, top: rect.top, height: rect.height, minWidth: rect.width }}
        size={Math.max(Array.from(text).length + 1, 6)}
        value={text}
        aria-label={t(language, 'preview.sheetNameInput', { name })}
        aria-invalid={problem !== null}
        aria-describedby={problem !== null ? messageId : undefined}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            // A refused name stays in the box with its reason beside it, as Excel keeps editing.
            if (problem === null) finish(true);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            finish(false);
          }
        }}
        onBlur={() => finish(true)}
      />
      {problem !== null && (
        <div
          id={messageId}
          role="alert"
          className="tab-name-problem"
          style={{ left: rect.left, bottom: window.innerHeight - rect.top + 4 }}
        >
          {t(language, `preview.sheetName.${problem}`)}
        </div>
      )}
    </>
  );
}

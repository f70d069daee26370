/** One equation typeset by KaTeX; a formula KaTeX cannot parse is shown as its source, never thrown. */
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useMemo } from 'react';

export function Equation({ latex }: { readonly latex: string }) {
  // KaTeX escapes the source it renders, and every equation comes from our own builders.
  const html = useMemo(
    () => katex.renderToString(latex, { throwOnError: false, displayMode: true }),
    [latex],
  );
  return <div className="equation" data-latex={latex} dangerouslySetInnerHTML={{ __html: html }} />;
}

/**
 * The one convention for text in plain cells (captions, equations above blocks, labels):
 * time indices are Unicode subscripts (xₜ, hₜ₋₁, m₀, fⱼ, Σₛ), so "h_t−1" can never read as
 * "h_t minus one"; parameter names keep PyTorch's identifiers (W_ih, b_hn, dt_bias, x_proj);
 * exponents that are not single characters are parenthesised (e^(−mₜ)). TeX lives only in
 * cell meanings, where the task pane renders it with KaTeX. Builders write h_{t−1} or x_t
 * in their source and every plain cell passes through `readable` on its way to the plan.
 */

/** Characters a time index is made of, and their subscript forms. */
const SUBSCRIPT: Readonly<Record<string, string>> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
  t: 'ₜ',
  s: 'ₛ',
  j: 'ⱼ',
  '+': '₊',
  '−': '₋',
  '-': '₋',
  '=': '₌',
  '(': '₍',
  ')': '₎',
};

function subscript(index: string): string | undefined {
  let out = '';
  for (const ch of index) {
    const sub = SUBSCRIPT[ch];
    if (sub === undefined) return undefined;
    out += sub;
  }
  return out;
}

/** Plain-cell text with the sheet convention applied (see the file comment). */
export function readable(text: string): string {
  return (
    text
      // _{t−1}, _{t+1}, _{12}: a braced index made only of subscriptable characters.
      .replace(/_\{([^{}]+)\}/g, (_whole, index: string) => {
        const sub = subscript(index);
        return sub ?? `_(${index})`;
      })
      // _t, _s, _j, _1, _12 standing alone (not the start of an identifier such as dt_bias or x_in).
      .replace(/_([tsj]|\d+)(?![A-Za-z0-9_])/g, (_whole, index: string) => subscript(index) ?? index)
      // e^{−|·|} → e^(−|·|): braces read as TeX, parentheses as arithmetic.
      .replace(/\^\{([^{}]*)\}/g, '^($1)')
  );
}

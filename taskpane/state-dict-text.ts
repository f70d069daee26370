/**
 * The pasted or uploaded state_dict, parsed once per change of its text: the parse is
 * memoized on the text itself, so typing in any other field, or a re-render, costs
 * nothing, and a text over the size cap is refused from its length before any parse.
 */
import { useMemo } from 'react';
import type { Language } from '../src/sheets/plan';
import { parseStateDictText, type StateDictTextProblem } from '../src/sheets/state-dict-text';
import type { ParsedStateDict, WeightSource } from './form';
import { GUARD_STRINGS } from './guard-strings';
import type { Strings } from './strings';

export function problemText(p: StateDictTextProblem, strings: Strings, language: Language): string {
  const guard = GUARD_STRINGS[language];
  switch (p.kind) {
    case 'empty':
      return strings.stateDictEmpty;
    case 'too-large':
      return guard.stateDictTooLarge(p.chars);
    case 'too-deep':
      return guard.stateDictTooDeep;
    case 'not-json':
      return strings.stateDictNotJson(p.detail);
    case 'not-object':
      return strings.stateDictNotObject;
  }
}

/** The state_dict when the weights come from one, parsed only when its text changes (not the language). */
export function useParsedStateDict(
  weights: WeightSource,
  text: string,
  strings: Strings,
  language: Language,
): ParsedStateDict | undefined {
  const parsed = useMemo(
    () => (weights === 'stateDict' ? parseStateDictText(text) : undefined),
    [weights, text],
  );
  if (!parsed || parsed.ok) return parsed;
  return { ok: false, error: problemText(parsed.problem, strings, language) };
}

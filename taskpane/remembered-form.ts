/**
 * The build settings the pane remembers: what the learner last built with, restored the
 * next time the pane opens. Pasted weights are not kept (a state_dict can be large and is
 * in the sheet already); a stored form for a model no longer offered, or with fields of
 * the wrong kind, is ignored.
 */
import { useEffect } from 'react';
import type { WorkbookHost } from '../src/host/host';
import type { ModelSpec } from '../src/sheets/model-spec';
import { DIFFICULTIES, type Difficulty } from '../src/practice/metadata';
import { initialForm, type FormState } from './form';

export const FORM_SETTING = 'lastForm';

type Saved = Omit<FormState, 'stateDictText'>;

export function formToSave(form: FormState): Saved {
  const { stateDictText: _dropped, ...rest } = form;
  return { ...rest, weights: rest.weights === 'stateDict' ? 'seed' : rest.weights };
}

const isText = (v: unknown): v is string => typeof v === 'string';

/** The stored form laid over the model's defaults, or null when it cannot be used. */
export function restoreForm(saved: unknown, models: readonly ModelSpec[]): FormState | null {
  if (typeof saved !== 'object' || saved === null) return null;
  const s = saved as Partial<Record<keyof Saved, unknown>>;
  const spec = models.find((m) => m.id === s.model);
  if (!spec) return null;
  const base = initialForm(spec);
  const sizes = { ...base.sizes };
  if (typeof s.sizes === 'object' && s.sizes !== null)
    for (const f of Object.keys(sizes) as (keyof typeof sizes)[]) {
      const v = (s.sizes as Record<string, unknown>)[f];
      if (isText(v)) sizes[f] = v;
    }
  return {
    ...base,
    variant: isText(s.variant) && spec.variants.some((v) => v.id === s.variant) ? s.variant : base.variant,
    sizes,
    seed: isText(s.seed) ? s.seed : base.seed,
    init: s.init === 'hand' || s.init === 'torch' ? s.init : base.init,
    mode: s.mode === 'practice' || s.mode === 'walkthrough' ? s.mode : base.mode,
    difficulty: DIFFICULTIES.includes(s.difficulty as Difficulty)
      ? (s.difficulty as Difficulty)
      : base.difficulty,
  };
}

/** Restores the last form once per host. */
export function useRememberedForm(
  host: WorkbookHost,
  models: readonly ModelSpec[],
  setForm: (form: FormState) => void,
): void {
  useEffect(() => {
    let live = true;
    host.settings.read().then(
      (s) => {
        const form = restoreForm(s[FORM_SETTING], models);
        if (live && form) setForm(form);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
    // Once per host: the models and setter are stable for the pane's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host]);
}

export function rememberForm(host: WorkbookHost, form: FormState): Promise<void> {
  return host.settings.write({ [FORM_SETTING]: formToSave(form) });
}

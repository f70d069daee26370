/**
 * Everything the build form checks, recomputed as the learner types: each size, the
 * seed, the pasted state_dict, then the builder's own checks on the resulting config.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ModelConfig, ModelSpec } from '../src/sheets/model-spec';
import type { Language } from '../src/sheets/plan';
import type { HostSupport, WorkbookHost } from '../src/host/host';
import { seedError, sizeErrors, toConfig, type FormState } from './form';
import { useParsedStateDict } from './state-dict-text';
import type { Strings } from './strings';

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Whether the host can build at all (Office.js requirement sets), asked once per host. */
export function useHostSupport(host: WorkbookHost): HostSupport {
  const [support, setSupport] = useState<HostSupport>({ ok: true });
  useEffect(() => {
    let live = true;
    host.checkSupport().then(
      (s) => live && setSupport(s),
      (e) => live && setSupport({ ok: false, message: messageOf(e) }),
    );
    return () => {
      live = false;
    };
  }, [host]);
  return support;
}

export interface BuildChecks {
  readonly fieldErrors: ReturnType<typeof sizeErrors>;
  readonly seedProblem: string | undefined;
  readonly dictProblem: string | undefined;
  readonly config: ModelConfig | undefined;
  readonly builderProblems: readonly string[];
}

export function useBuildChecks(
  spec: ModelSpec,
  form: FormState,
  language: Language,
  strings: Strings,
): BuildChecks {
  const fieldErrors = sizeErrors(spec, form, strings);
  const seedProblem = seedError(form, strings);
  const parsedDict = useParsedStateDict(form.weights, form.stateDictText, strings, language);
  const dictProblem = parsedDict && !parsedDict.ok ? parsedDict.error : undefined;
  const inputsValid = Object.keys(fieldErrors).length === 0 && !seedProblem && !dictProblem;
  // Memoized on what they depend on, never on a JSON.stringify of the config: a pasted
  // state_dict is megabytes, and stringifying a deeply nested one throws.
  const config = useMemo(
    () =>
      inputsValid ? toConfig(spec, form, language, parsedDict?.ok ? parsedDict.dict : undefined) : undefined,
    [inputsValid, spec, form, language, parsedDict],
  );
  // The builder's own checks (cell budget, variant rules, state_dict tensor shapes), in the sheet's language.
  const builderProblems = useMemo(() => (config ? spec.validate(config) : []), [spec, config]);
  return { fieldErrors, seedProblem, dictProblem, config, builderProblems };
}

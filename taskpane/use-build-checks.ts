/**
 * Everything the build form checks, recomputed as the learner types: each size, the
 * seed, the pasted state_dict, then the builder's own checks on the resulting config.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ModelConfig, ModelSpec } from '../src/sheets/model-spec';
import type { Language } from '../src/sheets/plan';
import type { HostSupport, WorkbookHost } from '../src/host/host';
import { parseStateDict, seedError, sizeErrors, toConfig, type FormState } from './form';
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
  const parsedDict = form.weights === 'stateDict' ? parseStateDict(form.stateDictText, strings) : undefined;
  const dictProblem = parsedDict && !parsedDict.ok ? parsedDict.error : undefined;
  const inputsValid = Object.keys(fieldErrors).length === 0 && !seedProblem && !dictProblem;
  const config = inputsValid
    ? toConfig(spec, form, language, parsedDict?.ok ? parsedDict.dict : undefined)
    : undefined;
  // The builder's own checks (cell budget, variant rules, state_dict tensor shapes), in the sheet's language.
  // Keyed by the config's JSON: the object is rebuilt on every render, its content is not.
  const configKey = config ? JSON.stringify(config) : '';
  const builderProblems = useMemo(
    () => (configKey ? spec.validate(JSON.parse(configKey) as ModelConfig) : []),
    [spec, configKey],
  );
  return { fieldErrors, seedProblem, dictProblem, config, builderProblems };
}

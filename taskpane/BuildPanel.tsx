/**
 * The build form: model, variant, sizes, weights, sheet mode. Every input is checked as
 * it is typed; Build stays disabled while anything is invalid, and Enter in any input
 * builds (the form's submit).
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  tokens,
} from '@fluentui/react-components';
import type { ModelConfig, ModelSpec } from '../src/sheets/model-spec';
import type { Language, ModelId, SheetPlan } from '../src/sheets/plan';
import type { AddinSheet, HostSupport, WorkbookHost } from '../src/host/host';
import type { Difficulty } from '../src/practice/metadata';
import { difficultiesFor, makePracticePlan } from '../src/practice/practice-plan';
import {
  initialForm,
  parseStateDict,
  seedError,
  sizeErrors,
  toConfig,
  walkthroughMetadata,
  type FormState,
  type SheetMode,
} from './form';
import { SizeFields } from './SizeFields';
import { WeightsFields } from './WeightsFields';
import { BuildStatus, type Status } from './BuildStatus';
import { xlsxFileName, type ExportXlsx, type SaveFile } from './download';
import type { Strings } from './strings';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface BuildPanelProps {
  readonly host: WorkbookHost;
  readonly models: readonly ModelSpec[];
  readonly language: Language;
  readonly strings: Strings;
  readonly exportXlsx: ExportXlsx;
  readonly saveFile: SaveFile;
  /** Told of every sheet built, with the metadata stored on it (the pane then follows it). */
  readonly onBuilt?: (sheet: AddinSheet) => void;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function BuildPanel({
  host,
  models,
  language,
  strings,
  exportXlsx,
  saveFile,
  onBuilt,
}: BuildPanelProps) {
  const styles = useStyles();
  const [form, setForm] = useState<FormState>(() => initialForm(models[0]));
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
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

  const spec = models.find((m) => m.id === form.model) ?? models[0];
  const busy = status.kind === 'busy';
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
  // One level of a parallel scan is offered only where the sheet has one; a choice the sheet lost falls back to the first.
  const difficulties = difficultiesFor(spec, config);
  const difficulty = difficulties.includes(form.difficulty) ? form.difficulty : difficulties[0];
  const canBuild = support.ok && inputsValid && builderProblems.length === 0 && !busy;

  const update = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));
  const chooseModel = (id: ModelId) => {
    const next = models.find((m) => m.id === id);
    if (next) setForm((f) => initialForm(next, f));
  };

  /** The plan and the metadata to store with it, for the current mode. */
  const makePlan = (): { plan: SheetPlan; metadata: Record<string, unknown> } => {
    const plan = spec.build(config!);
    if (form.mode === 'practice') {
      const practice = makePracticePlan(plan, difficulty);
      return { plan: practice.plan, metadata: { ...practice.metadata } };
    }
    return { plan, metadata: walkthroughMetadata(config!) };
  };

  const build = async () => {
    if (!canBuild || !config) return;
    setStatus({ kind: 'busy', done: 0, total: 1 });
    try {
      const { plan, metadata } = makePlan();
      const result = await host.buildSheet(plan, metadata, (p) =>
        setStatus({ kind: 'busy', done: p.done, total: p.total }),
      );
      setStatus({
        kind: 'done',
        message: strings.built(spec.label[language], config.steps, result.formulaCount, result.sheetName),
      });
      onBuilt?.({ name: result.sheetName, metadata });
    } catch (e) {
      setStatus({ kind: 'error', title: strings.buildFailed, message: messageOf(e) });
    }
  };

  const download = async () => {
    if (!canBuild || !config) return;
    setStatus({ kind: 'busy', done: 0, total: 0, label: strings.downloading });
    try {
      const { plan } = makePlan();
      const file = xlsxFileName(plan.baseName);
      saveFile(await exportXlsx(plan), file);
      setStatus({ kind: 'done', message: strings.downloaded(file) });
    } catch (e) {
      setStatus({ kind: 'error', title: strings.buildFailed, message: messageOf(e) });
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void build();
  };

  return (
    <form className={styles.form} onSubmit={onSubmit} aria-label={strings.appTitle} noValidate>
      {!support.ok && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{strings.unsupported}</MessageBarTitle>
            {support.message}
          </MessageBarBody>
        </MessageBar>
      )}
      <Field label={strings.model}>
        <Select value={form.model} disabled={busy} onChange={(_, d) => chooseModel(d.value as ModelId)}>
          {models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label[language]}
            </option>
          ))}
        </Select>
      </Field>
      {spec.variants.length > 0 && (
        <Field label={strings.variant}>
          <Select value={form.variant} disabled={busy} onChange={(_, d) => update({ variant: d.value })}>
            {spec.variants.map((v) => (
              <option key={v.id} value={v.id}>
                {v.label[language]}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <SizeFields
        spec={spec}
        values={form.sizes}
        errors={fieldErrors}
        strings={strings}
        disabled={busy}
        onChange={(field, text) => setForm((f) => ({ ...f, sizes: { ...f.sizes, [field]: text } }))}
      />
      <WeightsFields
        form={form}
        seedError={seedProblem}
        stateDictError={dictProblem}
        strings={strings}
        disabled={busy}
        onChange={update}
      />
      <Field label={strings.mode}>
        <RadioGroup
          value={form.mode}
          disabled={busy}
          onChange={(_, d) => update({ mode: d.value as SheetMode })}
        >
          <Radio value="walkthrough" label={strings.walkthrough} />
          <Radio value="practice" label={strings.practice} />
        </RadioGroup>
      </Field>
      {form.mode === 'practice' && (
        <Field label={strings.difficulty}>
          <Select
            value={difficulty}
            disabled={busy}
            onChange={(_, d) => update({ difficulty: d.value as Difficulty })}
          >
            {difficulties.map((d) => (
              <option key={d} value={d}>
                {strings.difficulties[d]}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {builderProblems.length > 0 && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{strings.cannotBuild}</MessageBarTitle>
            <ul className={styles.problems}>
              {builderProblems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={!canBuild}>
          {strings.build}
        </Button>
        <Button type="button" disabled={!canBuild} onClick={() => void download()}>
          {strings.download}
        </Button>
      </div>
      <BuildStatus status={status} strings={strings} />
    </form>
  );
}

/**
 * The build form: model, variant, sizes, weights, sheet mode. Every input is checked as
 * it is typed; Build stays disabled while anything is invalid, and Enter in any input
 * builds (the form's submit).
 */
import { useState, type FormEvent } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { ModelConfig, ModelSpec } from '../src/sheets/model-spec';
import type { Language, ModelId, SheetPlan } from '../src/sheets/plan';
import type { AddinSheet, WorkbookHost } from '../src/host/host';
import { planFor } from '../src/practice/plan-for';
import { difficultiesFor, offeredDifficulty } from '../src/practice/practice-plan';
import { initialForm, type FormState } from './form';
import { SizeFields } from './SizeFields';
import { WeightsFields } from './WeightsFields';
import { ModelFields } from './ModelFields';
import { ModeFields } from './ModeFields';
import { ProblemsAlert, SupportAlert } from './BuildAlerts';
import { BuildStatus, type Status } from './BuildStatus';
import { messageOf, useBuildChecks, useHostSupport } from './use-build-checks';
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

/** The plan and the marker to store with it, for the form's mode. */
function planForForm(
  spec: ModelSpec,
  config: ModelConfig,
  form: FormState,
): { plan: SheetPlan; metadata: Readonly<Record<string, unknown>> } {
  return planFor({
    config,
    practice:
      form.mode === 'practice' ? { difficulty: offeredDifficulty(spec, config, form.difficulty) } : undefined,
  });
}

type BuildActionProps = BuildPanelProps & {
  readonly spec: ModelSpec;
  readonly form: FormState;
  readonly setStatus: (status: Status) => void;
};

/**
 * Opens the file as a new workbook where the host can (Excel.createWorkbook works on
 * every platform, Mac included, where blob downloads are ignored); otherwise, or if that
 * fails, starts a browser download, reported as started rather than saved.
 */
async function openOrDownload(
  host: WorkbookHost,
  saveFile: SaveFile,
  bytes: Uint8Array,
  file: string,
  strings: Strings,
): Promise<string> {
  if (host.openWorkbook) {
    try {
      await host.openWorkbook(bytes);
      return strings.openedAsWorkbook(file);
    } catch {
      // An Excel without ExcelApi 1.8: the download below is what is left.
    }
  }
  saveFile(bytes, file);
  return strings.downloaded(file);
}

/** Build into the workbook, or download the same plan as an .xlsx file. */
function buildActions({
  host,
  language,
  strings,
  exportXlsx,
  saveFile,
  onBuilt,
  spec,
  form,
  setStatus,
}: BuildActionProps) {
  const build = async (config: ModelConfig) => {
    setStatus({ kind: 'busy', done: 0, total: 1 });
    try {
      const { plan, metadata } = planForForm(spec, config, form);
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
  const download = async (config: ModelConfig) => {
    setStatus({ kind: 'busy', done: 0, total: 0, label: strings.downloading });
    try {
      const { plan } = planForForm(spec, config, form);
      const file = xlsxFileName(plan.baseName);
      const bytes = await exportXlsx(plan);
      setStatus({ kind: 'done', message: await openOrDownload(host, saveFile, bytes, file, strings) });
    } catch (e) {
      setStatus({ kind: 'error', title: strings.buildFailed, message: messageOf(e) });
    }
  };
  return { build, download };
}

export function BuildPanel(props: BuildPanelProps) {
  const { host, models, language, strings } = props;
  const styles = useStyles();
  const [form, setForm] = useState<FormState>(() => initialForm(models[0]));
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const support = useHostSupport(host);
  const spec = models.find((m) => m.id === form.model) ?? models[0];
  const busy = status.kind === 'busy';
  const checks = useBuildChecks(spec, form, language, strings);
  const { config } = checks;
  const canBuild = support.ok && config !== undefined && checks.builderProblems.length === 0 && !busy;
  const actions = buildActions({ ...props, spec, form, setStatus });

  const update = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));
  const chooseModel = (id: ModelId) => {
    const next = models.find((m) => m.id === id);
    if (next) setForm((f) => initialForm(next, f));
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (canBuild && config) void actions.build(config);
  };

  return (
    <form className={styles.form} onSubmit={onSubmit} aria-label={strings.appTitle} noValidate>
      <SupportAlert support={support} strings={strings} />
      <ModelFields
        models={models}
        spec={spec}
        model={form.model}
        variant={form.variant}
        language={language}
        strings={strings}
        disabled={busy}
        onModel={chooseModel}
        onVariant={(variant) => update({ variant })}
      />
      <SizeFields
        spec={spec}
        values={form.sizes}
        errors={checks.fieldErrors}
        strings={strings}
        disabled={busy}
        onChange={(field, text) => setForm((f) => ({ ...f, sizes: { ...f.sizes, [field]: text } }))}
      />
      <WeightsFields
        form={form}
        seedError={checks.seedProblem}
        stateDictError={checks.dictProblem}
        strings={strings}
        disabled={busy}
        onChange={update}
      />
      <ModeFields
        form={form}
        difficulties={difficultiesFor(spec, config)}
        strings={strings}
        disabled={busy}
        onChange={update}
      />
      <ProblemsAlert problems={checks.builderProblems} strings={strings} />
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={!canBuild}>
          {strings.build}
        </Button>
        <Button
          type="button"
          disabled={!canBuild}
          onClick={() => canBuild && config && void actions.download(config)}
        >
          {strings.download}
        </Button>
      </div>
      <BuildStatus status={status} strings={strings} />
    </form>
  );
}

/**
 * The task pane. It talks only to a WorkbookHost, so Excel (ExcelHost), the preview page
 * (PreviewHost) and tests (a fake) all mount this same component. The practice controls
 * follow the workbook (the sheet holding the selection, or one picked from the list), so
 * they come back after the workbook is saved, closed and reopened.
 */
import { useMemo, useState, type ReactNode } from 'react';
import {
  Field,
  FluentProvider,
  makeStyles,
  Select,
  Text,
  Title3,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import type { AddinSheet, WorkbookHost } from '../src/host/host';
import type { ModelSpec } from '../src/sheets/model-spec';
import type { Language, ModelId } from '../src/sheets/plan';
import { MODELS } from '../src/sheets/registry';
import { ErrorBoundary } from './ErrorBoundary';
import { GUARD_STRINGS } from './guard-strings';
import { BuildPanel } from './BuildPanel';
import { CheckExcelPanel } from './CheckExcelPanel';
import { RedrawArrowsPanel } from './RedrawArrowsPanel';
import { t } from '../src/i18n';
import { exportWithXlsxWriter, saveWithBrowser, type ExportXlsx, type SaveFile } from './download';
import { MODEL_ORDER } from './form';
import { systemTheme, type ThemeName } from './office-env';
import { LANGUAGE_NAMES, STRINGS } from './strings';
import { ExplainPanel } from './practice/ExplainPanel';
import { PracticePanel } from './practice/PracticePanel';
import { PracticeSheetPicker } from './practice/PracticeSheetPicker';
import { useSelection } from './practice/use-selection';
import { htmlLang, usePaneLanguage } from './use-pane-language';
import { useWorkbookSheets } from './practice/use-workbook-sheets';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: '100%',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
});

export interface AppProps {
  readonly host: WorkbookHost;
  /** Starting language (Office's display language in Excel); the pane lets the user change it. */
  readonly language?: Language;
  readonly theme?: ThemeName;
  /** The models to offer; defaults to every registered model. */
  readonly models?: Partial<Record<ModelId, ModelSpec>>;
  readonly exportXlsx?: ExportXlsx;
  readonly saveFile?: SaveFile;
  /** Practice mode's controls for one practice sheet; defaults to the PracticePanel. */
  readonly practicePanel?: (sheet: AddinSheet) => ReactNode;
  /** Told the pane's language whenever it changes, so the page around it can follow. */
  readonly onLanguageChange?: (language: Language) => void;
}

export function App({
  host,
  language,
  theme,
  models = MODELS,
  exportXlsx,
  saveFile,
  practicePanel,
  onLanguageChange,
}: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = usePaneLanguage(host, language, onLanguageChange);
  const [themeName] = useState<ThemeName>(() => theme ?? systemTheme());
  const strings = STRINGS[lang];
  const guard = GUARD_STRINGS[lang];
  const offered = useMemo(
    () => MODEL_ORDER.map((id) => models[id]).filter((m): m is ModelSpec => m !== undefined),
    [models],
  );
  const selection = useSelection(host);
  const workbook = useWorkbookSheets(host, selection);
  const renderPractice =
    practicePanel ??
    ((sheet: AddinSheet) => (
      <PracticePanel key={sheet.name} host={host} language={lang} sheet={sheet.name} />
    ));
  return (
    <FluentProvider theme={themeName === 'dark' ? webDarkTheme : webLightTheme} lang={htmlLang(lang)}>
      <div className={styles.root}>
        <header className={styles.header}>
          <Title3 as="h1">{strings.appTitle}</Title3>
          <Text>{strings.intro}</Text>
        </header>
        <Field label={strings.language}>
          <Select value={lang} onChange={(_, d) => setLang(d.value as Language)}>
            {(Object.keys(LANGUAGE_NAMES) as Language[]).map((l) => (
              <option key={l} value={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </Select>
        </Field>
        {offered.length > 0 && (
          <ErrorBoundary panel={guard.panelNames.build} strings={guard}>
            <BuildPanel
              host={host}
              models={offered}
              language={lang}
              strings={strings}
              exportXlsx={exportXlsx ?? exportWithXlsxWriter}
              saveFile={saveFile ?? saveWithBrowser}
              onBuilt={workbook.built}
            />
          </ErrorBoundary>
        )}
        <PracticeSheetPicker
          sheets={workbook.practiceSheets}
          active={workbook.active?.name ?? null}
          language={lang}
          onChoose={workbook.choose}
        />
        {workbook.active && (
          <ErrorBoundary key={workbook.active.name} panel={guard.panelNames.practice} strings={guard}>
            {renderPractice(workbook.active)}
          </ErrorBoundary>
        )}
        <ErrorBoundary panel={guard.panelNames.explain} strings={guard}>
          <ExplainPanel host={host} language={lang} />
        </ErrorBoundary>
        <ErrorBoundary panel={t(lang, 'pane.guard.panel.arrows')} strings={guard}>
          <RedrawArrowsPanel
            key={selection?.sheet ?? ''}
            host={host}
            language={lang}
            sheet={selection?.sheet ?? null}
          />
        </ErrorBoundary>
        <ErrorBoundary panel={t(lang, 'check.panelName')} strings={guard}>
          <CheckExcelPanel host={host} language={lang} />
        </ErrorBoundary>
      </div>
    </FluentProvider>
  );
}

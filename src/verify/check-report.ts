/**
 * The report of "Check this Excel" as plain text, one line per model and per function,
 * the disagreeing cells listed under their line: what a user copies into an issue.
 */
import { t } from '../i18n';
import type { Language } from '../sheets/plan';
import { specFor } from '../sheets/registry';
import type { CheckReport } from './check-excel';
import { CHECK_TOLERANCE, type CheckResult } from './compare-cells';

/** 12 significant digits: enough to show a difference at 1e-9, short enough to read. */
function number(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(12))) : String(x);
}

function modelName(id: string, language: Language): string {
  try {
    return `${specFor(id).label[language]} (${id})`;
  } catch {
    return id;
  }
}

function resultLines(r: CheckResult, name: string, language: Language): string[] {
  if (r.error !== undefined) return [t(language, 'check.lineError', { name, error: r.error })];
  if (r.failed === 0 && r.compared > 0)
    return [
      t(language, 'check.lineOk', { name, compared: r.compared, largest: r.largestError.toExponential(1) }),
    ];
  const lines = [t(language, 'check.lineFailed', { name, failed: r.failed, compared: r.compared })];
  for (const m of r.mismatches) {
    const got =
      m.got === null
        ? t(language, 'check.emptyCell')
        : typeof m.got === 'number'
          ? number(m.got)
          : String(m.got);
    lines.push(
      `    ${t(language, 'check.mismatch', { address: m.address, expected: number(m.expected), got })}`,
    );
  }
  return lines;
}

/** How many model and function checks did not pass. */
export function failedChecks(report: CheckReport): number {
  return [...report.models, ...report.functions].filter(
    (r) => r.error !== undefined || r.failed > 0 || r.compared === 0,
  ).length;
}

/** The one-line outcome the pane shows above the report. */
export function checkSummary(report: CheckReport, language: Language): string {
  if (report.ok)
    return t(language, 'check.allAgree', {
      models: report.models.length,
      functions: report.functions.length,
      tolerance: String(CHECK_TOLERANCE),
    });
  return t(language, 'check.someDisagree', { n: Math.max(1, failedChecks(report)) });
}

export function checkReportText(report: CheckReport, language: Language, host: string, date: Date): string {
  const lines = [
    t(language, 'check.reportHeader', { host, date: date.toISOString() }),
    checkSummary(report, language),
    '',
    t(language, 'check.modelsHeading'),
    ...report.models.flatMap((r) => resultLines(r, modelName(r.id, language), language).map((l) => `  ${l}`)),
    '',
    t(language, 'check.functionsHeading'),
    ...report.functions.flatMap((r) => resultLines(r, r.id, language).map((l) => `  ${l}`)),
    '',
    t(language, 'check.removed', { built: report.sheetsBuilt, removed: report.sheetsRemoved }),
    ...report.leftBehind.map((l) => t(language, 'check.leftBehind', l)),
  ];
  return lines.join('\n');
}

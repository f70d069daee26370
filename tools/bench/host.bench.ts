/**
 * What writing a sheet costs in Excel: `context.sync()` calls and request bytes per sheet
 * for every registered model, at its default size and at the largest size the pane
 * allows, measured through the recording fake of the Excel API the host tests use.
 * Targets: a typical sheet in ≤ 3 syncs; no request above Excel on the web's 5 MB.
 */
import { ExcelHost } from '../../src/host/excel-host';
import type { ModelConfig, ModelSpec } from '../../src/sheets/model-spec';
import { availableModels } from '../../src/sheets/registry';
import { FakeExcel } from '../excel-double/fake-excel';
import { markdownTable } from './timing';

function largest(spec: ModelSpec): ModelConfig {
  const sizes: Record<string, number> = {};
  for (const [field, limit] of Object.entries(spec.limits)) sizes[field] = limit!.max;
  return { ...spec.defaults, ...sizes };
}

function sizeText(spec: ModelSpec, config: ModelConfig): string {
  return Object.keys(spec.limits)
    .map((f) => `${f}=${String(config[f as keyof ModelConfig])}`)
    .join(' ');
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

export default async function run(): Promise<string> {
  const rows: string[][] = [];
  for (const spec of availableModels()) {
    for (const [label, config] of [
      ['default', spec.defaults],
      ['max', largest(spec)],
    ] as const) {
      const problems = spec.validate(config);
      if (problems.length > 0) {
        rows.push([
          spec.id,
          label,
          sizeText(spec, config),
          '—',
          '—',
          '—',
          '—',
          '—',
          '—',
          `not buildable: ${problems[0]}`,
        ]);
        continue;
      }
      const plan = spec.build(config);
      const excel = new FakeExcel(['Sheet1']);
      const host = new ExcelHost({ run: excel.run as never });
      const start = performance.now();
      const result = await host.buildSheet(plan, {
        mode: 'walkthrough',
        config: { ...config, stateDict: undefined },
      });
      const ms = performance.now() - start;
      const total = excel.requestBytes.reduce((a, b) => a + b, 0);
      const largestRequest = Math.max(...excel.requestBytes);
      const counts = [plan.cells.length, result.formulaCount, result.syncCount, excel.log.length].map(String);
      rows.push([
        spec.id,
        label,
        sizeText(spec, config),
        ...counts,
        kb(total),
        kb(largestRequest),
        `${ms.toFixed(0)} ms`,
      ]);
    }
  }
  return [
    '## Excel host: syncs and request bytes per sheet',
    '',
    'Measured through the recording Excel fake (tools/fake-excel.ts): request bytes are the JSON of the queued actions plus 100 bytes each; the time is the host plus the fake, not Excel.',
    '',
    ...markdownTable(
      [
        'model',
        'size',
        'fields',
        'cells',
        'formulas',
        'syncs',
        'actions',
        'total KB',
        'largest request KB',
        'time',
      ],
      rows,
    ),
  ].join('\n');
}

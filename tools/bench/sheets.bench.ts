/**
 * Walkthrough sheet building: plan build time and size for the recurrent sheets, up to
 * an LSTM with H = 64 over 32 steps (target < 100 ms). That size is above what the task
 * pane offers (H ≤ 16, a readable sheet), so it is built with `buildUnchecked`, the
 * builder without the size check; the layout and formulas are the same code.
 */
import { gruModel } from '../../src/sheets/gru-sheet';
import { lstmModel } from '../../src/sheets/lstm-sheet';
import type { RecurrentConfig } from '../../src/sheets/model-spec';
import { buildUnchecked, recurrentDefaults, type RecurrentModel } from '../../src/sheets/recurrent-spec';
import { rnnModel } from '../../src/sheets/rnn-sheet';
import { planToXlsx } from '../../src/host/xlsx';
import { fmtMs, markdownTable, medianTimes } from './timing';

interface Case {
  readonly name: string;
  readonly model: RecurrentModel;
  readonly config: Partial<Pick<RecurrentConfig, 'inputSize' | 'hiddenSize' | 'steps' | 'init'>>;
}

const cases: readonly Case[] = [
  { name: 'RNN I=3 H=3 T=4 (default)', model: rnnModel, config: {} },
  { name: 'LSTM I=3 H=2 T=4 (default)', model: lstmModel, config: {} },
  {
    name: 'GRU I=16 H=16 T=32 (pane maximum)',
    model: gruModel,
    config: { inputSize: 16, hiddenSize: 16, steps: 32 },
  },
  {
    name: 'LSTM I=16 H=16 T=32 (pane maximum)',
    model: lstmModel,
    config: { inputSize: 16, hiddenSize: 16, steps: 32 },
  },
  {
    name: 'LSTM I=32 H=64 T=32 (limits bypassed)',
    model: lstmModel,
    config: { inputSize: 32, hiddenSize: 64, steps: 32, init: 'torch' },
  },
];

export default async function run(): Promise<string> {
  const rows: string[][] = [];
  for (const c of cases) {
    const config = { ...recurrentDefaults(c.model), ...c.config };
    const [ms] = medianTimes([() => buildUnchecked(c.model, config)], 9, 3);
    const plan = buildUnchecked(c.model, config);
    const formulas = plan.cells.filter((cell) => cell.formula !== undefined).length;
    const start = performance.now();
    const bytes = await planToXlsx(plan);
    const xlsxMs = performance.now() - start;
    rows.push([
      c.name,
      fmtMs(ms),
      plan.cells.length.toLocaleString('en-US'),
      formulas.toLocaleString('en-US'),
      fmtMs(xlsxMs),
      `${(bytes.length / 1024).toFixed(0)} KiB`,
    ]);
  }
  return [
    '## Walkthrough sheet plans',
    '',
    'Median plan build time (`buildUnchecked`, no size check) and plan size; target for LSTM H = 64 over 32 steps: < 100 ms.',
    '',
    ...markdownTable(['sheet', 'build (ms)', 'cells', 'formulas', '.xlsx write (ms)', '.xlsx size'], rows, 1),
  ].join('\n');
}

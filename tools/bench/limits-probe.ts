/**
 * One probe of the limits benchmark, run in a child process of its own so that its peak
 * resident memory is its own: builds the arguments as Excel would pass them (number[][]),
 * calls the Excel-facing wrapper once and prints one JSON line: the call's wall time,
 * the process's resident memory before building the inputs and its peak over the whole
 * run (inputs included), and what came back.
 *   tsx tools/bench/limits-probe.ts '{"fn":"RNN.SEQ","args":[{"rows":10,"cols":2},…]}'
 */
import { performance } from 'node:perf_hooks';
import * as F from '../../functions/functions';
import type { CostedFunction } from '../../functions/cost';
import type { ArgSpec, Fill } from './limits-cases';

type Wrapper = (...args: any[]) => number[][]; // eslint-disable-line @typescript-eslint/no-explicit-any -- the wrappers take Excel's untyped ranges

const WRAPPERS: Record<CostedFunction, Wrapper> = {
  'NN.SIGMOID': F.excelNnSigmoid,
  'NN.SOFTPLUS': F.excelNnSoftplus,
  'NN.SILU': F.excelNnSilu,
  'NN.INIT': F.excelNnInit,
  'RNN.STEP': F.excelRnnStep,
  'RNN.SEQ': F.excelRnnSeq,
  'LSTM.STEP': F.excelLstmStep,
  'LSTM.SEQ': F.excelLstmSeq,
  'RNN.BPTT': F.excelRnnBptt,
  'GRU.BPTT': F.excelGruBptt,
  'LSTM.BPTT': F.excelLstmBptt,
  'LSTM.SEQ2SEQ': F.excelLstmSeq2seq,
  'GRU.STEP': F.excelGruStep,
  'GRU.SEQ': F.excelGruSeq,
  'MAMBA.DISCRETIZE': F.excelMambaDiscretize,
  'MAMBA.STEP': F.excelMambaStep,
  'MAMBA.SCAN': F.excelMambaScan,
  'MAMBA.BLOCK': F.excelMambaBlock,
  'SLSTM.STEP': F.excelSlstmStep,
  'SLSTM.SEQ': F.excelSlstmSeq,
  'MLSTM.STEP': F.excelMlstmStep,
  'MLSTM.SEQ': F.excelMlstmSeq,
};

export interface ProbeResult {
  readonly ms: number;
  readonly baseMB: number;
  readonly peakMB: number;
  readonly outcome: string;
}

function value(fill: Fill, i: number): number {
  const s = Math.sin(0.37 * i + 0.11);
  if (fill === 'pos') return 0.01 + 0.05 * Math.abs(s);
  if (fill === 'neg') return -0.5 - 0.5 * Math.abs(s);
  return 0.1 * s;
}

function build(spec: ArgSpec): unknown {
  if (spec === null || typeof spec !== 'object') return spec;
  const out: number[][] = new Array(spec.rows);
  for (let i = 0; i < spec.rows; i++) {
    const row = new Array<number>(spec.cols);
    for (let j = 0; j < spec.cols; j++) row[j] = value(spec.fill ?? 'w', i * spec.cols + j);
    out[i] = row;
  }
  return out;
}

const mb = (bytes: number): number => Math.round(bytes / 2 ** 20);

function main(): void {
  const { fn, args } = JSON.parse(process.argv[2]) as { fn: CostedFunction; args: ArgSpec[] };
  const baseMB = mb(process.memoryUsage().rss);
  const built = args.map(build);
  let outcome: string;
  const start = performance.now();
  try {
    const result = WRAPPERS[fn](...built);
    outcome = `result ${result.length}×${result[0]?.length ?? 0}`;
  } catch (e) {
    const code = (e as { code?: string }).code ?? 'error';
    outcome = `${code} ${(e as Error).message}`;
  }
  const ms = performance.now() - start;
  const peakMB = Math.round(process.resourceUsage().maxRSS / 1024);
  const result: ProbeResult = { ms, baseMB, peakMB, outcome };
  console.log(JSON.stringify(result));
}

main();

/**
 * The selective scan (S6), channel by channel and state by state. The learner sets the
 * input u (T × D channels); the selection bands compute from each token its step size
 * Δ = softplus(w_Δ·u + b_Δ) and the vectors B = W_B u, C = W_C u (mamba-scan-selection.ts),
 * which is what makes the scan selective. A_log and the skip D are parameters. The sheet
 * shows A = −exp(A_log), Ā = exp(ΔA), B̄ by the chosen discretization (variants 'zoh',
 * the exact one, and 'euler', mamba_ssm's Δ·B with Ā still exp(ΔA)), the state h and y.
 * A_log and D start at mamba_ssm's init or come from a pasted state_dict. Below the
 * sequential scan the same h is computed again by a parallel (Hillis–Steele) scan, level
 * by level, unless a "sequential only" variant is chosen.
 */
import { t } from '../i18n';
import type { Discretization } from '../core/mamba-scan';
import { scanDepth } from '../core/parallel-scan';
import { readMatrix, readTensor, shapeOf } from '../core/state-dict-tensor';
import type { Trace } from '../core/trace';
import { limitsUpTo } from './limits';
import { costTable, costTrace, summaryCell, withTrace } from './cost-table';
import { defineSpec, type SheetModel } from './define-spec';
import { bilingual } from './i18n';
import { narrativeLines } from './kit/role-column';
import { TRY_BOX_ROWS } from './kit/try-box';
import { mambaTryBox, scanCostRows, scanCostValues } from './mamba-teach';
import { requireParam } from './params';
import type { SheetKit } from './kit/band';
import { sheetBuilder, writeGridFrame } from './kit/frame';
import { BandCursor, TimeGrid } from './kit/grid';
import type { Labelled, MambaBlockConfig, MambaScanConfig, ModelSpec, VariantIds } from './model-spec';
import type { SheetPlan } from './plan';
import { SCAN_LEGEND, discretizationLabel, writeScanBands } from './mamba-scan-bands';
import { writeParallelScanBands } from './mamba-parallel-scan-bands';
import { scanSheetTrace, seededScanStart, writeSelectionBands } from './mamba-scan-selection';
import { dictSizeProblems, refuseUnused, stripLayerPrefix } from './mamba-weights';

const LIMITS = limitsUpTo({ channels: 4, stateSize: 4, steps: 8 });

const SEQUENTIAL_ONLY = '-sequential';

/** The two discretizations, offered by both Mamba sheets. */
export const MAMBA_VARIANTS: readonly Labelled<'zoh' | 'euler'>[] = [
  { id: 'zoh', label: bilingual('sheets.mamba.variant.zoh') },
  { id: 'euler', label: bilingual('sheets.mamba.variant.euler') },
];

/**
 * The scan sheet's variants: each discretization with the parallel scan below the
 * sequential one (the default), or with the sequential scan only (a shorter sheet).
 */
export const MAMBA_SCAN_VARIANTS: readonly Labelled<VariantIds['mamba-scan']>[] = [
  ...MAMBA_VARIANTS,
  ...MAMBA_VARIANTS.map((v) => ({
    id: `${v.id}${SEQUENTIAL_ONLY}` as const,
    label: {
      en: t('en', 'sheets.mamba.variant.sequentialOnly', { label: v.label.en }),
      zh: t('zh', 'sheets.mamba.variant.sequentialOnly', { label: v.label.zh }),
    },
  })),
];

export function methodOf(config: MambaScanConfig | MambaBlockConfig): Discretization {
  return config.variant?.startsWith('euler') ? 'euler' : 'zoh';
}

/** Whether the scan sheet shows the parallel scan (every variant but the "sequential only" ones). */
export function showsParallelScan(config: MambaScanConfig): boolean {
  return !config.variant?.endsWith(SEQUENTIAL_ONLY);
}

/** The two scan parameters a Mamba state_dict holds; the rest of a block's tensors feed other bands. */
const SCAN_TENSORS = ['A_log', 'D'];

/**
 * A_log and D from a pasted state_dict (a bare {A_log, D} or one mixer's tensors under a
 * `layers.N.mixer.` prefix, reduced to those two), else mamba_ssm's init: S4D-Real
 * A = −(1, 2, …, N) in every channel and a skip of 1.
 */
function scanWeights(config: MambaScanConfig): {
  aLog: (d: number, n: number) => number;
  skip: (d: number) => number;
} {
  const { channels: D, stateSize: N } = config;
  if (!config.stateDict) return { aLog: (_d, n) => Math.log(n + 1), skip: () => 1 };
  const dict = stripLayerPrefix(config.stateDict);
  refuseUnused(dict, SCAN_TENSORS, 'Mamba scan');
  const aLog = readMatrix(dict, 'A_log', D, N);
  const skip = readTensor(dict, 'D', [D]);
  return { aLog: (d, n) => aLog.data[d * N + n], skip: (d) => skip[d] };
}

function stateDictProblems(config: MambaScanConfig): string[] {
  if (!config.stateDict) return [];
  const dict = stripLayerPrefix(config.stateDict);
  refuseUnused(dict, SCAN_TENSORS, 'Mamba scan');
  const shape = shapeOf(dict.A_log);
  if (typeof shape !== 'string' && shape.length === 2) {
    const sizes = dictSizeProblems(
      dict,
      [
        {
          tensor: 'A_log',
          size: 'channels D',
          value: shape[0],
          asked: config.channels,
          max: LIMITS.channels.max,
        },
        {
          tensor: 'A_log',
          size: 'N',
          value: shape[1],
          asked: config.stateSize,
          max: LIMITS.stateSize.max,
        },
      ],
      config.language,
    );
    if (sizes.length > 0) return sizes;
  }
  scanWeights(config);
  return [];
}

const FRAME = {
  title: bilingual('sheets.mambaScan.title'),
  legend: [
    ['input', bilingual('sheets.mambaScan.legend.input')],
    SCAN_LEGEND.aLog,
    ['weight', bilingual('sheets.mambaScan.legend.weight')],
    ['bias', bilingual('sheets.mambaScan.legend.bias')],
    SCAN_LEGEND.state,
    ['gate', bilingual('sheets.mambaScan.legend.gate')],
    ['activation', bilingual('sheets.mambaScan.legend.activation')],
    ['computed', bilingual('sheets.mambaScan.legend.computed')],
    ['output', bilingual('sheets.mambaScan.legend.output')],
    ['copy', bilingual('sheets.mambaScan.legend.copy')],
  ] as const,
};

function build(config: MambaScanConfig): SheetPlan {
  const lang = config.language;
  const { channels: D, stateSize: N } = config;
  const T = config.steps;
  const method = methodOf(config);
  const b = sheetBuilder(config, 'Mamba scan');
  const wCol = 1;
  // Left of the time blocks: A_log and A (N columns each), or W_B and W_C (D each).
  const grid = new TimeGrid(wCol + 2 * Math.max(N, D) + 3, Math.max(N, 3) + 1, T);
  // Widths first: a band's equation goes beside its results only where the columns hold it.
  b.width(0, 18);
  for (let c = wCol; c < grid.firstCol - 1; c++) b.width(c, 8);
  b.width(grid.firstCol - 1, 6);
  grid.widths(b);
  const sizes: [string, number][] = [
    [t(lang, 'sheets.mambaScan.channels'), D],
    [t(lang, 'sheets.mambaScan.stateSize'), N],
  ];
  const note = `${t(lang, 'sheets.mambaScan.discretization')}: ${discretizationLabel(lang, method)}`;
  const row = writeGridFrame(b, config, grid, { ...FRAME, sizes, variants: MAMBA_SCAN_VARIANTS }, note);
  // The "what to try" box goes right below the time header; its verdict reads cells written later.
  const boxTop = row + 1;
  const k: SheetKit = {
    b,
    grid,
    cursor: new BandCursor(b, wCol, boxTop + TRY_BOX_ROWS + 1, grid.firstCol - 1),
    wCol,
  };
  narrativeLines(k, [t(lang, 'sheets.mamba.paperNote'), t(lang, 'sheets.mambaScan.rankNote')]);
  k.cursor.heading(t(lang, 'sheets.mambaScan.selectionHeading'));

  const { u, delta, B, C, dtBias } = writeSelectionBands(k, seededScanStart(config), lang);
  const scan = writeScanBands(
    k,
    {
      channels: D,
      N,
      method,
      u: (t, d) => u(t).at(d),
      delta: (t, d) => delta(t).at(d),
      B: (t, n) => B(t).at(n),
      Ccol: (t) => C(t).colRef(),
      ...scanWeights(config),
    },
    lang,
  );
  b.name('y_T', scan.y(T - 1).range);
  const box = { top: boxTop, cols: grid.col(1) + 2, T, bias: dtBias, aBar: scan.aBar, bBar: scan.bBar };
  if (showsParallelScan(config)) {
    const uAt = (t: number, d: number) => u(t).at(d);
    const check = writeParallelScanBands(
      k,
      { channels: D, N, aBar: scan.aBar, bBar: scan.bBar, u: uAt, h: scan.h },
      lang,
    );
    b.name('scan_check', check.range);
  }
  costTable(b, lang, {
    top: k.cursor.row + 1,
    left: 0,
    T,
    heading: 'sheets.mambaScan.cost.heading',
    modelHeader: 'sheets.cost.scan',
    note: 'sheets.cost.scanNote',
    rows: scanCostRows(summaryCell(0), summaryCell(1)),
  });
  // Last, in the rows kept for it: the box asks the core, which reads every typed cell.
  mambaTryBox(b, {
    ...box,
    edit: 'sheets.mambaScan.try.edit',
    evaluate: (params) => evaluate(config, params),
  });

  return b.build();
}

function evaluate(config: MambaScanConfig, params: Readonly<Record<string, Float64Array>>): Trace {
  const trace = scanSheetTrace(config, params, methodOf(config));
  const T = requireParam(params, 'cost_T', 1)[0];
  return withTrace(trace, costTrace(scanCostValues(config.channels, config.stateSize, T)));
}

const model: SheetModel<MambaScanConfig> = {
  id: 'mamba-scan',
  label: bilingual('sheets.mambaScan.label'),
  variants: MAMBA_SCAN_VARIANTS,
  limits: LIMITS,
  // Seed 15 at four steps: no zero u, B or C, integers small enough for pen and paper, δ
  // moving by up to 2 between tokens, channel 1 forgetting fast (b_Δ = 1) and channel 2
  // slowly (b_Δ = −2), and b_Δ = ±5 on channel 1 giving Ā ≤ 0.05 / ≥ 0.95 at every token.
  defaults: { channels: 2, stateSize: 2, steps: 4, seed: 15 },
  estimateCells: (c) => {
    const { channels: D, stateSize: N } = c;
    const sequential = c.steps * (4 * D + 1 + 2 * N + 3 * D * N) + 2 * D * N + 2 * N * D + 2 * D + 80;
    // Every level holds a and b for every step, then one band of differences and the check.
    const levels = scanDepth(c.steps) + 1;
    return showsParallelScan(c) ? sequential + c.steps * D * N * (2 * levels + 1) + 40 : sequential;
  },
  stateDictProblems,
  build,
  evaluate,
  levelled: showsParallelScan,
};

export const mambaScanSpec: ModelSpec<MambaScanConfig> = defineSpec(model);

/**
 * The selective scan (S6) on given inputs, channel by channel and state by state. The
 * learner sets u (T × D channels), the step-size pre-activation Δ̃, and per step the
 * selection vectors B_t and C_t; A_log and the skip D are parameters. The sheet shows
 * Δ = softplus(Δ̃), A = −exp(A_log), Ā = exp(ΔA), B̄ by the chosen discretization
 * (variants 'zoh', the exact one, and 'euler', mamba_ssm's Δ·B), the state h and y.
 * A_log and D start at mamba_ssm's init or come from a pasted state_dict. Below the
 * sequential scan the same h is computed again by a parallel (Hillis–Steele) scan, level
 * by level, unless a "sequential only" variant is chosen.
 */
import { t } from '../i18n';
import { softplus } from '../core/activations';
import { selectiveScanTrace, type Discretization, type ScanInputs } from '../core/mamba-scan';
import { scanLevelsTrace } from '../core/mamba-scan-levels';
import { scanDepth } from '../core/parallel-scan';
import { createRng, drawMatrix } from '../core/random';
import { readMatrix, readTensor, shapeOf } from '../core/state-dict-tensor';
import { matrix } from '../core/tensor';
import type { Trace } from '../core/trace';
import { limitsUpTo } from './limits';
import { defineSpec, type SheetModel } from './define-spec';
import { softplusF } from './formulas';
import { seededInput } from './inputs';
import { openBand, type SheetKit } from './kit/band';
import { sheetBuilder, writeGridFrame } from './kit/frame';
import { BandCursor, TimeGrid } from './kit/grid';
import { stepColumn, stepInputs } from './kit/steps';
import type { Labelled, MambaBlockConfig, MambaScanConfig, ModelSpec, VariantIds } from './model-spec';
import { requireParam } from './params';
import type { Language, SheetPlan } from './plan';
import { SCAN_LEGEND, channelLabel, discretizationLabel, writeScanBands } from './mamba-scan-bands';
import { writeParallelScanBands } from './mamba-parallel-scan-bands';
import { dictSizeProblems, refuseUnused, stripLayerPrefix } from './mamba-weights';

const LIMITS = limitsUpTo({ channels: 4, stateSize: 4, steps: 8 });

const SEQUENTIAL_ONLY = '-sequential';

/** The two discretizations, offered by both Mamba sheets. */
export const MAMBA_VARIANTS: readonly Labelled<'zoh' | 'euler'>[] = [
  {
    id: 'zoh',
    label: {
      en: 'zero-order hold: B̄ = (exp(ΔA) − 1)/A · B (exact)',
      zh: '零阶保持：B̄ = (exp(ΔA) − 1)/A · B（精确）',
    },
  },
  { id: 'euler', label: { en: 'Euler: B̄ = Δ·B (as mamba_ssm)', zh: '欧拉：B̄ = Δ·B（同 mamba_ssm）' } },
];

/**
 * The scan sheet's variants: each discretization with the parallel scan below the
 * sequential one (the default), or with the sequential scan only (a shorter sheet).
 */
export const MAMBA_SCAN_VARIANTS: readonly Labelled<VariantIds['mamba-scan']>[] = [
  ...MAMBA_VARIANTS,
  ...MAMBA_VARIANTS.map((v) => ({
    id: `${v.id}${SEQUENTIAL_ONLY}` as const,
    label: { en: `${v.label.en} — sequential scan only`, zh: `${v.label.zh}——仅顺序扫描` },
  })),
];

export function methodOf(config: MambaScanConfig | MambaBlockConfig): Discretization {
  return config.variant?.startsWith('euler') ? 'euler' : 'zoh';
}

/** Whether the scan sheet shows the parallel scan (every variant but the "sequential only" ones). */
export function showsParallelScan(config: MambaScanConfig): boolean {
  return !config.variant?.endsWith(SEQUENTIAL_ONLY);
}

/** The values a fresh sheet starts from; u has the shared input stream, the rest the seed's own. */
function seededInputs(config: MambaScanConfig) {
  const { channels: D, stateSize: N, steps: T, seed, init } = config;
  const rng = createRng(seed);
  return {
    u: seededInput(T, D, seed, init),
    dtPre: drawMatrix(rng, T, D, init, 1),
    B: drawMatrix(rng, T, N, init, 1),
    C: drawMatrix(rng, T, N, init, 1),
  };
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
  title: { en: 'Mamba selective scan (S6)', zh: 'Mamba 选择性扫描 (S6)' },
  legend: [
    ['input', { en: 'inputs uₜ, Δ̃ₜ, Bₜ, Cₜ', zh: '输入 uₜ、Δ̃ₜ、Bₜ、Cₜ' }],
    SCAN_LEGEND.aLog,
    ['weight', { en: 'skip weights D', zh: '跳跃连接权重 D' }],
    SCAN_LEGEND.state,
    ['gate', { en: 'decay Ā = exp(ΔA)', zh: '衰减 Ā = exp(ΔA)' }],
    ['activation', { en: 'step size Δ = softplus(Δ̃)', zh: '步长 Δ = softplus(Δ̃)' }],
    ['computed', { en: 'A and B̄ (formulas)', zh: 'A 与 B̄（公式）' }],
    ['output', { en: 'output y', zh: '输出 y' }],
    ['copy', { en: 'a pair copied unchanged from the level above', zh: '从上一层原样复制的数对' }],
  ] as const,
};

type Inputs = ReturnType<typeof seededInputs>;

/** u_t and Δ̃_t per channel (inputs), then Δ_t = softplus(Δ̃_t). */
function inputBand(k: SheetKit, inputs: Inputs, D: number, lang: Language) {
  const top = openBand(k, {
    equation: t(lang, 'sheets.mambaScan.inputs'),
    rows: D,
    label: channelLabel(lang),
    captions: [
      [0, 'u_t'],
      [1, 'Δ̃_t'],
      [2, 'Δ_t'],
    ],
  });
  const u = stepInputs(k, { top, rows: D, param: 'u', data: inputs.u.data, tensor: 'u_t' });
  const pre = stepInputs(k, {
    top,
    rows: D,
    col: 1,
    param: 'dt_pre',
    data: inputs.dtPre.data,
    tensor: 'Δ̃_t',
  });
  const delta = stepColumn(k, {
    top,
    rows: D,
    col: 2,
    role: 'activation',
    formula: (t, d) => softplusF(pre(t).at(d)),
    trace: 'delta',
    tensor: 'Δ_t',
    equation: '\\Delta_t = \\operatorname{softplus}(\\tilde{\\Delta}_t)',
  });
  return { u, delta };
}

/** B_t and C_t side by side in every step, one row per state n. */
function selectionBand(k: SheetKit, inputs: Inputs, N: number, lang: Language) {
  const state = (n: number) => t(lang, 'sheets.mambaScan.state', { n: n + 1 });
  const top = openBand(k, {
    equation: t(lang, 'sheets.mambaScan.selection'),
    rows: N,
    label: state,
    captions: [
      [0, 'B_t'],
      [1, 'C_t'],
    ],
  });
  return {
    B: stepInputs(k, { top, rows: N, param: 'B', data: inputs.B.data, tensor: 'B_t' }),
    C: stepInputs(k, { top, rows: N, col: 1, param: 'C', data: inputs.C.data, tensor: 'C_t' }),
  };
}

function build(config: MambaScanConfig): SheetPlan {
  const lang = config.language;
  const { channels: D, stateSize: N } = config;
  const T = config.steps;
  const method = methodOf(config);
  const inputs = seededInputs(config);
  const b = sheetBuilder(config, 'Mamba scan');
  const wCol = 1;
  const grid = new TimeGrid(wCol + 2 * N + 3, Math.max(N, 3) + 1, T);
  const sizes: [string, number][] = [
    [t(lang, 'sheets.mambaScan.channels'), D],
    [t(lang, 'sheets.mambaScan.stateSize'), N],
  ];
  const note = `${t(lang, 'sheets.mambaScan.discretization')}: ${discretizationLabel(lang, method)}`;
  const row = writeGridFrame(b, config, grid, { ...FRAME, sizes, variants: MAMBA_SCAN_VARIANTS }, note);
  const k: SheetKit = { b, grid, cursor: new BandCursor(b, wCol, row + 1), wCol };

  const { u, delta } = inputBand(k, inputs, D, lang);
  const { B, C } = selectionBand(k, inputs, N, lang);
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
  if (showsParallelScan(config)) {
    const uAt = (t: number, d: number) => u(t).at(d);
    const check = writeParallelScanBands(
      k,
      { channels: D, N, aBar: scan.aBar, bBar: scan.bBar, u: uAt, h: scan.h },
      lang,
    );
    b.name('scan_check', check.range);
  }

  b.width(0, 18);
  for (let c = wCol; c < grid.firstCol - 1; c++) b.width(c, 8);
  b.width(grid.firstCol - 1, 6);
  grid.widths(b);
  return b.build();
}

function evaluate(config: MambaScanConfig, params: Readonly<Record<string, Float64Array>>): Trace {
  const { channels: D, stateSize: N } = config;
  const T = config.steps;
  const u = matrix(T, D, requireParam(params, 'u', T * D));
  const dtPre = requireParam(params, 'dt_pre', T * D);
  const delta = matrix(T, D, dtPre.map(softplus));
  const A = matrix(
    D,
    N,
    requireParam(params, 'A_log', D * N).map((v) => -Math.exp(v)),
  );
  const inputs: ScanInputs = {
    u,
    delta,
    A,
    B: matrix(T, N, requireParam(params, 'B', T * N)),
    C: matrix(T, N, requireParam(params, 'C', T * N)),
    D: requireParam(params, 'D', D),
    method: methodOf(config),
  };
  const trace = selectiveScanTrace(inputs);
  const levels = scanLevelsTrace(inputs, trace);
  // A is not a per-step quantity; the sheet shows it once, as step 0.
  return {
    ...trace,
    tensors: { ...trace.tensors, ...levels.tensors, A: [A.data] },
    shapes: { ...trace.shapes, ...levels.shapes, A: [D, N] },
  };
}

const model: SheetModel<MambaScanConfig> = {
  id: 'mamba-scan',
  label: { en: 'Mamba selective scan', zh: 'Mamba 选择性扫描' },
  variants: MAMBA_SCAN_VARIANTS,
  limits: LIMITS,
  // Seed 4 at three steps: no zero input or B entry, and numbers small enough to check with pen and paper.
  defaults: { channels: 2, stateSize: 2, steps: 3, seed: 4 },
  estimateCells: (c) => {
    const { channels: D, stateSize: N } = c;
    const sequential = c.steps * (4 * D + 2 * N + 3 * D * N) + 2 * D * N + 80;
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

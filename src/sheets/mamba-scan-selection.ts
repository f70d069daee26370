/**
 * The top of the Mamba scan sheet: the input u and the selection that makes the scan
 * selective, Δ, B and C computed from each token (core/mamba-selection.ts). Three
 * bands: u per channel; δ = w_Δ·u, Δ̃ = δ + b_Δ and Δ = softplus(Δ̃); B = W_B u and
 * C = W_C u. The weights are written once at the left; `scanSheetTrace` recomputes
 * the whole sheet from its parameter cells for the sheet = core checks.
 */
import { t } from '../i18n';
import { selectFromInput, selectionTrace, type SelectionParams } from '../core/mamba-selection';
import { selectiveScanTrace, type Discretization, type ScanInputs } from '../core/mamba-scan';
import { scanLevelsTrace } from '../core/mamba-scan-levels';
import { createRng, drawMatrix, drawVector } from '../core/random';
import { matrix, type Matrix } from '../core/tensor';
import type { Trace } from '../core/trace';
import { dotF, softplusF } from './formulas';
import { seededInput } from './inputs';
import type { SheetKit } from './kit/band';
import { openTaughtBand } from './kit/role-column';
import { OP, PRE, VALUE } from './kit/grid';
import { stepColumn, stepInputs, type PerStep } from './kit/steps';
import { rowOf, weightBlock } from './kit/weights';
import type { MambaScanConfig } from './model-spec';
import { requireParam } from './params';
import type { CellPos, Language } from './plan';
import { channelLabel } from './mamba-scan-bands';

/** What a fresh scan sheet starts from: the input stream every sheet shares and the selection weights. */
export interface ScanStart {
  readonly u: Matrix;
  readonly sel: SelectionParams;
}

/**
 * The seeded start. Hand-style w_Δ takes halves (−1 … 1) so that δ stays within a few
 * units and b_Δ = ±5 (the sheet's "what to try") dominates Δ̃; W_B and W_C are integers,
 * so B and C are integers a learner can check in their head.
 */
export function seededScanStart(config: MambaScanConfig): ScanStart {
  const { channels: D, stateSize: N, steps: T, seed, init } = config;
  const rng = createRng(seed);
  const bound = 1 / Math.sqrt(D);
  const wDelta = drawVector(rng, D, init, bound).map((v) => (init === 'hand' ? v / 2 : v));
  return {
    u: seededInput(T, D, seed, init),
    sel: {
      wDelta,
      dtBias: drawVector(rng, D, init, 1),
      W_B: drawMatrix(rng, N, D, init, bound),
      W_C: drawMatrix(rng, N, D, init, bound),
    },
  };
}

export interface SelectionCells {
  readonly u: PerStep;
  readonly delta: PerStep;
  readonly B: PerStep;
  readonly C: PerStep;
  /** Where b_Δ[1] sits: the "what to try" box names it. */
  readonly dtBias: CellPos;
}

/** u_t per channel (inputs). */
function inputBand(k: SheetKit, u: Matrix, lang: Language): PerStep {
  const D = u.cols;
  const top = openTaughtBand(k, {
    equation: t(lang, 'sheets.mambaScan.u'),
    rows: D,
    label: channelLabel(lang),
    captions: [[PRE, 'u_t']],
    role: t(lang, 'sheets.roles.mambaScan.u'),
  });
  return stepInputs(k, { top, rows: D, param: 'u', data: u.data, tensor: 'u_t' });
}

/** δ_t = w_Δ · u_t (first row), Δ̃_t = δ_t + b_Δ and Δ_t = softplus(Δ̃_t), one row per channel. */
function stepSizeBand(k: SheetKit, sel: SelectionParams, u: PerStep, lang: Language) {
  const D = sel.dtBias.length;
  const top = openTaughtBand(k, {
    equation: t(lang, 'sheets.mambaScan.dt'),
    rows: D,
    label: channelLabel(lang),
    captions: [
      [PRE, 'δ_t'],
      [OP, 'Δ̃_t'],
      [VALUE, 'Δ_t'],
    ],
    role: t(lang, 'sheets.roles.mamba.delta'),
  });
  const w = weightBlock(k.b, {
    top,
    left: k.wCol,
    rows: 1,
    cols: D,
    role: 'weight',
    param: 'w_dt',
    caption: 'w_Δ',
    data: sel.wDelta,
    index: (_r, c) => [c],
    name: 'w_dt',
  });
  const bias = weightBlock(k.b, {
    top,
    left: k.wCol + D + 1,
    rows: D,
    cols: 1,
    role: 'bias',
    param: 'dt_bias',
    caption: 'b_Δ',
    data: sel.dtBias,
    name: 'dt_bias',
  });
  const low = stepColumn(k, {
    top,
    rows: 1,
    role: 'computed',
    formula: (t) => dotF(rowOf(w, 0), u(t).colRef()),
    trace: 'dt_low',
    tensor: 'δ_t',
    equation: '\\delta_t = w_\\Delta \\cdot u_t',
  });
  const pre = stepColumn(k, {
    top,
    rows: D,
    col: OP,
    role: 'computed',
    formula: (t, d) => `${low(t).at(0)}+${bias.at(d, 0, true)}`,
    trace: 'dt_pre',
    tensor: 'Δ̃_t',
    equation: '\\tilde{\\Delta}_t = \\delta_t + b_\\Delta',
  });
  const delta = stepColumn(k, {
    top,
    rows: D,
    col: VALUE,
    role: 'activation',
    formula: (t, d) => softplusF(pre(t).at(d)),
    trace: 'delta',
    tensor: 'Δ_t',
    equation: '\\Delta_t = \\operatorname{softplus}(\\tilde{\\Delta}_t)',
  });
  return { delta, dtBias: { row: bias.top, col: bias.left } };
}

/** B_t = W_B u_t and C_t = W_C u_t side by side, one row per state n. */
function bcBand(k: SheetKit, sel: SelectionParams, u: PerStep, lang: Language) {
  const { rows: N, cols: D } = sel.W_B;
  const top = openTaughtBand(k, {
    equation: t(lang, 'sheets.mambaScan.BC'),
    rows: N,
    label: (n) => t(lang, 'sheets.mambaScan.state', { n: n + 1 }),
    captions: [
      [PRE, 'B_t'],
      [OP, 'C_t'],
    ],
    role: t(lang, 'sheets.roles.mamba.selection'),
  });
  const projection = (name: 'B' | 'C', slot: number, col: number) => {
    const W = weightBlock(k.b, {
      top,
      left: k.wCol + slot * (D + 1),
      rows: N,
      cols: D,
      role: 'weight',
      param: `W_${name}`,
      caption: `W_${name}`,
      data: sel[`W_${name}`].data,
      name: `W_${name}`,
    });
    return stepColumn(k, {
      top,
      rows: N,
      col,
      role: 'computed',
      formula: (t, n) => dotF(rowOf(W, n), u(t).colRef()),
      trace: name,
      tensor: `${name}_t`,
      equation: `${name}_t = W_${name}\\, u_t`,
    });
  };
  return { B: projection('B', 0, PRE), C: projection('C', 1, OP) };
}

/** The three bands below the cursor: u, the step size and B, C. */
export function writeSelectionBands(k: SheetKit, start: ScanStart, lang: Language): SelectionCells {
  const u = inputBand(k, start.u, lang);
  const { delta, dtBias } = stepSizeBand(k, start.sel, u, lang);
  const { B, C } = bcBand(k, start.sel, u, lang);
  return { u, delta, B, C, dtBias };
}

/** The scan's inputs as the sheet's cells hold them: u and the selection weights, A_log and D. */
export function scanInputsFromParams(
  config: MambaScanConfig,
  params: Readonly<Record<string, Float64Array>>,
  method: Discretization,
): { inputs: ScanInputs; selection: Trace } {
  const { channels: D, stateSize: N, steps: T } = config;
  const u = matrix(T, D, requireParam(params, 'u', T * D));
  const selected = selectFromInput(u, {
    wDelta: requireParam(params, 'w_dt', D),
    dtBias: requireParam(params, 'dt_bias', D),
    W_B: matrix(N, D, requireParam(params, 'W_B', N * D)),
    W_C: matrix(N, D, requireParam(params, 'W_C', N * D)),
  });
  const A = matrix(
    D,
    N,
    requireParam(params, 'A_log', D * N).map((v) => -Math.exp(v)),
  );
  const inputs: ScanInputs = {
    u,
    delta: selected.delta,
    A,
    B: selected.B,
    C: selected.C,
    D: requireParam(params, 'D', D),
    method,
  };
  return { inputs, selection: selectionTrace(selected) };
}

/** Every traced cell of the scan sheet: selection, scan, the parallel levels and A (shown once, as step 0). */
export function scanSheetTrace(
  config: MambaScanConfig,
  params: Readonly<Record<string, Float64Array>>,
  method: Discretization,
): Trace {
  const { inputs, selection } = scanInputsFromParams(config, params, method);
  const trace = selectiveScanTrace(inputs);
  const levels = scanLevelsTrace(inputs, trace);
  return {
    ...trace,
    tensors: { ...selection.tensors, ...trace.tensors, ...levels.tensors, A: [inputs.A.data] },
    shapes: {
      ...selection.shapes,
      ...trace.shapes,
      ...levels.shapes,
      A: [config.channels, config.stateSize],
    },
  };
}

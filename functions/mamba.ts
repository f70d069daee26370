/**
 * MAMBA.*: the selective state-space model. DISCRETIZE shows one formula over a range,
 * STEP one token, SCAN a whole sequence of already-projected inputs, and BLOCK the full
 * Mamba block (state-spaces/mamba names) from raw weights.
 */
import { mambaBlockForward, type MambaParams } from '../src/core/mamba-block';
import { discretize, scanStep, selectiveScan, type Discretization } from '../src/core/mamba-scan';
import { matrix, type Matrix } from '../src/core/tensor';
import {
  checkSize,
  expectShape,
  isOmitted,
  readMatrix,
  readOption,
  readOptionalVector,
  readShaped,
  readVector,
  resultColumns,
  resultRows,
} from './args';
import { checkCost, checkInputs } from './cost';
import { invalidValue } from './errors';
import { readSequence } from './recurrent-args';

export const METHODS: readonly Discretization[] = ['zoh', 'euler'];
export const DISCRETIZE_OUTPUTS = ['Abar', 'Bbar'] as const;
export const MAMBA_STEP_OUTPUTS = ['state', 'y'] as const;
export const MAMBA_SCAN_OUTPUTS = ['y', 'state'] as const;

function readMethod(value: unknown): Discretization {
  return readOption('method', value, METHODS, 'zoh');
}

/**
 * Δ is a step size: the scan assumes Δ ≥ 0 (the block gets it from softplus). A negative
 * one is a domain error, like Excel's SQRT(−1), and most likely a raw pre-activation.
 */
function checkStepSizes(name: string, values: Float64Array, cols: number): void {
  for (let i = 0; i < values.length; i++) {
    if (values[i] < 0) {
      throw invalidValue(
        `${name} must be ≥ 0 (a step size; apply NN.SOFTPLUS to raw values); row ${Math.floor(i / cols) + 1}, column ${(i % cols) + 1} is ${values[i]}`,
      );
    }
  }
}

/** Size of a broadcast dimension: every argument has 1 there or the common size. */
function broadcastSize(args: readonly [string, Matrix][], dim: 'rows' | 'cols'): number {
  const size = Math.max(...args.map(([, m]) => m[dim]));
  if (args.some(([, m]) => m[dim] !== 1 && m[dim] !== size)) {
    const shapes = args.map(([n, m]) => `${n} ${m.rows}×${m.cols}`).join(', ');
    throw invalidValue(
      `delta, A and B must broadcast (each one's ${dim} either 1 or the same number); got ${shapes}`,
    );
  }
  return size;
}

/**
 * MAMBA.DISCRETIZE → Ā = exp(ΔA) or B̄ (zoh: (exp(ΔA) − 1)/A · B; euler: Δ·B) cell by
 * cell. delta, A and B broadcast like NumPy in two dimensions, so a column of Δ (one per
 * channel), a D×N block of A and a row of B (one per state) give the D×N block.
 */
export function mambaDiscretize(
  delta: unknown,
  A: unknown,
  B: unknown,
  method?: unknown,
  output?: unknown,
): number[][] {
  const inputs = checkInputs('MAMBA.DISCRETIZE', [delta, A, B]);
  const args: [string, Matrix][] = [
    ['delta', readMatrix('delta', delta, 'a number or a range, broadcast against A and B')],
    ['A', readMatrix('A', A, 'a number or a range, broadcast against delta and B')],
    ['B', readMatrix('B', B, 'a number or a range, broadcast against delta and A')],
  ];
  const m = readMethod(method);
  const out = readOption('output', output, DISCRETIZE_OUTPUTS, 'Abar');
  checkStepSizes('delta', args[0][1].data, args[0][1].cols);
  const rows = broadcastSize(args, 'rows');
  const cols = broadcastSize(args, 'cols');
  checkCost('MAMBA.DISCRETIZE', { rows, cols }, inputs);
  const at = (x: Matrix, r: number, c: number): number =>
    x.data[(x.rows === 1 ? 0 : r) * x.cols + (x.cols === 1 ? 0 : c)];
  const [d, a, b] = args.map(([, x]) => x);
  const result = matrix(rows, cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const { aBar, bBar } = discretize(at(d, r, c), at(a, r, c), at(b, r, c), m);
      result.data[r * cols + c] = out === 'Abar' ? aBar : bBar;
    }
  }
  return resultRows('MAMBA.DISCRETIZE', result);
}

/** MAMBA.STEP → the new state h (D×N) by default, or "y" = C·h + D⊙u (D×1). */
export function mambaStep(
  u: unknown,
  h_prev: unknown,
  delta: unknown,
  A: unknown,
  B: unknown,
  C: unknown,
  D?: unknown,
  method?: unknown,
  output?: unknown,
): number[][] {
  const inputs = checkInputs('MAMBA.STEP', [u, h_prev, delta, A, B, C, D]);
  const uv = readVector('u', u);
  const channels = checkSize('D', uv.length, 'the length of u');
  const Am = readMatrix('A', A, 'D×N: one row per channel, one column per state');
  const N = checkSize('N', Am.cols, 'the columns of A');
  const given = `D = ${channels} (the length of u), N = ${N} (the columns of A)`;
  expectShape('A', Am, channels, N, 'D × N', given);
  const h = readShaped('h_prev', h_prev, channels, N, 'D × N', given);
  const dv = readVector('delta', delta, channels, `one per channel, D = ${channels}`);
  checkStepSizes('delta', dv, 1);
  const Bv = readVector('B', B, N, `one per state, N = ${N}`);
  const Cv = readVector('C', C, N, `one per state, N = ${N}`);
  const skip = isOmitted(D)
    ? undefined
    : readOptionalVector('D', D, channels, `one skip weight per channel, D = ${channels}`);
  const m = readMethod(method);
  const out = readOption('output', output, MAMBA_STEP_OUTPUTS, 'state');
  checkCost('MAMBA.STEP', { D: channels, N, y: out === 'y' ? 1 : 0 }, inputs);
  const r = scanStep({ u: uv, delta: dv, B: Bv, C: Cv }, h, { A: Am, D: skip, method: m });
  return out === 'y' ? resultColumns('MAMBA.STEP', [r.y]) : resultRows('MAMBA.STEP', r.h);
}

/**
 * MAMBA.SCAN → the T×D outputs y_t (times SiLU(z_t) when Z is given), or "state": the
 * final D×N state.
 */
export function mambaScan(
  U: unknown,
  Delta: unknown,
  A: unknown,
  B: unknown,
  C: unknown,
  D?: unknown,
  Z?: unknown,
  method?: unknown,
  output?: unknown,
): number[][] {
  const inputs = checkInputs('MAMBA.SCAN', [U, Delta, A, B, C, D, Z]);
  const u = readSequence('U', U, 'D');
  const T = u.rows;
  const channels = u.cols;
  const Am = readMatrix('A', A, 'D×N: one row per channel, one column per state');
  const N = checkSize('N', Am.cols, 'the columns of A');
  const seq = `T = ${T}, D = ${channels} (the shape of U)`;
  expectShape('A', Am, channels, N, 'D × N', `D = ${channels} (the columns of U)`);
  const delta = readShaped('Delta', Delta, T, channels, 'T × D, like U', seq);
  checkStepSizes('Delta', delta.data, channels);
  const Bm = readShaped('B', B, T, N, 'T × N', `T = ${T} (the rows of U), N = ${N} (the columns of A)`);
  const Cm = readShaped('C', C, T, N, 'T × N', `T = ${T} (the rows of U), N = ${N} (the columns of A)`);
  const skip = isOmitted(D)
    ? undefined
    : readOptionalVector('D', D, channels, `one skip weight per channel, D = ${channels}`);
  const z = isOmitted(Z) ? undefined : readShaped('Z', Z, T, channels, 'T × D, like U', seq);
  const m = readMethod(method);
  const out = readOption('output', output, MAMBA_SCAN_OUTPUTS, 'y');
  checkCost('MAMBA.SCAN', { T, D: channels, N, state: out === 'state' ? 1 : 0 }, inputs);
  const r = selectiveScan({ u, delta, A: Am, B: Bm, C: Cm, D: skip, z, method: m });
  return resultRows('MAMBA.SCAN', out === 'state' ? r.hN : r.y);
}

/**
 * MAMBA.BLOCK → T×d_model: the Mamba block's output. The sizes come from the weights:
 * d_inner and N from A_log, dt_rank from W_dt's columns, the kernel width from conv_w's.
 */
export function mambaBlock(
  X: unknown,
  W_in: unknown,
  conv_w: unknown,
  conv_b: unknown,
  W_x: unknown,
  W_dt: unknown,
  b_dt: unknown,
  A_log: unknown,
  D: unknown,
  W_out: unknown,
  method?: unknown,
): number[][] {
  const inputs = checkInputs('MAMBA.BLOCK', [X, W_in, conv_w, conv_b, W_x, W_dt, b_dt, A_log, D, W_out]);
  const Xm = readSequence('X', X, 'd_model');
  const T = Xm.rows;
  const dModel = Xm.cols;
  const aLog = readMatrix('A_log', A_log, 'd_inner × N');
  const dInner = checkSize('d_inner', aLog.rows, 'the rows of A_log');
  const N = checkSize('N', aLog.cols, 'the columns of A_log');
  const dtW = readMatrix('W_dt', W_dt, 'd_inner × dt_rank');
  const dtRank = checkSize('dt_rank', dtW.cols, 'the columns of W_dt');
  const convW = readMatrix('conv_w', conv_w, 'd_inner × d_conv');
  const dConv = checkSize('d_conv', convW.cols, 'the columns of conv_w');
  const sizes = `d_model = ${dModel} (X), d_inner = ${dInner} and N = ${N} (A_log), dt_rank = ${dtRank} (W_dt), d_conv = ${dConv} (conv_w)`;
  const inner = `d_inner = ${dInner}`;
  const p: MambaParams = {
    dModel,
    dInner,
    dState: N,
    dtRank,
    dConv,
    in_proj: readShaped('W_in', W_in, 2 * dInner, dModel, '2·d_inner × d_model', sizes),
    conv_w: expectShape('conv_w', convW, dInner, dConv, 'd_inner × d_conv', sizes),
    conv_b: readVector('conv_b', conv_b, dInner, inner),
    x_proj: readShaped('W_x', W_x, dtRank + 2 * N, dInner, 'dt_rank + 2·N × d_inner', sizes),
    dt_proj_w: expectShape('W_dt', dtW, dInner, dtRank, 'd_inner × dt_rank', sizes),
    dt_proj_b: readVector('b_dt', b_dt, dInner, inner),
    A_log: aLog,
    D: readVector('D', D, dInner, inner),
    out_proj: readShaped('W_out', W_out, dModel, dInner, 'd_model × d_inner', sizes),
  };
  const m = readMethod(method);
  checkCost(
    'MAMBA.BLOCK',
    { T, d_model: dModel, d_inner: dInner, N, dt_rank: dtRank, d_conv: dConv },
    inputs,
  );
  return resultRows('MAMBA.BLOCK', mambaBlockForward(p, Xm, m));
}

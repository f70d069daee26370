/**
 * The numbers behind the training sheets (rnn-bptt, lstm-bptt): the seeded cell, output
 * head, inputs, targets, learning rate and clipping threshold a sheet starts from, the
 * "long sequence" preset, and the trace every computed cell of the sheet must equal —
 * the core's forward and backward trace plus, at step 0, the loss, the accumulated
 * gradients, the SGD step and the forward pass again with the new weights.
 */
import { lstmBackwardTrace } from '../core/lstm-backward-trace';
import { lstmSgdStep, type LstmTrained } from '../core/lstm-backward';
import { initLstm, type LstmParams } from '../core/lstm';
import type { OutputHead } from '../core/output-head';
import { createRng, drawMatrix, drawVector } from '../core/random';
import { rnnBackwardTrace } from '../core/rnn-backward-trace';
import { rnnSgdStep, type RnnTrained } from '../core/rnn-backward';
import { initRnn, type RnnParams } from '../core/rnn';
import { matrix, type Matrix } from '../core/tensor';
import type { Trace } from '../core/trace';
import { seededInput } from './inputs';
import type { DerivativeTraces, TrainingConfig } from './model-spec';
import { cellTensors, requireParam } from './params';

export type BpttKind = 'rnn' | 'lstm';

/** The shortest sequence the long-sequence preset accepts. */
export const LONG_STEPS = 20;
/**
 * The long preset's LSTM forget-gate bias: f ≈ σ(4) ≈ 0.98, the usual remedy (Gers et al.
 * 2000) that lets the cell path carry a gradient across many steps.
 */
const FORGET_BIAS = 4;
const HEAD_STREAM = 0x5eed01;
const TARGET_STREAM = 0x5eed02;

export const gatesOf = (kind: BpttKind): number => (kind === 'lstm' ? 4 : 1);

/** The trained tensors by PyTorch name. */
export const PARAM_NAMES = ['W_ih', 'W_hh', 'b_ih', 'b_hh', 'W_hy', 'b_y'] as const;
export type ParamName = (typeof PARAM_NAMES)[number];

/** The LSTM's gates in PyTorch's row order. */
export const GATES = ['i', 'f', 'g', 'o'] as const;

/** The trace names of the derivative cells of a training sheet (practice blanks them by these). */
export function derivativeTraces(kind: BpttKind): DerivativeTraces {
  const cellPath =
    kind === 'rnn' ? ['da'] : ['dc_future', 'dc', ...GATES.flatMap((g) => [`d_${g}`, `da_${g}`])];
  const backwardStep = ['dh_out', 'dh_future', 'dh', ...cellPath];
  const start = kind === 'rnn' ? ['dh0'] : ['dh0', 'dc0'];
  const steps = ['dW_ih_step', 'dW_hh_step', 'dW_hy_step'];
  return {
    backwardStep,
    gradients: ['dy', ...backwardStep, ...start, ...steps, ...PARAM_NAMES.map((p) => `grad_${p}`)],
  };
}

/** Everything a training sheet writes as a literal: the model's inputs. */
export interface BpttSetup {
  readonly kind: BpttKind;
  readonly p: RnnParams | LstmParams;
  readonly head: OutputHead;
  readonly X: Matrix;
  readonly Y: Matrix;
  readonly h0: Float64Array;
  readonly c0: Float64Array;
  readonly eta: number;
  readonly clip: number;
}

export const isLong = (config: TrainingConfig): boolean => config.variant === 'long';

/** The config a sheet is drawn from: the long preset runs at least LONG_STEPS steps. */
export function effectiveConfig(config: TrainingConfig): TrainingConfig {
  return isLong(config) ? { ...config, steps: Math.max(config.steps, LONG_STEPS) } : config;
}

function seededHead(config: TrainingConfig): OutputHead {
  const rng = createRng(config.seed + HEAD_STREAM);
  const bound = 1 / Math.sqrt(config.hiddenSize);
  return {
    W_hy: drawMatrix(rng, config.outputSize, config.hiddenSize, config.init, bound),
    b_y: drawVector(rng, config.outputSize, config.init, bound),
  };
}

function seededTargets(config: TrainingConfig): Matrix {
  return drawMatrix(createRng(config.seed + TARGET_STREAM), config.steps, config.outputSize, config.init, 1);
}

/**
 * The long preset: the LSTM's forget bias raised, and every target but the last equal to
 * the model's own prediction, so each dL/dh_t is the last step's error travelling back.
 */
function longPreset(s: BpttSetup): BpttSetup {
  let p = s.p;
  if (s.kind === 'lstm') {
    const H = p.hiddenSize;
    const b_ih = Float64Array.from(p.b_ih);
    for (let j = 0; j < H; j++) b_ih[H + j] = FORGET_BIAS;
    p = { ...p, b_ih };
  }
  const yHat = traceOf({ ...s, p }).result.yHat;
  const Y = matrix(s.Y.rows, s.Y.cols, yHat.data);
  const last = (s.Y.rows - 1) * s.Y.cols;
  Y.data.set(s.Y.data.subarray(last), last);
  return { ...s, p, Y };
}

export function seededSetup(kind: BpttKind, config: TrainingConfig): BpttSetup {
  const { inputSize: I, hiddenSize: H, seed, init } = config;
  const setup: BpttSetup = {
    kind,
    p: kind === 'rnn' ? initRnn(I, H, seed, init) : initLstm(I, H, seed, init),
    head: seededHead(config),
    X: seededInput(config.steps, I, seed, init),
    Y: seededTargets(config),
    h0: new Float64Array(H),
    c0: new Float64Array(H),
    eta: 0.1,
    clip: 1,
  };
  return isLong(config) ? longPreset(setup) : setup;
}

/** The setup rebuilt from the values in a sheet's parameter cells. */
export function setupFromParams(
  kind: BpttKind,
  config: TrainingConfig,
  params: Readonly<Record<string, Float64Array>>,
): BpttSetup {
  const { inputSize: I, hiddenSize: H, outputSize: O, steps: T } = config;
  const G = gatesOf(kind) * H;
  const need = (name: string, n: number) => requireParam(params, name, n);
  const cell = cellTensors(need, G, I, H);
  return {
    kind,
    p: kind === 'rnn' ? { ...cell, nonlinearity: 'tanh' } : cell,
    head: { W_hy: matrix(O, H, need('W_hy', O * H)), b_y: need('b_y', O) },
    X: matrix(T, I, need('x', T * I)),
    Y: matrix(T, O, need('y', T * O)),
    h0: need('h0', H),
    c0: kind === 'lstm' ? need('c0', H) : new Float64Array(H),
    eta: need('eta', 1)[0],
    clip: need('clip', 1)[0],
  };
}

function traceOf(s: BpttSetup) {
  return s.kind === 'rnn'
    ? rnnBackwardTrace(s.p as RnnParams, s.head, s.X, s.Y, s.h0)
    : lstmBackwardTrace(s.p as LstmParams, s.head, s.X, s.Y, s.h0, s.c0);
}

function sgdOf(s: BpttSetup) {
  const options = { lr: s.eta, clipNorm: s.clip };
  return s.kind === 'rnn'
    ? rnnSgdStep(s.p as RnnParams, s.head, s.X, s.Y, options, s.h0)
    : lstmSgdStep(s.p as LstmParams, s.head, s.X, s.Y, options, s.h0, s.c0);
}

/** A value (or tensor) recorded once, at step 0. */
function once(trace: Trace, name: string, v: ArrayLike<number>): void {
  trace.tensors[name] = [Float64Array.from(v)];
}

/** The sheet's trace: forward, backward, gradients, SGD step and the new forward pass. */
export function bpttSheetTrace(s: BpttSetup): Trace {
  const { trace, result } = traceOf(s);
  const step = sgdOf(s);
  const trained: RnnTrained | LstmTrained = step.params;
  const g = result.grads;
  once(trace, 'loss', [result.loss]);
  for (const k of PARAM_NAMES) {
    const grad = g[k];
    const next = trained[k];
    once(trace, `grad_${k}`, grad instanceof Float64Array ? grad : grad.data);
    once(trace, `new_${k}`, next instanceof Float64Array ? next : next.data);
  }
  once(trace, 'dh0', g.h0);
  if ('c0' in g) once(trace, 'dc0', g.c0);
  once(trace, 'grad_norm', [step.norm]);
  once(trace, 'clip_scale', [step.scale]);
  once(trace, 'loss_new', [step.newLoss]);
  once(trace, 'loss_change', [step.newLoss - result.loss]);
  const moved = traceOf({ ...s, p: { ...s.p, ...trained }, head: trained }).trace.tensors;
  for (const name of ['h', 'c', 'y_hat', 'loss_step'] as const)
    if (moved[name]) trace.tensors[`${name}_new`] = moved[name];
  return trace;
}

/**
 * The sLSTM sheet (xLSTM's scalar-memory cell, Beck et al. 2024). Each step stacks
 * [x_t ; h_{t−1} ; 1] and dots it with the weight rows [W | R | b] of the four
 * pre-activations ĩ, f̃, z̃, õ (R is block-diagonal per head: the head blocks are boxed,
 * the zeros outside them stay visible and editable). Then, every one its own formula:
 * log f (logσ(f̃) or f̃ for the exponential forget gate), the stabiliser m (m_1 = ĩ_1),
 * i′, f′, the cell c, the normaliser n and h = σ(õ) ⊙ c / n.
 */
import { initSlstm, slstmInitialState, slstmTrace, type SlstmForget, type SlstmParams } from '../core/slstm';
import { matrix } from '../core/tensor';
import type { Trace } from '../core/trace';
import { defineSpec, type SheetModel } from './define-spec';
import { dotF, logSigmoidF, sigmoidF, tanhF } from './formulas';
import { seededInput } from './inputs';
import { Block, PlanBuilder, paramFormatFor } from './layout';
import { sizeOf } from './limits';
import type { Labelled, ModelConfig, ModelSpec } from './model-spec';
import { requireParam } from './params';
import type { SheetPlan } from './plan';
import { BandCursor, TimeGrid, configRecord, operatorColumn, rowOf, writeFrame } from './sheet-frame';

const PRE = 0;
const OP = 1;
const VALUE = 2;

const LIMITS = {
  inputSize: { min: 1, max: 6 },
  hiddenSize: { min: 1, max: 8 },
  heads: { min: 1, max: 4 },
  steps: { min: 1, max: 8 },
};

type Gate = 'i' | 'f' | 'z' | 'o';
/** PyTorch-style row order of W, R and b. */
const GATES: readonly Gate[] = ['i', 'f', 'z', 'o'];
const TILDE: Record<Gate, string> = { i: 'ĩ', f: 'f̃', z: 'z̃', o: 'õ' };

const SLSTM_VARIANTS: readonly Labelled[] = [
  {
    id: 'sigmoid',
    label: { en: 'sigmoid forget gate: log f = logσ(f̃)', zh: 'sigmoid 遗忘门：log f = logσ(f̃)' },
  },
  { id: 'exp', label: { en: 'exponential forget gate: log f = f̃', zh: '指数遗忘门：log f = f̃' } },
];

function forgetOf(config: ModelConfig): SlstmForget {
  return config.variant === 'exp' ? 'exp' : 'sigmoid';
}

function build(config: ModelConfig): SheetPlan {
  const lang = config.language;
  const zh = lang === 'zh';
  const I = config.inputSize;
  const H = config.hiddenSize;
  const heads = sizeOf(config, 'heads') ?? 1;
  const hs = H / heads;
  const T = config.steps;
  const forget = forgetOf(config);
  const p = initSlstm(I, H, heads, config.seed, config.init, forget);
  const X = seededInput(T, I, config.seed, config.init);
  const b = new PlanBuilder('slstm', lang, 'sLSTM', configRecord(config), paramFormatFor(config.init, false));

  const wCol = 1;
  const grid = new TimeGrid(wCol + I + H + 3, 4, T);
  const labelCol = grid.firstCol - 1;
  const sizes: [string, number][] = [
    [zh ? '输入维度 I' : 'Input size I', I],
    [zh ? '隐藏维度 H' : 'Hidden size H', H],
    [zh ? '头数' : 'Heads', heads],
  ];
  const first = writeFrame(b, config, {
    title: { en: 'sLSTM (xLSTM, scalar memory)', zh: 'sLSTM（xLSTM 标量记忆）' },
    sizes,
    legendCol: grid.col(0),
    legend: [
      ['input', { en: 'input xₜ', zh: '输入 xₜ' }],
      ['weight', { en: 'input weights W', zh: '输入权重 W' }],
      ['recurrentWeight', { en: 'recurrent weights R (per head)', zh: '循环权重 R（按头分块）' }],
      ['bias', { en: 'biases b', zh: '偏置 b' }],
      ['state', { en: 'states h, c, n and stabiliser m', zh: '状态 h、c、n 与稳定器 m' }],
      ['gate', { en: 'gates: log f, o, i′, f′', zh: '门：log f、o、i′、f′' }],
      ['activation', { en: 'z = tanh(z̃)', zh: 'z = tanh(z̃)' }],
      ['computed', { en: 'pre-activations ĩ, f̃, z̃, õ (formulas)', zh: '预激活 ĩ、f̃、z̃、õ（公式）' }],
    ],
    variants: SLSTM_VARIANTS,
  });
  b.text(
    first - 1,
    0,
    zh
      ? '每一行权重 [W | R | b] 与该时间步的堆叠列 [x_t ; h_{t−1} ; 1] 做点积（MMULT 行 × 列）。'
      : 'Each weight row [W | R | b] is dotted with the stacked column [x_t ; h_{t−1} ; 1] of its step (MMULT row × column).',
    'note',
  );
  grid.header(b, first);

  // The stacked column of every step.
  const stackTop = first + 2;
  b.text(stackTop, labelCol, 'x_t', 'label');
  b.text(stackTop + I, labelCol, 'h_{t−1}', 'label');
  b.text(stackTop + I + H, labelCol, '1', 'label');
  const stack = (t: number) => new Block(stackTop, grid.col(t, PRE), I + H + 1, 1);
  const cursor = new BandCursor(b, wCol, stackTop + I + H + 2);

  const values = new Map<string, number>();
  const at = (band: string, t: number, r: number): string => {
    const top = values.get(band);
    if (top === undefined) throw new Error(`no ${band} band yet`);
    const col = band.startsWith('pre_') ? PRE : VALUE;
    return new Block(top, grid.col(t, col), H, 1).at(r);
  };
  const unitLabels = (top: number) => {
    for (let r = 0; r < H; r++)
      b.text(
        top + r,
        0,
        zh
          ? `单元 ${r + 1}（头 ${Math.floor(r / hs) + 1}）`
          : `unit ${r + 1} (head ${Math.floor(r / hs) + 1})`,
        'label',
      );
  };

  const gateEquation: Record<Gate, string> = {
    i: zh
      ? 'ĩ_t = W_i·x_t + R_i·h_{t−1} + b_i    （R 按头分块对角：块外为 0）'
      : 'ĩ_t = W_i·x_t + R_i·h_{t−1} + b_i    (R is block-diagonal per head: zeros outside the boxed blocks)',
    f:
      forget === 'exp'
        ? zh
          ? 'f̃_t = W_f·x_t + R_f·h_{t−1} + b_f；指数遗忘门 f = exp(f̃)，故 log f_t = f̃_t'
          : 'f̃_t = W_f·x_t + R_f·h_{t−1} + b_f; exponential forget gate f = exp(f̃), so log f_t = f̃_t'
        : zh
          ? 'f̃_t = W_f·x_t + R_f·h_{t−1} + b_f；log f_t = logσ(f̃_t) = −softplus(−f̃_t)'
          : 'f̃_t = W_f·x_t + R_f·h_{t−1} + b_f; log f_t = logσ(f̃_t) = −softplus(−f̃_t)',
    z: 'z_t = tanh(z̃_t),  z̃_t = W_z·x_t + R_z·h_{t−1} + b_z',
    o: 'o_t = σ(õ_t),  õ_t = W_o·x_t + R_o·h_{t−1} + b_o',
  };

  for (const [g, gate] of GATES.entries()) {
    const top = cursor.band(gateEquation[gate], H);
    values.set(`pre_${gate}`, top);
    if (gate !== 'i') values.set(gate === 'f' ? 'log_f' : gate, top);
    unitLabels(top);
    const W = b.param({
      top,
      left: wCol,
      rows: H,
      cols: I,
      role: 'weight',
      param: 'W',
      caption: `W_${gate}`,
      value: (r, c) => p.W.data[(g * H + r) * I + c],
      flat: (r, c) => (g * H + r) * I + c,
      index: (r, c) => [g * H + r, c],
      tensor: `W_${gate}`,
      name: `W_${gate}`,
    });
    b.param({
      top,
      left: wCol + I,
      rows: H,
      cols: H,
      role: 'recurrentWeight',
      param: 'R',
      caption: `R_${gate}`,
      value: (r, c) => p.R.data[(g * H + r) * H + c],
      flat: (r, c) => (g * H + r) * H + c,
      index: (r, c) => [g * H + r, c],
      tensor: `R_${gate}`,
      name: `R_${gate}`,
    });
    for (let k = 0; heads > 1 && k < heads; k++)
      b.box({
        top: top + k * hs,
        bottom: top + (k + 1) * hs - 1,
        left: wCol + I + k * hs,
        right: wCol + I + (k + 1) * hs - 1,
      });
    b.param({
      top,
      left: wCol + I + H,
      rows: H,
      cols: 1,
      role: 'bias',
      param: 'b',
      caption: `b_${gate}`,
      value: (r) => p.b[g * H + r],
      flat: (r) => g * H + r,
      index: (r) => [g * H + r],
      tensor: `b_${gate}`,
    });
    const weightRow = new Block(W.top, W.left, H, I + H + 1);
    for (let t = 0; t < T; t++) {
      b.text(top - 1, grid.col(t, PRE), `${TILDE[gate]}_t`, 'label');
      const pre = b.computed({
        top,
        left: grid.col(t, PRE),
        rows: H,
        cols: 1,
        role: 'computed',
        formula: (r) => dotF(rowOf(weightRow, r), stack(t).colRef()),
        trace: `pre_${gate}`,
        step: t,
        tensor: `${TILDE[gate]}_t`,
        equation: `\\tilde{${gate}}_t = W_${gate} x_t + R_${gate} h_{t-1} + b_${gate}`,
      });
      if (gate === 'i') continue;
      const [caption, op, formula, trace, role, tex] =
        gate === 'f'
          ? forget === 'exp'
            ? ([
                'log f_t',
                '=',
                (r: number) => pre.at(r),
                'log_f',
                'gate',
                '\\log f_t = \\tilde{f}_t',
              ] as const)
            : ([
                'log f_t',
                'logσ',
                (r: number) => logSigmoidF(pre.at(r)),
                'log_f',
                'gate',
                '\\log f_t = \\log\\sigma(\\tilde{f}_t)',
              ] as const)
          : gate === 'z'
            ? ([
                'z_t',
                'tanh',
                (r: number) => tanhF(pre.at(r)),
                'z',
                'activation',
                'z_t = \\tanh(\\tilde{z}_t)',
              ] as const)
            : ([
                'o_t',
                'σ',
                (r: number) => sigmoidF(pre.at(r)),
                'o',
                'gate',
                'o_t = \\sigma(\\tilde{o}_t)',
              ] as const);
      b.text(top - 1, grid.col(t, VALUE), caption, 'label');
      operatorColumn(b, top, grid.col(t, OP), H, op);
      b.computed({
        top,
        left: grid.col(t, VALUE),
        rows: H,
        cols: 1,
        role,
        formula,
        trace,
        step: t,
        tensor: caption,
        equation: tex,
      });
    }
  }

  /** A band of one value column per step, computed from earlier bands. */
  const stateBand = (
    id: string,
    equation: string,
    caption: string,
    role: 'state' | 'gate',
    tex: (t: number) => string,
    formula: (t: number, r: number) => string | undefined,
    note?: string,
  ) => {
    const top = cursor.band(equation, H);
    values.set(id, top);
    unitLabels(top);
    for (let t = 0; t < T; t++) {
      b.text(top - 1, grid.col(t, VALUE), caption, 'label');
      if (formula(t, 0) === undefined) {
        if (note) b.text(top, grid.col(t, VALUE), note, 'note');
        continue;
      }
      b.computed({
        top,
        left: grid.col(t, VALUE),
        rows: H,
        cols: 1,
        role,
        formula: (r) => formula(t, r) as string,
        trace: id,
        step: t,
        tensor: caption,
        equation: tex(t),
      });
    }
  };

  stateBand(
    'm',
    zh
      ? 'm_t = max(log f_t + m_{t−1}, ĩ_t)    （稳定器；m_1 = ĩ_1）'
      : 'm_t = max(log f_t + m_{t−1}, ĩ_t)    (the stabiliser; m_1 = ĩ_1)',
    'm_t',
    'state',
    (t) => (t === 0 ? 'm_1 = \\tilde{i}_1' : 'm_t = \\max(\\log f_t + m_{t-1},\\ \\tilde{i}_t)'),
    // Before the first step m is −∞, so the max is ĩ_1 itself.
    (t, r) =>
      t === 0 ? at('pre_i', t, r) : `MAX(${at('log_f', t, r)}+${at('m', t - 1, r)},${at('pre_i', t, r)})`,
  );
  stateBand(
    'i_stab',
    'i′_t = exp(ĩ_t − m_t)',
    'i′_t',
    'gate',
    () => "i'_t = \\exp(\\tilde{i}_t - m_t)",
    (t, r) => `EXP(${at('pre_i', t, r)}-${at('m', t, r)})`,
  );
  stateBand(
    'f_stab',
    zh
      ? 'f′_t = exp(log f_t + m_{t−1} − m_t)    （t = 1 时 f′ = 0：还没有可遗忘的记忆）'
      : 'f′_t = exp(log f_t + m_{t−1} − m_t)    (f′_1 = 0: nothing to forget yet)',
    'f′_t',
    'gate',
    () => "f'_t = \\exp(\\log f_t + m_{t-1} - m_t)",
    (t, r) => (t === 0 ? undefined : `EXP(${at('log_f', t, r)}+${at('m', t - 1, r)}-${at('m', t, r)})`),
    '0 (m₀ = −∞)',
  );
  stateBand(
    'c',
    'c_t = f′_t ⊙ c_{t−1} + i′_t ⊙ z_t',
    'c_t',
    'state',
    (t) => (t === 0 ? "c_1 = i'_1 z_1" : "c_t = f'_t c_{t-1} + i'_t z_t"),
    (t, r) =>
      (t === 0 ? '' : `${at('f_stab', t, r)}*${at('c', t - 1, r)}+`) +
      `${at('i_stab', t, r)}*${at('z', t, r)}`,
  );
  stateBand(
    'n',
    zh
      ? 'n_t = f′_t ⊙ n_{t−1} + i′_t    （归一化状态）'
      : 'n_t = f′_t ⊙ n_{t−1} + i′_t    (the normaliser state)',
    'n_t',
    'state',
    (t) => (t === 0 ? "n_1 = i'_1" : "n_t = f'_t n_{t-1} + i'_t"),
    (t, r) => (t === 0 ? '' : `${at('f_stab', t, r)}*${at('n', t - 1, r)}+`) + at('i_stab', t, r),
  );
  stateBand(
    'h',
    'h_t = o_t ⊙ c_t / n_t',
    'h_t',
    'state',
    () => 'h_t = o_t \\odot c_t / n_t',
    (t, r) => `${at('o', t, r)}*${at('c', t, r)}/${at('n', t, r)}`,
  );

  // The stacked columns, now that h's cells have addresses.
  for (let t = 0; t < T; t++) {
    const col = grid.col(t, PRE);
    b.text(stackTop - 1, col, '[x;h;1]', 'label');
    b.param({
      top: stackTop,
      left: col,
      rows: I,
      cols: 1,
      role: 'input',
      param: 'x',
      step: t,
      value: (r) => X.data[t * I + r],
      flat: (r) => t * I + r,
      tensor: 'x_t',
      index: (r) => [t, r],
    });
    if (t === 0) {
      b.param({
        top: stackTop + I,
        left: col,
        rows: H,
        cols: 1,
        role: 'state',
        param: 'h0',
        step: 0,
        value: () => 0,
        tensor: 'h_0',
      });
    } else {
      b.computed({
        top: stackTop + I,
        left: col,
        rows: H,
        cols: 1,
        role: 'state',
        formula: (r) => at('h', t - 1, r),
        trace: 'h_prev',
        step: t,
        tensor: 'h_{t−1}',
        equation: 'h_{t-1}',
      });
    }
    b.constant(stackTop + I + H, col, 1);
  }
  b.name('h_T', new Block(values.get('h') as number, grid.col(T - 1, VALUE), H, 1).range);

  b.width(0, 20);
  for (let c = wCol; c < labelCol; c++) b.width(c, 7);
  b.width(labelCol, 8);
  grid.widths(b, [OP]);
  return b.build();
}

function evaluate(config: ModelConfig, params: Readonly<Record<string, Float64Array>>): Trace {
  const I = config.inputSize;
  const H = config.hiddenSize;
  const T = config.steps;
  const p: SlstmParams = {
    inputSize: I,
    hiddenSize: H,
    numHeads: sizeOf(config, 'heads') ?? 1,
    forget: forgetOf(config),
    W: matrix(4 * H, I, requireParam(params, 'W', 4 * H * I)),
    R: matrix(4 * H, H, requireParam(params, 'R', 4 * H * H)),
    b: requireParam(params, 'b', 4 * H),
  };
  const state0 = { ...slstmInitialState(H), h: Float64Array.from(requireParam(params, 'h0', H)) };
  return slstmTrace(p, matrix(T, I, requireParam(params, 'x', T * I)), state0);
}

const model: SheetModel = {
  id: 'slstm',
  label: { en: 'sLSTM', zh: 'sLSTM 标量记忆' },
  variants: SLSTM_VARIANTS,
  limits: LIMITS,
  defaults: {
    model: 'slstm',
    language: 'en',
    inputSize: 2,
    hiddenSize: 4,
    heads: 2,
    steps: 4,
    seed: 1,
    init: 'hand',
    variant: 'sigmoid',
  },
  estimateCells: (c) =>
    c.steps * (c.inputSize + 11 * c.hiddenSize + 1) +
    4 * c.hiddenSize * (c.inputSize + c.hiddenSize + 2) +
    80,
  extraProblems: (c) => {
    const heads = sizeOf(c, 'heads') ?? 1;
    if (c.hiddenSize % heads === 0) return [];
    return [
      c.language === 'zh'
        ? `隐藏维度 ${c.hiddenSize} 必须是头数 ${heads} 的倍数`
        : `hidden size ${c.hiddenSize} must be a multiple of the number of heads (${heads})`,
    ];
  },
  build,
  evaluate,
};

export const slstmSpec: ModelSpec = defineSpec(model);

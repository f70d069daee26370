/**
 * The Mamba block (state-spaces/mamba's `Mamba` module) token by token: in_proj splits
 * each token into x and z; a causal depthwise conv1d over the last d_conv (4) x's (PyTorch's
 * cross-correlation, so w[3] multiplies the current token; before t = 1 the padding is
 * zero, so those taps are left out) plus bias, then SiLU gives u; x_proj gives δ, B, C;
 * Δ = softplus(dt_proj δ + dt_bias); the selective scan (mamba-scan-bands.ts) with the D
 * skip; y ⊙ SiLU(z); out_proj. Parameter names and layouts are mamba_ssm's, so a pasted
 * state_dict (mamba-weights.ts) fills the same cells the seeded init does.
 */
import { initMamba, mambaBlockTrace, type MambaParams } from '../core/mamba-block';
import { matrix, type Matrix } from '../core/tensor';
import type { Trace } from '../core/trace';
import { defineSpec, type SheetModel } from './define-spec';
import { dotF, siluF, softplusF } from './formulas';
import { seededInput } from './inputs';
import { Block, PlanBuilder, paramFormatFor } from './layout';
import { DISCRETIZATION_LABEL, writeScanBands } from './mamba-scan-bands';
import { dictSizeProblems, mambaBlockFromDict } from './mamba-weights';
import { READABLE_STEP, withReadableSteps } from './mamba-readable-step';
import { MAMBA_VARIANTS, methodOf } from './mamba-scan-sheet';
import type { ModelConfig, ModelSpec } from './model-spec';
import { requireParam } from './params';
import type { SheetPlan } from './plan';
import { BandCursor, TimeGrid, configRecord, operatorColumn, rowOf, writeFrame } from './sheet-frame';

/** Columns of a time block: a value, an operator, the value after it. */
const PRE = 0;
const OP = 1;
const VALUE = 2;

const LIMITS = {
  inputSize: { min: 1, max: 4 },
  hiddenSize: { min: 1, max: 8 },
  stateSize: { min: 1, max: 4 },
  steps: { min: 1, max: 8 },
};

interface Sizes {
  readonly dModel: number;
  readonly E: number;
  readonly N: number;
  readonly R: number;
  readonly K: number;
}

/** dt_rank and d_conv have no size field: they come from a pasted state_dict, capped for readability. */
const DICT_ONLY_LIMITS = { dtRank: 4, dConv: 4 };

/** The weights the sheet starts from: a pasted state_dict, else the seeded init. */
function startingParams(config: ModelConfig): MambaParams {
  if (config.stateDict) return mambaBlockFromDict(config.stateDict).params;
  const seeded = initMamba(
    { dModel: config.inputSize, dInner: config.hiddenSize, dState: config.stateSize ?? 1 },
    config.seed,
    config.init,
  );
  return config.init === 'torch' ? withReadableSteps(seeded) : seeded;
}

function stateDictProblems(config: ModelConfig): string[] {
  if (!config.stateDict) return [];
  try {
    const { params: p, dict } = mambaBlockFromDict(config.stateDict);
    return dictSizeProblems(
      dict,
      [
        {
          tensor: 'in_proj.weight',
          size: 'd_model',
          value: p.dModel,
          asked: config.inputSize,
          max: LIMITS.inputSize.max,
        },
        {
          tensor: 'in_proj.weight',
          size: 'd_inner',
          value: p.dInner,
          asked: config.hiddenSize,
          max: LIMITS.hiddenSize.max,
        },
        {
          tensor: 'A_log',
          size: 'd_state',
          value: p.dState,
          asked: config.stateSize ?? 1,
          max: LIMITS.stateSize.max,
        },
        { tensor: 'dt_proj.weight', size: 'dt_rank', value: p.dtRank, max: DICT_ONLY_LIMITS.dtRank },
        { tensor: 'conv1d.weight', size: 'd_conv', value: p.dConv, max: DICT_ONLY_LIMITS.dConv },
      ],
      config.language,
    );
  } catch (e) {
    return [`state_dict: ${(e as Error).message}`];
  }
}

function sizesOf(p: MambaParams): Sizes {
  return { dModel: p.dModel, E: p.dInner, N: p.dState, R: p.dtRank, K: p.dConv };
}

function build(config: ModelConfig): SheetPlan {
  const lang = config.language;
  const zh = lang === 'zh';
  const p = startingParams(config);
  const { dModel, E, N, R, K } = sizesOf(p);
  const T = config.steps;
  const method = methodOf(config);
  const X = seededInput(T, dModel, config.seed, config.init);
  const b = new PlanBuilder(
    'mamba-block',
    lang,
    'Mamba block',
    configRecord(config),
    paramFormatFor(config.init, !!config.stateDict),
  );

  const wCol = 1;
  const leftWidth = Math.max(dModel, K + 1, E, R + 1, 2 * N + 1);
  const grid = new TimeGrid(wCol + leftWidth + 2, Math.max(N, 3) + 1, T);
  const sizes: [string, number][] = [
    ['d_model', dModel],
    ['d_inner', E],
    [zh ? '状态维度 N' : 'State size N', N],
    ['dt_rank', R],
    ['d_conv', K],
  ];
  const row = writeFrame(b, config, {
    title: { en: 'Mamba block', zh: 'Mamba 块' },
    sizes,
    legendCol: grid.col(0),
    legend: [
      ['input', { en: 'token xₜ', zh: '词元 xₜ' }],
      [
        'weight',
        {
          en: 'weights: in_proj, conv1d, x_proj, dt_proj, D, out_proj',
          zh: '权重：in_proj、conv1d、x_proj、dt_proj、D、out_proj',
        },
      ],
      ['recurrentWeight', { en: 'A_log (how fast each state decays)', zh: 'A_log（各状态的衰减速度）' }],
      ['bias', { en: 'biases: conv1d, dt_bias', zh: '偏置：conv1d、dt_bias' }],
      ['state', { en: 'state h', zh: '状态 h' }],
      ['gate', { en: 'decay Ā = exp(ΔA), gate SiLU(z)', zh: '衰减 Ā = exp(ΔA)、门 SiLU(z)' }],
      ['activation', { en: 'u = SiLU(conv), Δ = softplus(·)', zh: 'u = SiLU(conv)、Δ = softplus(·)' }],
      ['computed', { en: 'projections, A, B̄ (formulas)', zh: '投影、A、B̄（公式）' }],
      ['output', { en: 'y and the block output', zh: 'y 与块输出' }],
    ],
    variants: MAMBA_VARIANTS,
  });
  b.text(row - 1, 0, `${zh ? '离散化' : 'Discretization'}: ${DISCRETIZATION_LABEL[method][lang]}`, 'note');
  if (config.init === 'torch' && !config.stateDict) {
    b.text(
      row - 2,
      0,
      zh
        ? `dt_bias 取使初始步长 Δ 在 ${READABLE_STEP.lo}–${READABLE_STEP.hi} 之间的值（mamba_ssm 为 0.001–0.1，几步之内看不出变化）；其余权重为 PyTorch 式初始化。`
        : `dt_bias is set so that the initial step Δ lies in ${READABLE_STEP.lo}–${READABLE_STEP.hi} (mamba_ssm starts at 0.001–0.1, too small to see over a few steps); the other weights are PyTorch-style.`,
      'note',
    );
  }
  grid.header(b, row);
  const cursor = new BandCursor(b, wCol, row + 1);
  const rowLabels = (top: number, count: number, name: string) => {
    for (let r = 0; r < count; r++) b.text(top + r, 0, `${name}[${r + 1}]`, 'label');
  };
  const captions = (top: number, pairs: readonly (readonly [number, string])[]) => {
    for (let t = 0; t < T; t++) for (const [c, text] of pairs) b.text(top - 1, grid.col(t, c), text, 'label');
  };
  /** A band whose cells are weight rows dotted with a column of the same step. */
  const projection = (
    top: number,
    weights: Block,
    rows: number,
    input: (t: number) => string,
    trace: string,
    tensor: string,
    equation: string,
    bias?: Block,
  ) => {
    for (let t = 0; t < T; t++) {
      b.computed({
        top,
        left: grid.col(t, PRE),
        rows,
        cols: 1,
        role: trace === 'out' ? 'output' : 'computed',
        formula: (r) => dotF(rowOf(weights, r), input(t)) + (bias ? `+${bias.at(r, 0, true)}` : ''),
        trace,
        step: t,
        tensor,
        equation,
      });
    }
    return (t: number) => new Block(top, grid.col(t, PRE), rows, 1);
  };

  const xTop = cursor.band(
    zh ? 'x_t：第 t 个词元（d_model 个特征）' : 'x_t: token t (d_model features)',
    dModel,
  );
  rowLabels(xTop, dModel, 'x');
  captions(xTop, [[PRE, 'x_t']]);
  const x = (t: number) => new Block(xTop, grid.col(t, PRE), dModel, 1);
  for (let t = 0; t < T; t++) {
    b.param({
      top: xTop,
      left: grid.col(t, PRE),
      rows: dModel,
      cols: 1,
      role: 'input',
      param: 'x',
      step: t,
      value: (r) => X.data[t * dModel + r],
      flat: (r) => t * dModel + r,
      tensor: 'x_t',
      index: (r) => [t, r],
    });
  }

  const inTop = cursor.band(
    zh
      ? 'x_in = in_proj[前 d_inner 行] · x_t（无偏置）'
      : 'x_in = in_proj[first d_inner rows] · x_t (no bias)',
    E,
  );
  rowLabels(inTop, E, 'x_in');
  captions(inTop, [[PRE, 'x_in']]);
  const inX = b.param({
    top: inTop,
    left: wCol,
    rows: E,
    cols: dModel,
    role: 'weight',
    param: 'in_proj',
    caption: 'in_proj (x)',
    value: (r, c) => p.in_proj.data[r * dModel + c],
    name: 'in_proj_x',
  });
  const xIn = projection(inTop, inX, E, (t) => x(t).colRef(), 'x_in', 'x_in', 'x_{in} = W_{in,x}\\, x_t');

  const zTop = cursor.band(
    zh
      ? 'z = in_proj[后 d_inner 行] · x_t（门控分支）'
      : 'z = in_proj[last d_inner rows] · x_t (the gate branch)',
    E,
  );
  rowLabels(zTop, E, 'z');
  captions(zTop, [[PRE, 'z_t']]);
  const inZ = b.param({
    top: zTop,
    left: wCol,
    rows: E,
    cols: dModel,
    role: 'weight',
    param: 'in_proj',
    caption: 'in_proj (z)',
    value: (r, c) => p.in_proj.data[(E + r) * dModel + c],
    flat: (r, c) => (E + r) * dModel + c,
    index: (r, c) => [E + r, c],
    name: 'in_proj_z',
  });
  const z = projection(zTop, inZ, E, (t) => x(t).colRef(), 'z', 'z_t', 'z_t = W_{in,z}\\, x_t');

  const taps = Array.from({ length: K }, (_, k) =>
    k === K - 1 ? `w[${k}]⊙x_in_t` : `w[${k}]⊙x_in_{t−${K - 1 - k}}`,
  ).reverse();
  const convTop = cursor.band(
    zh
      ? `conv_t = b + ${taps.join(' + ')}（因果，t = 1 之前补零）；u_t = SiLU(conv_t) = conv·σ(conv)`
      : `conv_t = b + ${taps.join(' + ')} (causal, zero padding before t = 1); u_t = SiLU(conv_t) = conv·σ(conv)`,
    E,
  );
  rowLabels(convTop, E, zh ? '通道' : 'ch');
  captions(convTop, [
    [PRE, 'conv_t'],
    [VALUE, 'u_t'],
  ]);
  const convW = b.param({
    top: convTop,
    left: wCol,
    rows: E,
    cols: K,
    role: 'weight',
    param: 'conv_w',
    caption: `conv1d w[0…${K - 1}]`,
    value: (r, c) => p.conv_w.data[r * K + c],
    name: 'conv_w',
  });
  const convB = b.param({
    top: convTop,
    left: wCol + K,
    rows: E,
    cols: 1,
    role: 'bias',
    param: 'conv_b',
    caption: 'b',
    value: (r) => p.conv_b[r],
  });
  const u = (t: number) => new Block(convTop, grid.col(t, VALUE), E, 1);
  for (let t = 0; t < T; t++) {
    const conv = b.computed({
      top: convTop,
      left: grid.col(t, PRE),
      rows: E,
      cols: 1,
      role: 'computed',
      formula: (c) => {
        // Tap k reads the token K−1−k steps back; taps before the first token read zeros.
        const terms = [convB.at(c, 0, true)];
        for (let k = K - 1; k >= 0; k--) {
          const s = t - (K - 1 - k);
          if (s >= 0) terms.push(`${convW.at(c, k, true)}*${xIn(s).at(c)}`);
        }
        return terms.join('+');
      },
      trace: 'conv',
      step: t,
      tensor: 'conv_t',
      equation: `\\mathrm{conv}_t = b + \\sum_{k} w_k\\, x_{in,\\,t-${K - 1}+k}`,
    });
    operatorColumn(b, convTop, grid.col(t, OP), E, 'SiLU');
    b.computed({
      top: convTop,
      left: grid.col(t, VALUE),
      rows: E,
      cols: 1,
      role: 'activation',
      formula: (c) => siluF(conv.at(c)),
      trace: 'u',
      step: t,
      tensor: 'u_t',
      equation: 'u_t = \\operatorname{SiLU}(\\mathrm{conv}_t)',
    });
  }

  const xProj = (top: number, from: number, rows: number, caption: string, name: string) =>
    b.param({
      top,
      left: wCol,
      rows,
      cols: E,
      role: 'weight',
      param: 'x_proj',
      caption,
      value: (r, c) => p.x_proj.data[(from + r) * E + c],
      flat: (r, c) => (from + r) * E + c,
      index: (r, c) => [from + r, c],
      name,
    });
  const dtTop = cursor.band(
    zh ? 'δ_t = x_proj[δ 行] · u_t（dt_rank 个值）' : 'δ_t = x_proj[δ rows] · u_t (dt_rank values)',
    R,
  );
  rowLabels(dtTop, R, 'δ');
  captions(dtTop, [[PRE, 'δ_t']]);
  const dtLow = projection(
    dtTop,
    xProj(dtTop, 0, R, 'x_proj (δ)', 'x_proj_dt'),
    R,
    (t) => u(t).colRef(),
    'dt_low',
    'δ_t',
    '\\delta_t = W_{x,\\delta}\\, u_t',
  );

  const bTop = cursor.band(
    zh ? 'B_t = x_proj[B 行] · u_t（所有通道共用）' : 'B_t = x_proj[B rows] · u_t (shared by all channels)',
    N,
  );
  rowLabels(bTop, N, 'B');
  captions(bTop, [[PRE, 'B_t']]);
  const Bt = projection(
    bTop,
    xProj(bTop, R, N, 'x_proj (B)', 'x_proj_B'),
    N,
    (t) => u(t).colRef(),
    'B',
    'B_t',
    'B_t = W_{x,B}\\, u_t',
  );

  const cTop = cursor.band(
    zh ? 'C_t = x_proj[C 行] · u_t（所有通道共用）' : 'C_t = x_proj[C rows] · u_t (shared by all channels)',
    N,
  );
  rowLabels(cTop, N, 'C');
  captions(cTop, [[PRE, 'C_t']]);
  const Ct = projection(
    cTop,
    xProj(cTop, R + N, N, 'x_proj (C)', 'x_proj_C'),
    N,
    (t) => u(t).colRef(),
    'C',
    'C_t',
    'C_t = W_{x,C}\\, u_t',
  );

  const deltaTop = cursor.band(
    zh
      ? 'Δ_t = softplus(dt_proj · δ_t + dt_bias) = max(·,0) + ln(1 + e^{−|·|})，每个通道一个步长'
      : 'Δ_t = softplus(dt_proj · δ_t + dt_bias) = max(·,0) + ln(1 + e^{−|·|}), one step size per channel',
    E,
  );
  rowLabels(deltaTop, E, zh ? '通道' : 'ch');
  captions(deltaTop, [
    [PRE, 'dt_pre'],
    [VALUE, 'Δ_t'],
  ]);
  const dtW = b.param({
    top: deltaTop,
    left: wCol,
    rows: E,
    cols: R,
    role: 'weight',
    param: 'dt_proj_w',
    caption: 'dt_proj',
    value: (r, c) => p.dt_proj_w.data[r * R + c],
    name: 'dt_proj',
  });
  const dtB = b.param({
    top: deltaTop,
    left: wCol + R,
    rows: E,
    cols: 1,
    role: 'bias',
    param: 'dt_proj_b',
    caption: 'dt_bias',
    value: (r) => p.dt_proj_b[r],
  });
  const dtPre = projection(
    deltaTop,
    dtW,
    E,
    (t) => dtLow(t).colRef(),
    'dt_pre',
    'dt_pre',
    '\\tilde{\\Delta}_t = W_{dt}\\, \\delta_t + b_{dt}',
    dtB,
  );
  const delta = (t: number) => new Block(deltaTop, grid.col(t, VALUE), E, 1);
  for (let t = 0; t < T; t++) {
    operatorColumn(b, deltaTop, grid.col(t, OP), E, 'softplus');
    b.computed({
      top: deltaTop,
      left: grid.col(t, VALUE),
      rows: E,
      cols: 1,
      role: 'activation',
      formula: (c) => softplusF(dtPre(t).at(c)),
      trace: 'delta',
      step: t,
      tensor: 'Δ_t',
      equation: '\\Delta_t = \\operatorname{softplus}(\\tilde{\\Delta}_t)',
    });
  }

  const scan = writeScanBands(
    b,
    cursor,
    grid,
    wCol,
    {
      channels: E,
      N,
      method,
      u: (t, d) => u(t).at(d),
      delta: (t, d) => delta(t).at(d),
      B: (t, n) => Bt(t).at(n),
      Ccol: (t) => Ct(t).colRef(),
      aLog: (d, n) => p.A_log.data[d * N + n],
      skip: (d) => p.D[d],
    },
    lang,
  );

  const gTop = cursor.band(zh ? 'y_gated = y_t ⊙ SiLU(z_t)' : 'y_gated = y_t ⊙ SiLU(z_t)', E);
  rowLabels(gTop, E, zh ? '通道' : 'ch');
  captions(gTop, [
    [PRE, 'SiLU(z)'],
    [VALUE, 'y_gated'],
  ]);
  const yGated = (t: number) => new Block(gTop, grid.col(t, VALUE), E, 1);
  for (let t = 0; t < T; t++) {
    const gate = b.computed({
      top: gTop,
      left: grid.col(t, PRE),
      rows: E,
      cols: 1,
      role: 'gate',
      formula: (c) => siluF(z(t).at(c)),
      trace: 'gate',
      step: t,
      tensor: 'SiLU(z_t)',
      equation: 'g_t = \\operatorname{SiLU}(z_t)',
    });
    operatorColumn(b, gTop, grid.col(t, OP), E, '⊙');
    b.computed({
      top: gTop,
      left: grid.col(t, VALUE),
      rows: E,
      cols: 1,
      role: 'computed',
      formula: (c) => `${scan.y(t).at(c)}*${gate.at(c)}`,
      trace: 'y_gated',
      step: t,
      tensor: 'y_t ⊙ SiLU(z_t)',
      equation: 'y_t \\odot \\operatorname{SiLU}(z_t)',
    });
  }

  const outTop = cursor.band(
    zh ? 'out_t = out_proj · (y_t ⊙ SiLU(z_t))（无偏置）' : 'out_t = out_proj · (y_t ⊙ SiLU(z_t)) (no bias)',
    dModel,
  );
  rowLabels(outTop, dModel, 'out');
  captions(outTop, [[PRE, 'out_t']]);
  const outW = b.param({
    top: outTop,
    left: wCol,
    rows: dModel,
    cols: E,
    role: 'weight',
    param: 'out_proj',
    caption: 'out_proj',
    value: (r, c) => p.out_proj.data[r * E + c],
    name: 'out_proj',
  });
  const out = projection(
    outTop,
    outW,
    dModel,
    (t) => yGated(t).colRef(),
    'out',
    'out_t',
    '\\mathrm{out}_t = W_{out} (y_t \\odot \\operatorname{SiLU}(z_t))',
  );
  b.name('out_T', out(T - 1).range);

  b.width(0, 14);
  for (let c = wCol; c < grid.firstCol - 1; c++) b.width(c, 8);
  b.width(grid.firstCol - 1, 6);
  grid.widths(b, [OP]);
  return b.build();
}

/**
 * dt_rank and d_conv have no config field (a pasted state_dict sets them), so they are
 * read off the sheet: the dt_proj and conv1d blocks have E rows of R and K cells.
 */
function sheetSizes(config: ModelConfig, params: Readonly<Record<string, Float64Array>>): Sizes {
  const E = config.hiddenSize;
  const perRow = (name: string) => Math.max(1, Math.round((params[name]?.length ?? 0) / E));
  return {
    dModel: config.inputSize,
    E,
    N: config.stateSize ?? 1,
    R: perRow('dt_proj_w'),
    K: perRow('conv_w'),
  };
}

function paramsFromSheet(config: ModelConfig, params: Readonly<Record<string, Float64Array>>): MambaParams {
  const { dModel, E, N, R, K } = sheetSizes(config, params);
  const m = (name: string, rows: number, cols: number): Matrix =>
    matrix(rows, cols, requireParam(params, name, rows * cols));
  return {
    dModel,
    dInner: E,
    dState: N,
    dtRank: R,
    dConv: K,
    in_proj: m('in_proj', 2 * E, dModel),
    conv_w: m('conv_w', E, K),
    conv_b: requireParam(params, 'conv_b', E),
    x_proj: m('x_proj', R + 2 * N, E),
    dt_proj_w: m('dt_proj_w', E, R),
    dt_proj_b: requireParam(params, 'dt_proj_b', E),
    A_log: m('A_log', E, N),
    D: requireParam(params, 'D', E),
    out_proj: m('out_proj', dModel, E),
  };
}

function evaluate(config: ModelConfig, params: Readonly<Record<string, Float64Array>>): Trace {
  const p = paramsFromSheet(config, params);
  const X = matrix(config.steps, p.dModel, requireParam(params, 'x', config.steps * p.dModel));
  const trace = mambaBlockTrace(p, X, methodOf(config));
  // A = −exp(A_log) is shown once beside A_log, as step 0.
  const A = p.A_log.data.map((v) => -Math.exp(v));
  return {
    ...trace,
    tensors: { ...trace.tensors, A: [A] },
    shapes: { ...trace.shapes, A: [p.dInner, p.dState] },
  };
}

const model: SheetModel = {
  id: 'mamba-block',
  label: { en: 'Mamba block', zh: 'Mamba 块' },
  variants: MAMBA_VARIANTS,
  limits: LIMITS,
  // PyTorch-style init (hand-style integers through two projections and a scan grow past what reads well);
  // seed 7 gives B_t and h_t entries that show at three decimals once Δ is readable (mamba-readable-step.ts).
  defaults: {
    model: 'mamba-block',
    language: 'en',
    inputSize: 2,
    hiddenSize: 4,
    stateSize: 2,
    steps: 4,
    seed: 7,
    init: 'torch',
    variant: 'zoh',
  },
  estimateCells: (c) => {
    const E = c.hiddenSize;
    const N = c.stateSize ?? 1;
    const d = c.inputSize;
    return c.steps * (2 * d + 8 * E + 2 * N + 1 + 3 * E * N) + E * (2 * d + 6 + 2 * N) + d * E + 100;
  },
  stateDictProblems,
  build,
  evaluate,
};

export const mambaBlockSpec: ModelSpec = defineSpec(model);

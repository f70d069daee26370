/**
 * The mLSTM sheet (xLSTM's matrix-memory cell, Beck et al. 2024), one head of size d.
 * q, k, v, the output gate and the scalar gates are projected from the input x_t on the
 * sheet itself (the layer of core/mlstm.ts: q = W_q x, k = W_k x, v = W_v x,
 * õ = W_o x + b_o, ĩ = w_i·x + b_i, f̃ = w_f·x + b_f), so a learner edits x and watches it
 * reach the memory. The recurrent form follows, step by step: k/√d, log f, m, i′, f′,
 * the d × d memory C, the normaliser n, Cq, nᵀq, max(|nᵀq|, exp(−m)) and h.
 * Below it the parallel form computes the same h from T × T matrices (cumulative log
 * forget, log D, row max, D̃, QKᵀ/√d, S, normaliser), as mlstmParallelTrace does; its
 * trace names carry the prefix 'par.'.
 */
import { initMlstm, mlstmParallelTrace, mlstmProject, mlstmTrace, type MlstmParams } from '../core/mlstm';
import { matrix } from '../core/tensor';
import type { Trace } from '../core/trace';
import { defineSpec, type SheetModel } from './define-spec';
import { dotF, logSigmoidF, sigmoidF } from './formulas';
import { seededInput } from './inputs';
import { Block, PlanBuilder, paramFormatFor } from './layout';
import type { Labelled, ModelConfig, ModelSpec } from './model-spec';
import { requireParam } from './params';
import { rangeA1, type CellRole, type SheetPlan } from './plan';
import { BandCursor, TimeGrid, configRecord, operatorColumn, rowOf, writeFrame } from './sheet-frame';

const PRE = 0;
const OP = 1;
const VALUE = 2;
/** Trace names of the parallel section start with this. */
export const PARALLEL_PREFIX = 'par.';

const MLSTM_VARIANTS: readonly Labelled[] = [
  { id: 'standard', label: { en: 'one head, recurrent and parallel forms', zh: '单头，循环形式与并行形式' } },
];

const LIMITS = {
  inputSize: { min: 1, max: 4 },
  hiddenSize: { min: 1, max: 4 },
  steps: { min: 1, max: 6 },
};

function build(config: ModelConfig): SheetPlan {
  const lang = config.language;
  const zh = lang === 'zh';
  const I = config.inputSize;
  const d = config.hiddenSize;
  const T = config.steps;
  const p = initMlstm(I, d, config.seed, config.init);
  const X = seededInput(T, I, config.seed, config.init);
  const b = new PlanBuilder('mlstm', lang, 'mLSTM', configRecord(config), paramFormatFor(config.init, false));

  const wCol = 1;
  const grid = new TimeGrid(wCol + I + 3, Math.max(d, 3) + 1, T);
  const labelCol = grid.firstCol - 1;
  const sizes: [string, number][] = [
    [zh ? '输入维度 I' : 'Input size I', I],
    [zh ? '头维度 d' : 'Head size d', d],
  ];
  const first = writeFrame(b, config, {
    title: { en: 'mLSTM (xLSTM, matrix memory)', zh: 'mLSTM（xLSTM 矩阵记忆）' },
    sizes,
    legendCol: grid.col(0),
    legend: [
      ['input', { en: 'input xₜ', zh: '输入 xₜ' }],
      [
        'weight',
        {
          en: 'projection weights W_q, W_k, W_v, W_o, w_i, w_f',
          zh: '投影权重 W_q、W_k、W_v、W_o、w_i、w_f',
        },
      ],
      ['bias', { en: 'biases', zh: '偏置' }],
      ['state', { en: 'memory C, normaliser n, stabiliser m', zh: '记忆 C、归一化 n、稳定器 m' }],
      ['gate', { en: 'gates: o, log f, i′, f′, D̃', zh: '门：o、log f、i′、f′、D̃' }],
      ['computed', { en: 'intermediate values (formulas)', zh: '中间值（公式）' }],
      ['copy', { en: 'copies: rows of Q, K, V = qₜ, kₜ, vₜ', zh: '副本：Q、K、V 的行 = qₜ、kₜ、vₜ' }],
      ['output', { en: 'output h', zh: '输出 h' }],
    ],
    variants: MLSTM_VARIANTS,
  });
  b.text(
    first - 1,
    0,
    zh
      ? '投影行与该时间步的列 [x_t ; 1] 做点积（MMULT 行 × 列）。'
      : 'Projection rows are dotted with the column [x_t ; 1] of their step (MMULT row × column).',
    'note',
  );
  grid.header(b, first);

  const stackTop = first + 2;
  b.text(stackTop, labelCol, 'x_t', 'label');
  b.text(stackTop + I, labelCol, '1', 'label');
  const xCol = (t: number) => new Block(stackTop, grid.col(t, PRE), I, 1).colRef();
  const x1Col = (t: number) => new Block(stackTop, grid.col(t, PRE), I + 1, 1).colRef();
  for (let t = 0; t < T; t++) {
    b.text(stackTop - 1, grid.col(t, PRE), '[x;1]', 'label');
    b.param({
      top: stackTop,
      left: grid.col(t, PRE),
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
    b.constant(stackTop + I, grid.col(t, PRE), 1);
  }
  const cursor = new BandCursor(b, wCol, stackTop + I + 2);
  const labels = (top: number, rows: number, name: string) => {
    for (let r = 0; r < rows; r++) b.text(top + r, 0, rows === 1 ? name : `${name}[${r + 1}]`, 'label');
  };
  const captions = (top: number, pairs: readonly (readonly [number, string])[]) => {
    for (let t = 0; t < T; t++) for (const [c, text] of pairs) b.text(top - 1, grid.col(t, c), text, 'label');
  };
  /** Values of one step: `rows` × `cols` at column `col` of the time block. */
  const cells =
    (top: number, rows: number, col = PRE, cols = 1) =>
    (t: number) =>
      new Block(top, grid.col(t, col), rows, cols);
  const perStep = (
    top: number,
    rows: number,
    col: number,
    role: CellRole,
    trace: string,
    tensor: string,
    equation: (t: number) => string,
    formula: (t: number, r: number, c: number) => string,
    cols = 1,
  ) => {
    for (let t = 0; t < T; t++)
      b.computed({
        top,
        left: grid.col(t, col),
        rows,
        cols,
        role,
        formula: (r, c) => formula(t, r, c),
        trace,
        step: t,
        tensor,
        equation: equation(t),
      });
    return cells(top, rows, col, cols);
  };

  // Projections: q, k, v (no bias), then õ, ĩ, f̃ with their biases.
  const projection = (name: 'q' | 'k' | 'v', weights: 'W_q' | 'W_k' | 'W_v', text: string) => {
    const top = cursor.band(text, d);
    labels(top, d, name);
    captions(top, [[PRE, `${name}_t`]]);
    const W = b.param({
      top,
      left: wCol,
      rows: d,
      cols: I,
      role: 'weight',
      param: weights,
      caption: weights,
      value: (r, c) => p[weights].data[r * I + c],
      name: weights,
    });
    return {
      top,
      values: perStep(
        top,
        d,
        PRE,
        'computed',
        name,
        `${name}_t`,
        () => `${name}_t = W_${name} x_t`,
        (t, r) => dotF(rowOf(W, r), xCol(t)),
      ),
    };
  };
  const q = projection('q', 'W_q', zh ? 'q_t = W_q · x_t（查询）' : 'q_t = W_q · x_t (query)').values;
  const kBand = projection(
    'k',
    'W_k',
    zh ? 'k_t = W_k · x_t，再缩放 k_t / √d（键）' : 'k_t = W_k · x_t, then scaled k_t / √d (key)',
  );
  captions(kBand.top, [[VALUE, 'k_t/√d']]);
  for (let t = 0; t < T; t++) operatorColumn(b, kBand.top, grid.col(t, OP), d, '/√d');
  const kScaled = perStep(
    kBand.top,
    d,
    VALUE,
    'computed',
    'k_scaled',
    'k_t/√d',
    () => 'k_t / \\sqrt{d}',
    (t, r) => `${kBand.values(t).at(r)}/SQRT(${d})`,
  );
  const v = projection('v', 'W_v', zh ? 'v_t = W_v · x_t（值）' : 'v_t = W_v · x_t (value)').values;

  const oTop = cursor.band(
    zh
      ? 'o_t = σ(õ_t)，õ_t = W_o · x_t + b_o（输出门）'
      : 'o_t = σ(õ_t), õ_t = W_o · x_t + b_o (output gate)',
    d,
  );
  labels(oTop, d, 'o');
  captions(oTop, [
    [PRE, 'õ_t'],
    [VALUE, 'o_t'],
  ]);
  const Wo = b.param({
    top: oTop,
    left: wCol,
    rows: d,
    cols: I,
    role: 'weight',
    param: 'W_o',
    caption: 'W_o',
    value: (r, c) => p.W_o.data[r * I + c],
    name: 'W_o',
  });
  b.param({
    top: oTop,
    left: wCol + I,
    rows: d,
    cols: 1,
    role: 'bias',
    param: 'b_o',
    caption: 'b_o',
    value: (r) => p.b_o[r],
  });
  const oPre = perStep(
    oTop,
    d,
    PRE,
    'computed',
    'o_pre',
    'õ_t',
    () => '\\tilde{o}_t = W_o x_t + b_o',
    (t, r) => dotF(rowOf(new Block(Wo.top, Wo.left, d, I + 1), r), x1Col(t)),
  );
  for (let t = 0; t < T; t++) operatorColumn(b, oTop, grid.col(t, OP), d, 'σ');
  const o = perStep(
    oTop,
    d,
    VALUE,
    'gate',
    'o',
    'o_t',
    () => 'o_t = \\sigma(\\tilde{o}_t)',
    (t, r) => sigmoidF(oPre(t).at(r)),
  );

  const scalarGate = (gate: 'i' | 'f', text: string) => {
    const top = cursor.band(text, 1);
    labels(top, 1, gate === 'i' ? 'ĩ' : 'f̃');
    const w = b.param({
      top,
      left: wCol,
      rows: 1,
      cols: I,
      role: 'weight',
      param: `w_${gate}`,
      caption: `w_${gate}`,
      value: (_r, c) => p[`w_${gate}`][c],
      flat: (_r, c) => c,
      index: (_r, c) => [c],
      name: `w_${gate}`,
    });
    b.param({
      top,
      left: wCol + I,
      rows: 1,
      cols: 1,
      role: 'bias',
      param: `b_${gate}`,
      caption: `b_${gate}`,
      value: () => p[`b_${gate}`],
    });
    const tilde = gate === 'i' ? 'ĩ' : 'f̃';
    captions(top, [[PRE, `${tilde}_t`]]);
    return {
      top,
      values: perStep(
        top,
        1,
        PRE,
        'computed',
        `${gate}_pre`,
        `${tilde}_t`,
        () => `\\tilde{${gate}}_t = w_${gate} \\cdot x_t + b_${gate}`,
        (t) => dotF(new Block(w.top, w.left, 1, I + 1).ref(true), x1Col(t)),
      ),
    };
  };
  const iPre = scalarGate(
    'i',
    zh
      ? 'ĩ_t = w_i · x_t + b_i（输入门预激活，指数门）'
      : 'ĩ_t = w_i · x_t + b_i (input gate pre-activation, exponential gate)',
  ).values;
  const fBand = scalarGate(
    'f',
    zh
      ? 'f̃_t = w_f · x_t + b_f；log f_t = logσ(f̃_t) = −softplus(−f̃_t)'
      : 'f̃_t = w_f · x_t + b_f; log f_t = logσ(f̃_t) = −softplus(−f̃_t)',
  );
  captions(fBand.top, [[VALUE, 'log f_t']]);
  for (let t = 0; t < T; t++) b.operator(fBand.top, grid.col(t, OP), 'logσ');
  const logF = perStep(
    fBand.top,
    1,
    VALUE,
    'gate',
    'log_f',
    'log f_t',
    () => '\\log f_t = \\log\\sigma(\\tilde{f}_t)',
    (t) => logSigmoidF(fBand.values(t).at(0)),
  );

  const mTop = cursor.band(
    zh
      ? 'm_t = max(log f_t + m_{t−1}, ĩ_t)（稳定器，m_0 = 0）；i′_t = exp(ĩ_t − m_t)；f′_t = exp(log f_t + m_{t−1} − m_t)'
      : 'm_t = max(log f_t + m_{t−1}, ĩ_t) (stabiliser, m_0 = 0); i′_t = exp(ĩ_t − m_t); f′_t = exp(log f_t + m_{t−1} − m_t)',
    1,
  );
  labels(mTop, 1, 'm, i′, f′');
  captions(mTop, [
    [PRE, 'm_t'],
    [OP, 'i′_t'],
    [VALUE, 'f′_t'],
  ]);
  // m_0 = 0, so at t = 1 the previous stabiliser simply drops out of both formulas.
  const mPrev = (t: number) => (t === 0 ? '' : `+${new Block(mTop, grid.col(t - 1, PRE), 1, 1).at(0)}`);
  const m = perStep(
    mTop,
    1,
    PRE,
    'state',
    'm',
    'm_t',
    (t) =>
      t === 0
        ? 'm_1 = \\max(\\log f_1 + m_0,\\ \\tilde{i}_1),\\ m_0 = 0'
        : 'm_t = \\max(\\log f_t + m_{t-1},\\ \\tilde{i}_t)',
    (t) => `MAX(${logF(t).at(0)}${mPrev(t)},${iPre(t).at(0)})`,
  );
  const iStab = perStep(
    mTop,
    1,
    OP,
    'gate',
    'i_stab',
    'i′_t',
    () => "i'_t = \\exp(\\tilde{i}_t - m_t)",
    (t) => `EXP(${iPre(t).at(0)}-${m(t).at(0)})`,
  );
  const fStab = perStep(
    mTop,
    1,
    VALUE,
    'gate',
    'f_stab',
    'f′_t',
    () => "f'_t = \\exp(\\log f_t + m_{t-1} - m_t)",
    (t) => `EXP(${logF(t).at(0)}${mPrev(t)}-${m(t).at(0)})`,
  );

  const cTop = cursor.band(
    zh
      ? 'C_t = f′_t · C_{t−1} + i′_t · v_t k_tᵀ（d × d 矩阵记忆，k 已缩放；C_0 = 0）'
      : 'C_t = f′_t · C_{t−1} + i′_t · v_t k_tᵀ (d × d matrix memory, k scaled; C_0 = 0)',
    d,
  );
  labels(cTop, d, 'C');
  captions(cTop, [[PRE, 'C_t']]);
  const C = cells(cTop, d, PRE, d);
  perStep(
    cTop,
    d,
    PRE,
    'state',
    'C',
    'C_t',
    (t) => (t === 0 ? "C_1 = i'_1 v_1 k_1^\\top" : "C_t = f'_t C_{t-1} + i'_t v_t k_t^\\top"),
    (t, a, j) =>
      (t === 0 ? '' : `${fStab(t).at(0)}*${C(t - 1).at(a, j)}+`) +
      `${iStab(t).at(0)}*${v(t).at(a)}*${kScaled(t).at(j)}`,
    d,
  );

  const nTop = cursor.band(
    zh
      ? 'n_t = f′_t · n_{t−1} + i′_t · k_t（归一化向量，与 C 的列对齐；n_0 = 0）'
      : 'n_t = f′_t · n_{t−1} + i′_t · k_t (normaliser, aligned with the columns of C; n_0 = 0)',
    1,
  );
  labels(nTop, 1, 'nᵀ');
  captions(nTop, [[PRE, 'n_tᵀ']]);
  const n = cells(nTop, 1, PRE, d);
  perStep(
    nTop,
    1,
    PRE,
    'state',
    'n',
    'n_t',
    (t) => (t === 0 ? "n_1 = i'_1 k_1" : "n_t = f'_t n_{t-1} + i'_t k_t"),
    (t, _r, j) =>
      (t === 0 ? '' : `${fStab(t).at(0)}*${n(t - 1).at(0, j)}+`) + `${iStab(t).at(0)}*${kScaled(t).at(j)}`,
    d,
  );

  const readTop = cursor.band(zh ? 'C_t q_t（每行 C 点乘 q）' : 'C_t q_t (each row of C dotted with q)', d);
  labels(readTop, d, 'Cq');
  captions(readTop, [[PRE, 'C_t q_t']]);
  const Cq = perStep(
    readTop,
    d,
    PRE,
    'computed',
    'Cq',
    'C_t q_t',
    () => 'C_t q_t',
    (t, a) => dotF(C(t).rowRef(a), q(t).colRef()),
  );

  const denTop = cursor.band(
    zh
      ? 'n_tᵀ q_t 与分母 max(|n_tᵀ q_t|, exp(−m_t))'
      : 'n_tᵀ q_t and the denominator max(|n_tᵀ q_t|, exp(−m_t))',
    1,
  );
  labels(denTop, 1, zh ? '分母' : 'denominator');
  captions(denTop, [
    [PRE, 'n_tᵀq_t'],
    // Short: the caption sits in one value column with the next step's caption close behind.
    [VALUE, zh ? '分母' : 'denom_t'],
  ]);
  const nq = perStep(
    denTop,
    1,
    PRE,
    'computed',
    'nq',
    'n_tᵀ q_t',
    () => 'n_t^\\top q_t',
    (t) => dotF(n(t).ref(), q(t).colRef()),
  );
  for (let t = 0; t < T; t++) b.operator(denTop, grid.col(t, OP), '→');
  const denom = perStep(
    denTop,
    1,
    VALUE,
    'computed',
    'denom',
    'max(|nᵀq|, exp(−m))',
    () => '\\max(|n_t^\\top q_t|,\\ e^{-m_t})',
    (t) => `MAX(ABS(${nq(t).at(0)}),EXP(-${m(t).at(0)}))`,
  );

  const hTop = cursor.band(
    zh
      ? 'h_t = o_t ⊙ C_t q_t / max(|n_tᵀ q_t|, exp(−m_t))'
      : 'h_t = o_t ⊙ C_t q_t / max(|n_tᵀ q_t|, exp(−m_t))',
    d,
  );
  labels(hTop, d, 'h');
  captions(hTop, [[PRE, 'h_t']]);
  const h = perStep(
    hTop,
    d,
    PRE,
    'output',
    'h',
    'h_t',
    () => 'h_t = o_t \\odot \\frac{C_t q_t}{\\max(|n_t^\\top q_t|, e^{-m_t})}',
    (t, a) => `${o(t).at(a)}*${Cq(t).at(a)}/${denom(t).at(0, 0, true)}`,
  );
  b.name('h_T', h(T - 1).range);

  writeParallel(b, cursor, { T, d, lang, q, k: kBand.values, v, iPre, fPre: fBand.values, o });

  b.width(0, 16);
  for (let c = wCol; c < labelCol; c++) b.width(c, 7);
  b.width(labelCol, 7);
  grid.widths(b);
  return b.build();
}

interface RecurrentCells {
  readonly T: number;
  readonly d: number;
  readonly lang: 'en' | 'zh';
  q(t: number): Block;
  k(t: number): Block;
  v(t: number): Block;
  iPre(t: number): Block;
  fPre(t: number): Block;
  o(t: number): Block;
}

/**
 * The parallel form below the recurrent one. Rows are time steps t, columns the steps s
 * they remember; above the diagonal nothing is remembered yet (log D = −∞, D̃ = S = 0),
 * written as text so no formula divides by or exponentiates an infinity.
 */
function writeParallel(b: PlanBuilder, cursor: BandCursor, r: RecurrentCells): void {
  const { T, d, lang } = r;
  const zh = lang === 'zh';
  const P = PARALLEL_PREFIX;
  const col0 = 1;
  cursor.row += 1;
  cursor.heading(
    zh
      ? '并行形式：同样的 h，由 T × T 矩阵一次算出（GPU 训练时的算法）'
      : 'Parallel form: the same h from T × T matrices at once (how it trains on a GPU)',
  );
  /** One 1 × cols block per time step t (its cells belong to step t), stacked as a T-row matrix. */
  const rowsOf = (
    top: number,
    left: number,
    cols: number,
    caption: string,
    role: CellRole,
    trace: string,
    tensor: string,
    equation: string,
    formula: (t: number, c: number) => string | undefined,
    blank = '',
  ) => {
    b.text(top - 1, left, caption, 'label');
    for (let t = 0; t < T; t++) {
      for (let c = 0; c < cols; c++) {
        const f = formula(t, c);
        if (f === undefined) {
          b.text(top + t, left + c, blank, 'note');
          continue;
        }
        b.computed({
          top: top + t,
          left: left + c,
          rows: 1,
          cols: 1,
          role,
          formula: () => f,
          trace,
          step: t,
          flat: () => c,
          tensor,
          equation,
          box: false,
        });
      }
    }
    const block = new Block(top, left, T, cols);
    b.box(block.range);
    return block;
  };
  const stepLabels = (top: number) => {
    for (let t = 0; t < T; t++) b.text(top + t, 0, `t = ${t + 1}`, 'label');
  };

  const qkvTop = cursor.band(
    zh
      ? 'Q、K、V：上面各步的 q_t、k_t、v_t，每步一行'
      : 'Q, K, V: the q_t, k_t, v_t of the steps above, one row per step',
    T,
  );
  stepLabels(qkvTop);
  const Q = rowsOf(qkvTop, col0, d, 'Q', 'copy', 'q', 'q_t', 'Q_{t,\\cdot} = q_t', (t, c) => r.q(t).at(c));
  const K = rowsOf(qkvTop, col0 + d + 1, d, 'K', 'copy', 'k', 'k_t', 'K_{t,\\cdot} = k_t', (t, c) =>
    r.k(t).at(c),
  );
  const V = rowsOf(qkvTop, col0 + 2 * (d + 1), d, 'V', 'copy', 'v', 'v_t', 'V_{t,\\cdot} = v_t', (t, c) =>
    r.v(t).at(c),
  );

  const logTop = cursor.band(
    zh
      ? 'F_t = log f_1 + … + log f_t（累计对数遗忘）；log D[t,s] = F_t − F_s + ĩ_s（s ≤ t）；m_t = max(max_s log D[t,s], F_t)'
      : 'F_t = log f_1 + … + log f_t (cumulative log forget); log D[t,s] = F_t − F_s + ĩ_s (s ≤ t); m_t = max(max_s log D[t,s], F_t)',
    T,
  );
  stepLabels(logTop);
  const logF = rowsOf(
    logTop,
    col0,
    1,
    'log f_t',
    'gate',
    P + 'log_f',
    'log f_t',
    '\\log f_t = \\log\\sigma(\\tilde{f}_t)',
    (t) => logSigmoidF(r.fPre(t).at(0)),
  );
  const F = rowsOf(
    logTop,
    col0 + 1,
    1,
    'F_t',
    'computed',
    P + 'log_f_cum',
    'F_t',
    'F_t = \\sum_{j \\le t} \\log f_j',
    (t) => `SUM(${rangeA1({ top: logF.top, left: logF.left, bottom: logF.top + t, right: logF.left })})`,
  );
  const logD = rowsOf(
    logTop,
    col0 + 3,
    T,
    'log D',
    'computed',
    P + 'log_D',
    'log D[t,s]',
    '\\log D_{ts} = F_t - F_s + \\tilde{i}_s',
    (t, s) => (s > t ? undefined : `${F.at(t)}-${F.at(s)}+${r.iPre(s).at(0)}`),
    '−∞',
  );
  const mRow = rowsOf(
    logTop,
    col0 + 4 + T,
    1,
    'm_t',
    'state',
    P + 'm',
    'm_t',
    'm_t = \\max(\\max_s \\log D_{ts},\\ F_t)',
    (t) =>
      `MAX(${rangeA1({ top: logD.top + t, bottom: logD.top + t, left: logD.left, right: logD.left + t })},${F.at(t)})`,
  );

  const sTop = cursor.band(
    zh
      ? 'D̃ = exp(log D − m_t)；S = (Q Kᵀ / √d) ⊙ D̃；分母 = max(|Σ_s S[t,s]|, exp(−m_t))'
      : 'D̃ = exp(log D − m_t); S = (Q Kᵀ / √d) ⊙ D̃; denominator = max(|Σ_s S[t,s]|, exp(−m_t))',
    T,
  );
  stepLabels(sTop);
  const dTilde = rowsOf(
    sTop,
    col0,
    T,
    'D̃',
    'gate',
    P + 'D_tilde',
    'D̃[t,s]',
    '\\tilde{D}_{ts} = \\exp(\\log D_{ts} - m_t)',
    (t, s) => (s > t ? undefined : `EXP(${logD.at(t, s)}-${mRow.at(t)})`),
    '0',
  );
  const qk = rowsOf(
    sTop,
    col0 + T + 1,
    T,
    'Q Kᵀ/√d',
    'computed',
    P + 'qk',
    'q_tᵀk_s/√d',
    '(QK^\\top)_{ts} / \\sqrt{d}',
    (t, s) => `SUMPRODUCT(${Q.rowRef(t)},${K.rowRef(s)})/SQRT(${d})`,
  );
  const S = rowsOf(
    sTop,
    col0 + 2 * (T + 1),
    T,
    'S',
    'computed',
    P + 'S',
    'S[t,s]',
    'S_{ts} = (QK^\\top)_{ts} \\tilde{D}_{ts} / \\sqrt{d}',
    (t, s) => (s > t ? undefined : `${qk.at(t, s)}*${dTilde.at(t, s)}`),
    '0',
  );
  const sRow = (t: number) => rangeA1({ top: S.top + t, bottom: S.top + t, left: S.left, right: S.left + t });
  const sSum = rowsOf(
    sTop,
    col0 + 3 * (T + 1),
    1,
    'Σ_s S',
    'computed',
    P + 's_sum',
    'Σ_s S[t,s]',
    '\\sum_s S_{ts}',
    (t) => `SUM(${sRow(t)})`,
  );
  const denom = rowsOf(
    sTop,
    col0 + 3 * (T + 1) + 1,
    1,
    zh ? '分母' : 'denom',
    'computed',
    P + 'denom',
    'max(|ΣS|, exp(−m))',
    '\\max(|\\sum_s S_{ts}|,\\ e^{-m_t})',
    (t) => `MAX(ABS(${sSum.at(t)}),EXP(-${mRow.at(t)}))`,
  );

  const hTop = cursor.band(
    zh
      ? 'H[t,·] = o_t ⊙ (S V)[t,·] / 分母 —— 与上面循环形式的 h_t 相同'
      : 'H[t,·] = o_t ⊙ (S V)[t,·] / denominator — the same numbers as h_t of the recurrent form above',
    T,
  );
  stepLabels(hTop);
  rowsOf(
    hTop,
    col0,
    d,
    'H',
    'output',
    P + 'h',
    'H[t,·]',
    'H_t = o_t \\odot (SV)_t / \\max(|\\sum_s S_{ts}|, e^{-m_t})',
    (t, a) => {
      const vCol = rangeA1({ top: V.top, bottom: V.top + t, left: V.left + a, right: V.left + a });
      return `${r.o(t).at(a)}*${dotF(sRow(t), vCol)}/${denom.at(t)}`;
    },
  );
}

function paramsFromSheet(config: ModelConfig, params: Readonly<Record<string, Float64Array>>): MlstmParams {
  const I = config.inputSize;
  const d = config.hiddenSize;
  const m = (name: string) => matrix(d, I, requireParam(params, name, d * I));
  return {
    inputSize: I,
    headDim: d,
    W_q: m('W_q'),
    W_k: m('W_k'),
    W_v: m('W_v'),
    W_o: m('W_o'),
    b_o: requireParam(params, 'b_o', d),
    w_i: requireParam(params, 'w_i', I),
    w_f: requireParam(params, 'w_f', I),
    b_i: requireParam(params, 'b_i', 1)[0],
    b_f: requireParam(params, 'b_f', 1)[0],
  };
}

function evaluate(config: ModelConfig, params: Readonly<Record<string, Float64Array>>): Trace {
  const T = config.steps;
  const d = config.hiddenSize;
  const seq = mlstmProject(
    paramsFromSheet(config, params),
    matrix(T, config.inputSize, requireParam(params, 'x', T * config.inputSize)),
  );
  const recurrent = mlstmTrace(seq);
  const parallel = mlstmParallelTrace(seq);
  const tensors: Record<string, Float64Array[]> = { ...recurrent.tensors };
  const shapes: Record<string, readonly number[]> = { ...recurrent.shapes };
  for (const [name, list] of Object.entries(parallel.tensors)) {
    tensors[PARALLEL_PREFIX + name] = list;
    shapes[PARALLEL_PREFIX + name] = parallel.shapes[name];
  }
  // õ is an input of the trace (the sequence's oPre), not one of its intermediates.
  const oPre = seq.oPre;
  if (oPre) tensors.o_pre = Array.from({ length: T }, (_, t) => oPre.data.slice(t * d, (t + 1) * d));
  shapes.o_pre = [d];
  return { steps: T, tensors, shapes };
}

const model: SheetModel = {
  id: 'mlstm',
  label: { en: 'mLSTM', zh: 'mLSTM 矩阵记忆' },
  variants: MLSTM_VARIANTS,
  limits: LIMITS,
  defaults: {
    model: 'mlstm',
    language: 'en',
    inputSize: 3,
    hiddenSize: 2,
    steps: 4,
    seed: 1,
    init: 'hand',
    variant: 'standard',
  },
  estimateCells: (c) => {
    const d = c.hiddenSize;
    const T = c.steps;
    return (
      T * (c.inputSize + 1 + 7 * d + d * d + 7) + 5 * d * (c.inputSize + 1) + T * (3 * d + 3 * T + 6 + d) + 80
    );
  },
  build,
  evaluate,
};

export const mlstmSpec: ModelSpec = defineSpec(model);

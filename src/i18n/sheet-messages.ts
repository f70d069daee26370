/** Wording the sheet builders write into cells (captions, legends, notes, errors). */
import { defineMessages } from './catalogue';

export const SHEET_MESSAGES = defineMessages({
  'sheets.layerCaption': { en: 'Layer {layer} · {direction}', zh: '第 {layer} 层 · {direction}' },
  'sheets.dictTooLarge': {
    en: 'state_dict {tensor} has shape {shape}, so {size} = {value}: more than a readable sheet shows (at most {max})',
    zh: 'state_dict 的 {tensor} 形状为 {shape}，即 {size} = {value}，超过可读工作表的上限 {max}',
  },
  'sheets.dictMismatch': {
    en: 'state_dict {tensor} has shape {shape}, so {size} = {value}, but the sheet asks for {asked}',
    zh: 'state_dict 的 {tensor} 形状为 {shape}，即 {size} = {value}，但配置为 {asked}',
  },
  // define-spec.ts
  'sheets.spec.unknownVariant': {
    en: 'unknown variant "{variant}" (choose one of: {ids})',
    zh: '未知变体 "{variant}"（可选：{ids}）',
  },
  'sheets.spec.init': {
    en: 'init must be "torch" or "hand" (got "{init}")',
    zh: '初始化必须是 torch 或 hand（得到 "{init}"）',
  },
  'sheets.spec.noStateDict': {
    en: 'the {model} sheet does not load a state_dict; use a seed instead',
    zh: '{model} 工作表不接受 state_dict，请使用随机种子初始化',
  },
  // recurrent-spec.ts
  'sheets.recurrent.mismatch': {
    en: 'the state_dict has {what} {dict} but the sheet asks for {asked}',
    zh: 'state_dict 的{what}为 {dict}，但配置为 {asked}',
  },
  'sheets.recurrent.inputSize': { en: 'input size', zh: '输入维度' },
  'sheets.recurrent.hiddenSize': { en: 'hidden size', zh: '隐藏维度' },
  'sheets.recurrent.layers': { en: 'layers', zh: '层数' },
  'sheets.recurrent.bidirectional': { en: 'bidirectional =', zh: '双向' },
  'sheets.recurrent.peephole': { en: 'peephole =', zh: '窥孔连接' },
  'sheets.recurrent.peepholeLayers': {
    en: 'a peephole LSTM sheet has one layer (set layers to 1)',
    zh: '窥孔 LSTM 工作表只支持 1 层',
  },
  // mamba-block-sheet.ts
  'sheets.mambaBlock.stateSize': { en: 'State size N', zh: '状态维度 N' },
  'sheets.mambaBlock.discretization': { en: 'Discretization', zh: '离散化' },
  'sheets.mambaBlock.readableStep': {
    en: 'dt_bias is set so that the initial step Δ lies in {lo}–{hi} (mamba_ssm starts at 0.001–0.1, too small to see over a few steps); the other weights are PyTorch-style.',
    zh: 'dt_bias 取使初始步长 Δ 在 {lo}–{hi} 之间的值（mamba_ssm 为 0.001–0.1，几步之内看不出变化）；其余权重为 PyTorch 式初始化。',
  },
  // mamba-block-bands.ts
  'sheets.mambaBlock.token': {
    en: 'x_t: token t (d_model features)',
    zh: 'x_t：第 t 个词元（d_model 个特征）',
  },
  'sheets.mambaBlock.inX': {
    en: 'x_in = in_proj[first d_inner rows] · x_t (no bias)',
    zh: 'x_in = in_proj[前 d_inner 行] · x_t（无偏置）',
  },
  'sheets.mambaBlock.inZ': {
    en: 'z = in_proj[last d_inner rows] · x_t (the gate branch)',
    zh: 'z = in_proj[后 d_inner 行] · x_t（门控分支）',
  },
  'sheets.mambaBlock.conv': {
    en: 'conv_t = b + {taps} (causal, zero padding before t = 1); u_t = SiLU(conv_t) = conv·σ(conv)',
    zh: 'conv_t = b + {taps}（因果，t = 1 之前补零）；u_t = SiLU(conv_t) = conv·σ(conv)',
  },
  'sheets.mambaBlock.channel': { en: 'ch', zh: '通道' },
  'sheets.mambaBlock.dt': {
    en: 'δ_t = x_proj[δ rows] · u_t (dt_rank values)',
    zh: 'δ_t = x_proj[δ 行] · u_t（dt_rank 个值）',
  },
  'sheets.mambaBlock.B': {
    en: 'B_t = x_proj[B rows] · u_t (shared by all channels)',
    zh: 'B_t = x_proj[B 行] · u_t（所有通道共用）',
  },
  'sheets.mambaBlock.C': {
    en: 'C_t = x_proj[C rows] · u_t (shared by all channels)',
    zh: 'C_t = x_proj[C 行] · u_t（所有通道共用）',
  },
  'sheets.mambaBlock.delta': {
    en: 'Δ_t = softplus(dt_proj · δ_t + dt_bias) = max(·,0) + ln(1 + e^{−|·|}), one step size per channel',
    zh: 'Δ_t = softplus(dt_proj · δ_t + dt_bias) = max(·,0) + ln(1 + e^{−|·|})，每个通道一个步长',
  },
  'sheets.mambaBlock.gate': { en: 'y_gated = y_t ⊙ SiLU(z_t)', zh: 'y_gated = y_t ⊙ SiLU(z_t)' },
  'sheets.mambaBlock.out': {
    en: 'out_t = out_proj · (y_t ⊙ SiLU(z_t)) (no bias)',
    zh: 'out_t = out_proj · (y_t ⊙ SiLU(z_t))（无偏置）',
  },
  // mamba-scan-sheet.ts
  'sheets.mambaScan.channels': { en: 'Channels D', zh: '通道数 D' },
  'sheets.mambaScan.stateSize': { en: 'State size N', zh: '状态维度 N' },
  'sheets.mambaScan.discretization': { en: 'Discretization', zh: '离散化' },
  'sheets.mambaScan.inputs': {
    en: 'u_t: input per channel; Δ_t = softplus(Δ̃_t) = max(Δ̃,0) + ln(1 + e^{−|Δ̃|}) > 0',
    zh: 'u_t：各通道输入；Δ_t = softplus(Δ̃_t) = max(Δ̃,0) + ln(1 + e^{−|Δ̃|}) > 0',
  },
  'sheets.mambaScan.selection': {
    en: 'B_t, C_t: selection vectors, one value per state n, shared by every channel',
    zh: 'B_t、C_t：选择向量，每个状态 n 一个值，所有通道共用',
  },
  'sheets.mambaScan.state': { en: 'state n = {n}', zh: '状态 n = {n}' },
  // mamba-scan-bands.ts
  'sheets.mambaScan.channel': { en: 'channel d = {d}', zh: '通道 d = {d}' },
  'sheets.mambaScan.aBar': {
    en: 'Ā_t = exp(Δ_t · A), A = −exp(A_log): A is negative, so 0 < Ā < 1 (per channel d and state n)',
    zh: 'Ā_t = exp(Δ_t · A)，A = −exp(A_log)：A 为负，故 0 < Ā < 1（逐通道 d、逐状态 n）',
  },
  'sheets.mambaScan.h': {
    en: 'h_t = Ā_t ⊙ h_{t−1} + B̄_t · u_t    (h_0 = 0; each channel uses its own u)',
    zh: 'h_t = Ā_t ⊙ h_{t−1} + B̄_t · u_t    （h_0 = 0；每个通道只用自己的 u）',
  },
  'sheets.mambaScan.y': {
    en: 'y_t = C_t · h_t + D ⊙ u_t    (row d of h dotted with C_t, plus the skip D)',
    zh: 'y_t = C_t · h_t + D ⊙ u_t    （h 的第 d 行点乘 C_t，加上跳跃连接 D）',
  },
  // slstm-sheet.ts
  'sheets.slstm.inputSize': { en: 'Input size I', zh: '输入维度 I' },
  'sheets.slstm.hiddenSize': { en: 'Hidden size H', zh: '隐藏维度 H' },
  'sheets.slstm.heads': { en: 'Heads', zh: '头数' },
  'sheets.slstm.dotNote': {
    en: 'Each weight row [W | R | b] is dotted with the stacked column [x_t ; h_{t−1} ; 1] of its step (MMULT row × column).',
    zh: '每一行权重 [W | R | b] 与该时间步的堆叠列 [x_t ; h_{t−1} ; 1] 做点积（MMULT 行 × 列）。',
  },
  'sheets.slstm.headsDivide': {
    en: 'hidden size {H} must be a multiple of the number of heads ({heads})',
    zh: '隐藏维度 {H} 必须是头数 {heads} 的倍数',
  },
  // slstm-bands.ts
  'sheets.slstm.unit': { en: 'unit {r} (head {k})', zh: '单元 {r}（头 {k}）' },
  'sheets.slstm.i': {
    en: 'ĩ_t = W_i·x_t + R_i·h_{t−1} + b_i    (R is block-diagonal per head: zeros outside the boxed blocks)',
    zh: 'ĩ_t = W_i·x_t + R_i·h_{t−1} + b_i    （R 按头分块对角：块外为 0）',
  },
  'sheets.slstm.fExp': {
    en: 'f̃_t = W_f·x_t + R_f·h_{t−1} + b_f; exponential forget gate f = exp(f̃), so log f_t = f̃_t',
    zh: 'f̃_t = W_f·x_t + R_f·h_{t−1} + b_f；指数遗忘门 f = exp(f̃)，故 log f_t = f̃_t',
  },
  'sheets.slstm.fSigmoid': {
    en: 'f̃_t = W_f·x_t + R_f·h_{t−1} + b_f; log f_t = logσ(f̃_t) = −softplus(−f̃_t)',
    zh: 'f̃_t = W_f·x_t + R_f·h_{t−1} + b_f；log f_t = logσ(f̃_t) = −softplus(−f̃_t)',
  },
  'sheets.slstm.z': {
    en: 'z_t = tanh(z̃_t),  z̃_t = W_z·x_t + R_z·h_{t−1} + b_z',
    zh: 'z_t = tanh(z̃_t),  z̃_t = W_z·x_t + R_z·h_{t−1} + b_z',
  },
  'sheets.slstm.o': {
    en: 'o_t = σ(õ_t),  õ_t = W_o·x_t + R_o·h_{t−1} + b_o',
    zh: 'o_t = σ(õ_t),  õ_t = W_o·x_t + R_o·h_{t−1} + b_o',
  },
  'sheets.slstm.m': {
    en: 'm_t = max(log f_t + m_{t−1}, ĩ_t)    (the stabiliser; m_1 = ĩ_1)',
    zh: 'm_t = max(log f_t + m_{t−1}, ĩ_t)    （稳定器；m_1 = ĩ_1）',
  },
  'sheets.slstm.iStab': { en: 'i′_t = exp(ĩ_t − m_t)', zh: 'i′_t = exp(ĩ_t − m_t)' },
  'sheets.slstm.fStab': {
    en: 'f′_t = exp(log f_t + m_{t−1} − m_t)    (f′_1 = 0: nothing to forget yet)',
    zh: 'f′_t = exp(log f_t + m_{t−1} − m_t)    （t = 1 时 f′ = 0：还没有可遗忘的记忆）',
  },
  'sheets.slstm.c': { en: 'c_t = f′_t ⊙ c_{t−1} + i′_t ⊙ z_t', zh: 'c_t = f′_t ⊙ c_{t−1} + i′_t ⊙ z_t' },
  'sheets.slstm.n': {
    en: 'n_t = f′_t ⊙ n_{t−1} + i′_t    (the normaliser state)',
    zh: 'n_t = f′_t ⊙ n_{t−1} + i′_t    （归一化状态）',
  },
  'sheets.slstm.h': { en: 'h_t = o_t ⊙ c_t / n_t', zh: 'h_t = o_t ⊙ c_t / n_t' },
  // mlstm-sheet.ts
  'sheets.mlstm.inputSize': { en: 'Input size I', zh: '输入维度 I' },
  'sheets.mlstm.headSize': { en: 'Head size d', zh: '头维度 d' },
  'sheets.mlstm.dotNote': {
    en: 'Projection rows are dotted with the column [x_t ; 1] of their step (MMULT row × column).',
    zh: '投影行与该时间步的列 [x_t ; 1] 做点积（MMULT 行 × 列）。',
  },
  // mlstm-bands.ts
  'sheets.mlstm.q': { en: 'q_t = W_q · x_t (query)', zh: 'q_t = W_q · x_t（查询）' },
  'sheets.mlstm.k': {
    en: 'k_t = W_k · x_t, then scaled k_t / √d (key)',
    zh: 'k_t = W_k · x_t，再缩放 k_t / √d（键）',
  },
  'sheets.mlstm.v': { en: 'v_t = W_v · x_t (value)', zh: 'v_t = W_v · x_t（值）' },
  'sheets.mlstm.o': {
    en: 'o_t = σ(õ_t), õ_t = W_o · x_t + b_o (output gate)',
    zh: 'o_t = σ(õ_t)，õ_t = W_o · x_t + b_o（输出门）',
  },
  'sheets.mlstm.i': {
    en: 'ĩ_t = w_i · x_t + b_i (input gate pre-activation, exponential gate)',
    zh: 'ĩ_t = w_i · x_t + b_i（输入门预激活，指数门）',
  },
  'sheets.mlstm.f': {
    en: 'f̃_t = w_f · x_t + b_f; log f_t = logσ(f̃_t) = −softplus(−f̃_t)',
    zh: 'f̃_t = w_f · x_t + b_f；log f_t = logσ(f̃_t) = −softplus(−f̃_t)',
  },
  'sheets.mlstm.m': {
    en: 'm_t = max(log f_t + m_{t−1}, ĩ_t) (stabiliser, m_0 = 0); i′_t = exp(ĩ_t − m_t); f′_t = exp(log f_t + m_{t−1} − m_t)',
    zh: 'm_t = max(log f_t + m_{t−1}, ĩ_t)（稳定器，m_0 = 0）；i′_t = exp(ĩ_t − m_t)；f′_t = exp(log f_t + m_{t−1} − m_t)',
  },
  'sheets.mlstm.C': {
    en: 'C_t = f′_t · C_{t−1} + i′_t · v_t k_tᵀ (d × d matrix memory, k scaled; C_0 = 0)',
    zh: 'C_t = f′_t · C_{t−1} + i′_t · v_t k_tᵀ（d × d 矩阵记忆，k 已缩放；C_0 = 0）',
  },
  'sheets.mlstm.n': {
    en: 'n_t = f′_t · n_{t−1} + i′_t · k_t (normaliser, aligned with the columns of C; n_0 = 0)',
    zh: 'n_t = f′_t · n_{t−1} + i′_t · k_t（归一化向量，与 C 的列对齐；n_0 = 0）',
  },
  'sheets.mlstm.Cq': { en: 'C_t q_t (each row of C dotted with q)', zh: 'C_t q_t（每行 C 点乘 q）' },
  'sheets.mlstm.denom': {
    en: 'n_tᵀ q_t and the denominator max(|n_tᵀ q_t|, exp(−m_t))',
    zh: 'n_tᵀ q_t 与分母 max(|n_tᵀ q_t|, exp(−m_t))',
  },
  'sheets.mlstm.denomLabel': { en: 'denominator', zh: '分母' },
  // Short: the caption sits in one value column with the next step's caption close behind.
  'sheets.mlstm.denomCaption': { en: 'denom_t', zh: '分母' },
  'sheets.mlstm.h': {
    en: 'h_t = o_t ⊙ C_t q_t / max(|n_tᵀ q_t|, exp(−m_t))',
    zh: 'h_t = o_t ⊙ C_t q_t / max(|n_tᵀ q_t|, exp(−m_t))',
  },
  // mlstm-parallel-bands.ts
  'sheets.mlstmParallel.heading': {
    en: 'Parallel form: the same h from T × T matrices at once (how it trains on a GPU)',
    zh: '并行形式：同样的 h，由 T × T 矩阵一次算出（GPU 训练时的算法）',
  },
  'sheets.mlstmParallel.qkv': {
    en: 'Q, K, V: the q_t, k_t, v_t of the steps above, one row per step',
    zh: 'Q、K、V：上面各步的 q_t、k_t、v_t，每步一行',
  },
  'sheets.mlstmParallel.logD': {
    en: 'F_t = log f_1 + … + log f_t (cumulative log forget); log D[t,s] = F_t − F_s + ĩ_s (s ≤ t); m_t = max(max_s log D[t,s], F_t)',
    zh: 'F_t = log f_1 + … + log f_t（累计对数遗忘）；log D[t,s] = F_t − F_s + ĩ_s（s ≤ t）；m_t = max(max_s log D[t,s], F_t)',
  },
  'sheets.mlstmParallel.S': {
    en: 'D̃ = exp(log D − m_t); S = (Q Kᵀ / √d) ⊙ D̃; denominator = max(|Σ_s S[t,s]|, exp(−m_t))',
    zh: 'D̃ = exp(log D − m_t)；S = (Q Kᵀ / √d) ⊙ D̃；分母 = max(|Σ_s S[t,s]|, exp(−m_t))',
  },
  'sheets.mlstmParallel.denom': { en: 'denom', zh: '分母' },
  'sheets.mlstmParallel.H': {
    en: 'H[t,·] = o_t ⊙ (S V)[t,·] / denominator — the same numbers as h_t of the recurrent form above',
    zh: 'H[t,·] = o_t ⊙ (S V)[t,·] / 分母 —— 与上面循环形式的 h_t 相同',
  },
  'sheets.mambaScan.bBar.zoh': {
    en: 'B̄_t = (exp(Δ_t·A) − 1) / A · B_t    [zero-order hold: the exact discretization]',
    zh: 'B̄_t = (exp(Δ_t·A) − 1) / A · B_t    [零阶保持：精确离散化]',
  },
  'sheets.mambaScan.bBar.euler': {
    en: 'B̄_t = Δ_t · B_t    [Euler: the simplification mamba_ssm computes]',
    zh: 'B̄_t = Δ_t · B_t    [欧拉：mamba_ssm 实际使用的简化]',
  },
  'sheets.mambaScan.method.zoh': { en: 'zero-order hold (exact)', zh: '零阶保持（精确）' },
  'sheets.mambaScan.method.euler': { en: 'Euler (Δ·B, as mamba_ssm)', zh: '欧拉（Δ·B，同 mamba_ssm）' },
  // limits.ts
  'sheets.field.inputSize': { en: 'input size', zh: '输入维度' },
  'sheets.field.hiddenSize': { en: 'hidden size', zh: '隐藏维度' },
  'sheets.field.steps': { en: 'sequence length', zh: '序列长度' },
  'sheets.field.stateSize': { en: 'state size N', zh: '状态维度 N' },
  'sheets.field.heads': { en: 'heads', zh: '头数' },
  'sheets.field.channels': { en: 'channels D (the input size)', zh: '通道数 D（输入维度）' },
  'sheets.field.dModel': { en: 'd_model (the input size)', zh: 'd_model（输入维度）' },
  'sheets.field.dInner': { en: 'd_inner, the hidden size', zh: 'd_inner（隐藏维度）' },
  'sheets.field.headSize': { en: 'head size d, the hidden size', zh: '头维度 d（隐藏维度）' },
  'sheets.field.numLayers': { en: 'layers', zh: '层数' },
  'sheets.limits.missing': { en: '{name} is missing', zh: '缺少{name}' },
  'sheets.limits.whole': {
    en: '{name} must be a whole number (got {v})',
    zh: '{name}必须是整数（得到 {v}）',
  },
  'sheets.limits.range': {
    en: '{name} must be between {min} and {max} for {model} sheets (got {v})',
    zh: '{model} 工作表的{name}必须在 {min} 到 {max} 之间（得到 {v}）',
  },
  'sheets.limits.seed': {
    en: 'seed must be a whole number (got {seed})',
    zh: '随机种子必须是整数（得到 {seed}）',
  },
  'sheets.limits.seedRange': {
    en: 'seed must be between {min} and {max} (got {seed})',
    zh: '随机种子必须在 {min} 到 {max} 之间（得到 {seed}）',
  },
  'sheets.limits.language': {
    en: 'language must be "en" or "zh" / 语言必须是 en 或 zh (got "{got}")',
    zh: '语言必须是 en 或 zh / language must be "en" or "zh"（得到 "{got}"）',
  },
  'sheets.limits.tooLarge': {
    en: 'such a sheet would have about {n} cells, too many to read by hand',
    zh: '这样的工作表约有 {n} 个单元格，太大，无法手算阅读',
  },
  // i18n.ts: captions every sheet shares
  'sheets.label.byHand': { en: 'by hand', zh: '手算' },
  'sheets.label.config': { en: 'Configuration', zh: '配置' },
  'sheets.label.inputSize': { en: 'Input size I', zh: '输入维度 I' },
  'sheets.label.hiddenSize': { en: 'Hidden size H', zh: '隐藏维度 H' },
  'sheets.label.steps': { en: 'Sequence length T', zh: '序列长度 T' },
  'sheets.label.seed': { en: 'Seed', zh: '随机种子' },
  'sheets.label.init': { en: 'Init', zh: '初始化' },
  'sheets.label.initTorch': { en: 'PyTorch uniform ±1/√H', zh: 'PyTorch 均匀分布 ±1/√H' },
  'sheets.label.initHand': { en: 'small integers −2…2', zh: '小整数 −2…2' },
  'sheets.label.initStateDict': { en: 'loaded state_dict', zh: '已载入 state_dict' },
  'sheets.label.layers': { en: 'Layers', zh: '层数' },
  'sheets.label.variant': { en: 'Variant', zh: '变体' },
  'sheets.label.time': { en: 'Time', zh: '时间' },
  'sheets.label.tEquals': { en: 't =', zh: 't =' },
  'sheets.label.input': { en: 'Input x_t', zh: '输入 x_t' },
  'sheets.label.prevHidden': { en: 'Hidden state h_{t−1}', zh: '隐藏状态 h_{t−1}' },
  'sheets.label.prevCell': { en: 'Cell state c_{t−1}', zh: '细胞状态 c_{t−1}' },
  'sheets.label.one': { en: 'bias inputs (1)', zh: '偏置输入 (1)' },
  'sheets.label.stacked': {
    en: 'stacked column [x_t ; h_{t−1} ; 1 ; 1]',
    zh: '堆叠列 [x_t ; h_{t−1} ; 1 ; 1]',
  },
  'sheets.label.layer': { en: 'Layer', zh: '第' },
  'sheets.label.forward': { en: 'forward', zh: '正向' },
  'sheets.label.backward': { en: 'backward (reads time right → left)', zh: '反向（时间从右向左）' },
  'sheets.label.legend': { en: 'Legend', zh: '图例' },
  'sheets.label.dotNote': {
    en: 'Each weight row is dotted with the stacked column of its time step (MMULT row × column).',
    zh: '每一行权重与该时间步的堆叠列做点积（MMULT 行 × 列）。',
  },
  'sheets.label.liveNote': {
    en: 'Every coloured number is live: edit an input or a weight and watch it flow through time.',
    zh: '所有彩色数字都是活的：修改输入或权重，观察它随时间传播。',
  },
  'sheets.label.preActivation': { en: 'pre-activation', zh: '预激活' },
  'sheets.label.output': { en: 'Output', zh: '输出' },
  'sheets.label.weights': { en: 'Weights (written once)', zh: '权重（只写一次）' },
  // i18n.ts: the general legend caption of each cell role
  'sheets.role.input': { en: 'input', zh: '输入' },
  'sheets.role.weight': { en: 'input weights', zh: '输入权重' },
  'sheets.role.recurrentWeight': { en: 'recurrent weights', zh: '循环权重' },
  'sheets.role.bias': { en: 'biases', zh: '偏置' },
  'sheets.role.state': { en: 'states', zh: '状态' },
  'sheets.role.gate': { en: 'gates (σ)', zh: '门 (σ)' },
  'sheets.role.activation': { en: 'activations', zh: '激活' },
  'sheets.role.computed': { en: 'intermediate values (formulas)', zh: '中间值（公式）' },
  'sheets.role.copy': { en: 'copies of values shown elsewhere (formulas)', zh: '其他位置数值的副本（公式）' },
  'sheets.role.output': { en: 'outputs', zh: '输出' },
  'sheets.spec.otherModel': {
    en: 'this is the {model} sheet; the settings are for "{got}"',
    zh: '这是 {model} 工作表，但设置属于 "{got}"',
  },
  // stored-config.ts
  'sheets.stored.rejected': {
    en: 'stored settings: {field} must be {expected} (got {got})',
    zh: '已保存的设置：{field} 必须是 {expected}（得到 {got}）',
  },
});

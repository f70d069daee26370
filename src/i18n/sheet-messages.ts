/** Wording the sheet builders write into cells (captions, legends, notes, errors). */
import { defineMessages } from './catalogue';
import { RECURRENT_SHEET_MESSAGES } from './sheet-recurrent-messages';
import { SSM_XLSTM_SHEET_MESSAGES } from './sheet-ssm-xlstm-messages';
import { TRAINING_SHEET_MESSAGES } from './sheet-training-messages';

export const SHEET_MESSAGES = defineMessages({
  'sheets.layerCaption': {
    en: 'Layer {layer} · {direction}',
    zh: '第 {layer} 层 · {direction}',
  },
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
  'sheets.recurrent.inputSize': {
    en: 'input size',
    zh: '输入维度',
  },
  'sheets.recurrent.hiddenSize': {
    en: 'hidden size',
    zh: '隐藏维度',
  },
  'sheets.recurrent.layers': {
    en: 'layers',
    zh: '层数',
  },
  'sheets.recurrent.bidirectional': {
    en: 'bidirectional =',
    zh: '双向',
  },
  'sheets.recurrent.peephole': {
    en: 'peephole =',
    zh: '窥孔连接',
  },
  'sheets.recurrent.peepholeLayers': {
    en: 'a peephole LSTM sheet has one layer (set layers to 1)',
    zh: '窥孔 LSTM 工作表只支持 1 层',
  },
  // mamba-block-sheet.ts
  'sheets.mambaBlock.stateSize': {
    en: 'State size N',
    zh: '状态维度 N',
  },
  'sheets.mambaBlock.discretization': {
    en: 'Discretization',
    zh: '离散化',
  },
  'sheets.mambaBlock.readableStep': {
    en: 'dt_bias is set so that the step Δ lies near {lo}–{hi} (mamba_ssm starts at 0.001–0.1, too small to see over a few steps) and dt_proj is scaled ×{gain}, so that Δ changes visibly from token to token as in a trained model; the other weights are PyTorch-style.',
    zh: 'dt_bias 取使步长 Δ 在 {lo}–{hi} 附近的值（mamba_ssm 为 0.001–0.1，几步之内看不出变化），dt_proj 放大 {gain} 倍，使 Δ 像训练后的模型那样随词元明显变化；其余权重为 PyTorch 式初始化。',
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
  'sheets.mambaBlock.channel': {
    en: 'ch',
    zh: '通道',
  },
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
  'sheets.mambaBlock.gate': {
    en: 'y_gated = y_t ⊙ SiLU(z_t)',
    zh: 'y_gated = y_t ⊙ SiLU(z_t)',
  },
  'sheets.mambaBlock.out': {
    en: 'out_t = out_proj · (y_t ⊙ SiLU(z_t)) (no bias)',
    zh: 'out_t = out_proj · (y_t ⊙ SiLU(z_t))（无偏置）',
  },
  // mamba-scan-sheet.ts
  'sheets.mambaScan.channels': {
    en: 'Channels D',
    zh: '通道数 D',
  },
  'sheets.mambaScan.stateSize': {
    en: 'State size N',
    zh: '状态维度 N',
  },
  'sheets.mambaScan.discretization': {
    en: 'Discretization',
    zh: '离散化',
  },
  'sheets.mambaScan.inputs': {
    en: 'u_t: input per channel; Δ_t = softplus(Δ̃_t) = max(Δ̃,0) + ln(1 + e^{−|Δ̃|}) > 0',
    zh: 'u_t：各通道输入；Δ_t = softplus(Δ̃_t) = max(Δ̃,0) + ln(1 + e^{−|Δ̃|}) > 0',
  },
  'sheets.mambaScan.selection': {
    en: 'B_t, C_t: selection vectors, one value per state n, shared by every channel',
    zh: 'B_t、C_t：选择向量，每个状态 n 一个值，所有通道共用',
  },
  'sheets.mambaScan.state': {
    en: 'state n = {n}',
    zh: '状态 n = {n}',
  },
  // mamba-scan-bands.ts
  'sheets.mambaScan.channel': {
    en: 'channel d = {d}',
    zh: '通道 d = {d}',
  },
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
    zh: 'y_t = C_t · h_t + D ⊙ u_t    （h 的第 d 行与 C_t 做点积，加上跳跃连接 D）',
  },
  // slstm-sheet.ts
  'sheets.slstm.inputSize': {
    en: 'Input size I',
    zh: '输入维度 I',
  },
  'sheets.slstm.hiddenSize': {
    en: 'Hidden size H',
    zh: '隐藏维度 H',
  },
  'sheets.slstm.heads': {
    en: 'Heads',
    zh: '头数',
  },
  'sheets.slstm.dotNote': {
    en: 'Each weight row [W | R | b] is dotted with the stacked column [x_t ; h_{t−1} ; 1] of its step (MMULT row × column).',
    zh: '每一行权重 [W | R | b] 与该时间步的堆叠列 [x_t ; h_{t−1} ; 1] 做点积（MMULT 行 × 列）。',
  },
  'sheets.slstm.headsDivide': {
    en: 'hidden size {H} must be a multiple of the number of heads ({heads})',
    zh: '隐藏维度 {H} 必须是头数 {heads} 的倍数',
  },
  // slstm-bands.ts
  'sheets.slstm.unit': {
    en: 'unit {r} (head {k})',
    zh: '单元 {r}（头 {k}）',
  },
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
    zh: 'z_t = tanh(z̃_t)，z̃_t = W_z·x_t + R_z·h_{t−1} + b_z',
  },
  'sheets.slstm.o': {
    en: 'o_t = σ(õ_t),  õ_t = W_o·x_t + R_o·h_{t−1} + b_o',
    zh: 'o_t = σ(õ_t)，õ_t = W_o·x_t + R_o·h_{t−1} + b_o',
  },
  'sheets.slstm.m': {
    en: 'm_t = max(log f_t + m_{t−1}, ĩ_t)    (the stabiliser; m_1 = ĩ_1)',
    zh: 'm_t = max(log f_t + m_{t−1}, ĩ_t)    （稳定器；m_1 = ĩ_1）',
  },
  'sheets.slstm.iStab': {
    en: 'i′_t = exp(ĩ_t − m_t)',
    zh: 'i′_t = exp(ĩ_t − m_t)',
  },
  'sheets.slstm.fStab': {
    en: 'f′_t = exp(log f_t + m_{t−1} − m_t)    (f′_1 = 0: nothing to forget yet)',
    zh: 'f′_t = exp(log f_t + m_{t−1} − m_t)    （t = 1 时 f′ = 0：还没有可遗忘的记忆）',
  },
  'sheets.slstm.c': {
    en: 'c_t = f′_t ⊙ c_{t−1} + i′_t ⊙ z_t',
    zh: 'c_t = f′_t ⊙ c_{t−1} + i′_t ⊙ z_t',
  },
  'sheets.slstm.n': {
    en: 'n_t = f′_t ⊙ n_{t−1} + i′_t    (the normaliser state)',
    zh: 'n_t = f′_t ⊙ n_{t−1} + i′_t    （归一化状态）',
  },
  'sheets.slstm.h': {
    en: 'h_t = o_t ⊙ c_t / n_t',
    zh: 'h_t = o_t ⊙ c_t / n_t',
  },
  // mlstm-sheet.ts
  'sheets.mlstm.inputSize': {
    en: 'Input size I',
    zh: '输入维度 I',
  },
  'sheets.mlstm.headSize': {
    en: 'Head size d',
    zh: '头维度 d',
  },
  'sheets.mlstm.dotNote': {
    en: 'Projection rows are dotted with the column [x_t ; 1] of their step (MMULT row × column).',
    zh: '投影行与该时间步的列 [x_t ; 1] 做点积（MMULT 行 × 列）。',
  },
  // mlstm-bands.ts
  'sheets.mlstm.q': {
    en: 'q_t = W_q · x_t (query)',
    zh: 'q_t = W_q · x_t（查询）',
  },
  'sheets.mlstm.k': {
    en: 'k_t = W_k · x_t, then scaled k_t / √d (key)',
    zh: 'k_t = W_k · x_t，再缩放 k_t / √d（键）',
  },
  'sheets.mlstm.v': {
    en: 'v_t = W_v · x_t (value)',
    zh: 'v_t = W_v · x_t（值）',
  },
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
    en: 'C_t = f′_t · C_{t−1} + i′_t · v_t (k_t/√d)ᵀ (d × d matrix memory; C_0 = 0)',
    zh: 'C_t = f′_t · C_{t−1} + i′_t · v_t (k_t/√d)ᵀ（d × d 矩阵记忆；C_0 = 0）',
  },
  'sheets.mlstm.n': {
    en: 'n_t = f′_t · n_{t−1} + i′_t · k_t/√d (normaliser, aligned with the columns of C; n_0 = 0)',
    zh: 'n_t = f′_t · n_{t−1} + i′_t · k_t/√d（归一化向量，与 C 的列对齐；n_0 = 0）',
  },
  'sheets.mlstm.Cq': {
    en: 'C_t q_t (each row of C dotted with q)',
    zh: 'C_t q_t（C 的每一行与 q 做点积）',
  },
  'sheets.mlstm.denom': {
    en: 'n_tᵀ q_t and the denominator max(|n_tᵀ q_t|, exp(−m_t))',
    zh: 'n_tᵀ q_t 与分母 max(|n_tᵀ q_t|, exp(−m_t))',
  },
  'sheets.mlstm.denomLabel': {
    en: 'denominator',
    zh: '分母',
  },
  // Short: the caption sits in one value column with the next step's caption close behind.
  'sheets.mlstm.denomCaption': {
    en: 'denom_t',
    zh: '分母',
  },
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
  'sheets.mlstmParallel.denom': {
    en: 'denom',
    zh: '分母',
  },
  'sheets.mlstmParallel.H': {
    en: 'H[t,·] = o_t ⊙ (S V)[t,·] / denominator — the same numbers as h_t of the recurrent form above',
    zh: 'H[t,·] = o_t ⊙ (S V)[t,·] / 分母 —— 与上面循环形式的 h_t 相同',
  },
  'sheets.mambaScan.bBar.zoh': {
    en: 'B̄_t = (exp(Δ_t·A) − 1) / A · B_t    [zero-order hold: the exact discretization]',
    zh: 'B̄_t = (exp(Δ_t·A) − 1) / A · B_t    ［零阶保持：精确离散化］',
  },
  'sheets.mambaScan.bBar.euler': {
    en: 'B̄_t = Δ_t · B_t    [ZOH for A, Euler for B: what mamba_ssm computes]',
    zh: 'B̄_t = Δ_t · B_t    ［A 用零阶保持、B 用欧拉：mamba_ssm 实际的算法］',
  },
  'sheets.mambaScan.method.zoh': {
    en: 'zero-order hold (exact)',
    zh: '零阶保持（精确）',
  },
  'sheets.mambaScan.method.euler': {
    en: 'ZOH for A, Euler for B (B̄ = Δ·B), as mamba_ssm',
    zh: 'A 用零阶保持、B 用欧拉（B̄ = Δ·B），同 mamba_ssm',
  },
  // limits.ts
  'sheets.field.inputSize': {
    en: 'input size',
    zh: '输入维度',
  },
  'sheets.field.hiddenSize': {
    en: 'hidden size',
    zh: '隐藏维度',
  },
  'sheets.field.steps': {
    en: 'sequence length',
    zh: '序列长度',
  },
  'sheets.field.stateSize': {
    en: 'state size N',
    zh: '状态维度 N',
  },
  'sheets.field.heads': {
    en: 'heads',
    zh: '头数',
  },
  'sheets.field.channels': {
    en: 'channels D (the input size)',
    zh: '通道数 D（输入维度）',
  },
  'sheets.field.dModel': {
    en: 'd_model (the input size)',
    zh: 'd_model（输入维度）',
  },
  'sheets.field.dInner': {
    en: 'd_inner, the hidden size',
    zh: 'd_inner（隐藏维度）',
  },
  'sheets.field.headSize': {
    en: 'head size d, the hidden size',
    zh: '头维度 d（隐藏维度）',
  },
  'sheets.field.numLayers': {
    en: 'layers',
    zh: '层数',
  },
  'sheets.field.outputSize': {
    en: 'output size O',
    zh: '输出维度 O',
  },
  'sheets.field.targetSteps': {
    en: 'target length',
    zh: '目标序列长度',
  },
  'sheets.limits.missing': {
    en: '{name} is missing',
    zh: '缺少{name}',
  },
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
  'sheets.label.byHand': {
    en: 'by hand',
    zh: '手算',
  },
  'sheets.label.config': {
    en: 'Configuration',
    zh: '配置',
  },
  'sheets.label.inputSize': {
    en: 'Input size I',
    zh: '输入维度 I',
  },
  'sheets.label.hiddenSize': {
    en: 'Hidden size H',
    zh: '隐藏维度 H',
  },
  'sheets.label.steps': {
    en: 'Sequence length T',
    zh: '序列长度 T',
  },
  'sheets.label.seed': {
    en: 'Seed',
    zh: '随机种子',
  },
  'sheets.label.init': {
    en: 'Init',
    zh: '初始化',
  },
  'sheets.label.initTorch': {
    en: 'PyTorch uniform ±1/√H',
    zh: 'PyTorch 均匀分布 ±1/√H',
  },
  'sheets.label.initHand': {
    en: 'small integers −2…2',
    zh: '小整数 −2…2',
  },
  'sheets.label.initStateDict': {
    en: 'loaded state_dict',
    zh: '已载入 state_dict',
  },
  'sheets.label.layers': {
    en: 'Layers',
    zh: '层数',
  },
  'sheets.label.variant': {
    en: 'Variant',
    zh: '变体',
  },
  'sheets.label.time': {
    en: 'Time',
    zh: '时间',
  },
  'sheets.label.tEquals': {
    en: 't =',
    zh: 't =',
  },
  'sheets.label.input': {
    en: 'Input x_t',
    zh: '输入 x_t',
  },
  'sheets.label.prevHidden': {
    en: 'Hidden state h_{t−1}',
    zh: '隐藏状态 h_{t−1}',
  },
  'sheets.label.prevCell': {
    en: 'Cell state c_{t−1}',
    zh: '细胞状态 c_{t−1}',
  },
  'sheets.label.one': {
    en: 'bias inputs (1)',
    zh: '偏置输入（1）',
  },
  'sheets.label.stacked': {
    en: 'stacked column [x_t ; h_{t−1} ; 1 ; 1]',
    zh: '拼接列向量 [x_t ; h_{t−1} ; 1 ; 1]',
  },
  'sheets.label.layer': {
    en: 'Layer',
    zh: '第',
  },
  'sheets.label.forward': {
    en: 'forward',
    zh: '正向',
  },
  'sheets.label.backward': {
    en: 'backward (reads time right → left)',
    zh: '反向（时间从右向左）',
  },
  'sheets.label.legend': {
    en: 'Legend',
    zh: '图例',
  },
  'sheets.label.dotNote': {
    en: 'Each weight row is dotted with the stacked column of its time step (MMULT row × column).',
    zh: '每一行权重与该时间步的拼接列向量做点积（MMULT 行 × 列）。',
  },
  'sheets.label.liveNote': {
    en: 'Every coloured number is live: edit an input or a weight and watch it flow through time.',
    zh: '彩色单元格都是实时公式：修改输入或权重，观察变化随时间传播。',
  },
  'sheets.label.preActivation': {
    en: 'pre-activation',
    zh: '预激活',
  },
  'sheets.label.output': {
    en: 'Output',
    zh: '输出',
  },
  'sheets.label.weights': {
    en: 'Weights (written once)',
    zh: '权重（只写一次）',
  },
  // i18n.ts: the general legend caption of each cell role
  'sheets.role.input': {
    en: 'input',
    zh: '输入',
  },
  'sheets.role.weight': {
    en: 'input weights',
    zh: '输入权重',
  },
  'sheets.role.recurrentWeight': {
    en: 'recurrent weights',
    zh: '循环权重',
  },
  'sheets.role.bias': {
    en: 'biases',
    zh: '偏置',
  },
  'sheets.role.state': {
    en: 'states',
    zh: '状态',
  },
  'sheets.role.gate': {
    en: 'gates (σ)',
    zh: '门（σ）',
  },
  'sheets.role.activation': {
    en: 'activations',
    zh: '激活',
  },
  'sheets.role.computed': {
    en: 'intermediate values (formulas)',
    zh: '中间值（公式）',
  },
  'sheets.role.copy': {
    en: 'copies of values shown elsewhere (formulas)',
    zh: '其他位置数值的副本（公式）',
  },
  'sheets.role.output': {
    en: 'outputs',
    zh: '输出',
  },
  'sheets.spec.otherModel': {
    en: 'this is the {model} sheet; the settings are for "{got}"',
    zh: '这是 {model} 工作表，但设置属于 "{got}"',
  },
  // stored-config.ts
  'sheets.stored.rejected': {
    en: 'stored settings: {field} must be {expected} (got {got})',
    zh: '已保存的设置：{field} 必须是 {expected}（得到 {got}）',
  },
  // mamba-parallel-scan-bands.ts: the parallel scan below the sequential one
  'sheets.parallelScan.heading': {
    en: 'Parallel scan (Hillis–Steele): the same h from the pairs (Āₜ, bₜ = B̄ₜ·uₜ), combined by (a₁, b₁) ∘ (a₂, b₂) = (a₂·a₁, a₂·b₁ + b₂)',
    zh: '并行扫描（Hillis–Steele）：由数对 (Āₜ, bₜ = B̄ₜ·uₜ) 得到同样的 h，结合方式为 (a₁, b₁) ∘ (a₂, b₂) = (a₂·a₁, a₂·b₁ + b₂)',
  },
  'sheets.parallelScan.associative': {
    en: 'Why it works: ∘ is associative (not commutative), so the steps can be grouped in any order; level k combines each step t with step t − 2^(k−1) of the level above and copies the earlier steps.',
    zh: '为何成立：∘ 满足结合律（不满足交换律），步骤可以任意分组；第 k 层把每个 t 与上一层的第 t − 2^(k−1) 步结合，更早的步骤原样复制。',
  },
  'sheets.parallelScan.choice': {
    en: 'Why Hillis–Steele, not Blelloch: every level is a full row of T pairs that reads only the level just above, one band of live formulas; Blelloch does less work (O(T)) but its down-sweep reads levels further back and leaves most cells idle.',
    zh: '为何选 Hillis–Steele 而非 Blelloch：每一层都是完整的 T 个数对，只读取紧邻的上一层，正好是一条实时公式带；Blelloch 的工作量更少（O(T)），但其下扫要读取更早的层，且多数单元格闲置。',
  },
  'sheets.parallelScan.cost': {
    en: 'Work and depth: {levels} levels (⌈log₂T⌉), about T·log₂T combines: O(T log T) work in O(log T) depth, against T − 1 steps one after another in the loop above.',
    zh: '工作量与深度：{levels} 层（⌈log₂T⌉），约 T·log₂T 次结合：O(T log T) 的工作量、O(log T) 的深度，而上方的循环要依次做 T − 1 步。',
  },
  'sheets.parallelScan.gpu': {
    en: 'Why this lets a GPU train Mamba: Ā and B̄ change with every token, so the scan is no convolution (as in S4); but h is linear in h_{t−1}, so all T steps of a level run at once on thousands of GPU threads (mamba_ssm fuses the scan into one kernel in fast on-chip memory) instead of T steps in a row.',
    zh: '为何 GPU 能借此训练 Mamba：Ā 和 B̄ 随每个词元变化，扫描无法像 S4 那样写成卷积；但 h 对 h_{t−1} 是线性的，所以一层的 T 步可在数千个 GPU 线程上同时计算（mamba_ssm 把扫描融合为一个在片上高速存储中运行的内核），而不必逐步进行。',
  },
  'sheets.parallelScan.level0': {
    en: 'Level 0: the pairs aₜ = Āₜ (copied), bₜ = B̄ₜ·uₜ    (upper rows a, lower rows b)',
    zh: '第 0 层：数对 aₜ = Āₜ（复制），bₜ = B̄ₜ·uₜ    （上面几行为 a，下面几行为 b）',
  },
  'sheets.parallelScan.level': {
    en: 'Level {k} (stride s = {s}): (aₜ, bₜ) ← (aₜ₋ₛ, bₜ₋ₛ) ∘ (aₜ, bₜ) = (aₜ·aₜ₋ₛ, aₜ·bₜ₋ₛ + bₜ) for t > {s}; t ≤ {s} copied from level {prev}',
    zh: '第 {k} 层（步距 s = {s}）：当 t > {s} 时 (aₜ, bₜ) ← (aₜ₋ₛ, bₜ₋ₛ) ∘ (aₜ, bₜ) = (aₜ·aₜ₋ₛ, aₜ·bₜ₋ₛ + bₜ)；t ≤ {s} 从第 {prev} 层复制',
  },
  'sheets.parallelScan.diff': {
    en: '|b of level {L} − hₜ|: the last level equals the sequential state; the check cell holds the largest difference',
    zh: '|第 {L} 层的 b − hₜ|：最后一层等于顺序计算的状态；检查单元格给出最大差值',
  },
  'sheets.parallelScan.rowA': {
    en: 'a · channel {d}',
    zh: 'a · 通道 {d}',
  },
  'sheets.parallelScan.rowB': {
    en: 'b · channel {d}',
    zh: 'b · 通道 {d}',
  },
  'sheets.parallelScan.copy': {
    en: '= level {prev}',
    zh: '= 第 {prev} 层',
  },
  'sheets.parallelScan.check': {
    en: 'largest |difference|',
    zh: '最大 |差值|',
  },
  // lstm-seq2seq-sheet.ts and lstm-seq2seq-weights.ts: the LSTM encoder–decoder
  'sheets.seq2seq.outputSize': {
    en: 'Output size O',
    zh: '输出维度 O',
  },
  'sheets.seq2seq.targetSteps': {
    en: 'Target length T_tgt',
    zh: '目标序列长度 T_tgt',
  },
  'sheets.seq2seq.encoder': {
    en: 'Encoder: an LSTM reads the source x₁ … x_T from h₀ = c₀ = 0',
    zh: '编码器：一个 LSTM 从 h₀ = c₀ = 0 开始读入源序列 x₁ … x_T',
  },
  'sheets.seq2seq.handover': {
    en: 'Hand-over: the encoder’s final (h, c) becomes the decoder’s initial state, the only way the source reaches the decoder',
    zh: '交接：编码器最后的 (h, c) 成为解码器的初始状态，这是源序列到达解码器的唯一途径',
  },
  'sheets.seq2seq.handoverEq': {
    en: 'h₀(decoder) = h_T(encoder),  c₀(decoder) = c_T(encoder)',
    zh: 'h₀(解码器) = h_T(编码器)，c₀(解码器) = c_T(编码器)',
  },
  'sheets.seq2seq.decoderForced': {
    en: 'Decoder: an LSTM with its own weights starts from the hand-over and reads y_in (teacher forcing: the known target, shifted one step)',
    zh: '解码器：一个有自己权重的 LSTM 从交接状态开始，读入 y_in（教师强制：已知目标右移一步）',
  },
  'sheets.seq2seq.decoderFedBack': {
    en: 'Decoder: an LSTM with its own weights starts from the hand-over and reads the start vector, then its own previous prediction ŷ_{t−1}',
    zh: '解码器：一个有自己权重的 LSTM 从交接状态开始，先读入起始向量，之后读入自己上一步的预测 ŷ_{t−1}',
  },
  'sheets.seq2seq.output': {
    en: 'ŷ_t = W_hy · h_t + b_y    (a linear head on every decoder state)',
    zh: 'ŷ_t = W_hy · h_t + b_y    （每个解码器状态上的线性输出层）',
  },
  'sheets.seq2seq.dictMismatch': {
    en: 'the state_dict has {what} {dict} but the sheet asks for {asked}',
    zh: 'state_dict 的{what}为 {dict}，但配置为 {asked}',
  },
  'sheets.seq2seq.size.I': {
    en: 'input size I',
    zh: '输入维度 I',
  },
  'sheets.seq2seq.size.H': {
    en: 'hidden size H',
    zh: '隐藏维度 H',
  },
  'sheets.seq2seq.size.O': {
    en: 'output size O',
    zh: '输出维度 O',
  },
  'sheets.seq2seq.size.decoderInput': {
    en: 'decoder input size',
    zh: '解码器输入维度',
  },
  'sheets.role.answer': {
    en: 'your answers (blanks to fill)',
    zh: '你的答案（待填空格）',
  },
  // What a practice sheet's formula shows while a blank it depends on is still empty.
  'sheets.waiting': {
    en: 'waiting',
    zh: '待填',
  },
  // The training sheets (rnn-bptt, lstm-bptt): captions, chain-rule lines and labels.
  'sheets.bptt.rnnTitle': {
    en: 'RNN — training by hand (BPTT)',
    zh: 'RNN —— 手算训练（BPTT）',
  },
  'sheets.bptt.lstmTitle': {
    en: 'LSTM — training by hand (BPTT)',
    zh: 'LSTM —— 手算训练（BPTT）',
  },
  'sheets.bptt.rnnLabel': {
    en: 'RNN — training (BPTT)',
    zh: 'RNN —— 训练（BPTT）',
  },
  'sheets.bptt.lstmLabel': {
    en: 'LSTM — training (BPTT)',
    zh: 'LSTM —— 训练（BPTT）',
  },
  'sheets.bptt.standard': {
    en: 'standard',
    zh: '标准',
  },
  'sheets.bptt.long': {
    en: 'long sequence (at least 20 steps, only the last one off target): watch the gradient vanish',
    zh: '长序列（至少 20 步，仅最后一步偏离目标）：观察梯度消失',
  },
  'sheets.bptt.outputSize': {
    en: 'Output size O',
    zh: '输出维度 O',
  },
  'sheets.bptt.rnnForward': {
    en: 'Forward, time → : zₜ = W_ih·xₜ + W_hh·hₜ₋₁ + b_ih + b_hh,  hₜ = tanh(zₜ),  ŷₜ = W_hy·hₜ + b_y,  ℓₜ = ½‖ŷₜ − yₜ‖²,  L = Σₜ ℓₜ',
    zh: '正向，时间 → ：zₜ = W_ih·xₜ + W_hh·hₜ₋₁ + b_ih + b_hh，hₜ = tanh(zₜ)，ŷₜ = W_hy·hₜ + b_y，ℓₜ = ½‖ŷₜ − yₜ‖²，L = Σₜ ℓₜ',
  },
  'sheets.bptt.lstmForward': {
    en: 'Forward, time → : [i f g o] = [σ σ tanh σ](W_ih·xₜ + W_hh·hₜ₋₁ + b_ih + b_hh),  cₜ = f⊙cₜ₋₁ + i⊙g,  hₜ = o⊙tanh(cₜ),  ŷₜ = W_hy·hₜ + b_y,  ℓₜ = ½‖ŷₜ − yₜ‖²',
    zh: '正向，时间 → ：[i f g o] = [σ σ tanh σ](W_ih·xₜ + W_hh·hₜ₋₁ + b_ih + b_hh)，cₜ = f⊙cₜ₋₁ + i⊙g，hₜ = o⊙tanh(cₜ)，ŷₜ = W_hy·hₜ + b_y，ℓₜ = ½‖ŷₜ − yₜ‖²',
  },
  'sheets.bptt.rnnBackward': {
    en: 'Backward, time ← (chain rule): ∂L/∂hₜ = W_hyᵀ(ŷₜ − yₜ) + W_hhᵀ·∂L/∂zₜ₊₁,  ∂L/∂zₜ = ∂L/∂hₜ ⊙ (1 − hₜ²)   [tanh′ = 1 − h²]',
    zh: '反向，时间 ← （链式法则）：∂L/∂hₜ = W_hyᵀ(ŷₜ − yₜ) + W_hhᵀ·∂L/∂zₜ₊₁，∂L/∂zₜ = ∂L/∂hₜ ⊙ (1 − hₜ²)   [tanh′ = 1 − h²]',
  },
  'sheets.bptt.lstmBackward': {
    en: 'Backward, time ← (chain rule): ∂L/∂hₜ = W_hyᵀ(ŷₜ − yₜ) + W_hhᵀ·∂L/∂zₜ₊₁,  ∂L/∂cₜ = ∂L/∂hₜ⊙o⊙(1 − tanh²cₜ) + ∂L/∂cₜ₊₁⊙fₜ₊₁,  ∂L/∂i = ∂L/∂c⊙g, ∂L/∂f = ∂L/∂c⊙cₜ₋₁, ∂L/∂g = ∂L/∂c⊙i, ∂L/∂o = ∂L/∂h⊙tanh cₜ;  σ′ = σ(1 − σ), tanh′ = 1 − g²',
    zh: '反向，时间 ← （链式法则）：∂L/∂hₜ = W_hyᵀ(ŷₜ − yₜ) + W_hhᵀ·∂L/∂zₜ₊₁，∂L/∂cₜ = ∂L/∂hₜ⊙o⊙(1 − tanh²cₜ) + ∂L/∂cₜ₊₁⊙fₜ₊₁，∂L/∂i = ∂L/∂c⊙g，∂L/∂f = ∂L/∂c⊙cₜ₋₁，∂L/∂g = ∂L/∂c⊙i，∂L/∂o = ∂L/∂h⊙tanh cₜ；σ′ = σ(1 − σ)，tanh′ = 1 − g²',
  },
  'sheets.bptt.gradients': {
    en: 'Gradients: each step adds ∂L/∂zₜ·xₜᵀ to ∂L/∂W_ih, ∂L/∂zₜ·hₜ₋₁ᵀ to ∂L/∂W_hh, ∂L/∂zₜ to both biases, (ŷₜ − yₜ)·hₜᵀ to ∂L/∂W_hy; the blocks at the left are the sums over all steps',
    zh: '梯度：每一步把 ∂L/∂zₜ·xₜᵀ 加到 ∂L/∂W_ih，∂L/∂zₜ·hₜ₋₁ᵀ 加到 ∂L/∂W_hh，∂L/∂zₜ 加到两个偏置，(ŷₜ − yₜ)·hₜᵀ 加到 ∂L/∂W_hy；左侧各块是所有时间步之和',
  },
  'sheets.bptt.sgd': {
    en: 'One gradient step: W′ = W − η·s·∂L/∂W with s = c/‖g‖ when the norm ‖g‖ of all gradients exceeds c (clipping), else 1; then the forward pass again with W′',
    zh: '一步梯度下降：W′ = W − η·s·∂L/∂W；当全部梯度的范数 ‖g‖ 超过 c 时 s = c/‖g‖（裁剪），否则 s = 1；然后用 W′ 再做一次正向计算',
  },
  'sheets.bptt.vanish': {
    en: 'Bars: ‖∂L/∂hₜ‖ per step. Read them right to left: how much of the error reaches the early steps?',
    zh: '数据条：每一步的 ‖∂L/∂hₜ‖。从右向左看：误差有多少能传回到最早的时间步？',
  },
  'sheets.bptt.vanishLong': {
    en: 'Only the last step misses its target (the earlier targets equal the predictions): the RNN’s bars shrink by orders of magnitude going back, the LSTM’s cell gradient ‖∂L/∂cₜ‖ stays.',
    zh: '只有最后一步偏离目标（之前的目标都等于预测）：RNN 的数据条向前逐级缩小几个数量级，LSTM 的细胞梯度 ‖∂L/∂cₜ‖ 却保持住了。',
  },
  'sheets.bptt.time': {
    en: 't =',
    zh: 't =',
  },
  'sheets.bptt.initial': {
    en: 'start',
    zh: '初始',
  },
  'sheets.bptt.input': {
    en: 'xₜ',
    zh: 'xₜ',
  },
  'sheets.bptt.zh': {
    en: 'zₜ │ hₜ = tanh(zₜ)',
    zh: 'zₜ │ hₜ = tanh(zₜ)',
  },
  'sheets.bptt.gatePre': {
    en: 'pre-activation │ gate',
    zh: '预激活 │ 门',
  },
  'sheets.bptt.cellState': {
    en: 'cₜ │ hₜ',
    zh: 'cₜ │ hₜ',
  },
  'sheets.bptt.head': {
    en: 'ŷₜ │ yₜ (target) │ ŷₜ − yₜ',
    zh: 'ŷₜ │ yₜ（目标）│ ŷₜ − yₜ',
  },
  'sheets.bptt.stepLoss': {
    en: 'ℓₜ = ½‖ŷₜ − yₜ‖²',
    zh: 'ℓₜ = ½‖ŷₜ − yₜ‖²',
  },
  'sheets.bptt.totalLoss': {
    en: 'L = Σₜ ℓₜ',
    zh: 'L = Σₜ ℓₜ',
  },
  'sheets.bptt.units': {
    en: 'per unit j',
    zh: '按单元 j',
  },
  'sheets.bptt.lstmGates': {
    en: 'per gate (σ′ = σ(1 − σ), tanh′ = 1 − g²)',
    zh: '按门（σ′ = σ(1 − σ)，tanh′ = 1 − g²）',
  },
  'sheets.bptt.fromOutput': {
    en: 'from ŷₜ',
    zh: '来自 ŷₜ',
  },
  'sheets.bptt.fromFuture': {
    en: 'from z_{t+1}',
    zh: '来自 z_{t+1}',
  },
  'sheets.bptt.viaCell': {
    en: 'via c_{t+1}',
    zh: '经 c_{t+1}',
  },
  'sheets.bptt.backStart': {
    en: 't = 0',
    zh: 't = 0',
  },
  'sheets.bptt.dhNorm': {
    en: '‖∂L/∂hₜ‖',
    zh: '‖∂L/∂hₜ‖',
  },
  'sheets.bptt.dcNorm': {
    en: '‖∂L/∂cₜ‖',
    zh: '‖∂L/∂cₜ‖',
  },
  'sheets.bptt.stepContrib': {
    en: 'this step: ∂L/∂zₜ·[xₜ ; hₜ₋₁]ᵀ',
    zh: '本步：∂L/∂zₜ·[xₜ ; hₜ₋₁]ᵀ',
  },
  'sheets.bptt.headContrib': {
    en: 'this step: (ŷₜ − yₜ)·hₜᵀ',
    zh: '本步：(ŷₜ − yₜ)·hₜᵀ',
  },
  'sheets.bptt.eta': {
    en: 'learning rate η',
    zh: '学习率 η',
  },
  'sheets.bptt.clip': {
    en: 'clip threshold c',
    zh: '裁剪阈值 c',
  },
  'sheets.bptt.norm': {
    en: '‖g‖ (all gradients)',
    zh: '‖g‖（全部梯度）',
  },
  'sheets.bptt.scale': {
    en: 's = min(1, c/‖g‖)',
    zh: 's = min(1, c/‖g‖)',
  },
  'sheets.bptt.newState': {
    en: 'h′ₜ with W′',
    zh: '用 W′ 的 h′ₜ',
  },
  'sheets.bptt.newCellState': {
    en: 'c′ₜ │ h′ₜ with W′',
    zh: '用 W′ 的 c′ₜ │ h′ₜ',
  },
  'sheets.bptt.newHead': {
    en: 'ŷ′ₜ',
    zh: 'ŷ′ₜ',
  },
  'sheets.bptt.newStepLoss': {
    en: 'ℓ′ₜ',
    zh: 'ℓ′ₜ',
  },
  'sheets.bptt.newLoss': {
    en: 'new loss L′',
    zh: '新损失 L′',
  },
  'sheets.bptt.legendTarget': {
    en: 'inputs xₜ and targets yₜ',
    zh: '输入 xₜ 与目标 yₜ',
  },
  'sheets.bptt.legendWeights': {
    en: 'input and output weights W_ih, W_hy',
    zh: '输入与输出权重 W_ih、W_hy',
  },
  'sheets.bptt.legendRecurrent': {
    en: 'recurrent weights W_hh',
    zh: '循环权重 W_hh',
  },
  'sheets.bptt.legendBias': {
    en: 'biases, η and c',
    zh: '偏置、η 与 c',
  },
  'sheets.bptt.legendState': {
    en: 'states h, c',
    zh: '状态 h、c',
  },
  'sheets.bptt.legendComputed': {
    en: 'pre-activations and derivatives (formulas)',
    zh: '预激活与导数（公式）',
  },
  'sheets.bptt.legendOutput': {
    en: 'outputs, losses, gradients and new weights',
    zh: '输出、损失、梯度与新权重',
  },
  ...RECURRENT_SHEET_MESSAGES,
  ...SSM_XLSTM_SHEET_MESSAGES,
  ...TRAINING_SHEET_MESSAGES,
  // kit/colour.ts and kit/flow.ts: the colour scales and the arrows between steps
  'sheets.colour.legend': {
    en: 'Colour scales: {parts}',
    zh: '色阶：{parts}',
  },
  'sheets.colour.join': {
    en: '; ',
    zh: '；',
  },
  'sheets.colour.unit': {
    en: 'gates 0 (white) → 1 (green)',
    zh: '门：0（白）→ 1（绿）',
  },
  'sheets.colour.signed': {
    en: 'states blue < 0 < red, scaled to each band',
    zh: '状态：蓝 < 0 < 红，按各带数值缩放',
  },
  'sheets.flow.legend': {
    en: 'Dashed arrows: a state carried to the later step that reads it (in the exported file, a note on each cell that reads it)',
    zh: '虚线箭头：传给后面读取它的那一步的状态（导出文件中为读取它的单元格上的批注）',
  },
  'sheets.flow.from': {
    en: '← {state} from t = {t}',
    zh: '← 来自 t = {t} 的 {state}',
  },
  'sheets.colour.lineJoin': {
    en: '. ',
    zh: '。',
  },
  'sheets.flow.handover': {
    en: '← {state} from the encoder at t = {t}',
    zh: '← 来自编码器 t = {t} 的 {state}',
  },
  'sheets.flow.level': {
    en: '← {state} of level {level} from t = {t}',
    zh: '← 来自 t = {t} 第 {level} 层的 {state}',
  },
  // A ReLU stack whose small-integer weights grow h past what the sheet can add exactly
  'sheets.recurrent.reluGrows': {
    en: 'with small-integer weights this ReLU stack grows h past 1E+9 at step {step}, and to {largest} by the end; past 1E+9 a sheet’s sums lose their last digits: choose PyTorch-style weights, tanh, or fewer steps or layers',
    zh: '使用小整数权重时，这个 ReLU 堆叠的 h 在第 {step} 步超过 1E+9，最后达到 {largest}；超过 1E+9 后表格的求和会丢失末位数字：请改用 PyTorch 风格权重、tanh，或减少步数或层数',
  },
});

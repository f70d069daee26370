/**
 * Wording of the Mamba and xLSTM sheets (scan, block, sLSTM, mLSTM): titles, legends,
 * variant labels, the plain-language role of every band, the "What to try" boxes, the
 * narrative rows and the cost tables. Spread into SHEET_MESSAGES, so the keys are
 * `sheets.` keys like the rest of the builders' wording.
 */
import { defineMessages } from './catalogue';
export const SSM_XLSTM_SHEET_MESSAGES = defineMessages({
  // Shared by the Mamba sheets
  'sheets.mamba.variant.zoh': {
    en: 'zero-order hold: B̄ = (exp(ΔA) − 1)/A · B (exact)',
    zh: '零阶保持：B̄ = (exp(ΔA) − 1)/A · B（精确）',
  },
  'sheets.mamba.variant.euler': {
    en: 'ZOH for A, Euler for B, as mamba_ssm: Ā = exp(ΔA), B̄ = Δ·B',
    zh: 'A 用零阶保持、B 用欧拉，同 mamba_ssm：Ā = exp(ΔA)，B̄ = Δ·B',
  },
  'sheets.mamba.variant.sequentialOnly': {
    en: '{label} — sequential scan only',
    zh: '{label}——仅顺序扫描',
  },
  'sheets.mamba.legend.aLog': {
    en: 'A_log (how fast each state decays)',
    zh: 'A_log（各状态的衰减速度）',
  },
  'sheets.mamba.legend.state': {
    en: 'state h',
    zh: '状态 h',
  },
  'sheets.roles.mamba.delta': {
    en: 'Δₜ: how long a step this token takes — large resets the state, small keeps it',
    zh: 'Δₜ：这个词元走多长的一步——大则重置状态，小则保留状态',
  },
  'sheets.roles.mamba.aBar': {
    en: 'Āₜ: how much of the old state survives this token — near 1 keeps it, near 0 forgets it',
    zh: 'Āₜ：旧状态在这个词元处保留多少——接近 1 则保留，接近 0 则遗忘',
  },
  'sheets.roles.mamba.bBar': {
    en: 'B̄ₜ: how strongly this token is written into each state — near 0 the token is ignored',
    zh: 'B̄ₜ：这个词元写入各状态的强度——接近 0 时该词元被忽略',
  },
  'sheets.roles.mamba.h': {
    en: 'hₜ: the state, a decaying summary of the tokens so far (N numbers per channel), carried to the next token',
    zh: 'hₜ：状态，对至今词元的衰减汇总（每个通道 N 个数），传给下一个词元',
  },
  'sheets.roles.mamba.y': {
    en: 'yₜ: the output — the state read out through Cₜ, plus the skip D·uₜ',
    zh: 'yₜ：输出——经 Cₜ 读出的状态，加上跳跃连接 D·uₜ',
  },
  'sheets.roles.mamba.selection': {
    en: 'Bₜ: how much of the token goes into each state; Cₜ: how much of each state is read out — both chosen by the token',
    zh: 'Bₜ：词元写入各状态的多少；Cₜ：从各状态读出的多少——两者都由词元决定',
  },
  'sheets.mamba.paperNote': {
    en: 'As in Gu & Dao (2023): a large Δ resets the state and a small Δ keeps it (the source article has this backwards; see docs/DESIGN-NOTES.md).',
    zh: '与 Gu & Dao（2023）一致：Δ 大则重置状态，Δ 小则保留状态（原文章把这点说反了，见 docs/DESIGN-NOTES.md）。',
  },
  // mamba-scan-sheet.ts
  'sheets.mambaScan.title': {
    en: 'Mamba selective scan (S6)',
    zh: 'Mamba 选择性扫描（S6）',
  },
  'sheets.mambaScan.label': {
    en: 'Mamba selective scan',
    zh: 'Mamba 选择性扫描',
  },
  'sheets.mambaScan.legend.input': {
    en: 'input uₜ',
    zh: '输入 uₜ',
  },
  'sheets.mambaScan.legend.weight': {
    en: 'selection weights w_Δ, W_B, W_C; skip D',
    zh: '选择权重 w_Δ、W_B、W_C；跳跃连接 D',
  },
  'sheets.mambaScan.legend.bias': {
    en: 'step-size bias b_Δ',
    zh: '步长偏置 b_Δ',
  },
  'sheets.mambaScan.legend.gate': {
    en: 'decay Ā = exp(ΔA)',
    zh: '衰减 Ā = exp(ΔA)',
  },
  'sheets.mambaScan.legend.activation': {
    en: 'step size Δ = softplus(Δ̃)',
    zh: '步长 Δ = softplus(Δ̃)',
  },
  'sheets.mambaScan.legend.computed': {
    en: 'δ, Δ̃, B, C, A and B̄ (formulas)',
    zh: 'δ、Δ̃、B、C、A 与 B̄（公式）',
  },
  'sheets.mambaScan.legend.output': {
    en: 'output y',
    zh: '输出 y',
  },
  'sheets.mambaScan.legend.copy': {
    en: 'a pair copied unchanged from the level above',
    zh: '从上一层原样复制的数对',
  },
  'sheets.mambaScan.u': {
    en: 'uₜ: the input, one value per channel d',
    zh: 'uₜ：输入，每个通道 d 一个值',
  },
  'sheets.roles.mambaScan.u': {
    en: 'uₜ: what the scan reads at this token; everything below is computed from it',
    zh: 'uₜ：扫描在这个词元读入的值；下面的一切都由它算出',
  },
  'sheets.mambaScan.selectionHeading': {
    en: 'Selection: Δ, B and C are computed from the token uₜ — this is what makes Mamba selective (in S4 they are fixed)',
    zh: '选择：Δ、B、C 都由词元 uₜ 算出——这正是 Mamba “选择性”的来源（S4 中它们是固定的）',
  },
  'sheets.mambaScan.dt': {
    en: 'δₜ = w_Δ · uₜ (one number per token); Δ̃ₜ = δₜ + b_Δ; Δₜ = softplus(Δ̃ₜ) = max(Δ̃,0) + ln(1 + e^{−|Δ̃|}) > 0',
    zh: 'δₜ = w_Δ · uₜ（每个词元一个数）；Δ̃ₜ = δₜ + b_Δ；Δₜ = softplus(Δ̃ₜ) = max(Δ̃,0) + ln(1 + e^{−|Δ̃|}) > 0',
  },
  'sheets.mambaScan.BC': {
    en: 'Bₜ = W_B · uₜ,  Cₜ = W_C · uₜ    (N values each, shared by every channel)',
    zh: 'Bₜ = W_B · uₜ，Cₜ = W_C · uₜ    （各 N 个值，所有通道共用）',
  },
  'sheets.mambaScan.rankNote': {
    en: 'Δ from one number per token, as in the paper’s Algorithm 2; mamba_ssm uses dt_rank numbers and a dt_proj matrix (the Mamba block sheet).',
    zh: 'Δ 由每个词元的一个数得到，同论文算法 2；mamba_ssm 使用 dt_rank 个数与 dt_proj 矩阵（见 Mamba 块工作表）。',
  },
  'sheets.mambaScan.cost.heading': {
    en: 'Cost: the scan against attention, computed from this sheet’s sizes (type a larger T to compare)',
    zh: '开销：扫描与注意力对比，由本表的尺寸算出（输入更大的 T 进行比较）',
  },
  // mamba-block-sheet.ts
  'sheets.mambaBlock.title': {
    en: 'Mamba block: the mixer from in_proj to out_proj (the residual and the RMSNorm around it are not on this sheet)',
    zh: 'Mamba 块：从 in_proj 到 out_proj 的混合层（其外的残差连接与 RMSNorm 不在本表中）',
  },
  'sheets.mambaBlock.label': {
    en: 'Mamba block',
    zh: 'Mamba 块',
  },
  'sheets.mambaBlock.legend.input': {
    en: 'token xₜ',
    zh: '词元 xₜ',
  },
  'sheets.mambaBlock.legend.weight': {
    en: 'weights: in_proj, conv1d, x_proj, dt_proj, D, out_proj',
    zh: '权重：in_proj、conv1d、x_proj、dt_proj、D、out_proj',
  },
  'sheets.mambaBlock.legend.bias': {
    en: 'biases: conv1d, dt_bias',
    zh: '偏置：conv1d、dt_bias',
  },
  'sheets.mambaBlock.legend.gate': {
    en: 'decay Ā = exp(ΔA), gate SiLU(z)',
    zh: '衰减 Ā = exp(ΔA)、门 SiLU(z)',
  },
  'sheets.mambaBlock.legend.activation': {
    en: 'u = SiLU(conv), Δ = softplus(·)',
    zh: 'u = SiLU(conv)、Δ = softplus(·)',
  },
  'sheets.mambaBlock.legend.computed': {
    en: 'projections, A, B̄ (formulas)',
    zh: '投影、A、B̄（公式）',
  },
  'sheets.mambaBlock.legend.output': {
    en: 'y and the block output',
    zh: 'y 与块输出',
  },
  'sheets.roles.mambaBlock.token': {
    en: 'xₜ: the token entering the block',
    zh: 'xₜ：进入该块的词元',
  },
  'sheets.roles.mambaBlock.inX': {
    en: 'x_in: the branch that goes through the conv and the scan',
    zh: 'x_in：经过卷积与扫描的分支',
  },
  'sheets.roles.mambaBlock.inZ': {
    en: 'z: the gate branch — it decides how much of the scan’s output passes',
    zh: 'z：门控分支——决定扫描输出通过多少',
  },
  'sheets.roles.mambaBlock.conv': {
    en: 'uₜ: the token mixed with the few tokens before it (local context), then SiLU',
    zh: 'uₜ：当前词元与前几个词元的混合（局部上下文），再经 SiLU',
  },
  'sheets.roles.mambaBlock.dt': {
    en: 'δₜ: a few numbers from uₜ that set the step size — the token chooses Δ (selection)',
    zh: 'δₜ：由 uₜ 算出的几个数，决定步长——词元自己选择 Δ（选择性）',
  },
  'sheets.roles.mambaBlock.B': {
    en: 'Bₜ: how much of the token goes into each state, chosen by the token',
    zh: 'Bₜ：词元写入各状态的多少，由词元决定',
  },
  'sheets.roles.mambaBlock.C': {
    en: 'Cₜ: how much of each state is read out, chosen by the token',
    zh: 'Cₜ：从各状态读出的多少，由词元决定',
  },
  'sheets.roles.mambaBlock.gate': {
    en: 'SiLU(zₜ) near 0 closes this channel’s output; large lets it through',
    zh: 'SiLU(zₜ) 接近 0 时关闭该通道的输出；较大时放行',
  },
  'sheets.roles.mambaBlock.out': {
    en: 'outₜ: back to d_model features; mamba_ssm then adds the residual xₜ (not on this sheet)',
    zh: 'outₜ：变回 d_model 个特征；mamba_ssm 随后加上残差 xₜ（不在本表中）',
  },
  'sheets.mambaBlock.deltaNote': {
    en: 'Δ changes from token to token (it is computed from uₜ): watch Ā follow it.',
    zh: 'Δ 随词元而变（由 uₜ 算出）：观察 Ā 如何随之变化。',
  },
  // Cost tables (Mamba scan and mLSTM)
  'sheets.cost.quantity': {
    en: 'quantity',
    zh: '项目',
  },
  'sheets.cost.attention': {
    en: 'attention',
    zh: '注意力',
  },
  'sheets.cost.T': {
    en: 'sequence length T',
    zh: '序列长度 T',
  },
  'sheets.cost.state': {
    en: 'state kept',
    zh: '保存的状态',
  },
  'sheets.cost.perToken': {
    en: 'work for token T',
    zh: '第 T 个词元',
  },
  'sheets.cost.sequence': {
    en: 'work for all T',
    zh: '全部 T 个词元',
  },
  'sheets.cost.matrix': {
    en: 'entries of a T × T matrix',
    zh: 'T × T 矩阵的元素数',
  },
  'sheets.cost.scan': {
    en: 'Mamba',
    zh: 'Mamba',
  },
  'sheets.cost.mlstm': {
    en: 'mLSTM',
    zh: 'mLSTM',
  },
  'sheets.cost.scanNote': {
    en: 'Work counts multiply-adds. Scan: D·N states; per token Ā⊙h, B̄·u and C·h, 3·D·N. Attention keeps every key and value (2·T·D) and scores all T of them: O(T) against O(T²) for the sequence.',
    zh: '工作量按乘加次数计。扫描：D·N 个状态；每个词元做 Ā⊙h、B̄·u、C·h，共 3·D·N 次。注意力保存所有键和值（2·T·D），并对全部 T 个打分：整个序列 O(T) 对 O(T²)。',
  },
  'sheets.cost.mlstmNote': {
    en: 'Work counts multiply-adds. mLSTM: C (d × d), n (d) and m; per token f′C + i′vkᵀ and Cq, 3·d². Attention keeps 2·T·d numbers and needs 2·T·d for token T; the parallel form below builds the T × T matrices as attention does.',
    zh: '工作量按乘加次数计。mLSTM：C（d × d）、n（d）与 m；每个词元做 f′C + i′vkᵀ 与 Cq，共 3·d²。注意力保存 2·T·d 个数，第 T 个词元需要 2·T·d 次；下方的并行形式像注意力一样构造 T × T 矩阵。',
  },
  // slstm-sheet.ts
  'sheets.slstm.title': {
    en: 'sLSTM (xLSTM, scalar memory; Beck et al. 2024)',
    zh: 'sLSTM（xLSTM 标量记忆；Beck 等，2024）',
  },
  'sheets.slstm.label': {
    en: 'sLSTM',
    zh: 'sLSTM 标量记忆',
  },
  'sheets.slstm.variant.sigmoid': {
    en: 'sigmoid forget gate: log f = logσ(f̃)',
    zh: 'sigmoid 遗忘门：log f = logσ(f̃)',
  },
  'sheets.slstm.variant.exp': {
    en: 'exponential forget gate: log f = f̃',
    zh: '指数遗忘门：log f = f̃',
  },
  'sheets.slstm.legend.input': {
    en: 'input xₜ',
    zh: '输入 xₜ',
  },
  'sheets.slstm.legend.weight': {
    en: 'input weights W',
    zh: '输入权重 W',
  },
  'sheets.slstm.legend.recurrentWeight': {
    en: 'recurrent weights R (per head)',
    zh: '循环权重 R（按头分块）',
  },
  'sheets.slstm.legend.bias': {
    en: 'biases b',
    zh: '偏置 b',
  },
  'sheets.slstm.legend.state': {
    en: 'states h, c, n and stabiliser m',
    zh: '状态 h、c、n 与稳定器 m',
  },
  'sheets.slstm.legend.gate': {
    en: 'gates: log f, o, i′, f′',
    zh: '门：log f、o、i′、f′',
  },
  'sheets.slstm.legend.activation': {
    en: 'candidate z = tanh(z̃)',
    zh: '候选记忆 z = tanh(z̃)',
  },
  'sheets.slstm.legend.computed': {
    en: 'pre-activations ĩ, f̃, z̃, õ and the rows without m (formulas)',
    zh: '预激活 ĩ、f̃、z̃、õ 与不带 m 的各行（公式）',
  },
  'sheets.roles.xlstm.i': {
    en: 'input gate ĩₜ: how strongly this step writes; exponential, so exp(ĩ) can be huge — hence m',
    zh: '输入门 ĩₜ：这一步写入的强度；它是指数门，exp(ĩ) 可能极大——所以需要 m',
  },
  'sheets.roles.xlstm.f': {
    en: 'forget gate fₜ: 1 keeps the old memory, 0 erases it (kept as log f for the stabiliser)',
    zh: '遗忘门 fₜ：1 保留旧记忆，0 擦除旧记忆（以 log f 形式供稳定器使用）',
  },
  'sheets.roles.xlstm.z': {
    en: 'candidate zₜ: what this step would write into the memory',
    zh: '候选记忆 zₜ：这一步想写入记忆的内容',
  },
  'sheets.roles.xlstm.o': {
    en: 'output gate oₜ: how much of the memory shows in h',
    zh: '输出门 oₜ：记忆在 h 中显示多少',
  },
  'sheets.roles.xlstm.m': {
    en: 'stabiliser mₜ: the largest log-weight so far; subtracting it keeps every exp() ≤ 1',
    zh: '稳定器 mₜ：至今最大的对数权重；减去它使每个 exp() ≤ 1',
  },
  'sheets.roles.xlstm.iStab': {
    en: 'i′ₜ = exp(ĩ − m): the input gate rescaled by the stabiliser (≤ 1)',
    zh: 'i′ₜ = exp(ĩ − m)：按稳定器缩放后的输入门（≤ 1）',
  },
  'sheets.roles.xlstm.fStab': {
    en: 'f′ₜ: the forget gate rescaled by the stabiliser',
    zh: 'f′ₜ：按稳定器缩放后的遗忘门',
  },
  'sheets.roles.slstm.c': {
    en: 'cell state cₜ: the long-term memory (times exp(−m)), carried to the next step',
    zh: '细胞状态 cₜ：长期记忆（乘以 exp(−m)），传给下一步',
  },
  'sheets.roles.slstm.n': {
    en: 'normaliser nₜ: the total weight written so far, so c/n is a weighted average of z',
    zh: '归一化状态 nₜ：至今写入的总权重，所以 c/n 是 z 的加权平均',
  },
  'sheets.roles.slstm.h': {
    en: 'hidden state hₜ = o ⊙ c/n: between −1 and 1 whatever the gates; fed back through R',
    zh: '隐藏状态 hₜ = o ⊙ c/n：无论门取何值都在 −1 与 1 之间；经 R 反馈',
  },
  'sheets.slstm.m0Note': {
    en: 'm starts at m₀ = −∞, so m₁ = ĩ₁: c₀ = n₀ = 0 hold nothing, and h = o·c/n has no floor that m could change. (The mLSTM starts at m₀ = 0 because its floor depends on m.)',
    zh: 'm 从 m₀ = −∞ 开始，故 m₁ = ĩ₁：c₀ = n₀ = 0 中什么也没有，且 h = o·c/n 没有受 m 影响的下限。（mLSTM 从 m₀ = 0 开始，因为它的下限取决于 m。）',
  },
  'sheets.xlstm.paperNote': {
    en: 'xLSTM as published by Beck et al. (2024): exponential gates, a normaliser and a stabiliser. The source article’s “dynamic expansion / chunked memory” is not that model (docs/DESIGN-NOTES.md).',
    zh: '此处的 xLSTM 按 Beck 等（2024）发表的模型：指数门、归一化状态与稳定器。原文章的“动态扩展 / 分块记忆”并非该模型（见 docs/DESIGN-NOTES.md）。',
  },
  'sheets.xlstm.rawHeading': {
    en: 'Without the stabiliser: exp(ĩ) itself and the states it grows (float64 overflows past ĩ ≈ 709) — h comes out the same',
    zh: '不用稳定器：exp(ĩ) 本身以及由它放大的状态（ĩ 超过约 709 时 float64 溢出）——h 完全相同',
  },
  'sheets.xlstm.rawI': {
    en: 'exp(ĩₜ): the raw input gate, next to i′ₜ = exp(ĩₜ − mₜ) above',
    zh: 'exp(ĩₜ)：原始输入门，对照上面的 i′ₜ = exp(ĩₜ − mₜ)',
  },
  'sheets.slstm.rawC': {
    en: 'c̄ₜ = fₜ c̄ₜ₋₁ + exp(ĩₜ) zₜ with fₜ = exp(log fₜ): the cell state without m, = cₜ·exp(mₜ)',
    zh: 'c̄ₜ = fₜ c̄ₜ₋₁ + exp(ĩₜ) zₜ，其中 fₜ = exp(log fₜ)：不带 m 的细胞状态，= cₜ·exp(mₜ)',
  },
  'sheets.slstm.rawN': {
    en: 'n̄ₜ = fₜ n̄ₜ₋₁ + exp(ĩₜ): the normaliser without m, = nₜ·exp(mₜ)',
    zh: 'n̄ₜ = fₜ n̄ₜ₋₁ + exp(ĩₜ)：不带 m 的归一化状态，= nₜ·exp(mₜ)',
  },
  'sheets.xlstm.rawH': {
    en: 'h̄ₜ from the raw states: the same numbers as hₜ — exp(−mₜ) cancels in the ratio',
    zh: '由原始状态算出的 h̄ₜ：与 hₜ 相同——exp(−mₜ) 在比值中约去',
  },
  // mlstm-sheet.ts
  'sheets.mlstm.title': {
    en: 'mLSTM (xLSTM, matrix memory; Beck et al. 2024)',
    zh: 'mLSTM（xLSTM 矩阵记忆；Beck 等，2024）',
  },
  'sheets.mlstm.label': {
    en: 'mLSTM',
    zh: 'mLSTM 矩阵记忆',
  },
  'sheets.mlstm.variant.standard': {
    en: 'one head, recurrent and parallel forms',
    zh: '单头，循环形式与并行形式',
  },
  'sheets.mlstm.legend.input': {
    en: 'input xₜ',
    zh: '输入 xₜ',
  },
  'sheets.mlstm.legend.weight': {
    en: 'projection weights W_q, W_k, W_v, W_o, w_i, w_f',
    zh: '投影权重 W_q、W_k、W_v、W_o、w_i、w_f',
  },
  'sheets.mlstm.legend.bias': {
    en: 'biases',
    zh: '偏置',
  },
  'sheets.mlstm.legend.state': {
    en: 'memory C, normaliser n, stabiliser m',
    zh: '记忆 C、归一化 n、稳定器 m',
  },
  'sheets.mlstm.legend.gate': {
    en: 'gates: o, log f, i′, f′, D̃',
    zh: '门：o、log f、i′、f′、D̃',
  },
  'sheets.mlstm.legend.computed': {
    en: 'intermediate values (formulas)',
    zh: '中间值（公式）',
  },
  'sheets.mlstm.legend.copy': {
    en: 'copies: rows of Q, K, V = qₜ, kₜ, vₜ',
    zh: '副本：Q、K、V 的行 = qₜ、kₜ、vₜ',
  },
  'sheets.mlstm.legend.output': {
    en: 'output h',
    zh: '输出 h',
  },
  'sheets.roles.mlstm.q': {
    en: 'query qₜ: what this step looks up in the memory',
    zh: '查询 qₜ：这一步在记忆中查找什么',
  },
  'sheets.roles.mlstm.k': {
    en: 'key kₜ: where in the memory vₜ is stored (scaled by 1/√d)',
    zh: '键 kₜ：vₜ 存在记忆中的位置（按 1/√d 缩放）',
  },
  'sheets.roles.mlstm.v': {
    en: 'value vₜ: what is stored',
    zh: '值 vₜ：存入的内容',
  },
  'sheets.roles.mlstm.C': {
    en: 'memory Cₜ: a decaying sum of the outer products v kᵀ, carried to the next step',
    zh: '记忆 Cₜ：外积 v kᵀ 的衰减和，传给下一步',
  },
  'sheets.roles.mlstm.n': {
    en: 'normaliser nₜ: the keys written so far, weighted like C',
    zh: '归一化向量 nₜ：至今写入的键，按与 C 相同的权重累加',
  },
  'sheets.roles.mlstm.Cq': {
    en: 'Cₜqₜ: the memory read with the query',
    zh: 'Cₜqₜ：用查询读取记忆',
  },
  'sheets.roles.mlstm.denom': {
    en: 'denominator: |nᵀq|, how much was written under this query, but at least exp(−m)',
    zh: '分母：|nᵀq|，即在这个查询方向上写入了多少，但至少为 exp(−m)',
  },
  'sheets.roles.mlstm.h': {
    en: 'hidden state hₜ: the read-out, normalised and gated by o',
    zh: '隐藏状态 hₜ：读出值，经归一化并由 o 门控',
  },
  'sheets.mlstm.dStays': {
    en: 'C stays d × d for any T: the memory does not grow with the sequence (attention keeps all T keys and values).',
    zh: '无论 T 多大，C 始终是 d × d：记忆不随序列增长（注意力要保存全部 T 个键和值）。',
  },
  'sheets.mlstm.m0Note': {
    en: 'm starts at m₀ = 0, as in Beck et al.’s code: the floor exp(−mₜ) of the denominator is then 1 in raw units, so the start is part of the model. (The sLSTM has no floor and starts at m₀ = −∞.)',
    zh: 'm 从 m₀ = 0 开始，同 Beck 等的代码：分母的下限 exp(−mₜ) 在原始尺度下即为 1，因此起点是模型的一部分。（sLSTM 没有下限，从 m₀ = −∞ 开始。）',
  },
  'sheets.mlstm.rawC': {
    en: 'C̄ₜ = fₜ C̄ₜ₋₁ + exp(ĩₜ) vₜ(kₜ/√d)ᵀ with fₜ = σ(f̃ₜ): the memory without m, = Cₜ·exp(mₜ)',
    zh: 'C̄ₜ = fₜ C̄ₜ₋₁ + exp(ĩₜ) vₜ(kₜ/√d)ᵀ，其中 fₜ = σ(f̃ₜ)：不带 m 的记忆，= Cₜ·exp(mₜ)',
  },
  'sheets.mlstm.rawN': {
    en: 'n̄ₜ = fₜ n̄ₜ₋₁ + exp(ĩₜ) kₜ/√d, and n̄ₜᵀqₜ: the normaliser without m',
    zh: 'n̄ₜ = fₜ n̄ₜ₋₁ + exp(ĩₜ) kₜ/√d，以及 n̄ₜᵀqₜ：不带 m 的归一化向量',
  },
  'sheets.mlstm.rawH': {
    en: 'h̄ₜ = oₜ ⊙ C̄ₜqₜ / max(|n̄ₜᵀqₜ|, 1): the same numbers as hₜ — the floor exp(−mₜ) becomes 1',
    zh: 'h̄ₜ = oₜ ⊙ C̄ₜqₜ / max(|n̄ₜᵀqₜ|, 1)：与 hₜ 相同——下限 exp(−mₜ) 变为 1',
  },
  'sheets.mlstm.cost.heading': {
    en: 'Cost: mLSTM against attention, computed from this sheet’s sizes (type a larger T to compare)',
    zh: '开销：mLSTM 与注意力对比，由本表的尺寸算出（输入更大的 T 进行比较）',
  },
  'sheets.mlstmParallel.attention': {
    en: 'S is attention with a decay mask: the scores QKᵀ/√d times D̃, which is 0 above the diagonal (causal) and fades with the forget gates.',
    zh: 'S 就是带衰减掩码的注意力：得分 QKᵀ/√d 乘以 D̃；D̃ 在对角线上方为 0（因果），并随遗忘门衰减。',
  },
  'sheets.mlstmParallel.whyF': {
    en: 'mₜ includes Fₜ: that is the recurrent form’s m₀ = 0 carried through t forget gates, so both forms use the same mₜ and the same floor exp(−mₜ).',
    zh: 'mₜ 中包含 Fₜ：它是循环形式的 m₀ = 0 经过 t 个遗忘门后的值，因此两种形式的 mₜ 和下限 exp(−mₜ) 完全相同。',
  },
  'sheets.roles.mlstmParallel.logD': {
    en: 'log D[t,s]: how much of step s’s write is still in the memory at t',
    zh: 'log D[t,s]：第 s 步写入的内容在第 t 步还剩多少',
  },
  'sheets.roles.mlstmParallel.H': {
    en: 'the same h as the recurrent form, from T × T matrices at once',
    zh: '与循环形式相同的 h，由 T × T 矩阵一次算出',
  },
  'sheets.roles.parallelScan.level0': {
    en: 'level 0: one pair per token, a = Ā and b = B̄·u',
    zh: '第 0 层：每个词元一个数对，a = Ā，b = B̄·u',
  },
  'sheets.roles.parallelScan.level': {
    en: 'level {k}: each pair now sums up to {span} tokens; after the last level, b is h',
    zh: '第 {k} 层：每个数对现在汇总至多 {span} 个词元；最后一层之后 b 就是 h',
  },
  'sheets.roles.parallelScan.diff': {
    en: 'should be 0: the parallel scan gives the same h as the loop above',
    zh: '应为 0：并行扫描给出与上方循环相同的 h',
  },
  'sheets.roles.xlstm.rawI': {
    en: 'exp(ĩ) without m: thousands as soon as ĩ is large',
    zh: '不带 m 的 exp(ĩ)：ĩ 一大就是成千上万',
  },
  'sheets.roles.xlstm.rawStates': {
    en: 'the states without m: the ones above times exp(m)',
    zh: '不带 m 的状态：即上面的状态乘以 exp(m)',
  },
  'sheets.roles.xlstm.rawH': {
    en: 'the same h: exp(−m) cancels in the ratio',
    zh: '同样的 h：exp(−m) 在比值中约去',
  },
  'sheets.roles.mlstm.rawC': {
    en: 'the memory without m: C above times exp(m)',
    zh: '不带 m 的记忆：即上面的 C 乘以 exp(m)',
  },
  'sheets.roles.mlstm.rawN': {
    en: 'the normaliser without m, and n̄ᵀq, whose floor is now 1',
    zh: '不带 m 的归一化向量，以及 n̄ᵀq，其下限现在是 1',
  },
  'sheets.roles.mlstmParallel.qkv': {
    en: 'one row per step: the q, k and v computed above',
    zh: '每步一行：上面算出的 q、k、v',
  },
  'sheets.roles.mlstmParallel.S': {
    en: 'S: attention scores QKᵀ/√d under the decay mask D̃',
    zh: 'S：在衰减掩码 D̃ 下的注意力得分 QKᵀ/√d',
  },
  // What to try: the Mamba scan and block (channel d = 1, state n = 1, every token)
  'sheets.mambaScan.try.edit': {
    en: 'set b_Δ[1] ({cell}), the step-size bias of channel d = 1, to {up}, then to {down}',
    zh: '把通道 d = 1 的步长偏置 b_Δ[1]（{cell}）改为 {up}，再改为 {down}',
  },
  'sheets.mambaBlock.try.edit': {
    en: 'set dt_bias[1] ({cell}), the step-size bias of channel d = 1, to {up}, then to {down}',
    zh: '把通道 d = 1 的步长偏置 dt_bias[1]（{cell}）改为 {up}，再改为 {down}',
  },
  'sheets.mamba.try.watch': {
    en: 'Ā of channel d = 1: {up} makes Δ large, so Ā ≈ 0 and the state resets at every token; {down} makes Δ ≈ 0, so Ā ≈ 1 and B̄ ≈ 0: the state is kept and the tokens are ignored',
    zh: '通道 d = 1 的 Ā：{up} 使 Δ 很大，Ā ≈ 0，状态在每个词元处重置；{down} 使 Δ ≈ 0，Ā ≈ 1 且 B̄ ≈ 0：状态被保留，词元被忽略',
  },
  'sheets.mamba.try.resets': {
    en: 'channel 1 resets its state at every token: Ā ≈ 0',
    zh: '通道 1 在每个词元处重置状态：Ā ≈ 0',
  },
  'sheets.mamba.try.ignores': {
    en: 'channel 1 keeps its state and ignores the tokens: Ā ≈ 1, B̄ ≈ 0',
    zh: '通道 1 保留状态并忽略词元：Ā ≈ 1，B̄ ≈ 0',
  },
  'sheets.mamba.try.mixes': {
    en: 'channel 1 keeps part of its state and takes in part of each token',
    zh: '通道 1 保留部分状态，并吸收每个词元的一部分',
  },
  // What to try: sLSTM
  'sheets.slstm.try.edit': {
    en: 'set b_i[1] ({cell}), the input-gate bias of unit 1, to {value}',
    zh: '把单元 1 的输入门偏置 b_i[1]（{cell}）改为 {value}',
  },
  'sheets.slstm.try.watch': {
    en: 'ĩ[1] jumps to about {value} and exp(ĩ) to about {exp}; m[1] jumps with it, so i′ stays ≤ 1 and h keeps its scale: |h| < 1',
    zh: 'ĩ[1] 跳到约 {value}，exp(ĩ) 约为 {exp}；m[1] 随之跳升，所以 i′ 仍 ≤ 1，h 保持原有量级：|h| < 1',
  },
  'sheets.slstm.try.jumped': {
    en: 'm[1] has jumped above 8, yet h[1] stays between −1 and 1',
    zh: 'm[1] 已跳到 8 以上，而 h[1] 仍在 −1 与 1 之间',
  },
  'sheets.slstm.try.calm': {
    en: 'm[1] is below 8: the input gate is small enough to need little stabilising',
    zh: 'm[1] 低于 8：输入门还不大，几乎不需要稳定',
  },
  // What to try: mLSTM
  'sheets.mlstm.try.edit': {
    en: 'type {value} over ĩ at t = {t} ({cell}); it is a formula, Undo brings it back',
    zh: '在 t = {t} 的 ĩ（{cell}）中输入 {value}；它是公式，撤销即可恢复',
  },
  'sheets.mlstm.try.watch': {
    en: 'row {t} of D̃ keeps only its diagonal (≈ 1) and the rest falls to ≈ 0: this step’s write outweighs everything the memory held',
    zh: 'D̃ 的第 {t} 行只剩对角线（≈ 1），其余降到 ≈ 0：这一步的写入压过了记忆中原有的一切',
  },
  'sheets.mlstm.try.diagonal': {
    en: 'row {t} of D̃ is only its diagonal: the last write outweighs the past',
    zh: 'D̃ 的第 {t} 行只剩对角线：最后一次写入压过了过去',
  },
  'sheets.mlstm.try.remembers': {
    en: 'row {t} of D̃ still weighs earlier steps',
    zh: 'D̃ 的第 {t} 行仍在加权更早的步',
  },
});

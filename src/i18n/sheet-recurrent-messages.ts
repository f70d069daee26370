/**
 * Wording of the sheet kit's teaching parts (the "What to try" box) and of the recurrent
 * sheets (RNN, LSTM, GRU and the LSTM encoder–decoder): titles, variants, legends, the
 * role line of every band, the narrative rows and each model's "What to try" box. Spread
 * into SHEET_MESSAGES (sheet-messages.ts). Chinese uses full-width punctuation around
 * Chinese text; formulas keep ASCII punctuation.
 */
import { defineMessages } from './catalogue';

export const RECURRENT_SHEET_MESSAGES = defineMessages({
  // kit/try-box.ts: the "What to try" box of every model's sheet
  'sheets.try.title': {
    en: 'What to try',
    zh: '动手试一试',
  },
  'sheets.try.edit': {
    en: 'Try: {edit}',
    zh: '试一试：{edit}',
  },
  'sheets.try.watch': {
    en: 'Watch: {watch}',
    zh: '观察：{watch}',
  },
  'sheets.try.now': {
    en: 'The sheet shows now:',
    zh: '表格现在显示：',
  },

  // Titles, model labels and variants
  'sheets.rnn.title': {
    en: 'Recurrent Neural Network (RNN)',
    zh: '循环神经网络（RNN）',
  },
  'sheets.lstm.title': {
    en: 'Long Short-Term Memory (LSTM)',
    zh: '长短期记忆网络（LSTM）',
  },
  'sheets.gru.title': {
    en: 'Gated Recurrent Unit (GRU)',
    zh: '门控循环单元（GRU）',
  },
  'sheets.seq2seq.title': {
    en: 'LSTM encoder–decoder (seq2seq)',
    zh: 'LSTM 编码器–解码器（seq2seq）',
  },
  'sheets.rnn.label': {
    en: 'RNN',
    zh: 'RNN 循环神经网络',
  },
  'sheets.lstm.label': {
    en: 'LSTM',
    zh: 'LSTM 长短期记忆',
  },
  'sheets.gru.label': {
    en: 'GRU',
    zh: 'GRU 门控循环单元',
  },
  'sheets.seq2seq.label': {
    en: 'LSTM encoder–decoder',
    zh: 'LSTM 编码器–解码器',
  },
  'sheets.rnn.variant.tanh': {
    en: 'tanh (Elman)',
    zh: 'tanh（Elman）',
  },
  'sheets.rnn.variant.relu': {
    en: 'ReLU',
    zh: 'ReLU',
  },
  'sheets.rnn.variant.bidirectional': {
    en: 'bidirectional (tanh)',
    zh: '双向（tanh）',
  },
  'sheets.rnn.variant.bidirectionalRelu': {
    en: 'bidirectional (ReLU)',
    zh: '双向（ReLU）',
  },
  'sheets.lstm.variant.standard': {
    en: 'standard (PyTorch nn.LSTM)',
    zh: '标准（PyTorch nn.LSTM）',
  },
  'sheets.lstm.variant.peephole': {
    en: 'peephole connections',
    zh: '窥孔连接',
  },
  'sheets.recurrent.variant.bidirectional': {
    en: 'bidirectional',
    zh: '双向',
  },
  'sheets.gru.variant.standard': {
    en: 'standard (PyTorch nn.GRU)',
    zh: '标准（PyTorch nn.GRU）',
  },
  'sheets.seq2seq.variant.teacherForcing': {
    en: 'teacher forcing: the decoder reads y_in',
    zh: '教师强制：解码器读入 y_in',
  },
  'sheets.seq2seq.variant.feedBack': {
    en: 'feed back: the decoder reads its previous ŷ (after a start vector)',
    zh: '回馈：解码器读入自己上一步的 ŷ（从起始向量开始）',
  },

  // Legend lines
  'sheets.legend.inputX': {
    en: 'input xₜ',
    zh: '输入 xₜ',
  },
  'sheets.legend.gateInputWeights': {
    en: 'input weights W_i·',
    zh: '输入权重 W_i·',
  },
  'sheets.legend.gateRecurrentWeights': {
    en: 'recurrent weights W_h·',
    zh: '循环权重 W_h·',
  },
  'sheets.legend.biases': {
    en: 'biases',
    zh: '偏置',
  },
  'sheets.legend.rnn.weight': {
    en: 'input weights W_ih',
    zh: '输入权重 W_ih',
  },
  'sheets.legend.rnn.recurrentWeight': {
    en: 'recurrent weights W_hh',
    zh: '循环权重 W_hh',
  },
  'sheets.legend.rnn.bias': {
    en: 'biases b_ih, b_hh',
    zh: '偏置 b_ih、b_hh',
  },
  'sheets.legend.rnn.state': {
    en: 'hidden state h (the memory)',
    zh: '隐藏状态 h（网络的记忆）',
  },
  'sheets.legend.rnn.computed': {
    en: 'pre-activation zₜ, slope (formulas)',
    zh: '预激活 zₜ、斜率（公式）',
  },
  'sheets.legend.lstm.state': {
    en: 'states: hidden hₜ (short-term), cell cₜ (long-term memory)',
    zh: '状态：隐藏状态 hₜ（短期记忆）、细胞状态 cₜ（长期记忆）',
  },
  'sheets.legend.lstm.gate': {
    en: 'gates (σ): forget fₜ, input iₜ, output oₜ',
    zh: '门（σ）：遗忘门 fₜ、输入门 iₜ、输出门 oₜ',
  },
  'sheets.legend.lstm.activation': {
    en: 'tanh: candidate memory c̃ₜ, tanh(cₜ)',
    zh: 'tanh：候选记忆 c̃ₜ、tanh(cₜ)',
  },
  'sheets.legend.lstm.computed': {
    en: 'pre-activations z, ∏f (formulas)',
    zh: '预激活 z、∏f（公式）',
  },
  'sheets.legend.gru.state': {
    en: 'hidden state h (the memory)',
    zh: '隐藏状态 h（网络的记忆）',
  },
  'sheets.legend.gru.gate': {
    en: 'gates (σ): reset rₜ, update zₜ',
    zh: '门（σ）：重置门 rₜ、更新门 zₜ',
  },
  'sheets.legend.gru.activation': {
    en: 'candidate hidden state nₜ (tanh)',
    zh: '候选隐藏状态 nₜ（tanh）',
  },
  'sheets.legend.gru.computed': {
    en: 'gi, gh: input and hidden parts; ∏z (formulas)',
    zh: 'gi、gh：输入部分与隐藏部分；∏z（公式）',
  },
  'sheets.legend.output': {
    en: 'output [h→ₜ ; h←ₜ]: both directions joined',
    zh: '输出 [h→ₜ ; h←ₜ]：两个方向拼接',
  },
  'sheets.legend.seq2seq.state': {
    en: 'states: hidden hₜ, cell cₜ (long-term memory), and the hand-over',
    zh: '状态：隐藏状态 hₜ、细胞状态 cₜ（长期记忆）及交接',
  },
  'sheets.legend.seq2seq.output': {
    en: 'prediction ŷ',
    zh: '预测 ŷ',
  },

  // Role lines: one short sentence beside every band, in plain words
  'sheets.roles.recurrent.stack': {
    en: 'what step t reads: its input xₜ and the state passed on to it',
    zh: '第 t 步读入的内容：输入 xₜ，以及相邻一步传来的状态',
  },
  'sheets.roles.rnn.h': {
    en: 'hₜ, hidden state: the memory. tanh squeezes zₜ into −1…1; near ±1 it is saturated and barely moves when zₜ changes',
    zh: 'hₜ 隐藏状态：网络的记忆。tanh 把 zₜ 压到 −1…1 之间；接近 ±1 时即饱和，zₜ 再变 hₜ 也几乎不动',
  },
  'sheets.roles.rnn.hRelu': {
    en: 'hₜ, hidden state: the memory. ReLU passes a positive zₜ and cuts a negative one to 0; a unit stuck at 0 passes nothing on',
    zh: 'hₜ 隐藏状态：网络的记忆。ReLU 保留正的 zₜ，把负的变为 0；一直为 0 的单元什么也传不下去',
  },
  'sheets.roles.rnn.slope': {
    en: 'slope 1 − hₜ²: how much hₜ still moves when zₜ changes (1 fully, 0 saturated)',
    zh: '斜率 1 − hₜ²：zₜ 变化时 hₜ 还能动多少（1 完全跟随，0 已饱和）',
  },
  'sheets.roles.rnn.slopeRelu': {
    en: 'slope: 1 where zₜ > 0 (hₜ follows zₜ), 0 where hₜ is cut to 0',
    zh: '斜率：zₜ > 0 处为 1（hₜ 跟随 zₜ），hₜ 被截为 0 处为 0',
  },
  'sheets.roles.lstm.f': {
    en: 'fₜ, forget gate: 1 keeps the old memory cₜ₋₁, 0 erases it',
    zh: 'fₜ 遗忘门：1 保留旧记忆 cₜ₋₁，0 将其擦除',
  },
  'sheets.roles.lstm.i': {
    en: 'iₜ, input gate: how much of the candidate c̃ₜ is written into the memory (0 none, 1 all)',
    zh: 'iₜ 输入门：候选记忆 c̃ₜ 有多少写入记忆（0 不写，1 全写）',
  },
  'sheets.roles.lstm.g': {
    en: 'c̃ₜ, candidate memory: new content proposed from xₜ and the previous h, in −1…1',
    zh: 'c̃ₜ 候选记忆：由 xₜ 和上一步的 h 提出的新内容，取值 −1…1',
  },
  'sheets.roles.lstm.c': {
    en: 'cₜ, cell state: the long-term memory, what fₜ keeps of the old c plus what iₜ writes of c̃ₜ',
    zh: 'cₜ 细胞状态：长期记忆，即 fₜ 保留的旧 c 加上 iₜ 写入的 c̃ₜ',
  },
  'sheets.roles.lstm.o': {
    en: 'oₜ, output gate: how much of the memory shows in hₜ (0 hidden, 1 all)',
    zh: 'oₜ 输出门：记忆有多少显示到 hₜ 中（0 不显示，1 全部）',
  },
  'sheets.roles.lstm.tanhC': {
    en: 'tanh(cₜ): the memory squeezed into −1…1 before the output gate reads it',
    zh: 'tanh(cₜ)：把记忆压到 −1…1 之间，再交给输出门',
  },
  'sheets.roles.lstm.h': {
    en: 'hₜ, hidden state: the short-term, working memory, this step’s output and the next step’s input',
    zh: 'hₜ 隐藏状态：短期（工作）记忆，是这一步的输出，也是下一步的输入',
  },
  'sheets.roles.lstm.keep': {
    en: '∏f: the share of the first step’s memory c still in cₜ (1 all of it, 0 none)',
    zh: '∏f：第一步的记忆 c 在 cₜ 中还剩多少（1 全部保留，0 全部消失）',
  },
  'sheets.roles.gru.r': {
    en: 'rₜ, reset gate: how much of the old h the candidate nₜ may look at (0 ignores it)',
    zh: 'rₜ 重置门：候选隐藏状态 nₜ 能参考多少旧的 h（0 表示忽略）',
  },
  'sheets.roles.gru.z': {
    en: 'zₜ, update gate: zₜ ≈ 1 keeps the old h, zₜ ≈ 0 replaces it with nₜ',
    zh: 'zₜ 更新门：zₜ ≈ 1 保留旧的 h，zₜ ≈ 0 用 nₜ 替换它',
  },
  'sheets.roles.gru.n': {
    en: 'nₜ, candidate hidden state: the new content, in −1…1',
    zh: 'nₜ 候选隐藏状态：新内容，取值 −1…1',
  },
  'sheets.roles.gru.h': {
    en: 'hₜ, hidden state: the old h and nₜ mixed by zₜ, passed to the next step',
    zh: 'hₜ 隐藏状态：由 zₜ 混合旧的 h 与 nₜ，传给下一步',
  },
  'sheets.roles.gru.keep': {
    en: '∏z: the share of the first step’s h still in hₜ (1 all of it, 0 none)',
    zh: '∏z：第一步的 h 在 hₜ 中还剩多少（1 全部保留，0 全部消失）',
  },
  'sheets.roles.output': {
    en: 'the output at step t: the forward hₜ stacked on the backward hₜ, what nn.RNN, nn.LSTM and nn.GRU return',
    zh: '第 t 步的输出：正向 hₜ 与反向 hₜ 拼接成列向量，即 nn.RNN、nn.LSTM、nn.GRU 返回的结果',
  },
  'sheets.recurrent.outputHeading': {
    en: 'Output [h→ₜ ; h←ₜ]: both directions joined at every step',
    zh: '输出 [h→ₜ ; h←ₜ]：每一步把两个方向拼接起来',
  },

  // Notes: where the sheets follow the papers rather than the article
  'sheets.rnn.papersNote': {
    en: 'As PyTorch nn.RNN: two biases b_ih + b_hh, h₀ = 0. Where the source article differs: docs/DESIGN-NOTES.md.',
    zh: '与 PyTorch nn.RNN 一致：两个偏置 b_ih + b_hh，h₀ = 0。与原文章不同之处见 docs/DESIGN-NOTES.md。',
  },
  'sheets.lstm.papersNote': {
    en: 'As PyTorch nn.LSTM: W_ih and W_hh kept apart, two biases, rows in the order i, f, g, o. Where the source article differs: docs/DESIGN-NOTES.md.',
    zh: '与 PyTorch nn.LSTM 一致：W_ih 与 W_hh 分开，两个偏置，行顺序为 i、f、g、o。与原文章不同之处见 docs/DESIGN-NOTES.md。',
  },
  'sheets.gru.papersNote': {
    en: 'As PyTorch nn.GRU: rₜ multiplies the hidden part after its product, hₜ = (1 − zₜ)⊙nₜ + zₜ⊙hₜ₋₁. Where the source article differs: docs/DESIGN-NOTES.md.',
    zh: '与 PyTorch nn.GRU 一致：rₜ 乘在隐藏部分的乘积之后，hₜ = (1 − zₜ)⊙nₜ + zₜ⊙hₜ₋₁。与原文章不同之处见 docs/DESIGN-NOTES.md。',
  },
  'sheets.seq2seq.papersNote': {
    en: 'Both LSTMs as PyTorch nn.LSTM (Sutskever et al., 2014: the final (h, c) is the only bridge). Where the source article differs: docs/DESIGN-NOTES.md.',
    zh: '两个 LSTM 都与 PyTorch nn.LSTM 一致（Sutskever 等，2014：最后的 (h, c) 是唯一的桥梁）。与原文章不同之处见 docs/DESIGN-NOTES.md。',
  },

  // What to try: RNN (tanh)
  'sheets.rnn.try.edit': {
    en: 'set b_ih[1] ({cell}) to {value}',
    zh: '把 b_ih[1]（{cell}）改为 {value}',
  },
  'sheets.rnn.try.watch': {
    en: 'z[1] is pushed above 3, so h[1] sticks near 1.000 and its slope falls to about 0: a saturated unit no longer responds to its input',
    zh: 'z[1] 被推到 3 以上，h[1] 停在 1.000 附近，斜率降到约 0：饱和的单元不再随输入变化',
  },
  'sheets.rnn.try.saturated': {
    en: 'h[1] is saturated at every step',
    zh: 'h[1] 每一步都饱和',
  },
  'sheets.rnn.try.responds': {
    en: 'h[1] responds to its input at every step',
    zh: 'h[1] 每一步都随输入变化',
  },
  'sheets.rnn.try.some': {
    en: 'h[1] is saturated at some steps',
    zh: 'h[1] 在部分时间步饱和',
  },
  // What to try: RNN (ReLU)
  'sheets.rnn.try.editRelu': {
    en: 'set b_ih[1] ({cell}) to {value}',
    zh: '把 b_ih[1]（{cell}）改为 {value}',
  },
  'sheets.rnn.try.watchRelu': {
    en: 'z[1] turns negative at every step, so h[1] = 0 and its slope is 0: a dead unit passes nothing on',
    zh: 'z[1] 每一步都变为负数，于是 h[1] = 0，斜率为 0：“死”单元什么也传不下去',
  },
  'sheets.rnn.try.dead': {
    en: 'h[1] is dead: 0 at every step',
    zh: 'h[1] 已“死”：每一步都是 0',
  },
  'sheets.rnn.try.alive': {
    en: 'h[1] is active at every step',
    zh: 'h[1] 每一步都在工作',
  },
  'sheets.rnn.try.someDead': {
    en: 'h[1] is 0 at some steps',
    zh: 'h[1] 在部分时间步为 0',
  },
  // What to try: LSTM (and the encoder of the encoder–decoder)
  'sheets.lstm.try.edit': {
    en: 'set b_if[1] ({cell}) to {up}, then to {down}',
    zh: '把 b_if[1]（{cell}）改为 {up}，再改为 {down}',
  },
  'sheets.lstm.try.watch': {
    en: '∏f[1] at the last step: {up} makes f[1] ≈ 1, so c[1] carries through; {down} makes f[1] ≈ 0, so c[1] resets at every step',
    zh: '最后一步的 ∏f[1]：{up} 使 f[1] ≈ 1，c[1] 一直被保留；{down} 使 f[1] ≈ 0，c[1] 每一步都被清空',
  },
  'sheets.lstm.try.carries': {
    en: 'c[1] carries through',
    zh: 'c[1] 一直被保留',
  },
  'sheets.lstm.try.resets': {
    en: 'c[1] resets at every step',
    zh: 'c[1] 每一步都被清空',
  },
  'sheets.lstm.try.fades': {
    en: 'c[1] fades, partly kept',
    zh: 'c[1] 逐步衰减，部分保留',
  },
  // What to try: GRU
  'sheets.gru.try.edit': {
    en: 'set b_iz[1] ({cell}) to {up}, then to {down}',
    zh: '把 b_iz[1]（{cell}）改为 {up}，再改为 {down}',
  },
  'sheets.gru.try.watch': {
    en: '∏z[1] at the last step: {up} makes z[1] ≈ 1, so h[1] keeps its old value (h₀[1] here); {down} makes z[1] ≈ 0, so h[1] = n[1] at every step',
    zh: '最后一步的 ∏z[1]：{up} 使 z[1] ≈ 1，h[1] 保持旧值（这里是 h₀[1]）；{down} 使 z[1] ≈ 0，h[1] 每一步都等于 n[1]',
  },
  'sheets.gru.try.keeps': {
    en: 'h[1] keeps its old value',
    zh: 'h[1] 保持旧值',
  },
  'sheets.gru.try.replaced': {
    en: 'h[1] is replaced by nₜ at every step',
    zh: 'h[1] 每一步都被 nₜ 替换',
  },
  'sheets.gru.try.mixes': {
    en: 'h[1] mixes old and new',
    zh: 'h[1] 混合旧值与新值',
  },
  // What to try: the encoder–decoder (the hand-over is the only bridge)
  'sheets.seq2seq.try.edit': {
    en: 'set the encoder’s input-gate biases b_ii ({cells}) to {value}',
    zh: '把编码器的输入门偏置 b_ii（{cells}）改为 {value}',
  },
  'sheets.seq2seq.try.watch': {
    en: 'every encoder iₜ ≈ 0, so the encoder writes nothing into its memory: the hand-over h₀, c₀ drops to 0.000 and the decoder starts as if it had read nothing; change any source xₜ and ŷ no longer moves',
    zh: '编码器每一步 iₜ ≈ 0，什么也写不进记忆：交接的 h₀、c₀ 降到 0.000，解码器就像什么也没读到一样开始；再改任何源输入 xₜ，ŷ 都不再变化',
  },
  'sheets.seq2seq.try.empty': {
    en: 'nothing of the source reaches the decoder: ŷ no longer depends on x',
    zh: '源序列的信息到不了解码器：ŷ 不再依赖 x',
  },
  'sheets.seq2seq.try.onlyCell': {
    en: 'h₀ is empty, but c₀ still carries the source to the decoder',
    zh: 'h₀ 已清空，但 c₀ 仍把源序列带给解码器',
  },
  'sheets.seq2seq.try.reaches': {
    en: 'the source reaches the decoder through h₀ and c₀',
    zh: '源序列经由 h₀ 和 c₀ 到达解码器',
  },
  // Role lines of the encoder–decoder's own parts
  'sheets.roles.seq2seq.handover': {
    en: 'the decoder starts from everything the encoder read, squeezed into h_T and c_T',
    zh: '解码器从编码器读到的全部内容出发，这些内容被压缩进了 h_T 和 c_T',
  },
  'sheets.roles.seq2seq.handoverMax': {
    en: 'handed over: the largest |h₀|, |c₀| (H numbers each, any source length)',
    zh: '交接了多少：|h₀| 与 |c₀| 的最大值（无论源序列多长，都只有 H 个数）',
  },
  'sheets.roles.seq2seq.decoderStack': {
    en: 'what step t reads: its input and the state passed on, at t = 1 the hand-over',
    zh: '第 t 步读入的内容：本步输入，以及传来的状态（t = 1 时即交接的状态）',
  },
  'sheets.roles.seq2seq.yHat': {
    en: 'ŷₜ: the decoder’s prediction at step t, a linear projection of its hₜ (no activation)',
    zh: 'ŷₜ：解码器第 t 步的预测，由它的 hₜ 线性投影得到（不经激活函数）',
  },
  'sheets.roles.seq2seq.yHatFedBack': {
    en: 'ŷₜ: the decoder’s prediction at step t, a linear projection of its hₜ; the next step reads it',
    zh: 'ŷₜ：解码器第 t 步的预测，由它的 hₜ 线性投影得到；下一步把它当作输入',
  },
  // What to try, where no bias of up to ±1000 does it (integer weights, an unbounded ReLU)
  'sheets.rnn.try.watchGrows': {
    en: 'on this sheet h grows without bound (integer weights, and ReLU does not squash), so even {value} does not hold z[1] below 0 at every step: watch how often h[1] is 0',
    zh: '在这张表上 h 无限增长（整数权重，ReLU 又不压缩），所以即使改为 {value}，z[1] 也不能每一步都小于 0：看看 h[1] 有几步为 0',
  },
});

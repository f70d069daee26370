/**
 * Every caption of the training sheets (rnn-bptt, lstm-bptt) in English and Simplified
 * Chinese. Builders look texts up by key; nothing in them branches on the language.
 */
import type { Bilingual } from './i18n';

const both = (en: string, zh: string): Bilingual => ({ en, zh });

export const BPTT_TEXT = {
  rnnTitle: both('RNN — training by hand (BPTT)', 'RNN —— 手算训练（BPTT）'),
  lstmTitle: both('LSTM — training by hand (BPTT)', 'LSTM —— 手算训练（BPTT）'),
  rnnLabel: both('RNN — training (BPTT)', 'RNN —— 训练（BPTT）'),
  lstmLabel: both('LSTM — training (BPTT)', 'LSTM —— 训练（BPTT）'),
  standard: both('standard', '标准'),
  long: both(
    'long sequence (at least 20 steps, only the last one off target): watch the gradient vanish',
    '长序列（至少 20 步，仅最后一步偏离目标）：观察梯度消失',
  ),
  outputSize: both('Output size O', '输出维度 O'),
  rnnForward: both(
    'Forward, time → : zₜ = W_ih·xₜ + W_hh·hₜ₋₁ + b_ih + b_hh,  hₜ = tanh(zₜ),  ŷₜ = W_hy·hₜ + b_y,  ℓₜ = ½‖ŷₜ − yₜ‖²,  L = Σₜ ℓₜ',
    '正向，时间 → ：zₜ = W_ih·xₜ + W_hh·hₜ₋₁ + b_ih + b_hh，hₜ = tanh(zₜ)，ŷₜ = W_hy·hₜ + b_y，ℓₜ = ½‖ŷₜ − yₜ‖²，L = Σₜ ℓₜ',
  ),
  lstmForward: both(
    'Forward, time → : [i f g o] = [σ σ tanh σ](W_ih·xₜ + W_hh·hₜ₋₁ + b_ih + b_hh),  cₜ = f⊙cₜ₋₁ + i⊙g,  hₜ = o⊙tanh(cₜ),  ŷₜ = W_hy·hₜ + b_y,  ℓₜ = ½‖ŷₜ − yₜ‖²',
    '正向，时间 → ：[i f g o] = [σ σ tanh σ](W_ih·xₜ + W_hh·hₜ₋₁ + b_ih + b_hh)，cₜ = f⊙cₜ₋₁ + i⊙g，hₜ = o⊙tanh(cₜ)，ŷₜ = W_hy·hₜ + b_y，ℓₜ = ½‖ŷₜ − yₜ‖²',
  ),
  rnnBackward: both(
    'Backward, time ← (chain rule): ∂L/∂hₜ = W_hyᵀ(ŷₜ − yₜ) + W_hhᵀ·∂L/∂zₜ₊₁,  ∂L/∂zₜ = ∂L/∂hₜ ⊙ (1 − hₜ²)   [tanh′ = 1 − h²]',
    '反向，时间 ← （链式法则）：∂L/∂hₜ = W_hyᵀ(ŷₜ − yₜ) + W_hhᵀ·∂L/∂zₜ₊₁，∂L/∂zₜ = ∂L/∂hₜ ⊙ (1 − hₜ²)   [tanh′ = 1 − h²]',
  ),
  lstmBackward: both(
    'Backward, time ← (chain rule): ∂L/∂hₜ = W_hyᵀ(ŷₜ − yₜ) + W_hhᵀ·∂L/∂zₜ₊₁,  ∂L/∂cₜ = ∂L/∂hₜ⊙o⊙(1 − tanh²cₜ) + ∂L/∂cₜ₊₁⊙fₜ₊₁,  ∂L/∂i = ∂L/∂c⊙g, ∂L/∂f = ∂L/∂c⊙cₜ₋₁, ∂L/∂g = ∂L/∂c⊙i, ∂L/∂o = ∂L/∂h⊙tanh cₜ;  σ′ = σ(1 − σ), tanh′ = 1 − g²',
    '反向，时间 ← （链式法则）：∂L/∂hₜ = W_hyᵀ(ŷₜ − yₜ) + W_hhᵀ·∂L/∂zₜ₊₁，∂L/∂cₜ = ∂L/∂hₜ⊙o⊙(1 − tanh²cₜ) + ∂L/∂cₜ₊₁⊙fₜ₊₁，∂L/∂i = ∂L/∂c⊙g，∂L/∂f = ∂L/∂c⊙cₜ₋₁，∂L/∂g = ∂L/∂c⊙i，∂L/∂o = ∂L/∂h⊙tanh cₜ；σ′ = σ(1 − σ)，tanh′ = 1 − g²',
  ),
  gradients: both(
    'Gradients: each step adds ∂L/∂zₜ·xₜᵀ to ∂L/∂W_ih, ∂L/∂zₜ·hₜ₋₁ᵀ to ∂L/∂W_hh, ∂L/∂zₜ to both biases, (ŷₜ − yₜ)·hₜᵀ to ∂L/∂W_hy; the blocks at the left are the sums over all steps',
    '梯度：每一步把 ∂L/∂zₜ·xₜᵀ 加到 ∂L/∂W_ih，∂L/∂zₜ·hₜ₋₁ᵀ 加到 ∂L/∂W_hh，∂L/∂zₜ 加到两个偏置，(ŷₜ − yₜ)·hₜᵀ 加到 ∂L/∂W_hy；左侧各块是所有时间步之和',
  ),
  sgd: both(
    'One gradient step: W′ = W − η·s·∂L/∂W with s = c/‖g‖ when the norm ‖g‖ of all gradients exceeds c (clipping), else 1; then the forward pass again with W′',
    '一步梯度下降：W′ = W − η·s·∂L/∂W；当全部梯度的范数 ‖g‖ 超过 c 时 s = c/‖g‖（裁剪），否则 s = 1；然后用 W′ 再做一次正向计算',
  ),
  vanish: both(
    'Bars: ‖∂L/∂hₜ‖ per step. Read them right to left: how much of the error reaches the early steps?',
    '数据条：每一步的 ‖∂L/∂hₜ‖。从右向左看：误差有多少能传回到最早的时间步？',
  ),
  vanishLong: both(
    'Only the last step misses its target (the earlier targets equal the predictions): the RNN’s bars shrink by orders of magnitude going back, the LSTM’s cell gradient ‖∂L/∂cₜ‖ stays.',
    '只有最后一步偏离目标（之前的目标都等于预测）：RNN 的数据条向前逐级缩小几个数量级，LSTM 的细胞梯度 ‖∂L/∂cₜ‖ 却保持住了。',
  ),
  time: both('t =', 't ='),
  initial: both('start', '初始'),
  input: both('xₜ', 'xₜ'),
  zh: both('zₜ │ hₜ = tanh(zₜ)', 'zₜ │ hₜ = tanh(zₜ)'),
  gatePre: both('pre-activation │ gate', '预激活 │ 门'),
  cellState: both('cₜ │ hₜ', 'cₜ │ hₜ'),
  head: both('ŷₜ │ yₜ (target) │ ŷₜ − yₜ', 'ŷₜ │ yₜ（目标）│ ŷₜ − yₜ'),
  stepLoss: both('ℓₜ = ½‖ŷₜ − yₜ‖²', 'ℓₜ = ½‖ŷₜ − yₜ‖²'),
  totalLoss: both('L = Σₜ ℓₜ', 'L = Σₜ ℓₜ'),
  units: both('per unit j', '按单元 j'),
  lstmGates: both('per gate (σ′ = σ(1 − σ), tanh′ = 1 − g²)', '按门（σ′ = σ(1 − σ)，tanh′ = 1 − g²）'),
  fromOutput: both('from ŷₜ', '来自 ŷₜ'),
  fromFuture: both('from z_{t+1}', '来自 z_{t+1}'),
  viaCell: both('via c_{t+1}', '经 c_{t+1}'),
  backStart: both('t = 0', 't = 0'),
  dhNorm: both('‖∂L/∂hₜ‖', '‖∂L/∂hₜ‖'),
  dcNorm: both('‖∂L/∂cₜ‖', '‖∂L/∂cₜ‖'),
  stepContrib: both('this step: ∂L/∂zₜ·[xₜ ; hₜ₋₁]ᵀ', '本步：∂L/∂zₜ·[xₜ ; hₜ₋₁]ᵀ'),
  headContrib: both('this step: (ŷₜ − yₜ)·hₜᵀ', '本步：(ŷₜ − yₜ)·hₜᵀ'),
  eta: both('learning rate η', '学习率 η'),
  clip: both('clip threshold c', '裁剪阈值 c'),
  norm: both('‖g‖ (all gradients)', '‖g‖（全部梯度）'),
  scale: both('s = min(1, c/‖g‖)', 's = min(1, c/‖g‖)'),
  newState: both('h′ₜ with W′', '用 W′ 的 h′ₜ'),
  newCellState: both('c′ₜ │ h′ₜ with W′', '用 W′ 的 c′ₜ │ h′ₜ'),
  newHead: both('ŷ′ₜ', 'ŷ′ₜ'),
  newStepLoss: both('ℓ′ₜ', 'ℓ′ₜ'),
  newLoss: both('new loss L′', '新损失 L′'),
  legendTarget: both('inputs xₜ and targets yₜ', '输入 xₜ 与目标 yₜ'),
  legendWeights: both('input and output weights W_ih, W_hy', '输入与输出权重 W_ih、W_hy'),
  legendRecurrent: both('recurrent weights W_hh', '循环权重 W_hh'),
  legendBias: both('biases, η and c', '偏置、η 与 c'),
  legendState: both('states h, c', '状态 h、c'),
  legendComputed: both('pre-activations and derivatives (formulas)', '预激活与导数（公式）'),
  legendOutput: both('outputs, losses, gradients and new weights', '输出、损失、梯度与新权重'),
} as const;

export type BpttTextKey = keyof typeof BPTT_TEXT;

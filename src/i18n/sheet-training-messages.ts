/**
 * Wording of the training sheets' teaching parts (rnn-bptt, lstm-bptt): the plain-language
 * line above each of the four parts (forward, backward, gradients, the SGD step), the
 * L′ − L row and the "What to try" box on the learning rate. Spread into SHEET_MESSAGES.
 */
import { defineMessages } from './catalogue';
export const TRAINING_SHEET_MESSAGES = defineMessages({
  'sheets.training.roles.rnnForward': {
    en: 'Forward: the RNN reads the inputs left to right as on the RNN sheet; the head turns each hₜ into a prediction ŷₜ, and ℓₜ scores it against the target yₜ',
    zh: '正向：RNN 像 RNN 表中那样从左到右读入输入；输出层把每个 hₜ 变成预测 ŷₜ，ℓₜ 衡量它与目标 yₜ 的差距',
  },
  'sheets.training.roles.lstmForward': {
    en: 'Forward: the LSTM reads the inputs left to right as on the LSTM sheet; the head turns each hₜ into a prediction ŷₜ, and ℓₜ scores it against the target yₜ',
    zh: '正向：LSTM 像 LSTM 表中那样从左到右读入输入；输出层把每个 hₜ 变成预测 ŷₜ，ℓₜ 衡量它与目标 yₜ 的差距',
  },
  'sheets.training.roles.rnnBackward': {
    en: 'Backward, read right to left: each step’s error comes from its own prediction ŷₜ and from the step after it, through hₜ; the bars show how much of it is left at each step',
    zh: '反向，从右往左读：每一步的误差来自它自己的预测 ŷₜ，以及经由 hₜ 从后一步传回的部分；数据条显示每一步还剩多少误差',
  },
  'sheets.training.roles.lstmBackward': {
    en: 'Backward, read right to left: each step’s error comes from its own prediction ŷₜ and from the step after it, through hₜ and the cell state cₜ; the bars show how much of it is left at each step',
    zh: '反向，从右往左读：每一步的误差来自它自己的预测 ŷₜ，以及经由 hₜ 和细胞状态 cₜ 从后一步传回的部分；数据条显示每一步还剩多少误差',
  },
  'sheets.training.roles.gradients': {
    en: 'Gradients: the same weights serve every step, so each step adds its share, and a weight’s gradient is the sum over all steps',
    zh: '梯度：每一步都用同一组权重，所以每一步都贡献一份，权重的梯度是所有步之和',
  },
  'sheets.training.roles.sgd': {
    en: 'One step downhill: every weight moves a little against its gradient, then the forward pass runs again; L′ below L means the step helped',
    zh: '下山一步：每个权重沿梯度的反方向移动一点，再做一次正向计算；L′ 小于 L 说明这一步有用',
  },
  'sheets.training.lossChange': {
    en: 'L′ − L (below 0: it helped)',
    zh: 'L′ − L（小于 0：有用）',
  },
  'sheets.training.try.edit': {
    en: 'set the learning rate {cell} to {small}, then to {large}',
    zh: '把学习率 {cell} 改为 {small}，再改为 {large}',
  },
  'sheets.training.try.watch': {
    en: 'L′ − L. A moderate step lowers the loss; too large a step jumps past the low point and L′ ends above L',
    zh: 'L′ − L。步子适中时损失下降；步子太大会越过最低点，L′ 反而高于 L',
  },
  'sheets.training.try.helped': {
    en: 'the step lowered the loss: L′ < L',
    zh: '这一步降低了损失：L′ < L',
  },
  'sheets.training.try.overshot': {
    en: 'the step overshot: L′ ≥ L, η is too large for this slope',
    zh: '这一步走过头了：L′ ≥ L，对这个坡度来说 η 太大',
  },
});

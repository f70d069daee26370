/** The task pane's wording: the build form, and the practice and explain panels. */
import { defineMessages, messageFn } from './catalogue';

export const PANE_MESSAGES = defineMessages({
  'pane.appTitle': {
    en: 'Sequence models by hand',
    zh: '手算序列模型',
  },
  'pane.intro': {
    en: 'Build a sheet where every number of the forward pass is a live formula.',
    zh: '生成一张工作表：前向计算的每个数都是可实时更新的公式。',
  },
  'pane.model': {
    en: 'Model',
    zh: '模型',
  },
  'pane.variant': {
    en: 'Variant',
    zh: '变体',
  },
  'pane.sizes': {
    en: 'Sizes',
    zh: '尺寸',
  },
  'pane.required': {
    en: 'Enter a number.',
    zh: '请输入数字。',
  },
  'pane.wholeNumber': {
    en: 'Enter a whole number.',
    zh: '请输入整数。',
  },
  'pane.weights': {
    en: 'Weights',
    zh: '权重',
  },
  'pane.weightsSeeded': {
    en: 'Random, from a seed',
    zh: '按随机种子生成',
  },
  'pane.weightsStateDict': {
    en: 'PyTorch state_dict (JSON)',
    zh: 'PyTorch state_dict（JSON）',
  },
  'pane.seed': {
    en: 'Seed',
    zh: '随机种子',
  },
  'pane.init': {
    en: 'Initialisation',
    zh: '初始化方式',
  },
  'pane.initTorch': {
    en: 'PyTorch default (uniform ±1/√H)',
    zh: 'PyTorch 默认（均匀分布 ±1/√H）',
  },
  'pane.initHand': {
    en: 'Small integers (−2…2), easy by hand',
    zh: '小整数（−2…2），便于手算',
  },
  'pane.stateDict': {
    en: 'state_dict JSON',
    zh: 'state_dict JSON',
  },
  'pane.stateDictHint': {
    en: 'Paste {"weight_ih_l0": [[…]], …} or upload a .json file (at most 2 MB).',
    zh: '粘贴 {"weight_ih_l0": [[…]], …}，或上传 .json 文件（最多 2 MB）。',
  },
  'pane.stateDictEmpty': {
    en: 'Paste or upload a state_dict.',
    zh: '请粘贴或上传 state_dict。',
  },
  'pane.stateDictNotObject': {
    en: 'The JSON must be an object mapping tensor names to arrays.',
    zh: 'JSON 必须是从张量名到数组的对象。',
  },
  'pane.upload': {
    en: 'Upload .json',
    zh: '上传 .json',
  },
  'pane.mode': {
    en: 'Sheet',
    zh: '工作表类型',
  },
  'pane.walkthrough': {
    en: 'Walkthrough (every formula filled in)',
    zh: '讲解（公式全部填好）',
  },
  'pane.practice': {
    en: 'Practice (blanks to fill)',
    zh: '练习（留空待填）',
  },
  'pane.difficulty': {
    en: 'What to leave blank',
    zh: '留空的内容',
  },
  'pane.language': {
    en: 'Language',
    zh: '语言',
  },
  'pane.build': {
    en: 'Build sheet',
    zh: '生成工作表',
  },
  'pane.buildFailed': {
    en: 'The sheet could not be built.',
    zh: '无法生成工作表。',
  },
  'pane.cannotBuild': {
    en: 'Fix these first:',
    zh: '请先修正：',
  },
  'pane.download': {
    en: 'Download .xlsx',
    zh: '下载 .xlsx',
  },
  'pane.downloading': {
    en: 'Preparing the file…',
    zh: '正在准备文件…',
  },
  'pane.unsupported': {
    en: 'This Excel cannot run the add-in.',
    zh: '此版本的 Excel 无法运行本加载项。',
  },
  'pane.range': {
    en: '{min}–{max}',
    zh: '{min}–{max}',
  },
  'pane.outOfRange': {
    en: 'Must be between {min} and {max}.',
    zh: '必须在 {min} 到 {max} 之间。',
  },
  'pane.stateDictNotJson': {
    en: 'Not valid JSON: {detail}',
    zh: '不是有效的 JSON：{detail}',
  },
  'pane.building': {
    en: 'Writing the sheet… {done} of {total}',
    zh: '正在写入工作表… {done}/{total}',
  },
  'pane.built': messageFn<{ model: string; steps: number; formulas: number; sheet: string }>(
    ({ model, steps, formulas, sheet }) =>
      `${model} · ${steps} ${steps === 1 ? 'step' : 'steps'} · ${formulas} formulas on sheet '${sheet}'`,
    ({ model, steps, formulas, sheet }) =>
      `${model} · ${steps} 个时间步 · ${formulas} 个公式，位于工作表“${sheet}”`,
  ),
  // A browser download cannot be confirmed (Office on Mac ignores it): say only that it started.
  'pane.downloaded': {
    en: 'Download of {file} started; check your downloads folder.',
    zh: '已开始下载 {file}，请查看下载文件夹。',
  },
  'pane.openedAsWorkbook': {
    en: 'Opened {file} as a new workbook; save it from there.',
    zh: '已将 {file} 作为新工作簿打开，请在其中保存。',
  },
  'pane.difficulty.one-gate': {
    en: 'One gate',
    zh: '一个门',
  },
  'pane.difficulty.one-level': {
    en: 'One level of the parallel scan',
    zh: '并行扫描的一层',
  },
  'pane.difficulty.one-step': {
    en: 'One time step',
    zh: '一个时间步',
  },
  'pane.difficulty.all-gates': {
    en: 'All gates',
    zh: '所有门',
  },
  'pane.difficulty.everything': {
    en: 'Everything computed',
    zh: '全部计算结果',
  },
  'pane.size.inputSize': {
    en: 'Input size I',
    zh: '输入维度 I',
  },
  'pane.size.hiddenSize': {
    en: 'Hidden size H',
    zh: '隐藏维度 H',
  },
  'pane.size.steps': {
    en: 'Steps T',
    zh: '时间步 T',
  },
  'pane.size.stateSize': {
    en: 'State size N',
    zh: '状态维度 N',
  },
  'pane.size.heads': {
    en: 'Heads',
    zh: '头数',
  },
  'pane.size.numLayers': {
    en: 'Layers',
    zh: '层数',
  },
  'pane.size.channels': {
    en: 'Channels D',
    zh: '通道数 D',
  },
  'pane.size.dModel': {
    en: 'd_model',
    zh: 'd_model',
  },
  'pane.size.dInner': {
    en: 'd_inner',
    zh: 'd_inner',
  },
  'pane.size.outputSize': {
    en: 'Output size O',
    zh: '输出维度 O',
  },
  'pane.size.targetSteps': {
    en: 'Target steps',
    zh: '目标时间步',
  },
  'pane.size.sourceSteps': {
    en: 'Source steps T_src',
    zh: '源序列时间步 T_src',
  },
  'pane.size.headSize': {
    en: 'Head dimension d',
    zh: '头维度 d',
  },
  'pane.practice.noPracticeSheet': {
    en: 'Select a cell on a practice sheet to check your answers.',
    zh: '请在练习工作表中选择一个单元格，再检查答案。',
  },
  'pane.practice.yourPracticeSheets': {
    en: 'Your practice sheets',
    zh: '你的练习工作表',
  },
  'pane.practice.choosePracticeSheet': {
    en: 'Choose one to check…',
    zh: '选择一个进行检查…',
  },
  'pane.practice.judgedNote': {
    en: 'Each answer is judged against the true value computed from the sheet’s inputs and weights, even when an earlier answer it reads is wrong.',
    zh: '每个答案都与根据本表输入和权重算出的真实值比较；即使它引用的前面答案有误，也按真实值判定。',
  },
  'pane.practice.check': {
    en: 'Check',
    zh: '检查',
  },
  'pane.practice.hint': {
    en: 'Hint',
    zh: '提示',
  },
  'pane.practice.revealCell': {
    en: 'Reveal cell',
    zh: '显示本格答案',
  },
  'pane.practice.revealAll': {
    en: 'Reveal all',
    zh: '显示全部答案',
  },
  'pane.practice.fillNextStep': {
    en: 'Fill next step',
    zh: '填写下一步',
  },
  'pane.practice.reset': {
    en: 'Reset',
    zh: '重置',
  },
  'pane.practice.selectAnswer': {
    en: 'Select one of the blank answer cells first.',
    zh: '请先选择一个空白答案单元格。',
  },
  'pane.practice.reads': {
    en: 'It reads',
    zh: '它引用',
  },
  'pane.practice.confirmTitle': {
    en: 'Replace your entries?',
    zh: '替换你的输入？',
  },
  'pane.practice.confirm': {
    en: 'Go ahead',
    zh: '继续',
  },
  'pane.practice.cancel': {
    en: 'Cancel',
    zh: '取消',
  },
  'pane.practice.failed': {
    en: 'That did not work',
    zh: '操作未完成',
  },
  'pane.practice.explainTitle': {
    en: 'Explain this cell',
    zh: '解释此单元格',
  },
  'pane.practice.explainEmpty': {
    en: 'Select a cell of a walkthrough or practice sheet.',
    zh: '请选择演练或练习工作表中的一个单元格。',
  },
  'pane.practice.explainNotOurs': {
    en: 'This sheet was not made by the add-in.',
    zh: '此工作表不是由本加载项生成的。',
  },
  'pane.practice.feedsTitle': {
    en: 'Cells it reads',
    zh: '它引用的单元格',
  },
  'pane.practice.yourEntry': {
    en: 'your entry',
    zh: '你的输入',
  },
  'pane.practice.empty': {
    en: '(empty)',
    zh: '（空）',
  },
  'pane.practice.title': {
    en: 'Practice: {sheet}',
    zh: '练习：{sheet}',
  },
  'pane.practice.score': {
    en: 'Score: {score}',
    zh: '得分：{score}',
  },
  'pane.practice.verdicts': {
    en: '{right} right, {wrong} wrong, {unanswered} not answered',
    zh: '正确 {right}，错误 {wrong}，未作答 {unanswered}',
  },
  'pane.practice.hintTitle': {
    en: 'Hint for {address}',
    zh: '{address} 的提示',
  },
  'pane.practice.kind.param': {
    en: 'An input or weight: edit it and every formula that reads it updates.',
    zh: '输入或权重：修改它，所有引用它的公式都会更新。',
  },
  'pane.practice.kind.computed': {
    en: 'A computed cell: a live formula.',
    zh: '计算单元格：实时公式。',
  },
  'pane.practice.kind.answer': {
    en: 'An answer cell: compute it by hand or type a formula.',
    zh: '答案单元格：手算或输入公式。',
  },
  'pane.practice.kind.other': {
    en: 'A label.',
    zh: '标签。',
  },
  'pane.practice.step': messageFn<{ step: number }>(
    ({ step }) => `time step t = ${step + 1}`,
    ({ step }) => `时间步 t = ${step + 1}`,
  ),
  // The indices come 1-based and bracketed from src/practice/indices.ts, as the sheet labels them.
  'pane.practice.index': {
    en: 'index {index}',
    zh: '下标 {index}',
  },
  'pane.practice.gradingRule.tolerance': {
    en: 'An answer is right within 0.0001, or 0.1 % of the true value.',
    zh: '答案与真实值相差不超过 0.0001 或 0.1% 即为正确。',
  },
  'pane.practice.gradingRule.decimals': messageFn<{ decimals: number }>(
    ({ decimals: d }) =>
      `An answer is right when it matches the true value to ${d} decimal${d === 1 ? '' : 's'}, as the sheet shows it (or is closer).`,
    ({ decimals: d }) => `答案与真实值保留 ${d} 位小数后相同（即表中显示的值），或更接近真实值，即为正确。`,
  ),
  'pane.practice.blanksTitle': messageFn<{ n: number }>(
    ({ n }) => (n === 1 ? '1 blank to fill' : `${n} blanks to fill`),
    ({ n }) => `共 ${n} 个空格待填`,
  ),
  'pane.practice.blanksProgress': {
    en: '{filled} of {total} filled',
    zh: '已填 {filled} / {total}',
  },
  // "f₄[1] at t = 4": the step as the sheet labels it (already 1-based).
  'pane.practice.blankWhatAt': {
    en: '{name} at t = {step}',
    zh: 't = {step} 时的 {name}',
  },
  'pane.practice.goTo': {
    en: 'Go to {address} ({name})',
    zh: '转到 {address}（{name}）',
  },
  'pane.practice.filled': {
    en: 'filled',
    zh: '已填',
  },
  'pane.practice.parameter': {
    en: 'parameter {name}',
    zh: '参数 {name}',
  },
  'pane.practice.feedsLeftOut': {
    en: '… and {n} more',
    zh: '……另有 {n} 个',
  },
  'pane.guard.panelFailed': {
    en: 'The {panel} stopped working.',
    zh: '{panel}出错，已停止工作。',
  },
  'pane.guard.panelFailedHint': {
    en: 'The rest of the pane still works. Try again, or reload the add-in if it fails again.',
    zh: '窗格的其他部分仍可使用。请重试；若再次出错，请重新加载加载项。',
  },
  'pane.guard.tryAgain': {
    en: 'Try again',
    zh: '重试',
  },
  'pane.guard.panel.build': {
    en: 'build panel',
    zh: '生成面板',
  },
  'pane.guard.panel.practice': {
    en: 'practice panel',
    zh: '练习面板',
  },
  'pane.guard.panel.explain': {
    en: 'explain panel',
    zh: '解释面板',
  },
  'pane.guard.stateDictTooLarge': {
    en: 'The state_dict is too large: {chars} characters; at most {max} (about {mb} MB).',
    zh: 'state_dict 太大：{chars} 个字符；最多 {max} 个（约 {mb} MB）。',
  },
  'pane.guard.stateDictTooDeep': {
    en: 'The JSON nests arrays more than {depth} deep; a tensor has at most 3 dimensions.',
    zh: 'JSON 中数组嵌套超过 {depth} 层；张量最多 3 维。',
  },
  'pane.difficulty.one-gradient': {
    en: 'One gradient',
    zh: '一个梯度',
  },
  'pane.difficulty.one-backward-step': {
    en: 'One backward step',
    zh: '一个反向时间步',
  },
  'pane.practice.termTitle': {
    en: 'For this entry (steps and indices from 1, as on the sheet):',
    zh: '本单元格（时间步与下标从 1 开始，与工作表一致）：',
  },
  'pane.arrows.title': {
    en: 'Arrows on the sheet',
    zh: '工作表上的箭头',
  },
  'pane.arrows.intro': {
    en: 'The dashed arrows carry each state to the step that reads it. Excel places them in points, so after you change column widths or row heights, redraw them where the cells are now.',
    zh: '虚线箭头把每个状态带到读取它的下一个时间步。Excel 按磅值放置箭头，因此调整列宽或行高后，请在单元格的新位置重画箭头。',
  },
  'pane.arrows.redraw': {
    en: "Redraw arrows on '{sheet}'",
    zh: '重画“{sheet}”上的箭头',
  },
  'pane.arrows.done': messageFn<{ n: number; sheet: string }>(
    ({ n, sheet }) => `Redrew ${n} ${n === 1 ? 'arrow' : 'arrows'} on '${sheet}' where its cells are now.`,
    ({ n, sheet }) => `已在单元格的新位置重画“${sheet}”上的 ${n} 个箭头。`,
  ),
  'pane.arrows.none': {
    en: "'{sheet}' has no arrows to redraw: either it carries no state from step to step, or this Excel cannot draw shapes and shows each arrow as a note on the cell that reads the state, and notes move with their cells.",
    zh: '“{sheet}”上没有需要重画的箭头：要么它不在时间步之间传递状态，要么此 Excel 无法绘制形状，每个箭头显示为读取该状态的单元格上的批注，批注会随单元格移动。',
  },
  'pane.arrows.notOurs': {
    en: "'{sheet}' was not built by this add-in, so nothing on it was changed.",
    zh: '“{sheet}”不是本加载项生成的工作表，因此未做任何更改。',
  },
  'pane.arrows.failed': {
    en: 'Could not redraw the arrows',
    zh: '无法重画箭头',
  },
  'pane.guard.panel.arrows': {
    en: 'arrows panel',
    zh: '箭头面板',
  },
});

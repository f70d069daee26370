/**
 * Size limits keep a walkthrough sheet readable (and inside what Excel on the web
 * writes comfortably). Violations are reported in the config's language, with the
 * cell count the sheet would have had so the learner sees why.
 */
import type { ModelConfig, SizeField, SizeLimit } from './model-spec';

const FIELD_NAMES: Record<SizeField, { en: string; zh: string }> = {
  inputSize: { en: 'input size', zh: '输入维度' },
  hiddenSize: { en: 'hidden size', zh: '隐藏维度' },
  steps: { en: 'sequence length', zh: '序列长度' },
  stateSize: { en: 'state size N', zh: '状态维度 N' },
  heads: { en: 'heads', zh: '头数' },
  numLayers: { en: 'layers', zh: '层数' },
  outputSize: { en: 'output size O', zh: '输出维度 O' },
  targetSteps: { en: 'target length', zh: '目标序列长度' },
};

/** Default value of an optional size field when the config omits it. */
const OPTIONAL_DEFAULTS: Partial<Record<SizeField, number>> = { numLayers: 1, heads: 1 };

export function sizeOf(config: ModelConfig, field: SizeField): number | undefined {
  const v = config[field];
  return v === undefined ? OPTIONAL_DEFAULTS[field] : v;
}

/**
 * Problems with the size fields of `config`. `cellCount` estimates the sheet's size so an
 * over-limit message can say how large it would have been.
 */
export function checkLimits(
  config: ModelConfig,
  limits: Partial<Record<SizeField, SizeLimit>>,
  modelLabel: string,
  cellCount: (config: ModelConfig) => number,
): string[] {
  const zh = config.language === 'zh';
  const problems: string[] = [];
  let tooLarge = false;
  for (const [field, limit] of Object.entries(limits) as [SizeField, SizeLimit][]) {
    const v = sizeOf(config, field);
    const name = FIELD_NAMES[field][config.language];
    if (v === undefined) {
      problems.push(zh ? `缺少${name}` : `${name} is missing`);
    } else if (!Number.isInteger(v)) {
      problems.push(zh ? `${name}必须是整数（得到 ${v}）` : `${name} must be a whole number (got ${v})`);
    } else if (v < limit.min || v > limit.max) {
      tooLarge ||= v > limit.max;
      problems.push(
        zh
          ? `${modelLabel} 工作表的${name}必须在 ${limit.min} 到 ${limit.max} 之间（得到 ${v}）`
          : `${name} must be between ${limit.min} and ${limit.max} for ${modelLabel} sheets (got ${v})`,
      );
    }
  }
  if (!Number.isInteger(config.seed))
    problems.push(zh ? `随机种子必须是整数` : `seed must be a whole number (got ${config.seed})`);
  if (tooLarge) {
    const n = cellCount(config).toLocaleString('en-US');
    problems.push(
      zh
        ? `这样的工作表约有 ${n} 个单元格，太大，无法手算阅读`
        : `such a sheet would have about ${n} cells, too many to read by hand`,
    );
  }
  return problems;
}

/** Throws the validation problems as one readable Error. */
export function assertValid(problems: readonly string[]): void {
  if (problems.length > 0) throw new Error(problems.join('; '));
}

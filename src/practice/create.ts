/** Making a practice sheet: build the walkthrough, blank the chosen cells, store the marker. */
import type { BuildProgress, BuildResult, WorkbookHost } from '../host/host';
import type { ModelConfig } from '../sheets/model-spec';
import { buildPlan } from '../sheets/registry';
import type { Difficulty } from './metadata';
import { DEFAULT_PRACTICE_SEED, makePracticePlan } from './practice-plan';

export async function createPracticeSheet(
  host: WorkbookHost,
  config: ModelConfig,
  difficulty: Difficulty,
  seed: number = DEFAULT_PRACTICE_SEED,
  onProgress?: (p: BuildProgress) => void,
): Promise<BuildResult & { readonly answers: readonly string[] }> {
  const practice = makePracticePlan(buildPlan(config), difficulty, seed);
  const result = await host.buildSheet(practice.plan, { ...practice.metadata }, onProgress);
  return { ...result, answers: practice.answers };
}

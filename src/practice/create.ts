/** Making a practice sheet: build the walkthrough, blank the chosen cells, store the marker. */
import type { BuildProgress, BuildResult, WorkbookHost } from '../host/host';
import type { ModelConfig } from '../sheets/model-spec';
import type { Difficulty } from './metadata';
import { planFor } from './plan-for';
import { DEFAULT_PRACTICE_SEED } from './practice-plan';

export async function createPracticeSheet(
  host: WorkbookHost,
  config: ModelConfig,
  difficulty: Difficulty,
  seed: number = DEFAULT_PRACTICE_SEED,
  onProgress?: (p: BuildProgress) => void,
): Promise<BuildResult & { readonly answers: readonly string[] }> {
  const sheet = planFor({ config, practice: { difficulty, seed } });
  const result = await host.buildSheet(sheet.plan, sheet.metadata, onProgress);
  return { ...result, answers: sheet.answers };
}

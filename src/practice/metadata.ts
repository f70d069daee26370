/**
 * What the add-in stores with a sheet (the host's marker) and how it is read back. The
 * metadata is all that survives save/close/reopen besides the cells, so it must be enough
 * to rebuild the plan: the config, and for practice sheets the difficulty and the answer
 * addresses. It never holds an answer's value or formula: anyone can read it.
 */
import type { AddinSheet } from '../host/host';
import type { ModelConfig } from '../sheets/model-spec';
import { parseConfig } from '../sheets/stored-config';

export type Difficulty =
  'one-gate' | 'one-step' | 'all-gates' | 'everything' | 'one-gradient' | 'one-backward-step' | 'one-level';

/**
 * 'one-gradient' and 'one-backward-step' only on sheets with a backward pass (training
 * sheets); 'one-level' last: only sheets computed level by level (a parallel scan) offer it.
 */
export const DIFFICULTIES: readonly Difficulty[] = [
  'one-gate',
  'one-step',
  'all-gates',
  'everything',
  'one-gradient',
  'one-backward-step',
  'one-level',
];

/** The difficulties only a sheet with a backward pass offers. */
export const BACKWARD_DIFFICULTIES: readonly Difficulty[] = ['one-gradient', 'one-backward-step'];

export interface PracticeMetadata {
  readonly mode: 'practice';
  readonly config: ModelConfig;
  readonly difficulty: Difficulty;
  /** Picks which gate or step is blanked, so a rebuild blanks the same cells. */
  readonly seed: number;
  /**
   * Addresses of the blanked cells ("C12"), in sheet order: only in markers of earlier
   * versions. Newer markers derive them from config, difficulty and seed (answer-digest.ts).
   */
  readonly answers?: readonly string[];
  /** Count and hash of the derived answer addresses, to refuse a marker this version would misread. */
  readonly answerDigest?: string;
}

/** A sheet of ours as the pane sees it after reading the marker. */
export interface StoredSheet {
  readonly name: string;
  readonly mode: 'walkthrough' | 'practice';
  readonly config: ModelConfig;
  /** Present on practice sheets only. */
  readonly practice?: PracticeMetadata;
}

function isPractice(m: Readonly<Record<string, unknown>>): boolean {
  return (
    m.mode === 'practice' &&
    DIFFICULTIES.includes(m.difficulty as Difficulty) &&
    ((Array.isArray(m.answers) && m.answers.every((a) => typeof a === 'string')) ||
      typeof m.answerDigest === 'string')
  );
}

/**
 * The sheet's mode and config, or null when the marker is not one this version can read
 * (a future format, or a damaged marker): callers then leave the sheet alone.
 */
export function readStoredSheet(sheet: AddinSheet): StoredSheet | null {
  const m = sheet.metadata;
  const parsed = parseConfig(m.config);
  if (!parsed.ok) return null;
  const config = parsed.config;
  if (m.mode === 'practice') {
    if (!isPractice(m)) return null;
    const practice: PracticeMetadata = {
      mode: 'practice',
      config,
      difficulty: m.difficulty as Difficulty,
      seed: typeof m.seed === 'number' ? m.seed : 0,
      ...(Array.isArray(m.answers) ? { answers: m.answers as string[] } : {}),
      ...(typeof m.answerDigest === 'string' ? { answerDigest: m.answerDigest } : {}),
    };
    return { name: sheet.name, mode: 'practice', config, practice };
  }
  return { name: sheet.name, mode: 'walkthrough', config };
}

/** The stored record of one sheet by name, read fresh from the host (the marker is the truth after reopen). */
export async function findStoredSheet(
  list: () => Promise<AddinSheet[]>,
  name: string,
): Promise<StoredSheet | null> {
  const sheet = (await list()).find((s) => s.name === name);
  return sheet ? readStoredSheet(sheet) : null;
}

/**
 * Pasted mamba_ssm weights for the Mamba sheets. A learner exports one `Mamba` mixer
 * (`{k: v.tolist() for k, v in mixer.state_dict().items()}`) or one layer of a whole
 * model, whose keys then carry a `layers.N.mixer.` prefix; sizes come from the tensors
 * and are checked against what a readable sheet shows before anything is built.
 */
import { mambaFromStateDict } from '../core/mamba-state-dict';
import { listNames } from '../core/name-list';
import type { MambaParams } from '../core/mamba-block';
import { shapeOf, type StateDict } from '../core/state-dict-tensor';
import { t } from '../i18n';
import type { Language } from './plan';

/** mamba_ssm's `Mamba` state_dict names, as the core reads them. */
export const MAMBA_TENSORS: readonly string[] = [
  'in_proj.weight',
  'conv1d.weight',
  'conv1d.bias',
  'x_proj.weight',
  'dt_proj.weight',
  'dt_proj.bias',
  'A_log',
  'D',
  'out_proj.weight',
];

function listed(names: readonly string[]): string {
  return listNames(names, 3);
}

/**
 * The dict with a prefix every key shares removed (`layers.0.mixer.in_proj.weight` →
 * `in_proj.weight`). Keys from several layers, or keys outside the layer's prefix (a
 * norm, an embedding), are refused by name: which layer to show is the learner's choice.
 */
export function stripLayerPrefix(dict: StateDict): StateDict {
  const keys = Object.keys(dict);
  if (keys.some((k) => MAMBA_TENSORS.includes(k))) return dict;
  const prefixes = new Set<string>();
  for (const k of keys) {
    const name = MAMBA_TENSORS.find((n) => k.endsWith(`.${n}`));
    if (name) prefixes.add(k.slice(0, k.length - name.length));
  }
  if (prefixes.size === 0) return dict;
  if (prefixes.size > 1) {
    throw new Error(
      `the state_dict holds several layers (${listed([...prefixes])}); paste the tensors of one layer`,
    );
  }
  const [prefix] = prefixes;
  const outside = keys.filter((k) => !k.startsWith(prefix));
  if (outside.length > 0) {
    throw new Error(
      `${listed(outside)} ${outside.length > 1 ? 'are' : 'is'} not under ${prefix}: paste the tensors of one Mamba mixer`,
    );
  }
  return Object.fromEntries(keys.map((k) => [k.slice(prefix.length), dict[k]]));
}

/** Tensors outside `allowed` are an error naming them rather than numbers silently dropped. */
export function refuseUnused(dict: StateDict, allowed: readonly string[], sheet: string): void {
  const unused = Object.keys(dict).filter((k) => !allowed.includes(k));
  if (unused.length > 0) {
    throw new Error(
      `${listed(unused)}: not a tensor the ${sheet} sheet uses (it reads ${allowed.join(', ')})`,
    );
  }
}

/** One size read off a tensor's shape, what the sheet asks for (if it has a field) and the readable maximum. */
export interface DictSize {
  readonly tensor: string;
  readonly size: string;
  readonly value: number;
  readonly asked?: number;
  readonly max: number;
}

/** "too large for a readable sheet" and "not what the sheet asks for", naming the tensor and its shape. */
export function dictSizeProblems(dict: StateDict, sizes: readonly DictSize[], lang: Language): string[] {
  const problems: string[] = [];
  for (const s of sizes) {
    const shape = shapeOf(dict[s.tensor]);
    const shown = typeof shape === 'string' ? shape : `(${shape.join(', ')})`;
    if (s.value > s.max) {
      problems.push(t(lang, 'sheets.dictTooLarge', { ...s, shape: shown }));
    } else if (s.asked !== undefined && s.value !== s.asked) {
      problems.push(t(lang, 'sheets.dictMismatch', { ...s, shape: shown, asked: s.asked }));
    }
  }
  return problems;
}

/** A Mamba block from a pasted state_dict (prefix stripped, nothing unused). */
export function mambaBlockFromDict(dict: StateDict): { params: MambaParams; dict: StateDict } {
  const stripped = stripLayerPrefix(dict);
  refuseUnused(stripped, MAMBA_TENSORS, 'Mamba block');
  return { params: mambaFromStateDict(stripped), dict: stripped };
}

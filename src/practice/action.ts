/**
 * The shape every writing action returns. An action that would overwrite something the
 * learner typed does not write: it answers 'needs-confirmation' with the cells it would
 * replace, and the caller repeats it with `confirmed: true` once the learner agrees.
 */
export type ActionKind = 'reveal' | 'reveal-all' | 'fill-next-step' | 'reset';

export type ActionResult =
  | {
      readonly status: 'needs-confirmation';
      readonly kind: ActionKind;
      readonly replaces: readonly string[];
      readonly writes: readonly string[];
    }
  | {
      readonly status: 'done';
      readonly kind: ActionKind;
      readonly written: readonly string[];
      readonly step?: number;
    }
  | { readonly status: 'nothing'; readonly kind: ActionKind };

export interface ActionOptions {
  /** The learner has seen the description and agreed to replace their entries. */
  readonly confirmed?: boolean;
}

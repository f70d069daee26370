/**
 * The blanks of a practice sheet as the pane lists them: where each is, what it is
 * ("f₄[1] at t = 4", indices and steps 1-based as the sheet labels them) and whether the
 * learner has put something in it yet.
 */
import type { WorkbookHost } from '../host/host';
import type { CellMeaning } from '../sheets/plan';
import { readable } from '../sheets/notation';
import { loadPracticeContext } from './context';
import { isEmptyEntry } from './entries';
import { indexText } from './indices';

export interface Blank {
  readonly address: string;
  /** "f₄[1]": the tensor with the step put in for t and a 1-based index. */
  readonly name: string;
  /** 1-based time step, when the cell belongs to one. */
  readonly step?: number;
  readonly filled: boolean;
}

export interface BlankList {
  readonly sheet: string;
  readonly blanks: readonly Blank[];
  readonly filled: number;
}

/** "f_t" at step 3 with index [0] → "f₄[1]"; a tensor without a plain t subscript keeps its own. */
export function blankName(meaning: CellMeaning | undefined): string {
  if (!meaning) return '';
  const step = meaning.trace?.step ?? meaning.step;
  const tensor =
    step === undefined ? meaning.tensor : meaning.tensor.replace(/_t(?![A-Za-z0-9_])/, `_{${step + 1}}`);
  return `${readable(tensor)}${indexText(meaning.index)}`;
}

export async function listBlanks(host: WorkbookHost, sheet: string): Promise<BlankList> {
  const ctx = await loadPracticeContext(host, sheet);
  const entries = await host.readCells(ctx.sheet, ctx.answers);
  const blanks = ctx.answers.map((address, i): Blank => {
    const m = ctx.cells.get(address)?.meaning;
    const step = m?.trace?.step ?? m?.step;
    return {
      address,
      name: blankName(m),
      ...(step !== undefined ? { step: step + 1 } : {}),
      filled: !isEmptyEntry(entries[i]),
    };
  });
  return { sheet: ctx.sheet, blanks, filled: blanks.filter((b) => b.filled).length };
}

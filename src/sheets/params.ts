/**
 * Reading the model back off a sheet: every literal cell with a `param` meaning holds
 * one entry of a core parameter tensor. The practice checker, the .xlsx export (for
 * cached results) and the evaluation tests all rebuild parameters this way, so a sheet
 * whose weights a learner edited is recomputed from what it shows.
 */
import { matrix } from '../core/tensor';
import type { PlanCell, SheetPlan } from './plan';

/** Cells that hold parameter entries. */
export function paramCells(plan: SheetPlan): PlanCell[] {
  return plan.cells.filter((c) => c.meaning?.param !== undefined);
}

/**
 * `params[name][flat]` from a value reader (the plan's own literals by default, or a
 * formula engine's current values). Sizes come from the largest flat index per name.
 */
export function collectParams(
  cells: readonly PlanCell[],
  read: (cell: PlanCell) => number = (cell) => Number(cell.value),
): Record<string, Float64Array> {
  const sizes = new Map<string, number>();
  for (const c of cells) {
    const p = c.meaning?.param;
    if (p) sizes.set(p.name, Math.max(sizes.get(p.name) ?? 0, p.flat + 1));
  }
  const out: Record<string, Float64Array> = {};
  for (const [name, n] of sizes) out[name] = new Float64Array(n);
  for (const c of cells) {
    const p = c.meaning?.param;
    if (p) out[p.name][p.flat] = read(c);
  }
  return out;
}

export function paramsFromPlan(plan: SheetPlan): Record<string, Float64Array> {
  return collectParams(paramCells(plan));
}

/** The tensor `name` of a params record, checked for its expected length. */
export function requireParam(
  params: Readonly<Record<string, Float64Array>>,
  name: string,
  length: number,
): Float64Array {
  const v = params[name];
  if (!v) throw new Error(`the sheet has no cells for parameter ${name}`);
  if (v.length !== length)
    throw new Error(`parameter ${name} has ${v.length} cells on the sheet, expected ${length}`);
  return v;
}

/**
 * The tensors every recurrent cell has, in PyTorch layouts (G = gates × H rows), each read
 * by `get(name, length)` (requireParam on a sheet's params, under the sheet's own names).
 */
export function cellTensors(
  get: (name: string, length: number) => Float64Array,
  G: number,
  I: number,
  H: number,
) {
  return {
    inputSize: I,
    hiddenSize: H,
    W_ih: matrix(G, I, get('W_ih', G * I)),
    W_hh: matrix(G, H, get('W_hh', G * H)),
    b_ih: get('b_ih', G),
    b_hh: get('b_hh', G),
  };
}

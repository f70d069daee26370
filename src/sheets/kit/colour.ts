/**
 * Kit: colour that shows meaning. Every sheet gets native colour scales by band role,
 * with nothing written in the builders: a gate (σ outputs, Ā, D̃, i′, f′ …) on a scale
 * fixed at 0 and 1, so the same green means the same opening on every sheet and at every
 * step; a state (h, c, C, n, m …) on a scale that follows the band's own values, blue
 * below zero, white at zero, red above. One scale covers a band at every time step, so
 * its colours compare across time.
 *
 *   const formats = meaningScales(cells); // in PlanBuilder.build()
 */
import type { CellRole, ConditionalFormat, PlanCell, PlanRange } from '../plan';

/** Which scale a band gets. */
export type MeaningScale = 'unit' | 'signed';

/**
 * Gates: white at 0, Excel's own scale green at 1. Both keep black text above 9:1 and the
 * copy grey above 4.5:1 (tests/sheets/meaning-colours.test.ts measures it).
 */
export const UNIT_SCALE_COLORS = ['#FFFFFF', '#63BE7B'] as const;
/** States: a light blue below zero, white at zero, a light red above; pale enough for any text colour of the palette. */
export const SIGNED_SCALE_COLORS = ['#9DC3E6', '#FFFFFF', '#F4B183'] as const;

/**
 * Gate-role bands whose values are not in [0, 1]: log-gates (log f ≤ 0) and the Mamba
 * block's SiLU(z) gate. They keep their role's fill.
 */
const NOT_UNIT = /(^|\.)(log_[A-Za-z_]*|gate)$/;

/** The scale of a computed cell, by its role (and, for a gate, whether its values lie in [0, 1]). */
export function scaleOf(role: CellRole, trace: string): MeaningScale | undefined {
  if (role === 'gate') return NOT_UNIT.test(trace) ? undefined : 'unit';
  if (role === 'state') return 'signed';
  return undefined;
}

/** The cells as few rectangles: runs down each column, then equal runs in neighbouring columns joined. */
export function rectanglesOf(cells: readonly { row: number; col: number }[]): PlanRange[] {
  const sorted = [...cells].sort((p, q) => p.col - q.col || p.row - q.row);
  const runs: PlanRange[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.left === c.col && last.bottom === c.row - 1)
      runs[runs.length - 1] = { ...last, bottom: c.row };
    else runs.push({ top: c.row, bottom: c.row, left: c.col, right: c.col });
  }
  const out: PlanRange[] = [];
  for (const r of runs) {
    const k = out.findIndex((o) => o.top === r.top && o.bottom === r.bottom && o.right === r.left - 1);
    if (k >= 0) out[k] = { ...out[k], right: r.left };
    else out.push(r);
  }
  return out;
}

function formatFor(scale: MeaningScale, areas: readonly PlanRange[]): ConditionalFormat {
  const [range, ...more] = areas;
  const where = more.length > 0 ? { range, more } : { range };
  return scale === 'unit'
    ? { kind: 'colorScale', ...where, colors: UNIT_SCALE_COLORS, stops: [0, 1] }
    : { kind: 'colorScale', ...where, colors: SIGNED_SCALE_COLORS, stops: [null, 0, null] };
}

/** A band's colour scale and which kind it is (for the legend line). */
export interface BandScale {
  readonly scale: MeaningScale;
  readonly format: ConditionalFormat;
}

/** One colour scale per band (trace name) that has a meaning scale, in the order the bands first appear. */
export function meaningScales(cells: readonly PlanCell[]): BandScale[] {
  const bands = new Map<string, { scale: MeaningScale; cells: PlanCell[] }>();
  for (const cell of cells) {
    const trace = cell.meaning?.trace?.name;
    if (cell.formula === undefined || trace === undefined) continue;
    const scale = scaleOf(cell.role, trace);
    if (!scale) continue;
    const key = `${cell.role}:${trace}`;
    const band = bands.get(key) ?? { scale, cells: [] };
    band.cells.push(cell);
    bands.set(key, band);
  }
  return [...bands.values()].map((b) => ({
    scale: b.scale,
    format: formatFor(b.scale, rectanglesOf(b.cells)),
  }));
}

/**
 * The formats without the given cells (a practice sheet's blanks): a learner's answer keeps
 * its own fill and, once checked, its right/wrong mark, which a colour scale would paint
 * over in Excel. A format left with no cells is dropped.
 */
export function withoutCells(
  formats: readonly ConditionalFormat[],
  cells: readonly { row: number; col: number }[],
): ConditionalFormat[] {
  const out = new Set(cells.map((c) => `${c.row},${c.col}`));
  if (out.size === 0) return [...formats];
  return formats.flatMap((f): ConditionalFormat[] => {
    const kept: { row: number; col: number }[] = [];
    let removed = false;
    for (const r of [f.range, ...(f.more ?? [])])
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++)
          if (out.has(`${row},${col}`)) removed = true;
          else kept.push({ row, col });
    if (!removed) return [f];
    const [range, ...more] = rectanglesOf(kept);
    if (!range) return [];
    const { more: _old, ...rest } = f;
    return [more.length > 0 ? { ...rest, range, more } : { ...rest, range }];
  });
}

/**
 * What the browser should show, computed in Node from the same registry and core the
 * add-in uses: each model's default plan, a few traced cells, and their values from
 * the model's own evaluation of the parameter values on the sheet.
 */
import { tsImport } from 'tsx/esm/api';

const load = (p) => tsImport(p, import.meta.url);

export async function loadProject() {
  const registry = await load('../../src/sheets/registry.ts');
  const plan = await load('../../src/sheets/plan.ts');
  const lstm = await load('../../src/core/lstm.ts');
  const tensor = await load('../../src/core/tensor.ts');
  const form = await load('../../taskpane/form.ts').catch(() => null);
  return {
    registry,
    a1: plan.a1,
    parseA1: plan.parseA1,
    lstmStep: lstm.lstmStep,
    fromRows: tensor.fromRows,
    modelOrder: form?.MODEL_ORDER ?? null,
  };
}

/** Parameter cells grouped by tensor name, as ModelSpec.evaluate expects them. */
export function paramsFrom(plan, valueAt) {
  const sizes = {};
  for (const c of plan.cells) {
    const p = c.meaning?.param;
    if (p) sizes[p.name] = Math.max(sizes[p.name] ?? 0, p.flat + 1);
  }
  const out = {};
  for (const [name, n] of Object.entries(sizes)) out[name] = new Float64Array(n);
  for (const c of plan.cells) {
    const p = c.meaning?.param;
    if (p) out[p.name][p.flat] = valueAt(c);
  }
  return out;
}

/** A few traced cells spread over the sheet: the first, some in the middle, the last. */
export function sampleTracedCells(plan, count = 5) {
  const traced = plan.cells.filter((c) => c.meaning?.trace && c.formula);
  if (traced.length <= count) return traced;
  const picks = new Set([0, traced.length - 1]);
  for (let k = 1; picks.size < count; k++) picks.add(Math.floor((k * traced.length) / count));
  return [...picks].sort((a, b) => a - b).map((i) => traced[i]);
}

/**
 * Cells that check one computation against another (the parallel scan's |b − h| and their
 * maximum): live formulas whose value stays ~0 whatever the inputs, so an edit cannot be
 * seen in them.
 */
export function isCheckCell(cell) {
  return /^scan_(diff|check)$/.test(cell.meaning?.trace?.name ?? '');
}

export function expectedValue(trace, cell) {
  const t = cell.meaning.trace;
  return trace.tensors[t.name][t.step][t.flat];
}

// A reference not preceded by a letter, digit, dot or underscore, so function names such
// as LN( or LOG10( are never read as cells. Plans write single-sheet formulas only.
const REF = /(?<![A-Za-z0-9_.$])(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3}\$?\d+))?/g;

/**
 * Every plan cell that `target`'s formula reads, directly or through other formulas.
 * Channels of a scan stay separate by design, so an input that feeds one output cell
 * need not feed another: the edit test must choose an input from this set.
 */
export function precedentsOf(plan, target, parseA1) {
  const at = new Map(plan.cells.map((c) => [`${c.row},${c.col}`, c]));
  const seen = new Set();
  const found = [];
  const stack = [target];
  while (stack.length > 0) {
    const cell = stack.pop();
    if (!cell.formula) continue;
    for (const m of cell.formula.matchAll(REF)) {
      const from = parseA1(m[1]);
      const to = m[2] ? parseA1(m[2]) : from;
      for (let r = Math.min(from.row, to.row); r <= Math.max(from.row, to.row); r++) {
        for (let c = Math.min(from.col, to.col); c <= Math.max(from.col, to.col); c++) {
          const key = `${r},${c}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const next = at.get(key);
          if (next) {
            found.push(next);
            stack.push(next);
          }
        }
      }
    }
  }
  return found;
}

/** The first parameter cell in plan order (an input when there is one) that feeds `target`. */
export function inputFeeding(plan, target, parseA1) {
  const feeds = new Set(precedentsOf(plan, target, parseA1));
  const params = plan.cells.filter((c) => c.meaning?.param && feeds.has(c));
  return params.find((c) => c.role === 'input') ?? params[0] ?? null;
}

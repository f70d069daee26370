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
  return { registry, a1: plan.a1, lstmStep: lstm.lstmStep, fromRows: tensor.fromRows, modelOrder: form?.MODEL_ORDER ?? null };
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

export function expectedValue(trace, cell) {
  const t = cell.meaning.trace;
  return trace.tensors[t.name][t.step][t.flat];
}

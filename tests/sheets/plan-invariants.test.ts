/**
 * Invariants every registered model's plan must satisfy, whatever its builder: one cell
 * per position, a trace (or, for a live sentence, a verdict) meaning on every formula, only allow-listed native functions
 * (never LOG, which is base 10 in Excel), references inside the sheet, each parameter
 * entry on exactly one cell, and limits that are enforced.
 */
import { describe, expect, it } from 'vitest';
import { availableModels } from '../../src/sheets/registry';
import { otherLanguage } from '../../src/i18n';
import { ALLOWED_FUNCTIONS, functionsIn } from '../../src/sheets/formulas';
import type { Settings, ModelSpec, SizeField } from '../../src/sheets/model-spec';
import { parseA1, type SheetPlan } from '../../src/sheets/plan';

function configsFor(spec: ModelSpec): Settings[] {
  const d = spec.defaults;
  const out: Settings[] = [
    d,
    {
      ...d,
      language: otherLanguage(d.language),
      init: d.init === 'hand' ? 'torch' : 'hand',
      seed: d.seed + 5,
    },
  ];
  for (const v of spec.variants) out.push({ ...d, variant: v.id });
  return out.filter((c) => spec.validate(c).length === 0);
}

function checkPlan(plan: SheetPlan): void {
  const seen = new Set<string>();
  const params = new Set<string>();
  for (const cell of plan.cells) {
    const key = `${cell.row},${cell.col}`;
    expect(seen.has(key), `two cells at ${key}`).toBe(false);
    seen.add(key);
    expect(cell.row).toBeLessThan(plan.rowCount);
    expect(cell.col).toBeLessThan(plan.colCount);
    expect(cell.formula !== undefined && cell.value !== undefined).toBe(false);
    const p = cell.meaning?.param;
    if (p) {
      const id = `${p.name}#${p.flat}`;
      expect(params.has(id), `parameter ${id} on two cells`).toBe(false);
      params.add(id);
      expect(typeof cell.value).toBe('number');
    }
    if (cell.formula === undefined) continue;
    expect(cell.formula.startsWith('=')).toBe(true);
    expect(cell.meaning?.trace ?? cell.meaning?.verdict, `${cell.formula} has no trace`).toBeDefined();
    expect(cell.meaning?.equation).toBeTruthy();
    expect(cell.formula).not.toMatch(/\bLOG\s*\(/i);
    for (const fn of functionsIn(cell.formula))
      expect(ALLOWED_FUNCTIONS, `${fn} in ${cell.formula}`).toContain(fn);
    const refs = cell.formula.match(/\$?[A-Z]{1,3}\$?\d+/g) ?? [];
    for (const ref of refs) {
      const pos = parseA1(ref);
      expect(
        seen.has(`${pos.row},${pos.col}`) || plan.cells.some((c) => c.row === pos.row && c.col === pos.col),
        `${ref} in ${cell.formula} points at an empty cell`,
      ).toBe(true);
    }
  }
  const names = plan.names.map((n) => n.name.toLowerCase());
  expect(new Set(names).size).toBe(names.length);
  for (const b of [...plan.boxes, ...plan.merges]) {
    expect(b.bottom).toBeGreaterThanOrEqual(b.top);
    expect(b.right).toBeGreaterThanOrEqual(b.left);
  }
}

describe('plan invariants of every registered model', () => {
  const specs = availableModels();
  it('registers at least the recurrent models', () => {
    expect(specs.map((s) => s.id)).toEqual(expect.arrayContaining(['rnn', 'lstm', 'gru']));
  });

  for (const spec of specs) {
    it(`${spec.id}: defaults and every variant build valid plans`, () => {
      expect(spec.validate(spec.defaults)).toEqual([]);
      for (const config of configsFor(spec)) checkPlan(spec.build(config));
    });

    it(`${spec.id}: every limit is enforced with a readable message`, () => {
      for (const [field, limit] of Object.entries(spec.limits) as [
        SizeField,
        { min: number; max: number },
      ][]) {
        for (const bad of [limit.max + 1, limit.min - 1]) {
          const config = { ...spec.defaults, [field]: bad } as Settings;
          const problems = spec.validate(config);
          expect(problems.length, `${field} = ${bad}`).toBeGreaterThan(0);
          expect(() => spec.build(config)).toThrow();
        }
        const tooBig = spec.validate({ ...spec.defaults, [field]: limit.max + 1 } as Settings).join(' ');
        expect(tooBig).toMatch(/\d[\d,]* cells|单元格/);
      }
    });
  }
});

/**
 * Every band of the Mamba and xLSTM sheets has its plain-language role line, in both
 * languages and every variant: each band's equation line also holds a line in the
 * teaching look, in the sheet's language, and no two bands of a sheet say the same.
 */
import { describe, expect, it } from 'vitest';
import { mambaBlockSpec } from '../../src/sheets/mamba-block-sheet';
import { mambaScanSpec } from '../../src/sheets/mamba-scan-sheet';
import { mlstmSpec } from '../../src/sheets/mlstm-sheet';
import type { ModelSpec } from '../../src/sheets/model-spec';
import { slstmSpec } from '../../src/sheets/slstm-sheet';

const CJK = /[\u4e00-\u9fff]/;
/** Whether a sheet in this language writes its role lines in Chinese characters. */
const WRITES_CJK = { en: false, zh: true } as const;
const SPECS = [mambaScanSpec, mambaBlockSpec, slstmSpec, mlstmSpec] as ModelSpec[];

describe.each(SPECS.map((s) => [s.id, s] as const))('%s: a role line on every band', (_id, spec) => {
  for (const language of ['en', 'zh'] as const)
    for (const variant of spec.variants.map((v) => v.id))
      it(`${language}, ${variant}`, () => {
        const plan = spec.build({ ...spec.defaults, language, variant });
        const teachRows = new Map<number, string[]>();
        for (const c of plan.cells)
          if (c.role === 'teach' && typeof c.value === 'string')
            teachRows.set(c.row, [...(teachRows.get(c.row) ?? []), c.value]);
        const equations = plan.cells.filter((c) => c.role === 'equation' || c.role === 'sideEquation');
        expect(equations.length).toBeGreaterThan(4);
        const roles = equations.map((eq) => {
          const lines = teachRows.get(eq.row);
          expect(lines, `no role line beside “${String(eq.value)}”`).toBeDefined();
          return (lines as string[]).join(' ');
        });
        for (const line of roles) expect(CJK.test(line)).toBe(WRITES_CJK[language]);
        expect(new Set(roles).size).toBe(roles.length);
      });
});

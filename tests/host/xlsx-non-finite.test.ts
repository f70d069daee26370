/**
 * A cached formula result that is not finite (an RNN with relu and huge weights
 * overflows) is left out of the file: `<v>Infinity</v>` is not a number in SpreadsheetML.
 */
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { a1 } from '../../src/sheets/plan';
import { rnnSpec } from '../../src/sheets/rnn-sheet';
import { coreResults } from '../../src/sheets/results';
import { planToXlsx } from '../../src/host/xlsx';

describe('.xlsx cached results', () => {
  it('leaves non-finite results out and keeps every formula', async () => {
    const plan = rnnSpec.build({ ...rnnSpec.defaults, steps: 3 });
    const exact = coreResults(plan);
    const formulas = plan.cells.filter((c) => c.formula !== undefined);
    const poisoned = new Map(formulas.slice(0, 3).map((c, k) => [c, [Infinity, -Infinity, NaN][k]]));
    const bytes = await planToXlsx(plan, { result: (c) => poisoned.get(c) ?? exact(c) });
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).not.toMatch(/<v>(-?Infinity|NaN)<\/v>/);
    const cellXml = (ref: string) => new RegExp(`<c r="${ref}"[^>]*>(.*?)</c>`).exec(xml)?.[1] ?? '';
    const ref = (c: { row: number; col: number }) => a1(c.row, c.col);
    for (const c of poisoned.keys()) {
      const inner = cellXml(ref(c));
      expect(inner).toMatch(/<f( t="array" ref="[A-Z]+\d+")?>/);
      expect(inner).not.toContain('<v>');
    }
    // The finite ones keep their cached value.
    const finite = formulas[3];
    expect(cellXml(ref(finite))).toMatch(/<v>[-0-9.eE+]+<\/v>/);
    expect(xml.match(/<f[ >]/g)?.length).toBe(formulas.length);
  });
});

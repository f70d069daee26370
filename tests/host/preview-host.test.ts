import { describe, expect, it } from 'vitest';
import { PreviewHost } from '../../src/host/preview-host';
import { parseInput } from '../../src/host/preview-workbook';
import { createPracticeSheet } from '../../src/practice/create';
import { buildPlan, specFor } from '../../src/sheets/registry';
import { a1, type PlanCell, type SheetPlan } from '../../src/sheets/plan';

/** A tiny hand-written plan: x in A2:A3, a weight in B2, and σ(w·x) in C2:C3. */
function tinyPlan(overrides: Partial<SheetPlan> = {}): SheetPlan {
  const cells: PlanCell[] = [
    { row: 0, col: 0, value: 'Tiny', role: 'title' },
    { row: 1, col: 0, value: 0.5, role: 'input' },
    { row: 2, col: 0, value: -1.25, role: 'input' },
    { row: 1, col: 1, value: 2, role: 'weight', numberFormat: '0' },
    { row: 1, col: 2, formula: '=0.5*(1+TANH($B$2*A2/2))', role: 'gate' },
    { row: 2, col: 2, formula: '=0.5*(1+TANH($B$2*A3/2))', role: 'gate' },
    { row: 3, col: 2, formula: '=SUMPRODUCT(C2:C3,A2:A3)', role: 'output' },
  ];
  return {
    baseName: 'Tiny',
    model: 'lstm',
    language: 'en',
    config: { seed: 1 },
    rowCount: 4,
    colCount: 3,
    cells,
    merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
    columnWidths: [{ col: 0, width: 12 }],
    names: [{ name: 'x_in', range: { top: 1, left: 0, bottom: 2, right: 0 } }],
    boxes: [{ top: 1, left: 0, bottom: 2, right: 0 }],
    ...overrides,
  };
}

/** Logistic function written the textbook way, independent of the sheet's tanh form. */
const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

describe('PreviewHost', () => {
  it('builds a sheet whose formulas evaluate at full precision', async () => {
    const host = new PreviewHost();
    const result = await host.buildSheet(tinyPlan(), { model: 'lstm', mode: 'walkthrough' });
    expect(result).toEqual({
      sheetName: 'Tiny',
      cellCount: 7,
      formulaCount: 3,
      syncCount: 0,
      sheetId: expect.any(String),
    });
    const cells = await host.readCells('Tiny', ['C2', 'C3', 'C4', 'A1', 'D9']);
    expect(cells[0].value as number).toBeCloseTo(logistic(1), 12);
    expect(Math.abs((cells[1].value as number) - logistic(-2.5))).toBeLessThan(1e-12);
    const expectedOut = 0.5 * logistic(1) - 1.25 * logistic(-2.5);
    expect(Math.abs((cells[2].value as number) - expectedOut)).toBeLessThan(1e-12);
    expect(cells[0].formula).toBe('=0.5*(1+TANH($B$2*A2/2))');
    expect(cells[3]).toEqual({ address: 'A1', value: 'Tiny', formula: null });
    expect(cells[4]).toEqual({ address: 'D9', value: null, formula: null });
  });

  it('never overwrites: a taken name gets " 2", " 3"', async () => {
    const host = new PreviewHost();
    const names = [];
    for (let i = 0; i < 3; i++) names.push((await host.buildSheet(tinyPlan(), { n: i })).sheetName);
    expect(names).toEqual(['Tiny', 'Tiny 2', 'Tiny 3']);
    expect(host.workbook.sheetNames()).toEqual(names);
    const listed = await host.listAddinSheets();
    expect(listed.map((s) => s.metadata.n)).toEqual([0, 1, 2]);
  });

  it('keeps the plan layout for rendering and activates the new sheet', async () => {
    const host = new PreviewHost();
    await host.buildSheet(tinyPlan(), { m: 1 });
    const sheet = host.workbook.sheet('Tiny');
    expect(sheet?.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect(sheet?.columnWidths.get(0)).toBe(12);
    expect(sheet?.boxes).toHaveLength(1);
    expect(host.workbook.activeSheet).toBe('Tiny');
    const b2 = host.workbook.cell('Tiny', 1, 1);
    expect(b2.role).toBe('weight');
    expect(b2.numberFormat).toBe('0');
  });

  it('recomputes dependents when an input cell is written', async () => {
    const host = new PreviewHost();
    await host.buildSheet(tinyPlan(), {});
    await host.writeCells('Tiny', [
      { address: 'A2', content: '3' },
      { address: 'B2', content: 0.5 },
    ]);
    const [c2, c4] = await host.readCells('Tiny', ['C2', 'C4']);
    expect(Math.abs((c2.value as number) - logistic(1.5))).toBeLessThan(1e-12);
    expect(Math.abs((c4.value as number) - (3 * logistic(1.5) - 1.25 * logistic(-0.625)))).toBeLessThan(
      1e-12,
    );
  });

  it('writes formulas and fills, and restores the plan fill with null', async () => {
    const host = new PreviewHost();
    await host.buildSheet(tinyPlan(), {});
    await host.writeCells('Tiny', [{ address: 'B4', content: '=A2*10', fill: '#FF0000' }]);
    expect((await host.readCells('Tiny', ['B4']))[0]).toEqual({ address: 'B4', value: 5, formula: '=A2*10' });
    expect(host.workbook.cell('Tiny', 3, 1).fillOverride).toBe('#FF0000');
    await host.writeCells('Tiny', [{ address: 'B4', content: null, fill: null }]);
    expect(host.workbook.cell('Tiny', 3, 1)).toMatchObject({
      value: null,
      formula: null,
      fillOverride: null,
    });
  });

  it('refuses to read or write sheets it did not create', async () => {
    const host = new PreviewHost();
    host.workbook.addSheet('Mine');
    await expect(host.readCells('Mine', ['A1'])).rejects.toThrow(/not a sheet this add-in created/);
    await expect(host.writeCells('Nope', [{ address: 'A1', content: 1 }])).rejects.toThrow();
  });

  it('removes a sheet it built by id, after a rename too, and refuses a sheet the user made', async () => {
    const host = new PreviewHost();
    const { sheetName, sheetId } = await host.buildSheet(tinyPlan(), { mode: 'walkthrough' });
    expect(host.workbook.renameSheet(sheetName, 'Mine')).toBe(true);
    const theirs = host.workbook.addSheet('Tiny');
    await host.removeSheet(sheetId!);
    expect(host.workbook.sheetNames()).toContain(theirs);
    expect(host.workbook.sheetNames()).not.toContain('Mine');
    // Gone already: nothing to do.
    await host.removeSheet(sheetId!);
    await expect(host.removeSheet(host.workbook.sheetId(theirs)!)).rejects.toThrow(
      /not built by this add-in/,
    );
    expect(host.workbook.sheetNames()).toContain(theirs);
  });

  it('removes a half-written sheet when the build fails', async () => {
    const host = new PreviewHost();
    const bad = tinyPlan({ cells: [...tinyPlan().cells, { row: 9, col: 0, value: 1, role: 'input' }] });
    await expect(host.buildSheet(bad, {})).rejects.toThrow(/outside/);
    expect(host.workbook.sheetNames()).toEqual([]);
    expect(await host.listAddinSheets()).toEqual([]);
  });

  it('reports build progress up to the total', async () => {
    const host = new PreviewHost();
    const cells: PlanCell[] = [];
    for (let r = 0; r < 500; r++)
      for (let c = 0; c < 10; c++) cells.push({ row: r, col: c, formula: `=${r}+${c}`, role: 'computed' });
    const progress: number[] = [];
    await host.buildSheet(
      tinyPlan({ cells, rowCount: 500, colCount: 10, merges: [], names: [] }),
      {},
      (p) => {
        expect(p.total).toBe(5000);
        progress.push(p.done);
      },
    );
    expect(progress.length).toBeGreaterThan(1);
    expect(progress[progress.length - 1]).toBe(5000);
    expect([...progress].sort((x, y) => x - y)).toEqual(progress);
    expect((await host.readCells('Tiny', [a1(499, 9)]))[0].value).toBe(508);
  });

  it('opens a new sheet on its first input, a practice sheet on its first blank, as Excel does', async () => {
    const host = new PreviewHost();
    const config = specFor('lstm').defaults;
    const plan = buildPlan(config);
    const walk = await host.buildSheet(plan, { mode: 'walkthrough', config });
    const input = plan.cells.find((c) => c.role === 'input') as PlanCell;
    expect(await host.getSelection()).toEqual({ sheet: walk.sheetName, address: a1(input.row, input.col) });
    const practice = await createPracticeSheet(host, config, 'one-gate', 1);
    // The first blank in sheet order (the one-gate blanks of seed 1 start in column Y).
    expect(practice.answers[0]).toMatch(/^Y\d+$/);
    expect(await host.getSelection()).toEqual({ sheet: practice.sheetName, address: practice.answers[0] });
    expect(host.workbook.activeSheet).toBe(practice.sheetName);
    await host.selectCell(walk.sheetName, 'C5');
    expect(await host.getSelection()).toEqual({ sheet: walk.sheetName, address: 'C5' });
    expect(host.workbook.activeSheet).toBe(walk.sheetName);
  });

  it('reports selection changes with sheet and A1 address', async () => {
    const host = new PreviewHost();
    await host.buildSheet(tinyPlan(), {});
    const seen: string[] = [];
    const off = host.onSelectionChanged((s) => seen.push(`${s.sheet}!${s.address}`));
    host.workbook.select('Tiny', 2, 2);
    host.workbook.select('Tiny', 2, 2);
    host.workbook.select('Tiny', 0, 27);
    off();
    host.workbook.select('Tiny', 1, 1);
    expect(seen).toEqual(['Tiny!C3', 'Tiny!AB1']);
    expect(await host.getSelection()).toEqual({ sheet: 'Tiny', address: 'B2' });
  });

  it('scopes plan names to their sheet', async () => {
    const host = new PreviewHost();
    await host.buildSheet(tinyPlan(), {});
    await host.buildSheet(tinyPlan(), {});
    await host.writeCells('Tiny 2', [
      { address: 'A2', content: 7 },
      { address: 'D1', content: '=SUM(x_in)' },
    ]);
    await host.writeCells('Tiny', [{ address: 'D1', content: '=SUM(x_in)' }]);
    expect((await host.readCells('Tiny 2', ['D1']))[0].value).toBe(7 - 1.25);
    expect((await host.readCells('Tiny', ['D1']))[0].value).toBe(0.5 - 1.25);
  });

  it('notifies subscribers on every visible change', async () => {
    const host = new PreviewHost();
    let calls = 0;
    host.workbook.subscribe(() => calls++);
    await host.buildSheet(tinyPlan(), {});
    const before = host.workbook.version;
    host.workbook.setInput('Tiny', 1, 0, '1');
    expect(host.workbook.version).toBeGreaterThan(before);
    expect(calls).toBeGreaterThan(1);
  });

  it('keeps a plan’s text as text where it looks like a formula or a number, as Excel does', async () => {
    const host = new PreviewHost();
    const texts = ['= level 0', '=', '+1', '-', '1.5 s', 'TRUE'];
    const plan = tinyPlan({
      rowCount: 5,
      cells: [
        ...tinyPlan().cells,
        ...texts.map((value, col): PlanCell => ({ row: 4, col, value, role: 'label' })),
      ],
      colCount: texts.length,
    });
    const { sheetName } = await host.buildSheet(plan, {});
    texts.forEach((text, col) => expect(host.workbook.cellAt(sheetName, a1(4, col)).value).toBe(text));
  });
});

describe('parseInput', () => {
  it('reads typed text the way a spreadsheet does', () => {
    expect(parseInput('1.5')).toBe(1.5);
    expect(parseInput(' -2e-3 ')).toBe(-0.002);
    expect(parseInput('.5')).toBe(0.5);
    expect(parseInput('=A1+1')).toBe('=A1+1');
    expect(parseInput('')).toBeNull();
    expect(parseInput('TRUE')).toBe(true);
    expect(parseInput('h_t')).toBe('h_t');
    expect(parseInput('1.2.3')).toBe('1.2.3');
  });
});

describe('PreviewHost with every registered model', () => {
  /** The flat parameter values a sheet holds, read from its own cells. */
  function paramsOf(plan: SheetPlan, values: Map<string, number>): Record<string, Float64Array> {
    const sizes: Record<string, number> = {};
    for (const c of plan.cells)
      if (c.meaning?.param)
        sizes[c.meaning.param.name] = Math.max(sizes[c.meaning.param.name] ?? 0, c.meaning.param.flat + 1);
    const out: Record<string, Float64Array> = {};
    for (const [name, n] of Object.entries(sizes)) out[name] = new Float64Array(n);
    for (const c of plan.cells)
      if (c.meaning?.param)
        out[c.meaning.param.name][c.meaning.param.flat] = values.get(a1(c.row, c.col)) ?? NaN;
    return out;
  }

  it('computes every traced cell as the core does, before and after an input edit', async () => {
    const { availableModels } = await import('../../src/sheets/registry');
    const specs = availableModels();
    expect(specs.length).toBeGreaterThan(0);
    for (const spec of specs) {
      const plan = spec.build(spec.defaults);
      const host = new PreviewHost();
      const { sheetName } = await host.buildSheet(plan, { config: spec.defaults });
      const traced = plan.cells.filter((c) => c.meaning?.trace);
      const paramCells = plan.cells.filter((c) => c.meaning?.param);
      expect(traced.length).toBeGreaterThan(0);
      const check = async (label: string) => {
        const read = await host.readCells(
          sheetName,
          paramCells.map((c) => a1(c.row, c.col)),
        );
        const values = new Map(read.map((r) => [r.address, r.value as number]));
        const trace = spec.evaluate(spec.defaults, paramsOf(plan, values));
        const got = await host.readCells(
          sheetName,
          traced.map((c) => a1(c.row, c.col)),
        );
        traced.forEach((c, i) => {
          const t = c.meaning!.trace!;
          const want = trace.tensors[t.name][t.step][t.flat];
          const diff = Math.abs((got[i].value as number) - want);
          if (!(diff <= 1e-9))
            throw new Error(
              `${spec.id} ${label}: ${got[i].address} (${t.name}[${t.step}][${t.flat}]) = ${got[i].value}, core ${want}`,
            );
        });
      };
      await check('as built');
      const input = paramCells.find((c) => c.role === 'input') ?? paramCells[0];
      await host.writeCells(sheetName, [{ address: a1(input.row, input.col), content: 0.731 }]);
      await check('after editing an input');
    }
  });
});

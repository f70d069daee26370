import { describe, expect, it } from 'vitest';
import { ExcelHost } from '../../src/host/excel-host';
import { styleFor } from '../../src/sheets/style';
import { a1, type ModelId, type PlanCell, type SheetPlan } from '../../src/sheets/plan';
import { MODELS } from '../../src/sheets/registry';
import { FakeExcel, type FakeSheet } from '../../tools/excel-double/fake-excel';
import { StrictExcel } from '../../tools/excel-double/strict-excel';
import { bulkPlan, lstmLikePlan } from './plan-factory';

function hostFor(excel: FakeExcel, maxRequestBytes?: number): ExcelHost {
  return new ExcelHost({ run: excel.run as never, isSetSupported: excel.isSetSupported, maxRequestBytes });
}

/** Compares every plan cell with what the fake workbook holds at its address. */
function expectSheetMatchesPlan(sheet: FakeSheet, plan: SheetPlan): void {
  const planned = new Set<string>();
  for (const cell of plan.cells) {
    const address = a1(cell.row, cell.col);
    planned.add(`${cell.row},${cell.col}`);
    const got = sheet.cell(address);
    expect(got, address).toBeDefined();
    if (cell.formula !== undefined) {
      expect(got!.formula, address).toBe(cell.formula);
    } else {
      expect(got!.formula, address).toBeUndefined();
      // An empty-string label and an absent value both leave the cell empty.
      expect(got!.value ?? '', address).toBe(cell.value ?? '');
    }
    const style = styleFor(cell.role);
    expect(got!.fill, address).toBe(style.fill);
    expect(got!.bold ?? false, address).toBe(style.bold);
    expect(got!.fontColor, address).toBe(style.fontColor);
    const format = cell.numberFormat ?? (typeof cell.value === 'string' ? undefined : style.numberFormat);
    expect(got!.numberFormat ?? 'General', address).toBe(format ?? 'General');
  }
  // Nothing beyond the plan holds content.
  for (const [key, c] of sheet.cells) {
    if (!planned.has(key)) expect(c.formula === undefined && c.value === undefined, key).toBe(true);
  }
}

/** "$C$4" for (3, 2), spelled out here rather than taken from the code under test. */
function absolute(row: number, col: number): string {
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(a1(row, col))!;
  return `$${letters}$${digits}`;
}

function contentOf(sheet: FakeSheet): string {
  return JSON.stringify([...sheet.cells].map(([k, c]) => [k, c.formula, c.value]));
}

describe('ExcelHost.buildSheet', () => {
  it('writes every formula and value of the plan at its address, with the palette', async () => {
    const excel = new StrictExcel(['Sheet1']);
    const plan = lstmLikePlan({ I: 3, H: 2, T: 4 });
    const result = await hostFor(excel).buildSheet(plan, { model: 'lstm', mode: 'walkthrough' });
    const sheet = excel.sheet(result.sheetName)!;
    expect(result.sheetName).toBe('LSTM');
    expectSheetMatchesPlan(sheet, plan);
    expect(result.formulaCount).toBe(plan.cells.filter((c) => c.formula).length);
    expect(result.cellCount).toBe(plan.cells.length);
    // Text that looks like a formula or a number stays text.
    expect(sheet.cell('A' + (plan.cells.find((c) => c.value === '1/2')!.row + 1))!.value).toBe('1/2');
  });

  it('merges, sizes columns, names ranges on the sheet and outlines the boxes', async () => {
    const excel = new StrictExcel();
    const plan = lstmLikePlan({ I: 3, H: 2, T: 4 });
    const { sheetName } = await hostFor(excel).buildSheet(plan, {});
    const sheet = excel.sheet(sheetName)!;
    expect(sheet.merges).toEqual(['A1:F1']);
    // 14 characters → (14·7 + 5) px → 77.25 pt.
    expect(sheet.columnWidths.get(0)).toBeCloseTo(77.25, 6);
    for (const { col, width } of plan.columnWidths)
      expect(sheet.columnWidths.get(col)).toBeCloseTo((width * 7 + 5) * 0.75, 6);
    expect(Object.fromEntries(sheet.names)).toEqual({ X: '$C$4:$F$6', W_ih: '$C$8:$E$15' });
    for (const box of plan.boxes) {
      const corner = sheet.cell(a1(box.top, box.left))!;
      expect(corner.borders.top?.style).toBe('Continuous');
      expect(corner.borders.left?.style).toBe('Continuous');
      const far = sheet.cell(a1(box.bottom, box.right))!;
      expect(far.borders.bottom?.weight).toBe('Medium');
      expect(far.borders.right?.weight).toBe('Medium');
    }
    // Weights (learnable) are outlined red, states dark.
    const wBox = plan.boxes[1];
    expect(sheet.cell(a1(wBox.top, wBox.left))!.borders.top?.color).toBe('#C00000');
    expect(sheet.cell(a1(plan.boxes[2].top, plan.boxes[2].left))!.borders.top?.color).toBe('#404040');
  });

  it('builds a typical sheet (LSTM I=3 H=2 T=4) in at most 3 syncs with calculation suspended', async () => {
    const excel = new StrictExcel();
    const progress: number[] = [];
    const result = await hostFor(excel).buildSheet(lstmLikePlan({ I: 3, H: 2, T: 4 }), {}, (p) =>
      progress.push(p.done / p.total),
    );
    expect(excel.syncCount).toBeLessThanOrEqual(3);
    expect(result.syncCount).toBe(excel.syncCount);
    expect(excel.suspendCount).toBeGreaterThanOrEqual(1);
    expect(progress.at(-1)).toBe(1);
  });

  it('groups writes: far fewer write calls than cells', async () => {
    const excel = new StrictExcel();
    const plan = lstmLikePlan({ I: 3, H: 2, T: 4 });
    await hostFor(excel).buildSheet(plan, {});
    const contentWrites = excel.log.filter((e) => e.type === 'formulas').length;
    const fills = excel.log.filter((e) => e.type === 'fill').length;
    expect(contentWrites).toBeLessThan(plan.cells.length / 5);
    const fillsInPalette = new Set(plan.cells.map((c) => styleFor(c.role).fill).filter(Boolean)).size;
    expect(fills).toBe(fillsInPalette);
  });

  it('chunks a large plan so that no request passes the 5 MB limit, reporting progress', async () => {
    const excel = new StrictExcel(['Sheet1'], { maxRequestBytes: 5_000_000 });
    const plan = bulkPlan(400, 120, 150); // ≈ 48,000 formulas of 150 characters ≈ 7 MB of formulas
    const progress: { done: number; total: number }[] = [];
    const result = await hostFor(excel).buildSheet(plan, { big: true }, (p) => progress.push(p));
    expect(excel.requestBytes.length).toBeGreaterThanOrEqual(3);
    for (const bytes of excel.requestBytes) expect(bytes).toBeLessThanOrEqual(5_000_000);
    expect(progress.length).toBeGreaterThan(2);
    const total = progress[0].total;
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: total + 1 }, (_, k) => k));
    expect(result.syncCount).toBe(total + 1);
    const sheet = excel.sheet(result.sheetName)!;
    for (const cell of plan.cells.filter((_, k) => k % 997 === 0)) {
      expect(sheet.cell(a1(cell.row, cell.col))!.formula).toBe(cell.formula);
    }
  });

  it('respects a smaller request budget the same way', async () => {
    const excel = new StrictExcel(['Sheet1'], { maxRequestBytes: 60_000 });
    const plan = lstmLikePlan({ I: 8, H: 8, T: 30 });
    const result = await hostFor(excel, 40_000).buildSheet(plan, {});
    expect(excel.requestBytes.length).toBeGreaterThan(3);
    for (const bytes of excel.requestBytes) expect(bytes).toBeLessThanOrEqual(60_000);
    expectSheetMatchesPlan(excel.sheet(result.sheetName)!, plan);
  });

  it('never overwrites an existing sheet: a taken name gets the next free suffix', async () => {
    const excel = new StrictExcel(['lstm', 'LSTM 2', 'Notes']);
    excel.sheet('lstm')!.touch(0, 0).value = 'my work';
    const host = hostFor(excel);
    const first = await host.buildSheet(lstmLikePlan({ I: 1, H: 1, T: 1 }), {});
    const second = await host.buildSheet(lstmLikePlan({ I: 1, H: 1, T: 1 }), {});
    expect([first.sheetName, second.sheetName]).toEqual(['LSTM 3', 'LSTM 4']);
    expect(excel.sheet('lstm')!.cell('A1')!.value).toBe('my work');
    expect(excel.sheets.map((s) => s.name)).toEqual(['lstm', 'LSTM 2', 'Notes', 'LSTM 3', 'LSTM 4']);
  });

  it('fits a long or odd base name into a valid 31-character sheet name', async () => {
    const excel = new StrictExcel(['Sheet1']);
    const plan = {
      ...lstmLikePlan({ I: 1, H: 1, T: 1 }),
      baseName: 'Mamba: selective scan [ZOH] / very long name',
    };
    const host = hostFor(excel);
    const a = await host.buildSheet(plan, {});
    const b = await host.buildSheet(plan, {});
    for (const n of [a.sheetName, b.sheetName]) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[\\/?*[\]:]/);
    }
    expect(b.sheetName.endsWith(' 2')).toBe(true);
  });

  it('a failure at any point of the build leaves no new sheet and the old ones intact', async () => {
    const plan = lstmLikePlan({ I: 2, H: 1, T: 2 });
    const dry = new StrictExcel(['Sheet1', 'LSTM']);
    await hostFor(dry).buildSheet(plan, { model: 'lstm' });
    const actions = dry.actionCount;
    expect(actions).toBeGreaterThan(20);
    for (let n = 1; n <= actions; n++) {
      const excel = new StrictExcel(['Sheet1', 'LSTM'], { failAtAction: n });
      excel.sheet('LSTM')!.touch(2, 2).formula = '=1+1';
      const before = contentOf(excel.sheet('LSTM')!);
      await expect(hostFor(excel).buildSheet(plan, { model: 'lstm' }), `action ${n}`).rejects.toThrow(
        /Could not build the sheet 'LSTM( 2)?': An internal error/,
      );
      expect(
        excel.sheets.map((s) => s.name),
        `action ${n}`,
      ).toEqual(['Sheet1', 'LSTM']);
      expect(contentOf(excel.sheet('LSTM')!)).toBe(before);
    }
  });

  it('stores the metadata as a marker split over properties Excel accepts', async () => {
    const excel = new StrictExcel();
    const metadata = {
      model: 'lstm',
      mode: 'practice',
      config: { note: '长'.repeat(400), sizes: [1, 2, 3] },
    };
    const host = hostFor(excel);
    const { sheetName } = await host.buildSheet(lstmLikePlan({ I: 1, H: 1, T: 1 }), metadata);
    const props = excel.sheet(sheetName)!.properties;
    expect(props.size).toBeGreaterThan(2);
    for (const v of props.values()) expect(v.length).toBeLessThanOrEqual(255);
    expect(await host.listAddinSheets()).toEqual([{ name: sheetName, metadata }]);
  });

  it('rejects a plan with an invalid Excel name before touching the workbook', async () => {
    const excel = new StrictExcel();
    const plan = {
      ...lstmLikePlan({ I: 1, H: 1, T: 1 }),
      names: [{ name: 'A1', range: { top: 0, left: 0, bottom: 0, right: 0 } }],
    };
    await expect(hostFor(excel).buildSheet(plan, {})).rejects.toThrow(/invalid Excel name "A1"/);
    expect(excel.syncCount).toBe(0);
  });
});

describe('ExcelHost with the registered sheet builders', () => {
  it('writes the real LSTM sheet (I=3, H=2, T=4) exactly, in at most 3 syncs', async () => {
    const spec = MODELS.lstm!;
    const plan = spec.build({ ...spec.defaults, inputSize: 3, hiddenSize: 2, steps: 4 });
    const excel = new StrictExcel(['Sheet1']);
    const result = await hostFor(excel).buildSheet(plan, { mode: 'walkthrough' });
    expect(result.syncCount).toBeLessThanOrEqual(3);
    expect(excel.syncCount).toBe(result.syncCount);
    expectSheetMatchesPlan(excel.sheet(result.sheetName)!, plan);
  });

  it.each(Object.keys(MODELS) as ModelId[])(
    'writes the %s sheet at its largest size exactly, under the request limit',
    async (id) => {
      const spec = MODELS[id]!;
      const sizes = Object.fromEntries(Object.entries(spec.limits).map(([f, l]) => [f, l!.max]));
      const config = { ...spec.defaults, ...sizes };
      if (spec.validate(config).length > 0) return; // a size combination the pane would not offer
      const plan = spec.build(config);
      const excel = new StrictExcel(['Sheet1']);
      const result = await hostFor(excel).buildSheet(plan, {});
      for (const bytes of excel.requestBytes) expect(bytes).toBeLessThanOrEqual(5_000_000);
      expectSheetMatchesPlan(excel.sheet(result.sheetName)!, plan);
      const expectedNames = plan.names.map((n) => {
        const tl = absolute(n.range.top, n.range.left);
        const br = absolute(n.range.bottom, n.range.right);
        return [n.name, tl === br ? tl : `${tl}:${br}`];
      });
      expect(Object.fromEntries(excel.sheet(result.sheetName)!.names)).toEqual(
        Object.fromEntries(expectedNames),
      );
    },
  );
});

describe('ExcelHost cells, selection and support', () => {
  async function built(): Promise<{
    excel: StrictExcel;
    host: ExcelHost;
    sheetName: string;
    plan: SheetPlan;
  }> {
    const excel = new StrictExcel(['Sheet1']);
    const host = hostFor(excel);
    const plan = lstmLikePlan({ I: 2, H: 1, T: 2 });
    const { sheetName } = await host.buildSheet(plan, { mode: 'practice' });
    return { excel, host, sheetName, plan };
  }

  it('reads values and formulas back', async () => {
    const { excel, host, sheetName, plan } = await built();
    const f = plan.cells.find((c) => c.formula)!;
    const v = plan.cells.find((c) => c.role === 'input')!;
    excel.computed.set(`${sheetName}!${a1(f.row, f.col)}`, 0.25);
    const got = await host.readCells(sheetName, [a1(f.row, f.col), a1(v.row, v.col), 'Z99']);
    expect(got).toEqual([
      { address: a1(f.row, f.col), value: 0.25, formula: f.formula },
      { address: a1(v.row, v.col), value: v.value, formula: null },
      { address: 'Z99', value: null, formula: null },
    ]);
    await expect(host.readCells('Nope', ['A1'])).rejects.toThrow(/no sheet named 'Nope'/);
  });

  it('writes answer cells on its own sheets and restores the plan fill', async () => {
    const { excel, host, sheetName, plan } = await built();
    const target: PlanCell = plan.cells.find((c) => c.role === 'gate')!;
    const address = a1(target.row, target.col);
    await host.writeCells(sheetName, [{ address, content: 0.5, fill: '#FF0000' }]);
    expect(excel.sheet(sheetName)!.cell(address)).toMatchObject({ value: 0.5, fill: '#FF0000' });
    await host.writeCells(sheetName, [{ address, content: '=1/3', fill: null }]);
    expect(excel.sheet(sheetName)!.cell(address)).toMatchObject({
      formula: '=1/3',
      fill: styleFor('gate').fill,
    });
    await host.writeCells(sheetName, [{ address, content: null }]);
    expect(excel.sheet(sheetName)!.cell(address)!.formula).toBeUndefined();
    expect(excel.sheet(sheetName)!.cell(address)!.value).toBeUndefined();
  });

  it('restores fills on sheets from an earlier session through resolvePlan', async () => {
    const { excel, sheetName, plan } = await built();
    const fresh = new ExcelHost({
      run: excel.run as never,
      resolvePlan: (s) => (s.name === sheetName ? plan : undefined),
    });
    const target = plan.cells.find((c) => c.role === 'input')!;
    await fresh.writeCells(sheetName, [{ address: a1(target.row, target.col), fill: null }]);
    expect(excel.sheet(sheetName)!.cell(a1(target.row, target.col))!.fill).toBe(styleFor('input').fill);
  });

  it('refuses to write a sheet it did not build', async () => {
    const { excel, host } = await built();
    excel.sheet('Sheet1')!.touch(0, 0).value = 'mine';
    await expect(host.writeCells('Sheet1', [{ address: 'A1', content: 1 }])).rejects.toThrow(
      /not built by this add-in/,
    );
    expect(excel.sheet('Sheet1')!.cell('A1')!.value).toBe('mine');
  });

  it('lists only its own sheets', async () => {
    const { host, sheetName } = await built();
    expect(await host.listAddinSheets()).toEqual([{ name: sheetName, metadata: { mode: 'practice' } }]);
  });

  it('reports the selection and selection changes until unsubscribed', async () => {
    // Office.js registers event handlers through the host's own channel, which the strict
    // double does not model; the recording fake stands in for this one test.
    const excel = new FakeExcel(['Sheet1', 'LSTM 2']);
    const host = hostFor(excel);
    excel.active = { sheet: 'LSTM 2', address: 'C5' };
    expect(await host.getSelection()).toEqual({ sheet: 'LSTM 2', address: 'C5' });
    const seen: string[] = [];
    const off = host.onSelectionChanged((c) => seen.push(`${c.sheet}!${c.address}`));
    await new Promise((r) => setTimeout(r, 0));
    await excel.select('LSTM 2', 'D7');
    off();
    await new Promise((r) => setTimeout(r, 0));
    await excel.select('Sheet1', 'A1');
    expect(seen).toEqual(['LSTM 2!D7']);
    expect(excel.handlers.size).toBe(0);
  });

  it('names the missing requirement set on an old Excel', async () => {
    const excel = new StrictExcel();
    excel.apiVersion = '1.11';
    const old = await hostFor(excel).checkSupport();
    expect(old.ok).toBe(false);
    expect(old.message).toMatch(/ExcelApi 1\.12/);
    excel.apiVersion = '1.12';
    expect(await hostFor(excel).checkSupport()).toEqual({ ok: true });
    const zh = await new ExcelHost({
      run: excel.run as never,
      isSetSupported: () => false,
      language: 'zh',
    }).checkSupport();
    expect(zh.message).toMatch(/ExcelApi 1\.12/);
    expect(zh.message).toMatch(/不支持/);
  });

  it('says plainly when Office.js is missing', async () => {
    const host = new ExcelHost({ run: (() => Promise.reject(new Error('no'))) as never });
    const support = await host.checkSupport();
    expect(support.ok).toBe(false);
    expect(support.message).toMatch(/inside Excel/);
  });
});

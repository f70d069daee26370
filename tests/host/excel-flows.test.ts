/**
 * The flows in Excel, through the real Office.js request builder (the strict double): one
 * dashed straight connector with an arrowhead per flow, placed from the ranges' loaded
 * positions, named and described so the add-in can find its own; every request under
 * 5 MB at the pane's largest sheet; redrawing deletes only the add-in's shapes; and where
 * shapes are missing the labels become notes on the reading cells (the double holding
 * Excel to one note per cell), for every model, once, however often the sheet is rebuilt
 * or redrawn.
 */
import { describe, expect, it } from 'vitest';
import { ExcelHost } from '../../src/host/excel-host';
import { FLOW_COLOR, FLOW_SHAPE_PREFIX, FLOW_WEIGHT } from '../../src/host/flow-look';
import { a1, type PlanFlow, type PlanRange, type SheetPlan } from '../../src/sheets/plan';
import { availableModels, specFor } from '../../src/sheets/registry';
import { largestConfig } from '../../tools/excel-double/operation-sizes';
import {
  DEFAULT_COLUMN_POINTS,
  DEFAULT_ROW_POINTS,
  type FakeShapeRecord,
  type FakeSheet,
} from '../../tools/excel-double/fake-excel';
import { EXCEL_WEB_MAX_BYTES, StrictExcel } from '../../tools/excel-double/strict-excel';

function strictHost(excel: StrictExcel, isSetSupported = excel.isSetSupported): ExcelHost {
  return new ExcelHost({ run: excel.run as never, isSetSupported });
}

/** The rectangle of a range in points, from the widths the sheet was given (computed here, not by the host). */
function pointsOf(sheet: FakeSheet, r: PlanRange) {
  const w = (c: number) => sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_POINTS;
  let left = 0;
  for (let c = 0; c < r.left; c++) left += w(c);
  let right = left;
  for (let c = r.left; c <= r.right; c++) right += w(c);
  return { left, right, top: r.top * DEFAULT_ROW_POINTS, bottom: (r.bottom + 1) * DEFAULT_ROW_POINTS };
}

const lstm = () => specFor('lstm').build(specFor('lstm').defaults);

/** A shape the learner drew on the sheet themselves. */
const learnerShape = () => ({
  id: '{learner}',
  type: 'GeometricShape',
  name: 'My box',
  lineFormat: {},
  lineEnds: {},
});

/** Forward in time: out of the source's right edge, into the reader's left edge, at mid-height. */
function expectArrowAt(sheet: FakeSheet, flow: PlanFlow, line: NonNullable<FakeShapeRecord['line']>) {
  const from = pointsOf(sheet, flow.from);
  const to = pointsOf(sheet, flow.to);
  expect(line.startLeft).toBeCloseTo(from.right, 6);
  expect(line.endLeft).toBeCloseTo(to.left, 6);
  expect(line.startTop).toBeCloseTo((from.top + from.bottom) / 2, 6);
  expect(line.endTop).toBeCloseTo((to.top + to.bottom) / 2, 6);
}

describe('flows in Excel', () => {
  it('draws one dashed arrow per flow from the source range to the cells that read it', async () => {
    const excel = new StrictExcel(['Sheet1']);
    const plan = lstm();
    const { sheetName, syncCount } = await strictHost(excel).buildSheet(plan, { model: 'lstm' });
    const sheet = excel.sheet(sheetName)!;
    const flows = plan.flows ?? [];
    expect(flows.length).toBeGreaterThan(0);
    expect(sheet.shapes).toHaveLength(flows.length);
    // Names the list sheets, one request of contents, widths and positions, one of shapes.
    expect(syncCount).toBe(3);
    flows.forEach((flow, k) => {
      const shape = sheet.shapes[k];
      expect(shape).toMatchObject({
        type: 'Line',
        name: `${FLOW_SHAPE_PREFIX}${k + 1}`,
        altTextDescription: flow.label,
        placement: 'TwoCell',
        lineFormat: { color: FLOW_COLOR, dashStyle: 'Dash', weight: FLOW_WEIGHT },
        lineEnds: { endArrowheadStyle: 'Triangle' },
      });
      expect(shape.line!.connectorType).toBe('Straight');
      expectArrowAt(sheet, flow, shape.line!);
    });
  });

  it('keeps every request under 5 MB for the largest sheet the pane builds, shapes included', async () => {
    const spec = specFor('lstm');
    const plan: SheetPlan = spec.build({ ...largestConfig(spec, 'bidirectional') });
    const excel = new StrictExcel(['Sheet1']);
    // A small budget forces the shapes into several requests, each measured in real bytes.
    const host = new ExcelHost({ run: excel.run as never, isSetSupported: excel.isSetSupported });
    const { sheetName } = await host.buildSheet(plan, { model: 'lstm' });
    expect(excel.sheet(sheetName)!.shapes).toHaveLength(plan.flows!.length);
    expect(excel.largestRequest).toBeLessThanOrEqual(EXCEL_WEB_MAX_BYTES);
    expect(Math.max(...excel.requests.map((r) => r.responseBytes))).toBeLessThanOrEqual(EXCEL_WEB_MAX_BYTES);
  }, 180_000);

  it('draws the parallel scan’s level arrows at the pane’s largest scan sheet, every request under 5 MB', async () => {
    const spec = specFor('mamba-scan');
    const plan = spec.build(largestConfig(spec, 'zoh'));
    const excel = new StrictExcel(['Sheet1']);
    const { sheetName } = await strictHost(excel).buildSheet(plan, { model: 'mamba-scan' });
    const sheet = excel.sheet(sheetName)!;
    const flows = plan.flows ?? [];
    expect(sheet.shapes).toHaveLength(flows.length);
    // Level k's arrows come down from the band of level k − 1, some steps to the left.
    const down = flows.flatMap((f, k) => (f.to.top > f.from.bottom ? [k] : []));
    expect(down.length).toBeGreaterThan(0);
    for (const k of down) {
      const from = pointsOf(sheet, flows[k].from);
      const to = pointsOf(sheet, flows[k].to);
      const line = sheet.shapes[k].line!;
      expect(line.startLeft).toBeCloseTo(from.right, 6);
      expect(line.endLeft).toBeCloseTo(to.left, 6);
      expect(line.endTop).toBeGreaterThan(line.startTop);
    }
    expect(excel.largestRequest).toBeLessThanOrEqual(EXCEL_WEB_MAX_BYTES);
  });

  it('cuts the shapes into several requests under a small budget, none refused', async () => {
    const plan = lstm();
    const excel = new StrictExcel(['Sheet1'], { maxBytes: 60_000 });
    const host = new ExcelHost({
      run: excel.run as never,
      isSetSupported: excel.isSetSupported,
      maxRequestBytes: 20_000,
    });
    const { sheetName } = await host.buildSheet(plan, { model: 'lstm' });
    expect(excel.sheet(sheetName)!.shapes).toHaveLength(plan.flows!.length);
    expect(excel.largestRequest).toBeLessThanOrEqual(60_000);
    expect(excel.requests.length).toBeGreaterThan(4);
  });

  it('redrawing deletes only the shapes the add-in drew, and refuses a sheet it did not build', async () => {
    const excel = new StrictExcel(['Sheet1']);
    const host = strictHost(excel);
    const plan = lstm();
    const { sheetName } = await host.buildSheet(plan, { model: 'lstm' });
    const sheet = excel.sheet(sheetName)!;
    const learners = {
      id: '{learner}',
      type: 'GeometricShape',
      name: 'My note on the forget gate',
      lineFormat: {},
      lineEnds: {},
    };
    sheet.shapes.push(learners);
    const drawn = await host.redrawFlows(sheetName);
    expect(drawn).toBe(plan.flows!.length);
    expect(sheet.shapes).toHaveLength(plan.flows!.length + 1);
    expect(sheet.shapes).toContain(learners);
    expect(sheet.shapes.filter((s) => s.name.startsWith(FLOW_SHAPE_PREFIX))).toHaveLength(plan.flows!.length);
    // A sheet without the add-in's marker is not touched.
    excel.sheet('Sheet1')!.shapes.push({ ...learners, id: '{other}', name: `${FLOW_SHAPE_PREFIX}1` });
    await expect(host.redrawFlows('Sheet1')).rejects.toThrow(/Sheet1/);
    expect(excel.sheet('Sheet1')!.shapes).toHaveLength(1);
  });

  it('redrawing after a column is widened puts every arrow at the cells’ new positions, the learner’s shape kept', async () => {
    const excel = new StrictExcel(['Sheet1']);
    const host = strictHost(excel);
    const plan = lstm();
    const { sheetName } = await host.buildSheet(plan, { model: 'lstm' });
    const sheet = excel.sheet(sheetName)!;
    const flows = plan.flows!;
    const learners = learnerShape();
    sheet.shapes.push(learners);
    // The learner widens the column the first arrow starts from: every cell right of it moves.
    const col = flows[0].from.right;
    const before = pointsOf(sheet, flows[0].to).left;
    sheet.columnWidths.set(col, (sheet.columnWidths.get(col) ?? DEFAULT_COLUMN_POINTS) + 40);
    expect(pointsOf(sheet, flows[0].to).left).toBeCloseTo(before + 40, 6);
    const ownIds = sheet.shapes.filter((s) => s.name.startsWith(FLOW_SHAPE_PREFIX)).map((s) => s.id);
    expect(await host.redrawFlows(sheetName)).toBe(flows.length);
    const drawn = sheet.shapes.filter((s) => s.name.startsWith(FLOW_SHAPE_PREFIX));
    expect(drawn).toHaveLength(flows.length);
    // The old arrows are gone (new ids), the learner's shape is the same object, untouched.
    expect(drawn.some((s) => ownIds.includes(s.id))).toBe(false);
    expect(sheet.shapes.filter((s) => s === learners)).toHaveLength(1);
    expect(learners).toEqual({
      id: '{learner}',
      type: 'GeometricShape',
      name: 'My box',
      lineFormat: {},
      lineEnds: {},
    });
    flows.forEach((flow, k) =>
      expectArrowAt(sheet, flow, drawn.find((s) => s.name === `${FLOW_SHAPE_PREFIX}${k + 1}`)!.line!),
    );
    // The first arrow now ends 40 points further right than it was drawn at build time.
    const first = drawn.find((s) => s.name === `${FLOW_SHAPE_PREFIX}1`)!.line!;
    expect(first.endLeft).toBeCloseTo(before + 40, 6);
  });

  it('redraws in a later session from the plan the marker rebuilds, and refuses when none can be rebuilt', async () => {
    const excel = new StrictExcel(['Sheet1']);
    const plan = lstm();
    const { sheetName } = await strictHost(excel).buildSheet(plan, { model: 'lstm' });
    const sheet = excel.sheet(sheetName)!;
    const drawnAtBuild = sheet.shapes.map((s) => s.id);
    // A new pane (the workbook reopened): the host knows the sheet only by its marker.
    const asked: unknown[] = [];
    const later = new ExcelHost({
      run: excel.run as never,
      isSetSupported: excel.isSetSupported,
      resolvePlan: (s) => (asked.push(s.metadata), plan),
    });
    expect(await later.redrawFlows(sheetName)).toBe(plan.flows!.length);
    expect(asked).toEqual([{ model: 'lstm' }]);
    expect(sheet.shapes.map((s) => s.id).some((id) => drawnAtBuild.includes(id))).toBe(false);
    // One that cannot rebuild the plan (another version's sheet) says so and leaves the arrows.
    const kept = sheet.shapes.map((s) => s.id);
    const lost = new ExcelHost({
      run: excel.run as never,
      isSetSupported: excel.isSetSupported,
      resolvePlan: () => undefined,
    });
    await expect(lost.redrawFlows(sheetName)).rejects.toThrow(/cannot rebuild the layout of 'LSTM'/);
    expect(sheet.shapes.map((s) => s.id)).toEqual(kept);
  });

  describe('without shapes (ExcelApi 1.18 notes, no 1.9 shapes)', () => {
    // An Excel with notes but, hypothetically, no shapes.
    const noShapes = (name: string, version: string) => name === 'ExcelApi' && version !== '1.9';
    /** Every reading cell with the labels of the flows it reads, in the plan's order, one per line. */
    const expectedNotes = (plan: SheetPlan) => {
      const labels = new Map<string, string[]>();
      for (const f of plan.flows ?? [])
        for (let row = f.to.top; row <= f.to.bottom; row++)
          for (let col = f.to.left; col <= f.to.right; col++)
            labels.set(a1(row, col), [...(labels.get(a1(row, col)) ?? []), f.label]);
      return new Map([...labels].map(([cell, l]) => [cell, l.join('\n')]));
    };
    const cases = availableModels().flatMap((spec) =>
      (spec.variants.length > 0 ? spec.variants.map((v) => v.id) : [undefined]).map(
        (variant) => [`${spec.id}${variant ? ` (${variant})` : ''}`, spec, variant] as const,
      ),
    );

    it.each(cases)(
      '%s: every cell that reads a state carries its flow’s label, once',
      async (_, spec, variant) => {
        const excel = new StrictExcel(['Sheet1']);
        const host = new ExcelHost({ run: excel.run as never, isSetSupported: noShapes });
        const plan = spec.build({ ...spec.defaults, ...(variant ? { variant } : {}) } as never);
        const { sheetName } = await host.buildSheet(plan, { model: spec.id });
        const sheet = excel.sheet(sheetName)!;
        expect(sheet.shapes).toHaveLength(0);
        const expected = expectedNotes(plan);
        // Every reading cell has exactly one note (the double refuses a second), with its labels.
        expect(new Map(sheet.notes)).toEqual(expected);
        for (const f of plan.flows ?? []) expect(sheet.notes.get(a1(f.to.top, f.to.left))).toContain(f.label);
      },
    );

    it('a rebuild writes its own notes and leaves the first sheet’s as they were; a redraw changes nothing', async () => {
      const excel = new StrictExcel(['Sheet1']);
      const host = new ExcelHost({ run: excel.run as never, isSetSupported: noShapes });
      const plan = lstm();
      const expected = expectedNotes(plan);
      expect(expected.size).toBeGreaterThan(1);
      const first = await host.buildSheet(plan, { model: 'lstm' });
      const sheet = excel.sheet(first.sheetName)!;
      // The learner adds a note of their own and a shape.
      sheet.notes.set('A1', 'my question');
      const learners = learnerShape();
      sheet.shapes.push(learners);
      const second = await host.buildSheet(plan, { model: 'lstm' });
      expect(second.sheetName).not.toBe(first.sheetName);
      expect(new Map(excel.sheet(second.sheetName)!.notes)).toEqual(expected);
      expect(new Map(sheet.notes)).toEqual(new Map([...expected, ['A1', 'my question']]));
      // Notes move with their cells: nothing to redraw, and nothing added, replaced or removed.
      const log = excel.log.length;
      expect(await host.redrawFlows(first.sheetName)).toBe(0);
      expect(excel.log.slice(log).map((a) => a.type)).not.toContainEqual(
        expect.stringMatching(/Note|Shape|addLine/),
      );
      expect(new Map(sheet.notes)).toEqual(new Map([...expected, ['A1', 'my question']]));
      expect(sheet.shapes).toEqual([learners]);
      // A second build on the same sheet is impossible by design; the double would refuse its notes.
      await expect(
        excel.run({ delayForCellEdit: true }, (async (context: Excel.RequestContext) => {
          const [address, label] = [...expected][0];
          context.workbook.worksheets.getItem(first.sheetName).notes.add(address, label);
          await context.sync();
        }) as never),
      ).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
  });
});

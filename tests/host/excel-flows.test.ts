/**
 * The flows in Excel, through the real Office.js request builder (the strict double): one
 * dashed straight connector with an arrowhead per flow, placed from the ranges' loaded
 * positions, named and described so the add-in can find its own; every request under
 * 5 MB at the pane's largest sheet; redrawing deletes only the add-in's shapes; and where
 * shapes are missing the labels become notes on the reading cells.
 */
import { describe, expect, it } from 'vitest';
import { ExcelHost } from '../../src/host/excel-host';
import { FLOW_COLOR, FLOW_SHAPE_PREFIX, FLOW_WEIGHT } from '../../src/host/flow-look';
import { a1, type PlanRange, type SheetPlan } from '../../src/sheets/plan';
import { specFor } from '../../src/sheets/registry';
import { largestConfig } from '../../tools/excel-double/operation-sizes';
import {
  DEFAULT_COLUMN_POINTS,
  FakeExcel,
  DEFAULT_ROW_POINTS,
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
      const from = pointsOf(sheet, flow.from);
      const to = pointsOf(sheet, flow.to);
      const line = shape.line!;
      expect(line.connectorType).toBe('Straight');
      // Forward in time: out of the source's right edge, into the reader's left edge, at mid-height.
      expect(line.startLeft).toBeCloseTo(from.right, 6);
      expect(line.endLeft).toBeCloseTo(to.left, 6);
      expect(line.startTop).toBeCloseTo((from.top + from.bottom) / 2, 6);
      expect(line.endTop).toBeCloseTo((to.top + to.bottom) / 2, 6);
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

  it('without shapes, puts each flow’s label on the cells that read the state as notes', async () => {
    // The recording fake: the request builder shipped in @microsoft/office-js predates
    // notes (ExcelApi 1.18), which Excel loads from its CDN.
    const excel = new FakeExcel(['Sheet1']);
    // An Excel with notes (ExcelApi 1.18) but, hypothetically, no shapes (1.9).
    const noShapes = (name: string, version: string) => name === 'ExcelApi' && version !== '1.9';
    const plan = lstm();
    const host = new ExcelHost({ run: excel.run as never, isSetSupported: noShapes });
    const { sheetName } = await host.buildSheet(plan, { model: 'lstm' });
    const sheet = excel.sheet(sheetName)!;
    expect(sheet.shapes).toHaveLength(0);
    const expected = new Map<string, string>();
    for (const f of plan.flows!)
      for (let row = f.to.top; row <= f.to.bottom; row++)
        for (let col = f.to.left; col <= f.to.right; col++) expected.set(a1(row, col), f.label);
    expect(new Map(sheet.notes)).toEqual(expected);
  });
});

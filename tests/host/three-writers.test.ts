/**
 * The three writers of a plan (ExcelHost, the .xlsx writer, the preview workbook) must
 * give every sheet the same look, the same name and the same frozen panes. Each writer's
 * output is read back the way its consumer sees it: the fake Excel's recorded state, the
 * .xlsx reopened with ExcelJS, the preview workbook's state through the grid's CSS. The
 * three readings are then compared with each other, cell by cell, for every model and
 * variant.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ExcelHost } from '../../src/host/excel-host';
import { PreviewWorkbook } from '../../src/host/preview-workbook';
import { plansToXlsx } from '../../src/host/xlsx';
import { colorScaleColor } from '../../src/host/conditional-format-values';
import {
  a1,
  formatAreas,
  rangeA1,
  type ConditionalFormat,
  type PlanRange,
  type SheetPlan,
} from '../../src/sheets/plan';
import type { Settings, ModelSpec } from '../../src/sheets/model-spec';
import { availableModels } from '../../src/sheets/registry';
import { cellCss } from '../../preview/cell-look';
import { otherLanguage } from '../../src/i18n';
import { FakeExcel, type FakeCell } from '../../tools/excel-double/fake-excel';
import { lstmLikePlan } from './plan-factory';

type Side = 'top' | 'bottom' | 'left' | 'right';
const SIDES: readonly Side[] = ['top', 'bottom', 'left', 'right'];

/** One cell's look in writer-neutral terms. */
interface Look {
  fill: string | null;
  font: string;
  bold: boolean;
  italic: boolean;
  size: number;
  align: string;
  numFmt: string;
  /** "thin #7F7F7F" / "medium #C00000" per side that has a border. */
  sides: Partial<Record<Side, string>>;
}

/** What a reader gives back for one written plan. */
interface Reading {
  name: string;
  looks: Map<string, Look>;
  merges: string[];
  /** Column widths in points, as Excel shows them. */
  widths: Map<number, number>;
  frozen: { rows: number; cols: number } | null;
  /** Conditional formats, each as one canonical line: kind, sorted areas, then the stops or the bar colour. */
  formats: string[];
}

type Stop = { type: string; formula?: string | null; color: string };
const EXCEL_STOP: Record<string, (s: Stop) => string> = {
  LowestValue: () => 'lowest',
  HighestValue: () => 'highest',
  Percentile: (s) => `percentile ${s.formula}`,
  Number: (s) => `number ${s.formula}`,
};

function excelFormat(f: { address: string; type: string; props: Record<string, unknown> }): string {
  const areas = f.address.split(',').sort().join(' ');
  if (f.type === 'DataBar')
    return `dataBar ${areas} ${String(f.props['dataBar.positiveFormat.fillColor']).toUpperCase()}`;
  const criteria = f.props['colorScale.criteria'] as Record<string, Stop | undefined>;
  const stops = (['minimum', 'midpoint', 'maximum'] as const)
    .map((k) => criteria[k])
    .filter((c): c is Stop => c !== undefined)
    .map((c) => `${EXCEL_STOP[c.type](c)} ${c.color.toUpperCase()}`);
  return `colorScale ${areas} ${stops.join(' | ')}`;
}

type XlsxRule = { type: string; cfvo?: { type: string; value?: number }[]; color?: unknown };
const XLSX_STOP: Record<string, (v?: number) => string> = {
  min: () => 'lowest',
  max: () => 'highest',
  percentile: (v) => `percentile ${v}`,
  num: (v) => `number ${v}`,
};

function xlsxFormat(f: { ref: string; rules: XlsxRule[] }): string {
  const areas = f.ref.split(' ').sort().join(' ');
  const rule = f.rules[0];
  if (rule.type === 'dataBar') return `dataBar ${areas} ${hex((rule.color as { argb: string }).argb)}`;
  const colors = rule.color as { argb: string }[];
  const stops = rule.cfvo!.map((c, i) => `${XLSX_STOP[c.type](c.value)} ${hex(colors[i].argb)}`);
  return `colorScale ${areas} ${stops.join(' | ')}`;
}

/** The preview's formats as it draws them: a fixed stop's own value must come out in the stop's colour. */
function previewFormat(f: ConditionalFormat): string {
  const areas = formatAreas(f)
    .map((r) => rangeA1(r))
    .sort()
    .join(' ');
  if (f.kind === 'dataBar') return `dataBar ${areas} ${f.color.toUpperCase()}`;
  const last = f.colors.length - 1;
  const stops = f.colors.map((color, i) => {
    const fixed = f.stops?.[i];
    if (fixed === null || fixed === undefined)
      return `${i === 0 ? 'lowest' : i === last ? 'highest' : 'percentile 50'} ${color.toUpperCase()}`;
    return `number ${fixed} ${colorScaleColor(fixed, [fixed], f.colors, f.stops)}`;
  });
  return `colorScale ${areas} ${stops.join(' | ')}`;
}

const hex = (argb: string | undefined): string | null => (argb ? `#${argb.slice(-6).toUpperCase()}` : null);
const points = (chars: number) => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

function fakeLook(c: FakeCell): Look {
  const sides: Look['sides'] = {};
  for (const s of SIDES) {
    const b = c.borders[s];
    if (b?.style) sides[s] = `${(b.weight ?? 'Thin').toLowerCase()} ${b.color?.toUpperCase()}`;
  }
  return {
    fill: c.fill?.toUpperCase() ?? null,
    font: (c.fontColor ?? '#000000').toUpperCase(),
    bold: c.bold ?? false,
    italic: c.italic ?? false,
    size: c.fontSize ?? 11,
    align: (c.align ?? 'General').toLowerCase(),
    numFmt: c.numberFormat ?? 'General',
    sides,
  };
}

async function readExcel(plans: readonly SheetPlan[]): Promise<Reading[]> {
  const excel = new FakeExcel(['Sheet1']);
  const host = new ExcelHost({ run: excel.run as never, isSetSupported: excel.isSetSupported });
  const out: Reading[] = [];
  for (const plan of plans) {
    const { sheetName } = await host.buildSheet(plan, { model: plan.model, mode: 'walkthrough' });
    const sheet = excel.sheet(sheetName)!;
    const looks = new Map(plan.cells.map((c) => [a1(c.row, c.col), fakeLook(sheet.cell(a1(c.row, c.col))!)]));
    out.push({
      name: sheetName,
      looks,
      merges: [...sheet.merges].sort(),
      widths: new Map(sheet.columnWidths),
      frozen: sheet.frozen,
      formats: sheet.conditionalFormats.map(excelFormat).sort(),
    });
  }
  return out;
}

function xlsxLook(c: ExcelJS.Cell): Look {
  const sides: Look['sides'] = {};
  for (const s of SIDES) {
    const b = c.border?.[s];
    if (b?.style) sides[s] = `${b.style} ${hex(b.color?.argb)}`;
  }
  const fill = c.fill?.type === 'pattern' ? hex(c.fill.fgColor?.argb) : null;
  return {
    fill,
    font: hex(c.font?.color?.argb) ?? '#000000',
    bold: c.font?.bold ?? false,
    italic: c.font?.italic ?? false,
    size: c.font?.size ?? 11,
    align: c.alignment?.horizontal ?? 'general',
    numFmt: c.numFmt || 'General',
    sides,
  };
}

async function readXlsx(plans: readonly SheetPlan[]): Promise<Reading[]> {
  const bytes = await plansToXlsx([
    { plan: lstmLikePlan({ I: 1, H: 1, T: 1 }), options: { sheetName: 'Sheet1' } },
    ...plans.map((plan) => ({ plan })),
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return plans.map((plan, i) => {
    const ws = wb.worksheets[i + 1];
    const widths = new Map<number, number>();
    const lastCol = Math.max(ws.columnCount, plan.colCount, ...plan.columnWidths.map((w) => w.col + 1));
    for (let c = 0; c < lastCol; c++) {
      const width = ws.getColumn(c + 1).width;
      if (width !== undefined) widths.set(c, points(width));
    }
    const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
    return {
      name: ws.name,
      looks: new Map(plan.cells.map((c) => [a1(c.row, c.col), xlsxLook(ws.getCell(c.row + 1, c.col + 1))])),
      merges: [...((ws.model as { merges?: string[] }).merges ?? [])].sort(),
      widths,
      frozen: view?.state === 'frozen' ? { rows: view.ySplit ?? 0, cols: view.xSplit ?? 0 } : null,
      formats: (
        ws as unknown as { conditionalFormattings: { ref: string; rules: XlsxRule[] }[] }
      ).conditionalFormattings
        .map(xlsxFormat)
        .sort(),
    };
  });
}

/** The box edges the preview draws, per cell side, as the fake and ExcelJS record them. */
function boxSides(boxes: readonly (PlanRange & { color: string })[]): Map<string, Look['sides']> {
  const out = new Map<string, Look['sides']>();
  const put = (row: number, col: number, side: Side, color: string) => {
    const key = a1(row, col);
    out.set(key, { ...out.get(key), [side]: `medium ${color.toUpperCase()}` });
  };
  for (const b of boxes) {
    for (let c = b.left; c <= b.right; c++) {
      put(b.top, c, 'top', b.color);
      put(b.bottom, c, 'bottom', b.color);
    }
    for (let r = b.top; r <= b.bottom; r++) {
      put(r, b.left, 'left', b.color);
      put(r, b.right, 'right', b.color);
    }
  }
  return out;
}

function previewLooks(wb: PreviewWorkbook, name: string, plan: SheetPlan): Map<string, Look> {
  const boxes = boxSides(wb.sheet(name)!.boxes);
  const looks = new Map<string, Look>();
  for (const p of plan.cells) {
    const c = wb.cell(name, p.row, p.col);
    const css = cellCss({ look: c.look, fillOverride: c.fillOverride, isText: typeof c.value === 'string' });
    const thin =
      typeof css.outline === 'string' ? `thin ${css.outline.split(' ').pop()!.toUpperCase()}` : undefined;
    const sides: Look['sides'] = thin ? { top: thin, bottom: thin, left: thin, right: thin } : {};
    looks.set(a1(p.row, p.col), {
      fill: typeof css.background === 'string' ? css.background.toUpperCase() : null,
      font: String(css.color).toUpperCase(),
      bold: css.fontWeight === 700,
      italic: css.fontStyle === 'italic',
      size: parseFloat(String(css.fontSize)),
      align: String(css.textAlign),
      numFmt: c.numberFormat ?? 'General',
      sides: { ...sides, ...boxes.get(a1(p.row, p.col)) },
    });
  }
  return looks;
}

function readPreview(plans: readonly SheetPlan[]): Reading[] {
  const wb = new PreviewWorkbook();
  wb.addSheet('Sheet1');
  return plans.map((plan) => {
    const name = wb.addSheet(plan.baseName);
    wb.writePlan(name, plan);
    const sheet = wb.sheet(name)!;
    return {
      name,
      looks: previewLooks(wb, name, plan),
      merges: sheet.merges.map((m) => rangeA1(m)).sort(),
      widths: new Map([...sheet.columnWidths].map(([c, w]) => [c, points(w)])),
      frozen: sheet.freeze,
      formats: sheet.conditionalFormats.map(previewFormat).sort(),
    };
  });
}

async function expectSameEverywhere(plans: readonly SheetPlan[]): Promise<Reading[]> {
  const [excel, xlsx, preview] = [await readExcel(plans), await readXlsx(plans), readPreview(plans)];
  plans.forEach((plan, i) => {
    const label = `${plan.baseName} (${plan.model} ${String(plan.config.variant ?? '')} ${plan.language})`;
    for (const [other, reading] of [
      ['xlsx', xlsx[i]],
      ['preview', preview[i]],
    ] as const) {
      expect(reading.name, `${label}: ${other} name`).toBe(excel[i].name);
      expect(reading.frozen, `${label}: ${other} frozen panes`).toEqual(excel[i].frozen);
      expect(reading.merges, `${label}: ${other} merges`).toEqual(excel[i].merges);
      expect(reading.widths, `${label}: ${other} widths`).toEqual(excel[i].widths);
      expect(reading.formats, `${label}: ${other} conditional formats`).toEqual(excel[i].formats);
      for (const [address, look] of excel[i].looks)
        expect(reading.looks.get(address), `${label}: ${other} ${address}`).toEqual(look);
    }
  });
  return excel;
}

function configsFor(spec: ModelSpec): Settings[] {
  const d = spec.defaults;
  const out: Settings[] = [d, { ...d, language: otherLanguage(d.language), init: 'hand' }];
  for (const v of spec.variants) out.push({ ...d, variant: v.id });
  return out.filter((c) => spec.validate(c).length === 0);
}

describe('ExcelHost, the .xlsx writer and the preview draw a plan alike', () => {
  for (const spec of availableModels()) {
    it(`${spec.id}: every variant has the same cell looks, box colours, merges, widths, name and frozen panes`, async () => {
      const plans = configsFor(spec).map((c) => spec.build(c));
      const excel = await expectSameEverywhere(plans);
      // Not vacuous: the sheets have bordered boxes and formatted numbers to compare.
      const sides = [...excel[0].looks.values()].flatMap((l) => Object.values(l.sides));
      expect(sides.some((s) => s.startsWith('medium'))).toBe(true);
      expect([...excel[0].looks.values()].some((l) => l.numFmt !== 'General')).toBe(true);
      // …and colour scales: every plan's formats arrive, in all three.
      plans.forEach((plan, i) => expect(excel[i].formats).toHaveLength(plan.conditionalFormats?.length ?? 0));
      expect(excel[0].formats.some((f) => f.startsWith('colorScale'))).toBe(true);
    });
  }

  it('colours a box red only when every cell in it is a learnable parameter, in all three', async () => {
    const plan = lstmLikePlan({ I: 2, H: 2, T: 2 });
    const [excel] = await expectSameEverywhere([plan]);
    const red = [...excel.looks.values()].filter((l) =>
      Object.values(l.sides).some((s) => s.endsWith('#C00000')),
    );
    expect(red.length).toBeGreaterThan(0);
  });

  it('cleans, shortens and numbers sheet names one way, and keeps History free', async () => {
    const base = lstmLikePlan({ I: 1, H: 1, T: 1 });
    const named = (baseName: string): SheetPlan => ({ ...base, baseName });
    const long = 'A very long sheet name that Excel would refuse';
    const plans = [
      named('A:B/C'),
      named('A:B/C'),
      named('History'),
      named(long),
      named(long),
      named("'Quoted'"),
    ];
    const excel = await expectSameEverywhere(plans);
    expect(excel.map((r) => r.name)).toEqual([
      'A-B-C',
      'A-B-C 2',
      'History 1',
      'A very long sheet name that Exc',
      'A very long sheet name that E 2',
      'Quoted',
    ]);
  });

  it('writes frozen panes in all three when the plan asks for them', async () => {
    const base = lstmLikePlan({ I: 1, H: 1, T: 2 });
    const plans = [
      { ...base, freeze: { rows: 3, cols: 0 } },
      { ...base, freeze: { rows: 0, cols: 2 } },
      { ...base, freeze: { rows: 2, cols: 1 } },
    ];
    const excel = await expectSameEverywhere(plans);
    expect(excel.map((r) => r.frozen)).toEqual([
      { rows: 3, cols: 0 },
      { rows: 0, cols: 2 },
      { rows: 2, cols: 1 },
    ]);
  });
});

/**
 * Array-returning formulas in the exported .xlsx are stored as Excel 365 stores
 * dynamic-array formulas, so Excel shows `=MMULT(...)` and not `=@MMULT(...)`: the cell
 * says `cm="1"`, its formula is an array formula over its own extent, `cm` leads through
 * `xl/metadata.xml` to the XLDAPR dynamic-array properties, and the part is declared in
 * the content types and related from the workbook. The file is parsed as XML and every
 * link followed, as Excel would.
 */
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';
import { a1, type SheetPlan } from '../../src/sheets/plan';
import { availableModels, buildPlan, specFor } from '../../src/sheets/registry';
import { planToXlsx, plansToXlsx } from '../../src/host/xlsx';
import {
  DYNAMIC_ARRAY_EXT_URI,
  markDynamicCells,
  METADATA_CONTENT_TYPE,
  METADATA_RELATIONSHIP,
  returnsArray,
} from '../../src/host/xlsx-dynamic-arrays';

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['c', 'row', 'bk', 'metadataType', 'Override', 'Relationship', 'sheet'].includes(name),
});
const list = (x: unknown): Node[] => (x === undefined ? [] : (x as Node[]));

async function parts(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (path: string): Promise<Node | undefined> => {
    const file = zip.file(path);
    return file ? (parser.parse(await file.async('string')) as Node) : undefined;
  };
  return { zip, read };
}

/** Every `<c>` of a worksheet by address: its attributes and its `<f>` (text and attributes). */
function cellsOf(sheet: Node): Map<string, { cm?: string; f?: Node | string }> {
  const out = new Map<string, { cm?: string; f?: Node | string }>();
  const data = (sheet.worksheet as Node).sheetData as Node;
  for (const row of list(data.row))
    for (const c of list(row.c)) out.set(c['@r'] as string, { cm: c['@cm'] as string, f: c.f as Node });
  return out;
}

/** Follows `cm` (1-based) through cellMetadata and metadataTypes to the future metadata it names. */
function dynamicProperties(metadata: Node, cm: number): Node {
  const root = metadata.metadata as Node;
  const cellBk = list((root.cellMetadata as Node).bk)[cm - 1];
  const rc = cellBk.rc as Node;
  const type = list((root.metadataTypes as Node).metadataType)[Number(rc['@t']) - 1];
  expect(type['@name']).toBe('XLDAPR');
  const future = root.futureMetadata as Node;
  expect(future['@name']).toBe(type['@name']);
  const bk = list(future.bk)[Number(rc['@v'])];
  const ext = (bk.extLst as Node).ext as Node;
  expect(ext['@uri']).toBe(DYNAMIC_ARRAY_EXT_URI);
  return ext['xda:dynamicArrayProperties'] as Node;
}

describe('.xlsx dynamic arrays', () => {
  it('tells array-returning formulas from scalar ones', () => {
    expect(returnsArray('=MMULT(A1:B1,C1:C2)')).toBe(true);
    expect(returnsArray('LSTM.SEQ(A2:B5,W_ih,W_hh)')).toBe(true);
    expect(returnsArray('=0.5*(1+TANH(MMULT($B$3:$C$3,D1:D2)/2))')).toBe(true);
    expect(returnsArray('=SUMPRODUCT(A1:A3,B1:B3)+TANH(C1)')).toBe(false);
    expect(returnsArray('=MAX(A1,0)+LN(1+EXP(-ABS(A1)))')).toBe(false);
  });

  it.each(availableModels().map((s) => [s.id, s] as const))(
    '%s: every MMULT cell is a dynamic array formula over its own cell, every other formula a plain one',
    async (_id, spec) => {
      const plan = buildPlan(spec.defaults);
      const { read } = await parts(await planToXlsx(plan));
      const cells = cellsOf((await read('xl/worksheets/sheet1.xml'))!);
      const metadata = await read('xl/metadata.xml');
      let arrays = 0;
      for (const cell of plan.cells) {
        if (cell.formula === undefined) continue;
        const address = a1(cell.row, cell.col);
        const written = cells.get(address)!;
        if (returnsArray(cell.formula)) {
          arrays++;
          const f = written.f as Node;
          expect(`=${f['#text'] as string}`).toBe(cell.formula);
          expect(f['@t']).toBe('array');
          expect(f['@ref']).toBe(address);
          expect(written.cm).toBe('1');
          const props = dynamicProperties(metadata!, Number(written.cm));
          expect(props['@fDynamic']).toBe('1');
          expect(props['@fCollapsed']).toBe('0');
        } else {
          expect(written.cm).toBeUndefined();
          expect(`=${written.f as string}`).toBe(cell.formula);
        }
      }
      if (arrays === 0) expect(metadata).toBeUndefined();
    },
  );

  it('declares the metadata part in the content types and relates it from the workbook', async () => {
    const plan = buildPlan(specFor('lstm').defaults);
    expect(plan.cells.some((c) => c.formula && returnsArray(c.formula))).toBe(true);
    const { zip, read } = await parts(await plansToXlsx([{ plan }, { plan }]));
    const types = list(((await read('[Content_Types].xml'))!.Types as Node).Override);
    const declared = types.filter((o) => o['@ContentType'] === METADATA_CONTENT_TYPE);
    expect(declared.map((o) => o['@PartName'])).toEqual(['/xl/metadata.xml']);
    const rels = list(((await read('xl/_rels/workbook.xml.rels'))!.Relationships as Node).Relationship);
    const meta = rels.filter((r) => r['@Type'] === METADATA_RELATIONSHIP);
    expect(meta).toHaveLength(1);
    expect(zip.file(`xl/${meta[0]['@Target'] as string}`)).not.toBeNull();
    const ids = rels.map((r) => r['@Id']);
    expect(new Set(ids).size).toBe(ids.length);
    // Both sheets' array cells point at the one metadata record.
    for (const path of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']) {
      const cms = [...cellsOf((await read(path))!).values()].filter((c) => c.cm !== undefined);
      expect(cms.length).toBeGreaterThan(0);
      expect(new Set(cms.map((c) => c.cm))).toEqual(new Set(['1']));
    }
  });

  it('marks a custom function that spills the same way', async () => {
    const base = buildPlan(availableModels()[0].defaults);
    const bottom = Math.max(...base.cells.map((c) => c.row)) + 2;
    const plan: SheetPlan = {
      ...base,
      cells: [...base.cells, { row: bottom, col: 0, formula: '=NN.SIGMOID(A1:C1)', role: 'state' }],
    };
    const { read } = await parts(await planToXlsx(plan));
    const written = cellsOf((await read('xl/worksheets/sheet1.xml'))!).get(a1(bottom, 0))!;
    expect(written.cm).toBe('1');
    expect((written.f as Node)['@t']).toBe('array');
  });

  it('adds cm only to array formulas, once, and leaves other cells alone', () => {
    const xml =
      '<row r="1"><c r="A1" s="2"><f t="array" ref="A1">MMULT(B1:C1,D1:D2)</f><v>1</v></c>' +
      '<c r="B1"/><c r="C1"><f>TANH(B1)</f></c>' +
      '<c r="D1" cm="1"><f t="array" ref="D1">MMULT(B1:C1,D1:D2)</f></c></row>';
    const once = markDynamicCells(xml);
    expect(once.count).toBe(1);
    expect(once.xml).toContain('<c r="A1" s="2" cm="1"><f t="array" ref="A1">');
    expect(once.xml).toContain('<c r="B1"/><c r="C1"><f>TANH(B1)</f></c>');
    expect(markDynamicCells(once.xml)).toEqual({ xml: once.xml, count: 0 });
  });
});

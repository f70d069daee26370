/**
 * Dynamic-array formulas in an .xlsx, stored the way Excel 365 stores them. A formula that
 * can return an array (MMULT, our custom functions) written as a plain `<f>` opens in
 * Excel 365 as a legacy formula and is shown as `=@MMULT(...)`: Excel adds the implicit
 * intersection operator that older versions applied silently. Excel itself writes such a
 * formula as an array formula over its extent (`<f t="array" ref="…">`) whose cell carries
 * `cm="1"`, an index into the cell metadata of `xl/metadata.xml`, where the XLDAPR
 * ("dynamic array properties") record marks it dynamic. The part needs its content type
 * and a relationship from the workbook. ExcelJS writes the array formula; this module adds
 * the rest to the zip ExcelJS produced.
 */
import JSZip from 'jszip';
import { functionsIn } from '../sheets/formulas';

/** Native functions whose result may be an array (the ones our sheets could use). */
const NATIVE_ARRAY_FUNCTIONS = new Set(['MMULT', 'TRANSPOSE', 'MINVERSE']);

/**
 * Whether Excel would treat `formula` (with or without '=') as array-returning. Every
 * custom function of the add-in has a dotted name (LSTM.SEQ) and may return a matrix; no
 * native function our sheets use has a dot.
 */
export function returnsArray(formula: string): boolean {
  return functionsIn(formula).some((f) => NATIVE_ARRAY_FUNCTIONS.has(f) || f.includes('.'));
}

export const METADATA_PART = 'xl/metadata.xml';
export const METADATA_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml';
export const METADATA_RELATIONSHIP =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata';
/** The extension URI Excel gives the dynamic-array properties (MS-XLSX 2.6.100). */
export const DYNAMIC_ARRAY_EXT_URI = '{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}';

/**
 * One metadata type (XLDAPR, 1-based index 1 in the cells' `rc t`), one future-metadata
 * block marking a formula dynamic and not collapsed to one cell, and one cell-metadata
 * block pointing at it: every dynamic-array cell then says `cm="1"`.
 */
export const METADATA_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"' +
  ' xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">' +
  '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1"' +
  ' pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1"' +
  ' clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>' +
  `<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="${DYNAMIC_ARRAY_EXT_URI}">` +
  '<xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>' +
  '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>';

/** Adds `cm="1"` to every cell whose formula is an array formula; returns the new XML and how many. */
export function markDynamicCells(sheetXml: string): { xml: string; count: number } {
  let count = 0;
  // A self-closing `<c …/>` is never followed by its own `<f>`, so `[^>]*` stays within one cell.
  const xml = sheetXml.replace(/<c( [^>]*)><f t="array"/g, (whole: string, attrs: string) => {
    if (/\bcm="/.test(attrs)) return whole;
    count++;
    return `<c${attrs} cm="1"><f t="array"`;
  });
  return { xml, count };
}

function addContentType(types: string): string {
  if (types.includes(`PartName="/${METADATA_PART}"`)) return types;
  return types.replace(
    '</Types>',
    `<Override PartName="/${METADATA_PART}" ContentType="${METADATA_CONTENT_TYPE}"/></Types>`,
  );
}

function addRelationship(rels: string): string {
  if (rels.includes(METADATA_RELATIONSHIP)) return rels;
  const taken = new Set([...rels.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]));
  let n = 1;
  while (taken.has(`rId${n}`)) n++;
  return rels.replace(
    '</Relationships>',
    `<Relationship Id="rId${n}" Type="${METADATA_RELATIONSHIP}" Target="metadata.xml"/></Relationships>`,
  );
}

async function text(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`the workbook has no ${path}`);
  return file.async('string');
}

/**
 * Turns the array formulas of an .xlsx into dynamic-array formulas (cell metadata,
 * metadata part, content type, workbook relationship). A file without array formulas is
 * returned as it came.
 */
export async function withDynamicArrays(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const sheets = Object.keys(zip.files).filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p));
  let marked = 0;
  for (const path of sheets) {
    const { xml, count } = markDynamicCells(await text(zip, path));
    if (count > 0) zip.file(path, xml);
    marked += count;
  }
  if (marked === 0) return bytes;
  zip.file(METADATA_PART, METADATA_XML);
  zip.file('[Content_Types].xml', addContentType(await text(zip, '[Content_Types].xml')));
  const relsPath = 'xl/_rels/workbook.xml.rels';
  zip.file(relsPath, addRelationship(await text(zip, relsPath)));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * The preview workbook behaving as a spreadsheet: numbers in typed formulas read as Excel
 * reads them, undo and redo of edits (never of a build), renaming and deleting sheets, and
 * a custom-function cell that recomputes when the range it reads changes.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { nnSigmoid } from '../../functions/nn';
import { excelNumbers } from '../../src/host/formula-literals';
import { registerPreviewFunctions, type PreviewFunction } from '../../src/host/preview-functions';
import { PreviewWorkbook } from '../../src/host/preview-workbook';
import { sheetNameProblem } from '../../src/host/sheet-names';
import { formatValue } from '../../preview/number-format';
import { gridKeyAction } from '../../preview/grid-keys';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; shiftKey: boolean; metaKey: boolean }> = {}) => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('numeric literals in typed formulas', () => {
  it('rewrites only exponents of numbers outside quotes', () => {
    expect(excelNumbers('=1E+300')).toBe('=1e+300');
    expect(excelNumbers('=SLSTM.STEP(1,0,0,0,-1E+300,2.5E-3)')).toBe('=SLSTM.STEP(1,0,0,0,-1e+300,2.5e-3)');
    expect(excelNumbers('=E5+R1E5+"1E+3"')).toBe('=E5+R1E5+"1E+3"');
    expect(excelNumbers("='1E5 data'!A1*.5E2")).toBe("='1E5 data'!A1*.5e2");
  });

  it('evaluates 1E+300, -1e-5 and .5 as Excel does', () => {
    const wb = new PreviewWorkbook();
    const s = wb.addSheet('S');
    wb.setInput(s, 0, 0, '=1E+300');
    wb.setInput(s, 0, 1, '=-1e-5');
    wb.setInput(s, 0, 2, '=.5');
    wb.setInput(s, 0, 3, '=2E-3*1000');
    const v = [0, 1, 2, 3].map((c) => wb.cell(s, 0, c).value as number);
    expect(v[0] / 1e300).toBeCloseTo(1, 12);
    expect(v.slice(1)).toEqual([-1e-5, 0.5, 2]);
  });
});

describe('General format rounds to fit, as Excel does', () => {
  it('drops digits by rounding, never by cutting', () => {
    expect(formatValue(0.7095296197, 'General')).toBe('0.7095296197');
    expect(formatValue(0.7095296197, 'General', 8)).toBe('0.70953');
    expect(formatValue(0.7095296197, 'General', 6)).toBe('0.7095');
    expect(formatValue(-12.3456, 'General', 6)).toBe('-12.35');
    expect(formatValue(123456789, 'General', 7)).toBe('1.2E+08');
    expect(formatValue(123456789, 'General', 6)).toBe('1E+08');
    expect(formatValue(0.000012345, 'General', 8)).toBe('1.23E-05');
    expect(formatValue(0.5, 'General', 8)).toBe('0.5');
    // Fixed formats are not touched: they show their decimals or nothing.
    expect(formatValue(0.7095296197, '0.000', 3)).toBe('0.710');
  });
});

describe('undo and redo', () => {
  it('Ctrl+Z undoes an edit, Ctrl+Y redoes it; a build is never undone', () => {
    expect(gridKeyAction(key('z', { ctrlKey: true }), { row: 0, col: 0 }, new Map()).kind).toBe('undo');
    expect(gridKeyAction(key('y', { ctrlKey: true }), { row: 0, col: 0 }, new Map()).kind).toBe('redo');
    expect(
      gridKeyAction(key('Z', { ctrlKey: true, shiftKey: true }), { row: 0, col: 0 }, new Map()).kind,
    ).toBe('redo');
    const wb = new PreviewWorkbook();
    const s = wb.addSheet('S');
    wb.setInput(s, 0, 0, '2');
    wb.setInput(s, 0, 1, '=A1*3');
    wb.setInput(s, 0, 0, '5');
    expect(wb.cell(s, 0, 1).value).toBe(15);
    expect(wb.undo()).toBe(true);
    expect(wb.cell(s, 0, 1).value).toBe(6);
    expect(wb.redo()).toBe(true);
    expect(wb.cell(s, 0, 1).value).toBe(15);
    const t = wb.addSheet('T');
    expect(wb.undo()).toBe(false);
    expect(wb.sheetNames()).toEqual([s, t]);
  });
});

describe('renaming and deleting sheets', () => {
  it('renames when the name is free and valid, and formulas follow', () => {
    const wb = new PreviewWorkbook();
    const a = wb.addSheet('A');
    const b = wb.addSheet('B');
    wb.setInput(a, 0, 0, '4');
    wb.setInput(b, 0, 0, '=A!A1*2');
    expect(wb.renameSheet(a, 'Inputs')).toBe(true);
    expect(wb.sheetNames()).toEqual(['Inputs', b]);
    expect(wb.cell(b, 0, 0).formula).toBe('=Inputs!A1*2');
    expect(wb.renameSheet('Inputs', b)).toBe(false);
    expect(wb.renameSheet('Inputs', 'bad:name')).toBe(false);
    expect(wb.renameSheet('Inputs', '')).toBe(false);
    wb.activate('Inputs');
    wb.removeSheet('Inputs');
    expect(wb.sheetNames()).toEqual([b]);
    expect(wb.activeSheet).toBe(b);
    expect(wb.getSelection()?.sheet).toBe(b);
  });
});

describe("Excel's rules for a typed sheet name", () => {
  const names = ['LSTM', 'Sheet1', 'Practice · LSTM'];
  it('explains each refusal and takes a good name, or the same name in another case', () => {
    expect(sheetNameProblem('  ', 'LSTM', names)).toBe('empty');
    expect(sheetNameProblem('x'.repeat(32), 'LSTM', names)).toBe('tooLong');
    expect(sheetNameProblem('门'.repeat(31), 'LSTM', names)).toBeNull();
    for (const bad of ['a/b', 'a\\b', 'a?', 'a*', '[a]', 'a:b'])
      expect(sheetNameProblem(bad, 'LSTM', names)).toBe('forbidden');
    expect(sheetNameProblem("'quoted", 'LSTM', names)).toBe('apostrophe');
    expect(sheetNameProblem("it's fine", 'LSTM', names)).toBeNull();
    expect(sheetNameProblem('history', 'LSTM', names)).toBe('reserved');
    expect(sheetNameProblem('sheet1', 'LSTM', names)).toBe('taken');
    expect(sheetNameProblem('lstm', 'LSTM', names)).toBeNull();
    expect(sheetNameProblem('My LSTM', 'LSTM', names)).toBeNull();
  });

  it('the workbook refuses what the rules refuse and keeps the sheet as it was', () => {
    const wb = new PreviewWorkbook();
    const a = wb.addSheet('LSTM');
    wb.addSheet('Sheet1');
    wb.setInput(a, 0, 0, '3');
    for (const bad of ['', 'a:b', "'x'", 'History', 'SHEET1', 'y'.repeat(32)]) {
      expect(wb.renameSheet(a, bad)).toBe(false);
      expect(wb.sheetNames()).toEqual(['LSTM', 'Sheet1']);
    }
    expect(wb.renameSheet(a, 'lstm')).toBe(true);
    expect(wb.sheetNames()).toEqual(['lstm', 'Sheet1']);
    expect(wb.cell('lstm', 0, 0).value).toBe(3);
  });

  it('renaming the selected sheet tells selection listeners (the task pane follows it)', () => {
    const wb = new PreviewWorkbook();
    const a = wb.addSheet('A');
    wb.select(a, 2, 1);
    const heard: string[] = [];
    wb.onSelection((sel) => heard.push(`${sel.sheet}!${sel.row},${sel.col}`));
    wb.setMetadata(a, { mode: 'practice' });
    expect(wb.renameSheet(a, 'Mine')).toBe(true);
    expect(heard).toEqual(['Mine!2,1']);
    expect(wb.sheet('Mine')?.metadata).toEqual({ mode: 'practice' });
  });

  it('knows an empty sheet from one with cells or the add-in marker', () => {
    const wb = new PreviewWorkbook();
    const a = wb.addSheet('A');
    const b = wb.addSheet('B');
    const c = wb.addSheet('C');
    wb.setInput(b, 4, 2, 'x');
    wb.setMetadata(c, { mode: 'walkthrough' });
    expect([a, b, c].map((n) => wb.hasContent(n))).toEqual([false, true, true]);
    wb.setInput(b, 4, 2, '');
    expect(wb.hasContent(b)).toBe(false);
  });
});

describe('a custom-function cell recomputes when its range changes', () => {
  beforeEach(() => {
    const sigmoid: PreviewFunction = {
      id: 'NN.SIGMOID',
      params: [{ name: 'x', matrix: true, optional: false }],
      impl: nnSigmoid as PreviewFunction['impl'],
    };
    registerPreviewFunctions([sigmoid]);
  });

  it('a range argument: text in it, then numbers, then text again', () => {
    const wb = new PreviewWorkbook();
    const s = wb.addSheet('S');
    wb.setInput(s, 0, 0, '1');
    wb.setInput(s, 1, 0, 'oops');
    wb.setInput(s, 0, 2, '=SUM(NN.SIGMOID(A1:A2))');
    expect(wb.cell(s, 0, 2).value).toBe('#VALUE!');
    wb.setInput(s, 1, 0, '-1');
    expect(wb.cell(s, 0, 2).value).toBeCloseTo(1, 12);
  });

  it('typed while the range held text (#VALUE!), it computes once the text is fixed', () => {
    const wb = new PreviewWorkbook();
    const s = wb.addSheet('S');
    wb.setInput(s, 0, 0, 'abc');
    wb.setInput(s, 0, 1, '=NN.SIGMOID(A1)');
    expect(wb.cell(s, 0, 1).value).toBe('#VALUE!');
    wb.setInput(s, 0, 0, '0');
    expect(wb.cell(s, 0, 1).value).toBe(0.5);
    wb.setInput(s, 0, 0, 'x');
    expect(wb.cell(s, 0, 1).value).toBe('#VALUE!');
    wb.setInput(s, 0, 0, '2');
    expect(wb.cell(s, 0, 1).value).toBeCloseTo(1 / (1 + Math.exp(-2)), 12);
  });
});

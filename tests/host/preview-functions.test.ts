import { existsSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { nnSigmoid } from '../../functions/nn';
import { lstmStep } from '../../functions/lstm';
import {
  catalogueFromMetadata,
  exportNameOf,
  registerPreviewFunctions,
  registeredPreviewFunctionIds,
  type PreviewFunction,
} from '../../src/host/preview-functions';
import { PreviewWorkbook } from '../../src/host/preview-workbook';
import { declaredCatalogue } from '../../tools/excel-double/calculate';

const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

/** One LSTM step for I = H = 1 written out from the equations (gate rows i, f, g, o). */
function handLstm(x: number, h: number, c: number, wih: number[], whh: number[]): [number, number] {
  const pre = wih.map((w, k) => w * x + whh[k] * h);
  const [i, f, o] = [logistic(pre[0]), logistic(pre[1]), logistic(pre[3])];
  const g = Math.tanh(pre[2]);
  const cNew = f * c + i * g;
  return [o * Math.tanh(cNew), cNew];
}

const matrixParam = (name: string, optional = false) => ({ name, matrix: true, optional });

const FUNCTIONS: PreviewFunction[] = [
  { id: 'NN.SIGMOID', params: [matrixParam('x')], impl: nnSigmoid as PreviewFunction['impl'] },
  {
    id: 'LSTM.STEP',
    params: [
      matrixParam('x'),
      matrixParam('h_prev'),
      matrixParam('c_prev'),
      matrixParam('W_ih'),
      matrixParam('W_hh'),
      matrixParam('b_ih', true),
      matrixParam('b_hh', true),
      { name: 'output', matrix: false, optional: true },
    ],
    impl: lstmStep as PreviewFunction['impl'],
  },
  {
    id: 'TEST.ECHO',
    params: [{ name: 'v', matrix: false, optional: true }, matrixParam('m', true)],
    impl: (v: unknown, m: unknown) => [[JSON.stringify(v)], [JSON.stringify(m)]],
  },
  {
    id: 'TEST.FAIL',
    params: [{ name: 'kind', matrix: false, optional: false }],
    impl: (kind: unknown) => {
      if (kind === 'num') throw { code: '#NUM!', message: 'overflowed' };
      if (kind === 'bug') throw new TypeError('oops');
      return [[Number.POSITIVE_INFINITY]];
    },
  },
];

describe('custom functions in the preview workbook', () => {
  let wb: PreviewWorkbook;
  beforeEach(() => {
    registerPreviewFunctions(FUNCTIONS);
    wb = new PreviewWorkbook();
    wb.addSheet('S');
  });

  it('evaluates a dotted name typed in a cell, in any case', () => {
    wb.setInput('S', 0, 0, '=NN.SIGMOID(0)');
    wb.setInput('S', 0, 1, '=nn.sigmoid(2)');
    expect(wb.cell('S', 0, 0).value).toBe(0.5);
    expect(Math.abs((wb.cell('S', 0, 1).value as number) - logistic(2))).toBeLessThan(1e-12);
    expect(registeredPreviewFunctionIds()).toContain('LSTM.STEP');
  });

  it('spills a range result with the shape of its argument, and recomputes on edit', () => {
    wb.setContent('S', 0, 0, 1);
    wb.setContent('S', 0, 1, -1);
    wb.setContent('S', 1, 0, 3);
    wb.setContent('S', 1, 1, 0);
    wb.setInput('S', 4, 0, '=NN.SIGMOID(A1:B2)');
    const at = (r: number, c: number) => wb.cell('S', r, c).value as number;
    expect([at(4, 0), at(4, 1), at(5, 0), at(5, 1)].map((v, k) => v - logistic([1, -1, 3, 0][k]))).toEqual(
      [0, 0, 0, 0].map(() => expect.closeTo(0, 12)),
    );
    expect(wb.cell('S', 4, 2).value).toBeNull();
    expect(wb.cell('S', 6, 0).value).toBeNull();
    wb.setInput('S', 1, 1, '4');
    expect(Math.abs(at(5, 1) - logistic(4))).toBeLessThan(1e-12);
  });

  it('runs LSTM.STEP over cells and matches a step worked by hand', () => {
    const wih = [0.5, -0.25, 1, 0.75];
    const whh = [-0.5, 0.3, 0.2, -1];
    wb.setContent('S', 0, 0, 0.8); // x
    wb.setContent('S', 0, 1, -0.3); // h_prev
    wb.setContent('S', 0, 2, 0.6); // c_prev
    wih.forEach((w, k) => wb.setContent('S', k, 3, w));
    whh.forEach((w, k) => wb.setContent('S', k, 4, w));
    wb.setInput('S', 6, 0, '=LSTM.STEP(A1,B1,C1,D1:D4,E1:E4)');
    const [h, c] = handLstm(0.8, -0.3, 0.6, wih, whh);
    expect(Math.abs((wb.cell('S', 6, 0).value as number) - h)).toBeLessThan(1e-12);
    expect(Math.abs((wb.cell('S', 6, 1).value as number) - c)).toBeLessThan(1e-12);
    wb.setInput('S', 7, 3, '=LSTM.STEP(A1,B1,C1,D1:D4,E1:E4,,,"c")');
    expect(Math.abs((wb.cell('S', 7, 3).value as number) - c)).toBeLessThan(1e-12);
  });

  it('a spilling call typed while its range held text computes in full once the text is fixed', () => {
    // HyperFormula fixes a spill size when the formula is entered; typed over text, the
    // call used to be sized as one cell and stayed #VALUE! ("Cell range not allowed").
    wb.setInput('S', 0, 0, 'one');
    wb.setInput('S', 0, 1, 'two');
    wb.setContent('S', 1, 0, 3);
    wb.setContent('S', 1, 1, 0);
    wb.setInput('S', 4, 0, '=NN.SIGMOID(A1:B2)');
    expect(wb.cell('S', 4, 0)).toMatchObject({ value: '#VALUE!', error: expect.stringMatching(/"one"/) });
    wb.setInput('S', 0, 0, '1');
    wb.setInput('S', 0, 1, '-1');
    const at = (r: number, c: number) => wb.cell('S', r, c).value as number;
    [at(4, 0), at(4, 1), at(5, 0), at(5, 1)].forEach((v, k) =>
      expect(Math.abs(v - logistic([1, -1, 3, 0][k]))).toBeLessThan(1e-12),
    );
    // Text again: the error comes back, and goes once more when fixed.
    wb.setInput('S', 1, 1, 'x');
    expect(wb.cell('S', 4, 0).value).toBe('#VALUE!');
    wb.setInput('S', 1, 1, '2');
    expect(Math.abs(at(5, 1) - logistic(2))).toBeLessThan(1e-12);
  });

  it('LSTM.STEP typed while a weight cell held text gives the [h c] block once it is a number', () => {
    const wih = [0.5, -0.25, 1, 0.75];
    const whh = [-0.5, 0.3, 0.2, -1];
    wb.setContent('S', 0, 0, 0.8);
    wb.setContent('S', 0, 1, -0.3);
    wb.setContent('S', 0, 2, 0.6);
    wih.forEach((w, k) => wb.setInput('S', k, 3, k === 2 ? 'w?' : String(w)));
    whh.forEach((w, k) => wb.setContent('S', k, 4, w));
    wb.setInput('S', 6, 0, '=LSTM.STEP(A1,B1,C1,D1:D4,E1:E4)');
    expect(wb.cell('S', 6, 0)).toMatchObject({ value: '#VALUE!', error: expect.stringMatching(/W_ih/) });
    wb.setContent('S', 2, 3, wih[2]);
    const [h, c] = handLstm(0.8, -0.3, 0.6, wih, whh);
    expect(Math.abs((wb.cell('S', 6, 0).value as number) - h)).toBeLessThan(1e-12);
    expect(Math.abs((wb.cell('S', 6, 1).value as number) - c)).toBeLessThan(1e-12);
  });

  it('shows our #VALUE! and #NUM! errors with their messages', () => {
    wb.setContent('S', 0, 0, 1);
    wb.setInput('S', 2, 3, '=LSTM.STEP(A1,A1,A1,A1:A3,A1:A4)');
    const bad = wb.cell('S', 2, 3);
    expect(bad.value).toBe('#VALUE!');
    expect(bad.error).toMatch(/W_/);
    wb.setInput('S', 3, 0, '=TEST.FAIL("num")');
    expect(wb.cell('S', 3, 0)).toMatchObject({ value: '#NUM!', error: 'overflowed' });
    wb.setInput('S', 4, 0, '=TEST.FAIL("bug")');
    expect(wb.cell('S', 4, 0)).toMatchObject({ value: '#VALUE!', error: expect.stringMatching(/oops/) });
    wb.setInput('S', 5, 0, '=TEST.FAIL("inf")');
    expect(wb.cell('S', 5, 0).value).toBe('#NUM!');
  });

  it('passes arguments as Excel does: omitted → null, a cell to a range parameter → [[x]]', () => {
    wb.setContent('S', 0, 0, 2);
    wb.setInput('S', 2, 0, '=TEST.ECHO()');
    expect(wb.cell('S', 2, 0).value).toBe('null');
    expect(wb.cell('S', 3, 0).value).toBe('null');
    wb.setInput('S', 5, 0, '=TEST.ECHO(,Z9)');
    expect(wb.cell('S', 5, 0).value).toBe('null');
    expect(wb.cell('S', 6, 0).value).toBe('null');
    wb.setInput('S', 2, 1, '=TEST.ECHO(A1,A1)');
    expect(wb.cell('S', 2, 1).value).toBe('2');
    expect(wb.cell('S', 3, 1).value).toBe('[[2]]');
    wb.setInput('S', 2, 2, '=TEST.ECHO(A1:A2)');
    expect(wb.cell('S', 2, 2).value).toBe('#VALUE!');
  });
});

describe('catalogue from functions.json', () => {
  it('maps Excel names to camelCase exports', () => {
    expect(exportNameOf('LSTM.SEQ')).toBe('lstmSeq');
    expect(exportNameOf('NN.SIGMOID')).toBe('nnSigmoid');
    expect(exportNameOf('MAMBA.SCAN')).toBe('mambaScan');
  });

  it('reports entries with no matching export', () => {
    const { functions, missing } = catalogueFromMetadata(
      [
        { id: 'NN.SIGMOID', parameters: [{ name: 'x', dimensionality: 'matrix' }] },
        { id: 'NN.NOPE', parameters: [] },
      ],
      { nnSigmoid },
    );
    expect(functions.map((f) => f.id)).toEqual(['NN.SIGMOID']);
    expect(functions[0].params).toEqual([{ name: 'x', matrix: true, optional: false }]);
    expect(missing).toEqual(['NN.NOPE']);
  });

  const source = 'functions/functions.ts';
  it.skipIf(!existsSync(source))('resolves every function the add-in declares', async () => {
    const { functions, missing } = await declaredCatalogue();
    expect(missing).toEqual([]);
    expect(functions.length).toBeGreaterThan(5);
    registerPreviewFunctions(functions);
    const wb = new PreviewWorkbook();
    wb.addSheet('F');
    wb.setInput('F', 0, 0, '=NN.SIGMOID(0)');
    expect(wb.cell('F', 0, 0).value).toBe(0.5);
  });
});

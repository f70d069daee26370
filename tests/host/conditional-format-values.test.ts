/**
 * What the preview draws for conditional formats: bar lengths and colour-scale colours
 * worked by hand, and the preview workbook keeping a plan's formats with its sheet so the
 * grid can draw them over live (recomputed) values.
 */
import { describe, expect, it } from 'vitest';
import { colorScaleColor, dataBarFraction } from '../../src/host/conditional-format-values';
import { PreviewWorkbook } from '../../src/host/preview-workbook';
import { rnnBpttSpec } from '../../src/sheets/bptt-sheet';

describe('conditional format values', () => {
  it('a data bar runs from 10 % at the lowest value to the full cell at the highest', () => {
    expect(dataBarFraction(2, 2, 12)).toBeCloseTo(0.1, 15);
    expect(dataBarFraction(12, 2, 12)).toBe(1);
    expect(dataBarFraction(7, 2, 12)).toBeCloseTo(0.55, 15);
    expect(dataBarFraction(5, 5, 5)).toBe(1);
  });

  it('a colour scale interpolates each channel between its stops, the middle one at the median', () => {
    const values = [0, 1, 2, 3, 4];
    expect(colorScaleColor(0, values, ['#000000', '#FF8040'])).toBe('#000000');
    expect(colorScaleColor(4, values, ['#000000', '#FF8040'])).toBe('#FF8040');
    expect(colorScaleColor(2, values, ['#000000', '#FF8040'])).toBe('#804020');
    const three = ['#0000FF', '#FFFFFF', '#FF0000'];
    expect(colorScaleColor(2, values, three)).toBe('#FFFFFF');
    expect(colorScaleColor(1, values, three)).toBe('#8080FF');
    expect(colorScaleColor(3, values, three)).toBe('#FF8080');
  });

  it('the preview workbook keeps the plan formats with the sheet', () => {
    const plan = rnnBpttSpec.build(rnnBpttSpec.defaults);
    const wb = new PreviewWorkbook();
    const name = wb.addSheet(plan.baseName);
    expect(wb.sheet(name)!.conditionalFormats).toEqual([]);
    wb.writePlan(name, plan);
    expect(wb.sheet(name)!.conditionalFormats).toEqual(plan.conditionalFormats);
    const bar = plan.conditionalFormats![0];
    const norms = [];
    for (let col = bar.range.left; col <= bar.range.right; col++) {
      const v = wb.cell(name, bar.range.top, col).value;
      if (typeof v === 'number') norms.push(v);
    }
    expect(norms.length).toBe(rnnBpttSpec.defaults.steps);
    expect(norms.every((v) => v > 0)).toBe(true);
  });
});

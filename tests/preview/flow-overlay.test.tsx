// @vitest-environment jsdom
/**
 * The preview draws the flows over the grid: one dashed arrow per flow, its tooltip the
 * flow's label, running from the source range's facing edge to the reader's, placed with
 * the grid's own cell rectangles.
 */
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PreviewWorkbook } from '../../src/host/preview-workbook';
import { specFor } from '../../src/sheets/registry';
import { Grid } from '../../preview/Grid';
import { columnPixels, rowPixels } from '../../preview/geometry';

afterEach(cleanup);
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

function renderSheet(model: 'lstm' | 'gru' | 'mlstm' | 'mamba-scan', variant?: string) {
  const spec = specFor(model);
  const plan = spec.build({ ...spec.defaults, ...(variant ? { variant } : {}) });
  const wb = new PreviewWorkbook();
  const name = wb.addSheet(plan.baseName);
  wb.writePlan(name, plan);
  const view = render(<Grid workbook={wb} sheet={name} />);
  return { plan, wb, name, view };
}

describe('the preview’s flow overlay', () => {
  for (const [model, variant] of [
    ['lstm', undefined],
    ['lstm', 'bidirectional'],
    ['gru', undefined],
    ['mlstm', undefined],
    ['mamba-scan', undefined],
  ] as const)
    it(`${model} ${variant ?? ''}: one arrow per flow, labelled`, () => {
      const { plan, view } = renderSheet(model, variant);
      const flows = plan.flows ?? [];
      expect(flows.length).toBeGreaterThan(0);
      const lines = view.container.querySelectorAll('svg.flow-overlay line.flow');
      expect(lines).toHaveLength(flows.length);
      lines.forEach((line, k) => {
        expect(line.querySelector('title')?.textContent).toBe(flows[k].label);
        expect(line.getAttribute('stroke-dasharray')).toBeTruthy();
        expect(line.getAttribute('marker-end')).toMatch(/^url\(#/);
        expect(line.getAttribute('data-to')).toBe(`${flows[k].to.top},${flows[k].to.left}`);
      });
    });

  it('places an arrow from the source’s right edge to the reader’s left edge, in the grid’s pixels', () => {
    const { plan, wb, name, view } = renderSheet('lstm');
    const sheet = wb.sheet(name)!;
    const x = (col: number) => {
      let px = 0;
      for (let c = 0; c < col; c++) px += columnPixels(sheet.columnWidths.get(c) ?? 8.43);
      return px;
    };
    const y = (row: number) => {
      let px = 0;
      for (let r = 0; r < row; r++) px += rowPixels(sheet.rowFontSizes.get(r));
      return px;
    };
    const f = plan.flows![0];
    const line = view.container.querySelector('line.flow')!;
    expect(Number(line.getAttribute('x1'))).toBeCloseTo(x(f.from.right + 1), 6);
    expect(Number(line.getAttribute('x2'))).toBeCloseTo(x(f.to.left), 6);
    expect(Number(line.getAttribute('y1'))).toBeCloseTo((y(f.from.top) + y(f.from.bottom + 1)) / 2, 6);
    expect(Number(line.getAttribute('y2'))).toBeCloseTo((y(f.to.top) + y(f.to.bottom + 1)) / 2, 6);
  });

  it('mamba-scan: each parallel-scan arrow runs down from level k − 1 and right to the step that reads it', () => {
    // The default scan sheet shows the parallel scan below the sequential one.
    const { plan, view } = renderSheet('mamba-scan');
    const lines = [...view.container.querySelectorAll('line.flow')];
    const levels = (plan.flows ?? []).flatMap((f, k) => (f.to.top > f.from.bottom ? [k] : []));
    // T = 4: level 1 combines steps 2–4, level 2 steps 3–4, each reading a and b.
    expect(levels).toHaveLength(2 * (3 + 2));
    for (const k of levels) {
      const n = (attr: string) => Number(lines[k].getAttribute(attr));
      expect(n('y2'), plan.flows![k].label).toBeGreaterThan(n('y1'));
      expect(n('x2'), plan.flows![k].label).toBeGreaterThan(n('x1'));
    }
  });
});

// @vitest-environment jsdom
/**
 * Explain on a training sheet's derivative cells: beside the band's equation the pane shows
 * the chain-rule term of the selected entry, with its own step and 1-based indices, for
 * ∂L/∂hₜ, ∂L/∂zₜ, ∂L/∂cₜ, a gate's derivatives, ∂L/∂h₀, a step's contribution, an
 * accumulated gradient and an SGD step's new weight; a forward cell shows no such term.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { planFor } from '../../../src/practice/plan-for';
import type { Language, SheetPlan } from '../../../src/sheets/plan';
import { a1 } from '../../../src/sheets/plan';
import type { ModelConfig } from '../../../src/sheets/model-spec';
import { specFor } from '../../../src/sheets/registry';
import { ExplainPanel } from '../../../taskpane/practice/ExplainPanel';
import { FormulaHost } from '../../practice/formula-host';

afterEach(cleanup);

const wrap = (ui: ReactNode) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

const d = (x: string) => `\\frac{\\partial L}{\\partial ${x}}`;

/** The address of entry `flat` of trace `name` at `step` (0-based, as the plan stores them). */
function addressOf(plan: SheetPlan, name: string, step: number, flat: number): string {
  const cell = plan.cells.find(
    (c) => c.meaning?.trace?.name === name && c.meaning.trace.step === step && c.meaning.trace.flat === flat,
  );
  if (!cell) throw new Error(`no ${name}[${flat}] at step ${step}`);
  return a1(cell.row, cell.col);
}

async function sheetOf(model: 'rnn-bptt' | 'lstm-bptt', language: Language) {
  const config = {
    ...specFor(model).defaults,
    language,
    inputSize: 2,
    hiddenSize: 2,
    steps: 3,
  } as ModelConfig;
  const planned = planFor({ config });
  const host = new FormulaHost();
  const { sheetName } = await host.buildSheet(planned.plan, planned.metadata);
  return { host, sheet: sheetName, plan: planned.plan };
}

/** Selects a cell and returns the LaTeX of every equation the pane shows for it. */
async function explain(host: FormulaHost, sheet: string, address: string): Promise<string[]> {
  host.select(sheet, address);
  await waitFor(() => expect(screen.getByTestId('explanation').textContent).toContain(address));
  return [...screen.getByTestId('explanation').querySelectorAll('[data-latex]')].map(
    (e) => e.getAttribute('data-latex') ?? '',
  );
}

describe('Explain on the RNN training sheet', () => {
  it('shows the chain-rule term of each derivative entry, 1-based', async () => {
    const { host, sheet, plan } = await sheetOf('rnn-bptt', 'en');
    wrap(<ExplainPanel host={host} language="en" />);
    const cases: [string, number, number, string][] = [
      [
        'dh',
        1,
        1,
        `${d('h_{2}[2]')} = W_{hy}[1,2]\\,(\\hat y_{2}[1] - y_{2}[1]) + \\sum_{r=1}^{2} W_{hh}[r,2]\\,${d('z_{3}[r]')}`,
      ],
      ['dh', 2, 0, `${d('h_{3}[1]')} = W_{hy}[1,1]\\,(\\hat y_{3}[1] - y_{3}[1])`],
      ['da', 0, 0, `${d('z_{1}[1]')} = ${d('h_{1}[1]')}\\,(1 - h_{1}[1]^2)`],
      ['dh0', 0, 1, `${d('h_{0}[2]')} = \\sum_{r=1}^{2} W_{hh}[r,2]\\,${d('z_{1}[r]')}`],
      ['dW_hh_step', 1, 2, `\\Delta_{2} ${d('W_{hh}[2,1]')} = ${d('z_{2}[2]')}\\,h_{1}[1]`],
      ['grad_W_hh', 0, 2, `${d('W_{hh}[2,1]')} = \\sum_{t=1}^{3} ${d('z_t[2]')}\\,h_{t-1}[1]`],
      ['grad_b_y', 0, 0, `${d('b_y[1]')} = \\sum_{t=1}^{3} (\\hat y_t[1] - y_t[1])`],
      ['new_W_ih', 0, 1, `W'_{ih}[1,2] = W_{ih}[1,2] - \\eta\\, s\\, ${d('W_{ih}[1,2]')}`],
    ];
    for (const [name, step, flat, term] of cases) {
      const address = addressOf(plan, name, step, flat);
      const shown = await explain(host, sheet, address);
      const cell = plan.cells.find((c) => a1(c.row, c.col) === address);
      // The band's equation first, then this entry's term under its caption.
      expect(shown, `${name} at ${address}`).toEqual([cell?.meaning?.equation, term]);
      expect(screen.getByText(/For this entry/)).toBeTruthy();
    }
  });

  it('a forward cell shows its equation only', async () => {
    const { host, sheet, plan } = await sheetOf('rnn-bptt', 'en');
    wrap(<ExplainPanel host={host} language="en" />);
    const shown = await explain(host, sheet, addressOf(plan, 'h', 1, 0));
    expect(shown).toEqual(['h_t = \\tanh(z_t)']);
    expect(screen.queryByText(/For this entry/)).toBeNull();
  });
});

describe('Explain on the LSTM training sheet', () => {
  it('shows the cell path and the gate derivatives entry by entry, in Chinese too', async () => {
    const { host, sheet, plan } = await sheetOf('lstm-bptt', 'zh');
    wrap(<ExplainPanel host={host} language="zh" />);
    const cases: [string, number, number, string][] = [
      [
        'dc',
        0,
        1,
        `${d('c_{1}[2]')} = ${d('h_{1}[2]')}\\,o_{1}[2]\\,(1 - \\tanh^2 c_{1}[2]) + ${d('c_{2}[2]')}\\,f_{2}[2]`,
      ],
      ['d_f', 0, 0, `${d('f_{1}[1]')} = ${d('c_{1}[1]')}\\,c_{0}[1]`],
      ['da_f', 2, 0, `${d('z_{f,3}[1]')} = ${d('f_{3}[1]')}\\,f_{3}[1]\\,(1 - f_{3}[1])`],
      ['da_g', 1, 1, `${d('z_{g,2}[2]')} = ${d('g_{2}[2]')}\\,(1 - g_{2}[2]^2)`],
      ['dc0', 0, 0, `${d('c_{0}[1]')} = ${d('c_{1}[1]')}\\,f_{1}[1]`],
      // Row 3 of the stacked pre-activation is the forget gate's first unit (rows i i f f g g o o).
      ['dW_ih_step', 2, 5, `\\Delta_{3} ${d('W_{ih}[3,2]')} = ${d('z_{f,3}[1]')}\\,x_{3}[2]`],
      ['grad_b_ih', 0, 7, `${d('b_{ih}[8]')} = \\sum_{t=1}^{3} ${d('z_{o,t}[2]')}`],
    ];
    for (const [name, step, flat, term] of cases) {
      const address = addressOf(plan, name, step, flat);
      const shown = await explain(host, sheet, address);
      expect(shown[1], `${name} at ${address}`).toBe(term);
      expect(screen.getByText(/本单元格/)).toBeTruthy();
    }
  });
});

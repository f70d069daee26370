/**
 * Small hand-made plans for host tests, shaped like a walkthrough sheet (title, equation,
 * input block, stacked weight block, one column block per time step with formulas) so the
 * host is exercised on realistic layouts without depending on any model's builder.
 */
import {
  a1,
  type CellRole,
  type ModelId,
  type PlanCell,
  type PlanRange,
  type SheetPlan,
} from '../../src/sheets/plan';

export interface LstmLikeSizes {
  readonly I: number;
  readonly H: number;
  readonly T: number;
  readonly baseName?: string;
  readonly language?: 'en' | 'zh';
}

export function lstmLikePlan({ I, H, T, baseName = 'LSTM', language = 'en' }: LstmLikeSizes): SheetPlan {
  const cells: PlanCell[] = [];
  const boxes: PlanRange[] = [];
  const names: { name: string; range: PlanRange }[] = [];
  const model: ModelId = 'lstm';
  const put = (
    row: number,
    col: number,
    role: CellRole,
    content: { value?: number | string; formula?: string },
  ) => cells.push({ row, col, role, ...content, meaning: { model, tensor: role } });

  put(0, 0, 'title', { value: { en: 'LSTM by hand', zh: 'LSTM 手算' }[language] });
  put(1, 0, 'equation', { value: 'c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t' });
  // Inputs: one row per feature, one column per step (columns 2..T+1).
  put(3, 0, 'label', { value: { en: 'input x', zh: '输入 x' }[language] });
  for (let k = 0; k < I; k++)
    for (let t = 0; t < T; t++) put(3 + k, 2 + t, 'input', { value: (((k + 1) * (t + 2)) % 5) - 2 });
  boxes.push({ top: 3, left: 2, bottom: 3 + I - 1, right: 2 + T - 1 });
  names.push({ name: 'X', range: { top: 3, left: 2, bottom: 3 + I - 1, right: 2 + T - 1 } });

  // Stacked weights [W_ih | W_hh | b], 4H rows.
  const wTop = 4 + I;
  put(wTop - 1 + 1, 0, 'label', { value: 'W' });
  for (let r = 0; r < 4 * H; r++) {
    for (let c = 0; c < I; c++) put(wTop + r, 2 + c, 'weight', { value: ((r * 7 + c * 3) % 5) - 2 });
    for (let c = 0; c < H; c++) put(wTop + r, 2 + I + c, 'recurrentWeight', { value: ((r * 5 + c) % 5) - 2 });
    put(wTop + r, 2 + I + H, 'bias', { value: 0.5 });
  }
  boxes.push({ top: wTop, left: 2, bottom: wTop + 4 * H - 1, right: 2 + I + H });
  names.push({ name: 'W_ih', range: { top: wTop, left: 2, bottom: wTop + 4 * H - 1, right: 2 + I - 1 } });

  // Per step: pre-activations, gates, c, h — each a column of formulas.
  const sTop = wTop + 4 * H + 1;
  for (let t = 0; t < T; t++) {
    const col = 2 + t;
    put(sTop, col, 'header', { value: `t=${t + 1}` });
    for (let r = 0; r < 4 * H; r++) {
      const wRow = `${a1(wTop + r, 2, true)}:${a1(wTop + r, 2 + I - 1, true)}`;
      const xCol = `${a1(3, col)}:${a1(3 + I - 1, col)}`;
      put(sTop + 1 + r, col, 'computed', {
        formula: `=SUMPRODUCT(${wRow},TRANSPOSE(${xCol}))+${a1(wTop + r, 2 + I + H, true)}`,
      });
    }
    for (let r = 0; r < 4 * H; r++) {
      const pre = a1(sTop + 1 + r, col);
      put(sTop + 1 + 4 * H + r, col, 'gate', {
        formula: r >= 2 * H && r < 3 * H ? `=TANH(${pre})` : `=0.5*(1+TANH(${pre}/2))`,
      });
    }
    for (let j = 0; j < H; j++) {
      const g = (k: number) => a1(sTop + 1 + 4 * H + k * H + j, col);
      const cPrev = t === 0 ? '0' : a1(sTop + 1 + 8 * H + j, col - 1);
      put(sTop + 1 + 8 * H + j, col, 'state', { formula: `=${g(1)}*${cPrev}+${g(0)}*${g(2)}` });
      put(sTop + 1 + 9 * H + j, col, 'output', {
        formula: `=${g(3)}*TANH(${a1(sTop + 1 + 8 * H + j, col)})`,
      });
    }
    boxes.push({ top: sTop + 1 + 8 * H, left: col, bottom: sTop + 10 * H, right: col });
  }
  put(sTop + 1, 0, 'operator', { value: 'σ' });
  put(sTop + 2, 0, 'note', { value: '=not a formula, just text' });
  put(sTop + 3, 0, 'note', { value: '1/2' });
  const rowCount = sTop + 1 + 10 * H;
  return {
    baseName,
    model,
    language,
    config: { model, inputSize: I, hiddenSize: H, steps: T },
    rowCount,
    colCount: 2 + Math.max(T, I + H + 1),
    cells,
    merges: [{ top: 0, left: 0, bottom: 0, right: 5 }],
    columnWidths: [
      { col: 0, width: 14 },
      { col: 1, width: 4 },
      ...Array.from({ length: Math.max(T, I + H + 1) }, (_, k) => ({ col: 2 + k, width: 9 })),
    ],
    names,
    boxes,
  };
}

/** A plan with `rows × cols` formula cells of about `formulaChars` characters each. */
export function bulkPlan(rows: number, cols: number, formulaChars = 60): SheetPlan {
  const cells: PlanCell[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const base = `=SUMPRODUCT($A$1:$A$4,${a1(r, c)}:${a1(r + 3, c)})`;
      const pad = Math.max(0, formulaChars - base.length - 2);
      cells.push({
        row: r + 1,
        col: c,
        role: c % 3 === 0 ? 'gate' : 'computed',
        formula: `${base}+${'0'.repeat(pad)}0`,
      });
    }
  return {
    baseName: 'Bulk',
    model: 'rnn',
    language: 'en',
    config: { model: 'rnn' },
    rowCount: rows + 1,
    colCount: cols,
    cells,
    merges: [],
    columnWidths: [],
    names: [],
    boxes: [],
  };
}

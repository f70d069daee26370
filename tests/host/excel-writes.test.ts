import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chunkAddresses, groupRectangles } from '../../src/host/rectangles';
import { freeSheetName, sanitizeSheetName, splitSheetAddress } from '../../src/host/sheet-names';
import { decodeMarker, encodeMarker } from '../../src/host/sheet-marker';
import { chunkOps } from '../../src/host/excel-chunks';
import {
  charsToPoints,
  isValidExcelName,
  literalEntry,
  opBytes,
  planOps,
  utf8Length,
} from '../../src/host/excel-ops';
import { paletteLook } from '../../src/host/cell-look';
import { rangeA1 } from '../../src/sheets/plan';
import { bulkPlan, lstmLikePlan } from './plan-factory';

const positions = fc.uniqueArray(
  fc.record({ row: fc.integer({ min: 0, max: 30 }), col: fc.integer({ min: 0, max: 30 }) }),
  {
    selector: (p) => `${p.row},${p.col}`,
    maxLength: 200,
  },
);

function covered(rects: ReturnType<typeof groupRectangles>): string[] {
  const out: string[] = [];
  for (const r of rects)
    for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) out.push(`${i},${j}`);
  return out;
}

describe('groupRectangles', () => {
  it('covers exactly the positions, each once, when nothing is bridged', () => {
    fc.assert(
      fc.property(positions, (ps) => {
        const cells = covered(groupRectangles(ps));
        expect(cells.length).toBe(new Set(cells).size);
        expect(new Set(cells)).toEqual(new Set(ps.map((p) => `${p.row},${p.col}`)));
      }),
    );
  });

  it('with bridging covers every position once and adds only short gaps within a row', () => {
    fc.assert(
      fc.property(positions, fc.integer({ min: 1, max: 4 }), (ps, bridge) => {
        const cells = covered(groupRectangles(ps, bridge));
        expect(cells.length).toBe(new Set(cells).size);
        const want = new Set(ps.map((p) => `${p.row},${p.col}`));
        for (const k of want) expect(cells).toContain(k);
        // Every covered cell lies on a row that has a real position within `bridge` columns on each side.
        for (const k of cells) {
          if (want.has(k)) continue;
          const [r, c] = k.split(',').map(Number);
          const row = ps.filter((p) => p.row === r).map((p) => p.col);
          expect(row.some((x) => x < c && c - x <= bridge)).toBe(true);
          expect(row.some((x) => x > c && x - c <= bridge)).toBe(true);
        }
      }),
    );
  });

  it('turns a full block into one rectangle', () => {
    const ps = [];
    for (let r = 2; r < 6; r++) for (let c = 1; c < 4; c++) ps.push({ row: r, col: c });
    expect(groupRectangles(ps)).toEqual([{ top: 2, left: 1, bottom: 5, right: 3 }]);
  });

  it('splits long address lists under the character and area limits', () => {
    const ranges = Array.from({ length: 500 }, (_, k) => ({ top: k * 2, left: 0, bottom: k * 2, right: 3 }));
    const groups = chunkAddresses(ranges, 300, 40);
    expect(groups.flat()).toEqual(ranges);
    for (const g of groups) {
      expect(g.map((r) => rangeA1(r)).join(',').length).toBeLessThanOrEqual(300);
      expect(g.length).toBeLessThanOrEqual(40);
    }
  });
});

describe('sheet names', () => {
  it('picks the base name, then numbered names, ignoring case', () => {
    expect(freeSheetName('LSTM', ['Sheet1'])).toBe('LSTM');
    expect(freeSheetName('LSTM', ['lstm'])).toBe('LSTM 2');
    expect(freeSheetName('LSTM', ['LSTM', 'LSTM 2', 'lstm 3'])).toBe('LSTM 4');
  });

  it('keeps names valid: forbidden characters, apostrophes, length, reserved', () => {
    expect(sanitizeSheetName('a/b\\c?d*e[f]g:h')).toBe('a-b-c-d-e-f-g-h');
    expect(sanitizeSheetName("'quoted'")).toBe('quoted');
    expect(sanitizeSheetName('')).toBe('Sheet');
    expect(sanitizeSheetName('History')).toBe('History 1');
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 5 }),
        (base, taken) => {
          const n = freeSheetName(base, taken);
          expect(Array.from(n).length).toBeLessThanOrEqual(31);
          expect(n.length).toBeGreaterThan(0);
          expect(n).not.toMatch(/[\\/?*[\]:]/);
          expect(n.startsWith("'") || n.endsWith("'")).toBe(false);
          expect(taken.map((t) => t.toLowerCase())).not.toContain(n.toLowerCase());
        },
      ),
    );
  });

  it('makes room for the suffix on a 31-character name', () => {
    const base = 'x'.repeat(31);
    expect(freeSheetName(base, [base])).toBe(`${'x'.repeat(29)} 2`);
  });

  it('splits sheet-qualified addresses, quoted or not', () => {
    expect(splitSheetAddress('Sheet1!B3')).toEqual({ sheet: 'Sheet1', address: 'B3' });
    expect(splitSheetAddress("'Bob''s LSTM'!$C$4")).toEqual({ sheet: "Bob's LSTM", address: '$C$4' });
  });
});

describe('sheet marker', () => {
  it('round-trips any JSON object through parts of at most 255 characters', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (meta) => {
        const props = encodeMarker(meta);
        for (const p of props) expect(p.value.length).toBeLessThanOrEqual(255);
        expect(decodeMarker(props)).toEqual(JSON.parse(JSON.stringify(meta)));
      }),
    );
  });

  it('reads nothing from sheets without a marker or with a broken one', () => {
    expect(decodeMarker([])).toBeNull();
    expect(decodeMarker([{ key: 'other', value: '{}' }])).toBeNull();
    const props = encodeMarker({ a: 'x'.repeat(600) });
    expect(decodeMarker(props.slice(0, -1))).toBeNull();
  });
});

describe('write list', () => {
  it('escapes text that Excel would read as a formula, number or boolean', () => {
    expect(literalEntry('=x')).toBe("'=x");
    expect(literalEntry('-3')).toBe("'-3");
    expect(literalEntry('1/2')).toBe("'1/2");
    expect(literalEntry('TRUE')).toBe("'TRUE");
    expect(literalEntry('h_t')).toBe('h_t');
    expect(literalEntry(-3)).toBe(-3);
  });

  it('counts UTF-8 bytes like TextEncoder', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
      }),
    );
  });

  it('knows Excel name rules', () => {
    for (const ok of ['X', 'W_ih', 'h_t.1', '_x', '权重']) expect(isValidExcelName(ok), ok).toBe(true);
    for (const bad of ['A1', 'xfd100', 'R', 'c', 'R1C1', '1x', 'a b', ''])
      expect(isValidExcelName(bad), bad).toBe(false);
  });

  it('converts character widths to points', () => {
    expect(charsToPoints(8.43)).toBeCloseTo(48, 0); // Excel's default column: 64 px = 48 pt
  });

  it('splits large blocks and chunks under the budget', () => {
    const ops = planOps(bulkPlan(200, 50, 120), paletteLook, {
      maxOpBytes: 50_000,
      maxAddressChars: 2000,
      maxAreas: 200,
    });
    for (const op of ops) expect(opBytes(op)).toBeLessThanOrEqual(50_000);
    const chunks = chunkOps(ops, 200_000, 1_000);
    expect(chunks.flatMap((c) => c.ops)).toEqual(ops);
    for (const c of chunks) expect(c.bytes).toBeLessThanOrEqual(200_000);
  });

  it('puts every plan cell into exactly one content block', () => {
    const plan = lstmLikePlan({ I: 4, H: 3, T: 5 });
    const ops = planOps(plan, paletteLook);
    const seen = new Map<string, unknown>();
    for (const op of ops) {
      if (op.kind !== 'cells') continue;
      op.formulas.forEach((row, i) =>
        row.forEach((entry, j) => {
          const key = `${op.range.top + i},${op.range.left + j}`;
          expect(seen.has(key)).toBe(false);
          seen.set(key, entry);
        }),
      );
    }
    for (const cell of plan.cells) expect(seen.has(`${cell.row},${cell.col}`)).toBe(true);
  });
});

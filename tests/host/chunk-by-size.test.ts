import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkBySize } from '../../src/host/rectangles';

describe('chunkBySize', () => {
  it('keeps order, respects both limits, and closes a group only when the next item would not fit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 6 }),
        (sizes, max, maxItems) => {
          const groups = chunkBySize(sizes, (n) => n, max, maxItems);
          expect(groups.flat()).toEqual(sizes);
          const sum = (g: number[]) => g.reduce((a, b) => a + b, 0);
          groups.forEach((g, k) => {
            expect(g.length).toBeGreaterThan(0);
            expect(g.length).toBeLessThanOrEqual(maxItems);
            if (g.length > 1) expect(sum(g)).toBeLessThanOrEqual(max);
            const next = groups[k + 1];
            if (next) expect(g.length === maxItems || sum(g) + next[0] > max).toBe(true);
          });
        },
      ),
    );
  });

  it('gives an item larger than the limit a group of its own', () => {
    expect(chunkBySize([2, 9, 1, 1], (n) => n, 5)).toEqual([[2], [9], [1, 1]]);
  });
});

/** The preview's CSS is a translation of the resolver's look, and practice fills win over it. */
import { describe, expect, it } from 'vitest';
import { cellCss } from '../../preview/cell-look';
import { resolveCellLook } from '../../src/host/plan-look';
import { PALETTE } from '../../src/sheets/style';

describe('cellCss', () => {
  it('draws every role as the palette says', () => {
    for (const [role, style] of Object.entries(PALETTE)) {
      const css = cellCss({
        look: resolveCellLook({ role: role as never, value: 1 }),
        fillOverride: null,
        isText: false,
      });
      expect(css.background, role).toBe(style.fill);
      expect(css.color, role).toBe(style.fontColor);
      expect(css.fontWeight, role).toBe(style.bold ? 700 : 400);
      expect(css.fontStyle, role).toBe(style.italic ? 'italic' : 'normal');
      expect(css.fontSize, role).toBe(`${style.fontSize}pt`);
      expect(css.textAlign, role).toBe(style.hAlign);
      expect(css.outline !== undefined, role).toBe(style.cellBorder);
    }
  });

  it('lets a practice fill override the look, and aligns a cell without a look as Excel’s General', () => {
    const look = resolveCellLook({ role: 'input', value: 1 });
    expect(cellCss({ look, fillOverride: '#C6EFCE', isText: false }).background).toBe('#C6EFCE');
    expect(cellCss({ look: null, fillOverride: null, isText: true }).textAlign).toBe('left');
    expect(cellCss({ look: null, fillOverride: null, isText: false }).textAlign).toBe('right');
  });
});

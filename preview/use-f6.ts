/**
 * F6 and Shift+F6 move between the page's regions as in Excel: the grid, the formula bar
 * and the task pane. Tab inside the grid moves cell to cell (as Excel does), so F6 and the
 * skip link are how a keyboard leaves it.
 */
import { useEffect } from 'react';

/** The regions in F6 order; each resolves to the element that takes focus. */
export const F6_REGIONS: readonly string[] = ['.scroller', '.formula-input', '#pane'];

const TABBABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea, [tabindex="0"]';

/** The element to focus in a region: the pane's first control, or the region itself. */
export function focusTarget(root: ParentNode, selector: string): HTMLElement | null {
  const region = root.querySelector<HTMLElement>(selector);
  if (!region) return null;
  if (selector === '#pane') return region.querySelector<HTMLElement>(TABBABLE) ?? region;
  return region;
}

export function nextRegion(
  active: Element | null,
  backwards: boolean,
  root: Document = document,
): HTMLElement | null {
  const regions = F6_REGIONS.map((s) => root.querySelector<HTMLElement>(s));
  const at = regions.findIndex((r) => r && active && (r === active || r.contains(active)));
  const n = F6_REGIONS.length;
  for (let step = 1; step <= n; step++) {
    const i = ((((at < 0 ? (backwards ? 0 : -1) : at) + (backwards ? -step : step)) % n) + n) % n;
    const target = focusTarget(root, F6_REGIONS[i]);
    if (target && !(target as HTMLInputElement).disabled) return target;
  }
  return null;
}

export function useF6Regions(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F6') return;
      const target = nextRegion(document.activeElement, e.shiftKey);
      if (!target) return;
      e.preventDefault();
      target.focus();
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, []);
}

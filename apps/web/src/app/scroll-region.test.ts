import { describe, expect, it } from 'vitest';
import { overflowsHorizontally, SCROLL_REGION_MARK, type ScrollContainer, syncScrollRegion } from './scroll-region';

/** A scroll box with the given widths and attributes, as syncScrollRegion sees an element. */
function box(scrollWidth: number, clientWidth: number, attributes: Record<string, string> = {}) {
  const attrs = new Map(Object.entries(attributes));
  const el: ScrollContainer & { scrollWidth: number; attrs: Map<string, string> } = {
    scrollWidth,
    clientWidth,
    attrs,
    hasAttribute: (name) => attrs.has(name),
    getAttribute: (name) => attrs.get(name) ?? null,
    setAttribute: (name, value) => void attrs.set(name, value),
    removeAttribute: (name) => void attrs.delete(name),
  };
  return el;
}

describe('overflowsHorizontally', () => {
  it('counts more than a pixel of hidden width, not rounding', () => {
    expect(overflowsHorizontally({ scrollWidth: 800, clientWidth: 351 })).toBe(true);
    expect(overflowsHorizontally({ scrollWidth: 352, clientWidth: 351 })).toBe(false);
    expect(overflowsHorizontally({ scrollWidth: 351, clientWidth: 351 })).toBe(false);
  });
});

describe('syncScrollRegion', () => {
  it('makes an overflowing box a focusable, named region', () => {
    const el = box(800, 351);
    syncScrollRegion(el, () => '用户（表格，可横向滚动）');
    expect(Object.fromEntries(el.attrs)).toEqual({
      [SCROLL_REGION_MARK]: '',
      tabindex: '0',
      role: 'region',
      'aria-label': '用户（表格，可横向滚动）',
    });
  });

  it('takes it all back once the box fits again', () => {
    const el = box(800, 351);
    syncScrollRegion(el, () => '表格（可横向滚动）');
    el.scrollWidth = 351;
    syncScrollRegion(el, () => '表格（可横向滚动）');
    expect(el.attrs.size).toBe(0);
  });

  it('renames the region when the name changes (another language)', () => {
    const el = box(800, 351);
    syncScrollRegion(el, () => '表格（可横向滚动）');
    syncScrollRegion(el, () => 'Table (scrolls horizontally)');
    expect(el.getAttribute('aria-label')).toBe('Table (scrolls horizontally)');
  });

  it('does not name a box that fits, nor touch a tabindex it did not set', () => {
    let asked = 0;
    const fits = box(351, 351, { tabindex: '-1' });
    syncScrollRegion(fits, () => `${++asked}`);
    const own = box(800, 351, { tabindex: '-1' });
    syncScrollRegion(own, () => `${++asked}`);
    expect(asked).toBe(0);
    expect(Object.fromEntries(fits.attrs)).toEqual({ tabindex: '-1' });
    expect(Object.fromEntries(own.attrs)).toEqual({ tabindex: '-1' });
  });
});

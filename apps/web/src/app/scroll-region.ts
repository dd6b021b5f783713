/**
 * Ant Design tables scroll sideways inside `.ant-table-content` (or `.ant-table-body` with a fixed header) when the
 * screen is narrower than the table. A keyboard user can only scroll such a box once it takes the focus (WCAG 2.1.1,
 * axe `scrollable-region-focusable`), so while it overflows it becomes a named, focusable region.
 */
export const SCROLL_CONTAINERS = '.ant-table-content, .ant-table-body';

/** Marks the attributes this module set, so that it never removes a tabindex or name a component gave itself. */
export const SCROLL_REGION_MARK = 'data-zh-scroll-region';

/** What syncScrollRegion reads and writes; every HTMLElement has it. */
export interface ScrollContainer {
  readonly scrollWidth: number;
  readonly clientWidth: number;
  hasAttribute(name: string): boolean;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
}

/** More than a pixel of hidden width: browsers round scrollWidth, so one pixel is not an overflow. */
export function overflowsHorizontally(el: Pick<ScrollContainer, 'scrollWidth' | 'clientWidth'>): boolean {
  return el.scrollWidth - el.clientWidth > 1;
}

function setIfChanged(el: ScrollContainer, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/**
 * Makes an overflowing container a focusable region named `label()` (read only when it overflows), and takes back
 * what it added once the container fits again. A container that had a tabindex of its own is left alone.
 */
export function syncScrollRegion(el: ScrollContainer, label: () => string): void {
  const marked = el.hasAttribute(SCROLL_REGION_MARK);
  if (overflowsHorizontally(el)) {
    if (!marked && el.hasAttribute('tabindex')) return;
    setIfChanged(el, SCROLL_REGION_MARK, '');
    setIfChanged(el, 'tabindex', '0');
    setIfChanged(el, 'role', 'region');
    setIfChanged(el, 'aria-label', label());
  } else if (marked) {
    for (const name of [SCROLL_REGION_MARK, 'tabindex', 'role', 'aria-label']) el.removeAttribute(name);
  }
}

function text(el: Element | null | undefined): string | null {
  const value = el?.textContent?.replace(/\s+/g, ' ').trim();
  return value ? value : null;
}

const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

/** The last heading at or inside `el`. */
function headingIn(el: Element): Element | null {
  if (el.matches(HEADING)) return el;
  const all = el.querySelectorAll(HEADING);
  return all.length > 0 ? (all[all.length - 1] ?? null) : null;
}

/**
 * What the table is called: its caption (antd `title`), else the title of the card it sits in, else the nearest
 * heading before it within the page's main content; null when none is found.
 */
export function scrollRegionName(container: Element): string | null {
  const table = container.closest('.ant-table-wrapper') ?? container;
  const caption = text(table.querySelector('caption, .ant-table-title'));
  if (caption) return caption;
  const card = container.closest('.ant-card');
  const cardTitle = text(card?.querySelector(':scope > .ant-card-head .ant-card-head-title'));
  if (cardTitle) return cardTitle;
  // at most a few levels up: beyond that a heading names the page, not this table
  let node: Element | null = table;
  for (let level = 0; node && level < 6 && node.id !== 'main-content'; level++, node = node.parentElement) {
    for (let sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      const heading = headingIn(sibling);
      if (heading) return text(heading);
    }
  }
  return null;
}

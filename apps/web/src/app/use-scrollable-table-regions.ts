import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SCROLL_CONTAINERS, scrollRegionName, syncScrollRegion } from './scroll-region';

/**
 * Keeps every horizontally overflowing antd table of the page a focusable, named region (scroll-region.ts), for the
 * whole shell rather than page by page: a MutationObserver finds tables as they appear, a ResizeObserver on each
 * box and its table notices when one starts or stops overflowing (a narrower window, wider data). Rescans are
 * batched into one per animation frame; the names follow the UI language.
 */
export function useScrollableTableRegions(): void {
  const { t } = useTranslation();
  useEffect(() => {
    const label = (el: Element) => {
      const name = scrollRegionName(el);
      return name ? t('a11y.scrollableTableNamed', { name }) : t('a11y.scrollableTable');
    };
    const sync = (el: HTMLElement) => syncScrollRegion(el, () => label(el));
    const resizes = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const container = entry.target.closest<HTMLElement>(SCROLL_CONTAINERS);
        if (container) sync(container);
      }
    });
    const observed = new Set<Element>();
    const watch = (el: Element | null) => {
      if (!el || observed.has(el)) return;
      observed.add(el);
      resizes.observe(el);
    };
    let frame = 0;
    const scan = () => {
      frame = 0;
      for (const el of observed) {
        if (el.isConnected) continue;
        resizes.unobserve(el);
        observed.delete(el);
      }
      for (const container of document.querySelectorAll<HTMLElement>(SCROLL_CONTAINERS)) {
        watch(container);
        watch(container.querySelector(':scope > table'));
        sync(container);
      }
    };
    const mutations = new MutationObserver(() => {
      if (frame === 0) frame = requestAnimationFrame(scan);
    });
    mutations.observe(document.body, { childList: true, subtree: true });
    scan();
    return () => {
      cancelAnimationFrame(frame);
      mutations.disconnect();
      resizes.disconnect();
    };
  }, [t]);
}

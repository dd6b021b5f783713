import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The browser tab's title for the page: `项目库 · 筑合` in Chinese, `Project library · ZhuHe` in English (WCAG 2.4.2
 * Page Titled). Without a page name it is the brand alone.
 */
export function documentTitle(page: string | undefined, brand: string): string {
  const name = page?.trim();
  return name ? `${name} · ${brand}` : brand;
}

export function useDocumentTitle(page: string | undefined): void {
  const { t, i18n } = useTranslation();
  const title = documentTitle(page, t('brand.name'));
  // biome-ignore lint/correctness/useExhaustiveDependencies: the title follows the language too
  useEffect(() => {
    document.title = title;
  }, [title, i18n.language]);
}

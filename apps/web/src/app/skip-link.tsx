import { useTranslation } from 'react-i18next';

/**
 * 跳到主要内容: the first element Tab reaches on every page (WCAG 2.4.1 Bypass Blocks); the browser moves the focus
 * to <main id="main-content" tabindex="-1">, past the header and the navigation. Shown only while focused
 * (global.css).
 */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a href="#main-content" className="zh-skip-link" data-testid="skip-link">
      {t('a11y.skipToMain')}
    </a>
  );
}

import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, useLanguage } from './language';

/**
 * 语言切换: one button that switches to the other language (there are two), labelled in that language so a reader
 * of either finds it; the choice is kept in localStorage. A button rather than a drop-down menu keeps the menu
 * component out of the sign-in page's first load.
 */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const other = LANGUAGES.find((value) => value !== language) ?? LANGUAGES[0];
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      data-testid="language-switch"
      // The name begins with the text shown (WCAG 2.5.3 Label in Name), so "English" spoken to voice control works.
      aria-label={`${t(`language.${other}`)} (${t('language.switchTo')})`}
      title={t(`language.${other}`)}
      onClick={() => void changeLanguage(other)}
    >
      {compact ? null : <span lang={other}>{t(`language.${other}`)}</span>}
    </Button>
  );
}

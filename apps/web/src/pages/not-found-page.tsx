import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../app/button-link';
import { useDocumentTitle } from '../app/document-title';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('states.notFoundTitle'));
  return (
    <Result
      status="404"
      title={<h1 style={{ margin: 0, fontSize: 24, fontWeight: 'inherit' }}>{t('states.notFoundTitle')}</h1>}
      subTitle={t('states.notFoundHint')}
      extra={
        <ButtonLink to="/" type="primary">
          {t('actions.back')}
        </ButtonLink>
      }
    />
  );
}

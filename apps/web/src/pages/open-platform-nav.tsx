import { useTranslation } from 'react-i18next';
import { LinkTabs } from '../app/link-tabs';

/** The two parts of 开放平台 — API keys and webhooks — as tabs that are links, so each part has its own address. */
export function OpenPlatformNav() {
  const { t } = useTranslation();
  return (
    <LinkTabs
      label={t('nav.developer')}
      tabs={[
        { path: '/workspace/developer', label: t('nav.apiKeys') },
        { path: '/workspace/developer/webhooks', label: t('nav.webhooks') },
      ]}
    />
  );
}

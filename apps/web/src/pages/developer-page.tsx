import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../app/page-title';
import { ApiKeysPanel } from '../modules/developer';
import { useActiveContext } from '../modules/organisation';
import { OpenPlatformNav } from './open-platform-nav';

/** 开放平台 the organisation's API keys (owners and admins). */
export function DeveloperPage() {
  const { t } = useTranslation('developer');
  const { orgId, membership } = useActiveContext();
  const manager = membership.membershipRole === 'owner' || membership.membershipRole === 'admin';
  return (
    <>
      <PageTitle title={t('title')} subtitle={t('subtitle')} />
      <OpenPlatformNav />
      {manager ? <ApiKeysPanel orgId={orgId} /> : <Alert type="info" showIcon message={t('managersOnly')} />}
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { PageTitle } from '../app/page-title';
import { useActiveContext } from '../modules/organisation';
import { WebhooksView } from '../modules/webhooks';
import { OpenPlatformNav } from './open-platform-nav';

/** Webhooks of the active organisation (owners and admins). */
export function WebhooksPage() {
  const { t } = useTranslation('webhooks');
  const { orgId } = useActiveContext();
  return (
    <>
      <PageTitle title={t('title')} subtitle={t('subtitle')} />
      <OpenPlatformNav />
      <WebhooksView orgId={orgId} />
    </>
  );
}

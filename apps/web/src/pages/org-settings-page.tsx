import { useTranslation } from 'react-i18next';
import { PageTitle } from '../app/page-title';
import { OrganisationSettings, useActiveContext } from '../modules/organisation';

export function OrgSettingsPage() {
  const { t } = useTranslation('organisation');
  const { orgId } = useActiveContext();
  return (
    <div style={{ maxWidth: 760 }}>
      <PageTitle title={t('settings.title')} />
      <OrganisationSettings orgId={orgId} />
    </div>
  );
}

import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../app/page-title';
import { MembersTable, useActiveContext } from '../modules/organisation';

export function MembersPage() {
  const { t } = useTranslation('organisation');
  const { orgId, membership } = useActiveContext();
  return (
    <>
      <PageTitle title={t('members.title')} subtitle={`${membership.orgName} · ${t('members.subtitle')}`} />
      <Card styles={{ body: { padding: 0 } }}>
        <MembersTable orgId={orgId} />
      </Card>
    </>
  );
}

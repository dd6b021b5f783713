import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../app/page-title';
import { canManageOrganisation, OrgInvitationsPanel, useActiveContext } from '../modules/organisation';

export function OrgInvitationsPage() {
  const { t } = useTranslation(['organisation', 'common']);
  const { orgId, membership } = useActiveContext();
  return (
    <>
      <PageTitle title={t('invitations.title')} subtitle={membership.orgName} />
      {canManageOrganisation(membership.membershipRole) ? (
        <OrgInvitationsPanel orgId={orgId} />
      ) : (
        <Result status="403" title={t('common:states.forbiddenTitle')} subTitle={t('common:states.forbiddenHint')} />
      )}
    </>
  );
}

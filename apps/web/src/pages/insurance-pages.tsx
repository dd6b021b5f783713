import { useTranslation } from 'react-i18next';
import { PageTitle } from '../app/page-title';
import { InsurerWorkspace, PolicyList } from '../modules/insurance';
import { useActiveContext } from '../modules/organisation';

/** 履约保证险: the insurer's workspace for a FIN organisation, the policies of a contract party for the others. */
export function BondInsurancePage() {
  const { t } = useTranslation('insurance');
  const { orgId, role, membership } = useActiveContext();
  const manager = membership.membershipRole !== 'member';
  if (role === 'FIN')
    return (
      <div style={{ maxWidth: 1200 }}>
        <PageTitle title={t('insurerTitle')} subtitle={t('insurerSubtitle')} />
        <InsurerWorkspace orgId={orgId} canAct={manager} />
      </div>
    );
  return (
    <div style={{ maxWidth: 1000 }}>
      <PageTitle title={t('title')} subtitle={t('subtitle')} />
      <PolicyList orgId={orgId} canAct={manager} />
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { PageTitle } from '../app/page-title';
import { BorrowerFinance, LenderWorkspace } from '../modules/finance';
import { useActiveContext } from '../modules/organisation';

/** 工程e贷: the lending workspace for a FIN organisation, the borrower's page for GC, SUB and SUP. */
export function SupplyFinancePage() {
  const { t } = useTranslation('finance');
  const { orgId, role, membership } = useActiveContext();
  const manager = membership.membershipRole !== 'member';
  if (role === 'FIN')
    return (
      <div style={{ maxWidth: 1200 }}>
        <PageTitle title={t('lenderTitle')} subtitle={t('lenderSubtitle')} />
        <LenderWorkspace orgId={orgId} canAct={manager} />
      </div>
    );
  return (
    <div style={{ maxWidth: 1000 }}>
      <PageTitle title={t('title')} subtitle={t('subtitle')} />
      <BorrowerFinance orgId={orgId} canApply={manager} />
    </div>
  );
}

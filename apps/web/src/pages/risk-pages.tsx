import { useTranslation } from 'react-i18next';
import { PageTitle } from '../app/page-title';
import { useActiveContext } from '../modules/organisation';
import { RiskWarningList, StaffRiskBoard } from '../modules/risk';

/** 风险预警 the active organisation's own warnings; owners and admins acknowledge, resolve or dismiss them. */
export function RiskWarningsPage() {
  const { t } = useTranslation('risk');
  const { orgId, membership } = useActiveContext();
  return (
    <div style={{ maxWidth: 960 }}>
      <PageTitle title={t('title')} subtitle={t('subtitle')} />
      <RiskWarningList orgId={orgId} canAct={membership.membershipRole !== 'member'} />
    </div>
  );
}

/** 风控看板 for risk staff (operators read it). */
export function StaffRiskBoardPage() {
  const { t } = useTranslation('risk');
  return (
    <div style={{ maxWidth: 1200 }}>
      <PageTitle title={t('board')} subtitle={t('boardSubtitle')} />
      <StaffRiskBoard />
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { PageTitle } from '../app/page-title';
import { OrgFeesView, StaffFeesBoard } from '../modules/fees';
import { useActiveContext } from '../modules/organisation';
import { ReserveBoard } from '../modules/reserve';

/** 风险准备金 staff page: figures, claims, dual-controlled payouts and recoveries. */
export function StaffReservePage() {
  const { t } = useTranslation('reserve');
  return (
    <>
      <PageTitle title={t('title')} subtitle={t('subtitle')} />
      <ReserveBoard />
    </>
  );
}

/** 收费管理 staff page. */
export function StaffFeesPage() {
  const { t } = useTranslation('fees');
  return (
    <>
      <PageTitle title={t('staffTitle')} />
      <StaffFeesBoard />
    </>
  );
}

/** 费用与凭证 the organisation's own charges and receipts (owners and admins). */
export function OrgFeesPage() {
  const { t } = useTranslation('fees');
  const { orgId } = useActiveContext();
  return (
    <>
      <PageTitle title={t('orgTitle')} />
      <OrgFeesView orgId={orgId} />
    </>
  );
}

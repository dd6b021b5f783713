import { useTranslation } from 'react-i18next';
import { PageTitle } from '../app/page-title';
import { CostWarnings, GovBoard, PriceIndices } from '../modules/boards';
import { useActiveContext } from '../modules/organisation';

/** 综合单价指数: every signed-in user reads the indices (as the price series). */
export function PriceIndicesPage() {
  const { t } = useTranslation('boards');
  return (
    <>
      <PageTitle title={t('indices.title')} subtitle={t('indices.subtitle')} />
      <PriceIndices />
    </>
  );
}

/** 区域建设指数看板 for a GOV viewer acting as GOV. */
export function GovBoardPage() {
  const { t } = useTranslation('boards');
  const { orgId } = useActiveContext();
  return (
    <>
      <PageTitle title={t('gov.title')} />
      <GovBoard orgId={orgId} />
    </>
  );
}

/** 成本预警 of the active organisation. */
export function CostWarningsPage() {
  const { t } = useTranslation('boards');
  const { orgId, membership } = useActiveContext();
  const manager = membership.membershipRole === 'owner' || membership.membershipRole === 'admin';
  return (
    <>
      <PageTitle title={t('warnings.title')} subtitle={t('warnings.subtitle')} />
      <CostWarnings orgId={orgId} manager={manager} />
    </>
  );
}

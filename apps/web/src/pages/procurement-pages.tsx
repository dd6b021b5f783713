import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageTitle } from '../app/page-title';
import { useActiveContext } from '../modules/organisation';
import { ProcurementPlanner } from '../modules/procurement';

/** 采购优化 for one of the organisation's demands. */
export function ProcurementPlanPage() {
  const { t } = useTranslation('procurement');
  const { orgId } = useActiveContext();
  const { demandId = '' } = useParams();
  return (
    <>
      <PageTitle title={t('title')} />
      <ProcurementPlanner orgId={orgId} demandId={demandId} />
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { PageTitle } from '../app/page-title';
import { ExperienceReports, MyLeads, OpsOverview, SuccessAssignments } from '../modules/operations';

/** 运营中心概览 the centres, and targets against progress per person (managers set the targets here). */
export function StaffOpsOverviewPage() {
  const { t } = useTranslation('operations');
  return (
    <>
      <PageTitle title={t('overview.title')} subtitle={t('overview.subtitle')} />
      <OpsOverview />
    </>
  );
}

/** 我的线索 a BD's leads with the check-in form (used on a phone in the field); a manager sees the centre's. */
export function StaffOpsLeadsPage() {
  const { t } = useTranslation('operations');
  return (
    <>
      <PageTitle title={t('leads.title')} subtitle={t('leads.subtitle')} />
      <MyLeads />
    </>
  );
}

/** 客户成功 assignments to new organisations until their first transaction, with the assists. */
export function StaffOpsSuccessPage() {
  const { t } = useTranslation('operations');
  return (
    <>
      <PageTitle title={t('success.title')} subtitle={t('success.subtitle')} />
      <SuccessAssignments />
    </>
  );
}

/** 用户体验改进报告 the monthly report, generated on demand, with its PDF. */
export function StaffOpsReportsPage() {
  const { t } = useTranslation('operations');
  return (
    <>
      <PageTitle title={t('reports.title')} subtitle={t('reports.subtitle')} />
      <ExperienceReports />
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageTitle } from '../app/page-title';
import { PolicyDetail, PolicySearch, PolicySubscriptions, StaffPolicyDesk } from '../modules/policies';

/** 政策库: search, filters and the list, for every signed-in member. */
export function PoliciesPage() {
  const { t } = useTranslation('policies');
  return (
    <>
      <PageTitle title={t('title')} subtitle={t('subtitle')} />
      <PolicySearch />
    </>
  );
}

/** 政策详情 with the interpretation, the full text, the PDF and the versions. */
export function PolicyDetailPage() {
  const { policyId } = useParams();
  return <PolicyDetail key={policyId} policyId={policyId as string} />;
}

/** 政策订阅: one's own subscriptions. */
export function PolicySubscriptionsPage() {
  const { t } = useTranslation('policies');
  return (
    <>
      <PageTitle title={t('subscriptions.title')} subtitle={t('subscriptions.subtitle')} />
      <PolicySubscriptions />
    </>
  );
}

/** 政策库编辑 staff editors' desk. */
export function StaffPoliciesPage() {
  const { t } = useTranslation('policies');
  return (
    <>
      <PageTitle title={t('staff.title')} subtitle={t('staff.subtitle')} />
      <StaffPolicyDesk />
    </>
  );
}

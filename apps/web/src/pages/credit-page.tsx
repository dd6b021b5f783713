import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../app/page-title';
import { CreditProfilePanel, StaffCreditPolicyPanel, StaffCreditReviewPanel } from '../modules/credit';
import { useActiveContext } from '../modules/organisation';

/** 信用评级 the active organisation's credit page. */
export function CreditPage() {
  const { t } = useTranslation('credit');
  const { orgId } = useActiveContext();
  return (
    <div style={{ maxWidth: 1200 }}>
      <PageTitle title={t('title')} subtitle={t('subtitle')} />
      <CreditProfilePanel orgId={orgId} />
    </div>
  );
}

/** 信用评级管理 risk staff: any organisation's rating, manual review, the policy and recalculation. */
export function StaffCreditPage() {
  const { t } = useTranslation('credit');
  return (
    <div style={{ maxWidth: 1200 }}>
      <PageTitle title={t('staff.title')} subtitle={t('staff.subtitle')} />
      <Tabs
        items={[
          { key: 'review', label: t('staff.tabReview'), children: <StaffCreditReviewPanel /> },
          { key: 'policy', label: t('staff.tabPolicy'), children: <StaffCreditPolicyPanel /> },
        ]}
      />
    </div>
  );
}

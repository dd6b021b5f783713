import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageTitle } from '../app/page-title';
import { CommissionCalculatorPanel, CommissionPoliciesPanel } from '../modules/commission';
import { BannedTermsPanel, TakedownsPanel } from '../modules/compliance';
import { MerchantApplicationPanel, MerchantBoardPanel, MerchantReviewPanel } from '../modules/merchants';
import { canManageOrganisation, useActiveContext, useActiveMembership } from '../modules/organisation';
import { OrgTierCard, TierOverviewPanel } from '../modules/tiers';
import { StaffVerificationsPanel, VerificationPanel } from '../modules/verification';

export function VerificationPage() {
  const { t } = useTranslation('verification');
  const { orgId } = useActiveContext();
  const membership = useActiveMembership();
  return (
    <div style={{ maxWidth: 1080 }}>
      <PageTitle title={t('title')} subtitle={t('subtitle')} />
      <OrgTierCard orgId={orgId} />
      <VerificationPanel orgId={orgId} canSubmit={canManageOrganisation(membership?.membershipRole)} />
    </div>
  );
}

export function MerchantPage() {
  const { t } = useTranslation('merchants');
  const { orgId } = useActiveContext();
  const membership = useActiveMembership();
  return (
    <div style={{ maxWidth: 1080 }}>
      <PageTitle title={t('title')} subtitle={t('subtitle')} />
      <MerchantApplicationPanel orgId={orgId} canManage={canManageOrganisation(membership?.membershipRole)} />
    </div>
  );
}

export function StaffMerchantBoardPage() {
  const { t } = useTranslation('merchants');
  return (
    <>
      <PageTitle title={t('board.title')} subtitle={t('subtitle')} />
      <MerchantBoardPanel />
    </>
  );
}

export function StaffMerchantReviewPage() {
  const { t } = useTranslation('merchants');
  const { applicationId = '' } = useParams();
  return (
    <div style={{ maxWidth: 1080 }}>
      <PageTitle title={t('review.title')} />
      <MerchantReviewPanel applicationId={applicationId} />
    </div>
  );
}

export function StaffVerificationsPage() {
  const { t } = useTranslation('verification');
  return (
    <>
      <PageTitle title={t('staffTitle')} subtitle={t('subtitle')} />
      <StaffVerificationsPanel />
    </>
  );
}

/**
 * Panels one under another. The one column is `minmax(0, 1fr)`: an `auto` column grows to its widest table, and the
 * page then scrolls sideways on a phone instead of the table scrolling inside its card.
 */
function StackedPanels({ children }: { children: ReactNode }) {
  return <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 16 }}>{children}</div>;
}

export function StaffCommissionPage() {
  const { t } = useTranslation('commission');
  return (
    <>
      <PageTitle title={t('policies.title')} />
      <StackedPanels>
        <CommissionPoliciesPanel />
        <CommissionCalculatorPanel />
      </StackedPanels>
    </>
  );
}

export function StaffCompliancePage() {
  const { t } = useTranslation('compliance');
  return (
    <>
      <PageTitle title={t('terms.title')} />
      <StackedPanels>
        <TakedownsPanel />
        <BannedTermsPanel />
      </StackedPanels>
    </>
  );
}

export function StaffTiersPage() {
  const { t } = useTranslation('tiers');
  return (
    <>
      <PageTitle title={t('overview')} />
      <TierOverviewPanel />
    </>
  );
}

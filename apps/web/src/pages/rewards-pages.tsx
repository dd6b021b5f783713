import { useTranslation } from 'react-i18next';
import { PageTitle } from '../app/page-title';
import { useAuthedMe } from '../modules/identity';
import { useActiveContext } from '../modules/organisation';
import { PointsView, ReferralView, StaffRewardsBoard } from '../modules/rewards';

/** 推荐有礼 every member's own code and link, and the organisations the members invited. */
export function ReferralPage() {
  const { t } = useTranslation('rewards');
  const { orgId } = useActiveContext();
  return (
    <>
      <PageTitle title={t('referral.title')} subtitle={t('referral.subtitle')} />
      <ReferralView orgId={orgId} />
    </>
  );
}

/** 积分与优惠券 members see them; owners and admins redeem. */
export function PointsPage() {
  const { t } = useTranslation('rewards');
  const { orgId, membership } = useActiveContext();
  const manager = membership.membershipRole === 'owner' || membership.membershipRole === 'admin';
  return (
    <>
      <PageTitle title={t('points.title')} subtitle={t('points.subtitle')} />
      <PointsView orgId={orgId} manager={manager} />
    </>
  );
}

/** 积分与推荐台账 staff page (运营, 财务; 财务 reverses entries). */
export function StaffRewardsPage() {
  const { t } = useTranslation('rewards');
  const me = useAuthedMe();
  return (
    <>
      <PageTitle title={t('staff.title')} />
      <StaffRewardsBoard canReverse={me.staffRoles.includes('finance')} />
    </>
  );
}

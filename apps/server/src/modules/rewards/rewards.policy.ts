import { definePermission } from '../../infra/http/access';

/**
 * 推荐有礼 · 积分 · 优惠券: every member of an organisation sees its points, vouchers and referrals (another
 * organisation gets 404) and has a referral code of their own; spending the organisation's points or vouchers is
 * for its owners and admins. Any signed-in user records the code they registered with. Staff of 运营 and 财务 read
 * the ledgers and the refused rewards; only 财务 reverses a points entry.
 */
const managers = ['owner', 'admin'] as const;

export const rewardsPermissions = {
  read: definePermission('rewards.read', { kind: 'org', param: 'orgId' }),
  redeemPoints: definePermission('rewards.points.redeem', { kind: 'org', param: 'orgId', membership: managers }),
  redeemVoucher: definePermission('rewards.vouchers.redeem', { kind: 'org', param: 'orgId', membership: managers }),
  acceptReferral: definePermission('rewards.referrals.accept', { kind: 'user' }),
  staffRead: definePermission('rewards.staff.read', { kind: 'staff', roles: ['operator', 'finance'] }),
  staffReverse: definePermission('rewards.points.reverse', { kind: 'staff', roles: ['finance'] }),
};

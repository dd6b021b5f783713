import type { PointsEntry, PointsOverview, RewardsStaffOverview } from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import { getUsers } from '../identity';
import { getOrganisations } from '../organisation';
import { pointsOverview, presentEntries, redeemPoints, reversePoints } from './rewards.points';
import { presentReferrals } from './rewards.referrals';
import * as repo from './rewards.repository';

export { pointsOverview } from './rewards.points';
export { acceptReferral, referralOverview } from './rewards.referrals';
export { listVouchers, redeemVoucher } from './rewards.vouchers';

/** 积分兑换, answered with the overview the page shows next. */
export async function redeemAndShow(
  ctx: AppContext,
  actor: { userId: string },
  orgId: string,
  input: { itemCode: string; requestId: string },
): Promise<PointsOverview> {
  await redeemPoints(ctx, actor, orgId, input);
  return pointsOverview(ctx, orgId);
}

export async function reverseAndShow(
  ctx: AppContext,
  actor: { userId: string },
  entryId: string,
): Promise<PointsEntry> {
  const [entry] = await presentEntries(ctx, [await reversePoints(ctx, actor, entryId)]);
  return entry as PointsEntry;
}

/** 积分与优惠券台账 for 运营 and 财务: recent entries, voucher uses and referrals with their refused rewards. */
export async function staffOverview(ctx: AppContext): Promise<RewardsStaffOverview> {
  const [entries, redemptions, referrals] = await Promise.all([
    repo.entriesOf(ctx.db, null),
    repo.recentRedemptions(ctx.db),
    repo.referralsByReferrer(ctx.db, null),
  ]);
  const orgs = new Map(
    (
      await getOrganisations(
        ctx,
        redemptions.map((r) => r.redemption.orgId),
      )
    ).map((o) => [o.id, o.name]),
  );
  const users = new Map(
    (
      await getUsers(
        ctx,
        redemptions.map((r) => r.redemption.redeemedBy),
      )
    ).map((u) => [u.id, u.displayName]),
  );
  return {
    entries: await presentEntries(ctx, entries),
    redemptions: redemptions.map(({ redemption: r, code }) => ({
      voucherId: r.voucherId,
      chargeId: r.chargeId,
      discountFen: r.discountFen,
      redeemedAt: r.redeemedAt.toISOString(),
      orgId: r.orgId,
      orgName: orgs.get(r.orgId) ?? '—',
      voucherCode: code,
      redeemedBy: users.get(r.redeemedBy) ?? '—',
    })),
    referrals: await presentReferrals(ctx, referrals),
  };
}

import type { Referral, ReferralOverview } from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import type { DomainEvent } from '../../infra/events';
import { newId } from '../../infra/ids';
import { getUser, getUsers } from '../identity';
import { getOrganisation, getOrganisations, membershipsOfUser, type OrganisationRow } from '../organisation';
import { rewardsErrors } from './rewards.errors';
import { rewardsTransaction } from './rewards.points';
import * as repo from './rewards.repository';
import { grantVoucher, randomCode, type VoucherTerms } from './rewards.vouchers';

/** 奖励上限 rewards one referrer organisation can be granted in all. */
export const REFERRAL_REWARD_CAP = 10;
/** A code must be recorded this soon after registering (so nobody claims an old account as referred). */
export const REFERRAL_WINDOW_HOURS = 72;
const VOUCHER_DAYS = 90;
const DAY_MS = 86_400_000;

/** What each milestone grants the referrer organisation. */
export function rewardTerms(milestone: 'verified' | 'first_transaction', now: Date) {
  const common = {
    validFrom: now,
    validUntil: new Date(now.getTime() + VOUCHER_DAYS * DAY_MS),
    eligibleItems: ['premium_report', 'featured_placement', 'escrow_service'],
  };
  return milestone === 'verified'
    ? {
        ...common,
        title: { 'zh-CN': '推荐有礼：被邀单位通过实名核验', en: 'Referral reward: invited organisation verified' },
        kind: 'amount' as const,
        valueFen: 200_00,
      }
    : {
        ...common,
        title: { 'zh-CN': '推荐有礼：被邀单位完成首笔交易', en: 'Referral reward: first transaction' },
        kind: 'percent' as const,
        percent: 20,
        maxDiscountFen: 500_00,
      };
}

/** Loopback means a local setup (several people on one machine is how it is tested), not one person. */
const isLoopback = (ip: string | null) => !ip || ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1';

/** 我的推荐码 the user's code for the organisation (made on first visit); remembers the address and device seen. */
export async function ensureCode(
  ctx: AppContext,
  actor: { userId: string },
  orgId: string,
  seen: { ip: string | null; deviceId: string | null },
): Promise<repo.ReferralCodeRow> {
  let row = await repo.codeOf(ctx.db, actor.userId, orgId);
  if (!row) {
    for (let i = 0; i < 5 && !row; i++) {
      await repo.insertCode(ctx.db, {
        code: randomCode(8),
        userId: actor.userId,
        orgId,
        lastIp: seen.ip,
        lastDeviceId: seen.deviceId,
        createdAt: new Date(),
      });
      row = await repo.codeOf(ctx.db, actor.userId, orgId);
    }
    if (!row) throw rewardsErrors.raise('REWARDS_BUSY');
  } else {
    await repo.touchCode(ctx.db, row.code, seen.ip, seen.deviceId);
  }
  return row;
}

/**
 * 登记邀请码 a newly registered user records the code they came with (within 72 hours of registering, once);
 * the address and device are kept for the anti-fraud rules applied when a reward is due.
 */
export async function acceptReferral(
  ctx: AppContext,
  actor: { userId: string },
  input: { code: string; deviceId?: string | undefined },
  ip: string | null,
  now = new Date(),
): Promise<{ referrerOrgName: string }> {
  const code = await repo.codeByValue(ctx.db, input.code);
  if (!code) throw rewardsErrors.raise('REFERRAL_CODE_UNKNOWN');
  if (code.userId === actor.userId) throw rewardsErrors.raise('REFERRAL_SELF');
  const user = await getUser(ctx, actor.userId);
  if (!user || now.getTime() - user.createdAt.getTime() > REFERRAL_WINDOW_HOURS * 3_600_000)
    throw rewardsErrors.raise('REFERRAL_TOO_LATE', { hours: REFERRAL_WINDOW_HOURS });
  const added = await repo.insertReferral(ctx.db, {
    id: newId(),
    code: code.code,
    referrerUserId: code.userId,
    referrerOrgId: code.orgId,
    referredUserId: actor.userId,
    referredOrgId: null,
    ip,
    deviceId: input.deviceId ?? null,
    createdAt: now,
  });
  if (!added) throw rewardsErrors.raise('REFERRAL_ALREADY_RECORDED');
  const org = await getOrganisation(ctx, code.orgId);
  return { referrerOrgName: org.name };
}

type Refusal = 'self_referral' | 'same_licence' | 'same_ip' | 'same_device' | 'cap_reached';

/** The anti-fraud rules that do not need the cap count; the first that applies is the reason recorded. */
export function refusalOf(facts: {
  referral: Pick<repo.ReferralRow, 'referrerOrgId' | 'referrerUserId' | 'ip' | 'deviceId'>;
  code: Pick<repo.ReferralCodeRow, 'lastIp' | 'lastDeviceId'> | undefined;
  referred: Pick<OrganisationRow, 'id' | 'createdBy'>;
  referrerOrgCreditCode: string;
  referredLicenceCreditCode: string | null;
  referrerMemberOfReferred: boolean;
}): Refusal | null {
  const { referral, code, referred } = facts;
  if (
    referral.referrerOrgId === referred.id ||
    referral.referrerUserId === referred.createdBy ||
    facts.referrerMemberOfReferred
  )
    return 'self_referral';
  if (facts.referredLicenceCreditCode && facts.referredLicenceCreditCode === facts.referrerOrgCreditCode)
    return 'same_licence';
  if (!isLoopback(referral.ip) && referral.ip === code?.lastIp) return 'same_ip';
  if (referral.deviceId && referral.deviceId === code?.lastDeviceId) return 'same_device';
  return null;
}

/** The referral a referred organisation belongs to: linked already, or found by the user who created it. */
async function referralOfOrg(ctx: AppContext, org: OrganisationRow): Promise<repo.ReferralRow | undefined> {
  const [linked] = await repo.referralsOfOrg(ctx.db, org.id);
  if (linked) return linked;
  const byCreator = await repo.referralOfUser(ctx.db, org.createdBy);
  if (!byCreator || byCreator.referredOrgId) return undefined;
  await repo.setReferredOrg(ctx.db, byCreator.id, org.id);
  return { ...byCreator, referredOrgId: org.id };
}

/**
 * Decides a milestone of a referral once: refused with the reason when an anti-fraud rule or the cap applies,
 * otherwise a voucher granted to the referrer organisation. Reads first (PGlite has one connection), then decides
 * in one transaction that locks the referrer's codes, so two milestones at once count the cap in turn.
 */
export async function decideMilestone(
  ctx: AppContext,
  orgId: string,
  milestone: 'verified' | 'first_transaction',
  licenceCreditCode: string | null,
  now = new Date(),
): Promise<repo.ReferralRewardRow | undefined> {
  const referred = await getOrganisation(ctx, orgId);
  const referral = await referralOfOrg(ctx, referred);
  if (!referral) return undefined;
  const [decided] = (await repo.rewardsOf(ctx.db, [referral.id])).filter((r) => r.milestone === milestone);
  if (decided) return decided;
  const referrerOrg = await getOrganisation(ctx, referral.referrerOrgId);
  const referrerMemberships = await membershipsOfUser(ctx, referral.referrerUserId);
  const code = await repo.codeByValue(ctx.db, referral.code);
  const rule = refusalOf({
    referral,
    code,
    referred,
    referrerOrgCreditCode: referrerOrg.creditCode,
    referredLicenceCreditCode: licenceCreditCode,
    referrerMemberOfReferred: referrerMemberships.some((m) => m.orgId === referred.id),
  });
  return rewardsTransaction(ctx.db, async (tx) => {
    await repo.lockReferrer(tx, referral.referrerOrgId);
    const [again] = (await repo.rewardsOf(tx, [referral.id])).filter((r) => r.milestone === milestone);
    if (again) return again;
    const reason: Refusal | null =
      rule ?? ((await repo.grantedCount(tx, referral.referrerOrgId)) >= REFERRAL_REWARD_CAP ? 'cap_reached' : null);
    let voucherId: string | null = null;
    if (!reason) {
      const terms: VoucherTerms = {
        ...rewardTerms(milestone, now),
        holderOrgId: referral.referrerOrgId,
        source: 'referral',
        sourceRef: `${referral.id}:${milestone}`,
      };
      voucherId = (await grantVoucher(tx, terms, now)).id;
    }
    const row: repo.ReferralRewardRow = {
      referralId: referral.id,
      milestone,
      status: reason ? 'refused' : 'granted',
      reason,
      voucherId,
      decidedAt: now,
    };
    await repo.insertReward(tx, row);
    return row;
  });
}

/** `verification.approved`: the referred organisation reached the first milestone. */
export async function onOrganisationVerified(ctx: AppContext, event: DomainEvent<'verification.approved'>) {
  const p = event.payload;
  await decideMilestone(ctx, p.orgId, 'verified', p.licenceCreditCode, new Date(event.occurredAt));
}

/** `contract.signed`: a referred (and verified) organisation's first transaction is the second milestone. */
export async function onContractSignedReferral(ctx: AppContext, event: DomainEvent<'contract.signed'>) {
  const p = event.payload;
  if (p.amendment) return;
  for (const orgId of [p.buyer.orgId, p.supplier.orgId]) {
    const org = await getOrganisation(ctx, orgId);
    if (org.verification !== 'verified') continue;
    await decideMilestone(ctx, orgId, 'first_transaction', null, new Date(event.occurredAt));
  }
}

export async function presentReferrals(ctx: AppContext, rows: repo.ReferralRow[]): Promise<Referral[]> {
  const users = new Map(
    (
      await getUsers(
        ctx,
        rows.map((r) => r.referredUserId),
      )
    ).map((u) => [u.id, u.displayName]),
  );
  // a referred user's organisation before the first milestone links it: the one they created
  const orgOf = new Map<string, string>();
  for (const r of rows) {
    if (r.referredOrgId) orgOf.set(r.id, r.referredOrgId);
    else {
      const own = (await membershipsOfUser(ctx, r.referredUserId)).find((m) => m.membershipRole === 'owner');
      if (own) orgOf.set(r.id, own.orgId);
    }
  }
  const orgs = new Map(
    (await getOrganisations(ctx, [...orgOf.values(), ...rows.map((r) => r.referrerOrgId)])).map((o) => [o.id, o]),
  );
  const rewards = await repo.rewardsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const org = orgs.get(orgOf.get(r.id) ?? '');
    const mine = rewards.filter((w) => w.referralId === r.id);
    const status: Referral['status'] = mine.some((w) => w.milestone === 'first_transaction')
      ? 'transacted'
      : org?.verification === 'verified'
        ? 'verified'
        : org
          ? 'organisation'
          : 'registered';
    return {
      id: r.id,
      referrerOrgId: r.referrerOrgId,
      referrerOrgName: orgs.get(r.referrerOrgId)?.name ?? '—',
      userName: users.get(r.referredUserId) ?? '—',
      orgName: org?.name ?? null,
      status,
      registeredAt: r.createdAt.toISOString(),
      rewards: mine.map((w) => ({
        milestone: w.milestone as 'verified' | 'first_transaction',
        status: w.status as 'granted' | 'refused',
        reason: w.reason as Refusal | null,
        voucherId: w.voucherId,
        decidedAt: w.decidedAt.toISOString(),
      })),
    };
  });
}

/** 推荐有礼 the user's code and link for the organisation, and the organisations its members invited. */
export async function referralOverview(
  ctx: AppContext,
  actor: { userId: string },
  orgId: string,
  seen: { ip: string | null; deviceId: string | null },
): Promise<ReferralOverview> {
  const code = await ensureCode(ctx, actor, orgId, seen);
  const rows = await repo.referralsByReferrer(ctx.db, orgId);
  const invited = await presentReferrals(ctx, rows);
  return {
    code: code.code,
    path: `/register?ref=${code.code}`,
    invited,
    granted: invited.reduce((n, r) => n + r.rewards.filter((w) => w.status === 'granted').length, 0),
    cap: REFERRAL_REWARD_CAP,
  };
}

import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import {
  pointsAccounts,
  pointsEntries,
  referralCodes,
  referralRewards,
  referrals,
  voucherRedemptions,
  vouchers,
} from './rewards.tables';

export type PointsAccountRow = typeof pointsAccounts.$inferSelect;
export type PointsEntryRow = typeof pointsEntries.$inferSelect;
export type VoucherRow = typeof vouchers.$inferSelect;
export type RedemptionRow = typeof voucherRedemptions.$inferSelect;
export type ReferralCodeRow = typeof referralCodes.$inferSelect;
export type ReferralRow = typeof referrals.$inferSelect;
export type ReferralRewardRow = typeof referralRewards.$inferSelect;

// ── points ──

export async function entryBySource(db: DbOrTx, sourceKey: string): Promise<PointsEntryRow | undefined> {
  const [row] = await db.select().from(pointsEntries).where(eq(pointsEntries.sourceKey, sourceKey));
  return row;
}

export async function entryById(db: DbOrTx, id: string): Promise<PointsEntryRow | undefined> {
  const [row] = await db.select().from(pointsEntries).where(eq(pointsEntries.id, id));
  return row;
}

/** The entry that reversed `entryId`, if staff reversed it. */
export async function reversalOf(db: DbOrTx, entryId: string): Promise<PointsEntryRow | undefined> {
  const [row] = await db.select().from(pointsEntries).where(eq(pointsEntries.reversesId, entryId)).limit(1);
  return row;
}

/** The ids among `entryIds` that a later entry reversed. */
export async function reversedAmong(db: DbOrTx, entryIds: string[]): Promise<Set<string>> {
  if (entryIds.length === 0) return new Set();
  const rows = await db
    .select({ id: pointsEntries.reversesId })
    .from(pointsEntries)
    .where(inArray(pointsEntries.reversesId, entryIds));
  return new Set(rows.flatMap((r) => (r.id ? [r.id] : [])));
}

export async function ensureAccount(db: DbOrTx, orgId: string, at: Date): Promise<void> {
  await db.insert(pointsAccounts).values({ orgId, updatedAt: at }).onConflictDoNothing();
}

/**
 * Moves the balance by `delta` unless that would take it below zero; the UPDATE locks the row, so concurrent
 * changes apply one after the other. `tally` is the running total the change counts in (a reversal takes back
 * from the total of what it reverses). Undefined when the balance does not cover it.
 */
export async function moveBalance(
  db: DbOrTx,
  orgId: string,
  delta: number,
  tally: { column: 'earned' | 'redeemed'; by: number },
  at: Date,
): Promise<{ balance: number } | undefined> {
  const [row] = await db
    .update(pointsAccounts)
    .set({
      balance: sql`${pointsAccounts.balance} + ${delta}`,
      [tally.column]: sql`${pointsAccounts[tally.column]} + ${tally.by}`,
      updatedAt: at,
    })
    .where(and(eq(pointsAccounts.orgId, orgId), sql`${pointsAccounts.balance} + ${delta} >= 0`))
    .returning({ balance: pointsAccounts.balance });
  return row;
}

export async function insertEntry(db: DbOrTx, row: PointsEntryRow): Promise<void> {
  await db.insert(pointsEntries).values(row);
}

export async function account(db: DbOrTx, orgId: string): Promise<PointsAccountRow | undefined> {
  const [row] = await db.select().from(pointsAccounts).where(eq(pointsAccounts.orgId, orgId));
  return row;
}

export async function entriesOf(db: DbOrTx, orgId: string | null, limit = 200): Promise<PointsEntryRow[]> {
  return db
    .select()
    .from(pointsEntries)
    .where(orgId ? eq(pointsEntries.orgId, orgId) : undefined)
    .orderBy(desc(pointsEntries.createdAt), desc(pointsEntries.id))
    .limit(limit);
}

/** Σ entries per organisation, to check the balance rows against (the ledger's invariant). */
export async function entrySums(db: DbOrTx): Promise<Map<string, number>> {
  const rows = await db
    .select({ orgId: pointsEntries.orgId, total: sql<string>`sum(${pointsEntries.points})` })
    .from(pointsEntries)
    .groupBy(pointsEntries.orgId);
  return new Map(rows.map((r) => [r.orgId, Number(r.total)]));
}

// ── vouchers ──

export async function insertVoucher(db: DbOrTx, row: VoucherRow): Promise<boolean> {
  const inserted = await db.insert(vouchers).values(row).onConflictDoNothing().returning({ id: vouchers.id });
  return inserted.length > 0;
}

export async function voucherById(db: DbOrTx, id: string): Promise<VoucherRow | undefined> {
  const [row] = await db.select().from(vouchers).where(eq(vouchers.id, id));
  return row;
}

export async function voucherBySource(db: DbOrTx, source: string, sourceRef: string): Promise<VoucherRow | undefined> {
  const [row] = await db
    .select()
    .from(vouchers)
    .where(and(eq(vouchers.source, source), eq(vouchers.sourceRef, sourceRef)));
  return row;
}

/** The organisation's own vouchers and the public codes it has used. */
export async function vouchersOf(db: DbOrTx, orgId: string): Promise<VoucherRow[]> {
  const used = db
    .select({ id: voucherRedemptions.voucherId })
    .from(voucherRedemptions)
    .where(eq(voucherRedemptions.orgId, orgId));
  return db
    .select()
    .from(vouchers)
    .where(or(eq(vouchers.holderOrgId, orgId), and(isNull(vouchers.holderOrgId), inArray(vouchers.id, used))))
    .orderBy(desc(vouchers.createdAt));
}

export async function redemptionsOf(db: DbOrTx, voucherId: string, orgId: string): Promise<RedemptionRow[]> {
  return db
    .select()
    .from(voucherRedemptions)
    .where(and(eq(voucherRedemptions.voucherId, voucherId), eq(voucherRedemptions.orgId, orgId)));
}

export async function redemptionsOfOrg(db: DbOrTx, orgId: string): Promise<RedemptionRow[]> {
  return db.select().from(voucherRedemptions).where(eq(voucherRedemptions.orgId, orgId));
}

export async function redemptionOfCharge(db: DbOrTx, chargeId: string): Promise<RedemptionRow | undefined> {
  const [row] = await db.select().from(voucherRedemptions).where(eq(voucherRedemptions.chargeId, chargeId));
  return row;
}

export async function insertRedemption(db: DbOrTx, row: RedemptionRow): Promise<void> {
  await db.insert(voucherRedemptions).values(row);
}

export async function recentRedemptions(db: DbOrTx, limit = 200) {
  return db
    .select({ redemption: voucherRedemptions, code: vouchers.code })
    .from(voucherRedemptions)
    .innerJoin(vouchers, eq(vouchers.id, voucherRedemptions.voucherId))
    .orderBy(desc(voucherRedemptions.redeemedAt))
    .limit(limit);
}

// ── referrals ──

export async function codeOf(db: DbOrTx, userId: string, orgId: string): Promise<ReferralCodeRow | undefined> {
  const [row] = await db
    .select()
    .from(referralCodes)
    .where(and(eq(referralCodes.userId, userId), eq(referralCodes.orgId, orgId)));
  return row;
}

export async function codeByValue(db: DbOrTx, code: string): Promise<ReferralCodeRow | undefined> {
  const [row] = await db.select().from(referralCodes).where(eq(referralCodes.code, code));
  return row;
}

export async function insertCode(db: DbOrTx, row: ReferralCodeRow): Promise<void> {
  await db.insert(referralCodes).values(row).onConflictDoNothing();
}

export async function touchCode(db: DbOrTx, code: string, ip: string | null, deviceId: string | null) {
  await db
    .update(referralCodes)
    .set({ lastIp: ip, ...(deviceId ? { lastDeviceId: deviceId } : {}) })
    .where(eq(referralCodes.code, code));
}

export async function insertReferral(db: DbOrTx, row: ReferralRow): Promise<boolean> {
  const inserted = await db.insert(referrals).values(row).onConflictDoNothing().returning({ id: referrals.id });
  return inserted.length > 0;
}

export async function referralOfUser(db: DbOrTx, userId: string): Promise<ReferralRow | undefined> {
  const [row] = await db.select().from(referrals).where(eq(referrals.referredUserId, userId));
  return row;
}

export async function referralsOfUsers(db: DbOrTx, userIds: string[]): Promise<ReferralRow[]> {
  if (userIds.length === 0) return [];
  return db.select().from(referrals).where(inArray(referrals.referredUserId, userIds));
}

export async function referralsOfOrg(db: DbOrTx, orgId: string): Promise<ReferralRow[]> {
  return db.select().from(referrals).where(eq(referrals.referredOrgId, orgId));
}

export async function setReferredOrg(db: DbOrTx, id: string, orgId: string) {
  await db.update(referrals).set({ referredOrgId: orgId }).where(eq(referrals.id, id));
}

export async function referralsByReferrer(db: DbOrTx, referrerOrgId: string | null, limit = 200) {
  return db
    .select()
    .from(referrals)
    .where(referrerOrgId ? eq(referrals.referrerOrgId, referrerOrgId) : undefined)
    .orderBy(desc(referrals.createdAt))
    .limit(limit);
}

export async function rewardsOf(db: DbOrTx, referralIds: string[]): Promise<ReferralRewardRow[]> {
  if (referralIds.length === 0) return [];
  return db.select().from(referralRewards).where(inArray(referralRewards.referralId, referralIds));
}

/** Records the decision once; false when this milestone of the referral was decided already. */
export async function insertReward(db: DbOrTx, row: ReferralRewardRow): Promise<boolean> {
  const inserted = await db
    .insert(referralRewards)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: referralRewards.referralId });
  return inserted.length > 0;
}

/** Rewards granted to a referrer organisation so far (the cap counts them). */
export async function grantedCount(db: DbOrTx, referrerOrgId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(referralRewards)
    .innerJoin(referrals, eq(referrals.id, referralRewards.referralId))
    .where(and(eq(referrals.referrerOrgId, referrerOrgId), eq(referralRewards.status, 'granted')));
  return row?.n ?? 0;
}

/** Locks the referrer's code rows so two milestones deciding at once count the cap one after the other. */
export async function lockReferrer(db: DbOrTx, referrerOrgId: string) {
  await db.execute(sql`select 1 from referral_codes where org_id = ${referrerOrgId} for update`);
}

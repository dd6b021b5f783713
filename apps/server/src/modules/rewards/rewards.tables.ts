import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 积分账户 one points balance per organisation. Every change to `balance` is an UPDATE of this row in the same
 * transaction as the entry that explains it; the row lock orders concurrent changes and the check constraint makes
 * a negative balance impossible whatever the code does.
 */
export const pointsAccounts = pgTable(
  'points_accounts',
  {
    orgId: uuid('org_id').primaryKey(),
    balance: bigint('balance', { mode: 'number' }).notNull().default(0),
    earned: bigint('earned', { mode: 'number' }).notNull().default(0),
    redeemed: bigint('redeemed', { mode: 'number' }).notNull().default(0),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [check('points_accounts_balance_nonneg', sql`${t.balance} >= 0`)],
);

/**
 * 积分流水 points entries: insert-only (a trigger refuses UPDATE and DELETE). `sourceKey` names what caused the
 * entry (a community post, a signed contract, a redemption request), so recording it again adds nothing; a
 * reversal names the entry it undoes, once.
 */
export const pointsEntries = pgTable(
  'points_entries',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    /** who earned or redeemed them, when a person did */
    userId: uuid('user_id'),
    /** 'earn' | 'redeem' | 'reverse' */
    kind: text('kind').notNull(),
    /** signed: positive earns, negative spends */
    points: integer('points').notNull(),
    balanceAfter: bigint('balance_after', { mode: 'number' }).notNull(),
    /** e.g. `community.post`, `contract.signed`, `catalogue:<code>`, `reversal` */
    reason: text('reason').notNull(),
    sourceKey: text('source_key').notNull(),
    reversesId: uuid('reverses_id'),
    memo: jsonb('memo').$type<Record<string, string>>().notNull().default({}),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('points_entries_source_uq').on(t.sourceKey),
    uniqueIndex('points_entries_reverses_uq').on(t.reversesId),
    index('points_entries_org_idx').on(t.orgId, t.createdAt),
    check('points_entries_nonzero', sql`${t.points} <> 0`),
    check('points_entries_balance_nonneg', sql`${t.balanceAfter} >= 0`),
  ],
);

/**
 * 优惠券 a voucher held by an organisation (or, with no holder, a public code any organisation may redeem):
 * an amount or a percentage off platform fees of the eligible items, within its validity, `usesPerOrg` times.
 */
export const vouchers = pgTable(
  'vouchers',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull(),
    holderOrgId: uuid('holder_org_id'),
    title: jsonb('title').$type<{ 'zh-CN': string; en: string }>().notNull(),
    /** 'amount' | 'percent' */
    kind: text('kind').notNull(),
    valueFen: bigint('value_fen', { mode: 'number' }),
    percent: integer('percent'),
    maxDiscountFen: bigint('max_discount_fen', { mode: 'number' }),
    eligibleItems: jsonb('eligible_items').$type<string[]>().notNull(),
    validFrom: ts('valid_from').notNull(),
    validUntil: ts('valid_until').notNull(),
    usesPerOrg: integer('uses_per_org').notNull().default(1),
    /** 'referral' | 'campaign' */
    source: text('source').notNull(),
    sourceRef: text('source_ref').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('vouchers_code_uq').on(t.code),
    uniqueIndex('vouchers_source_uq').on(t.source, t.sourceRef),
    index('vouchers_holder_idx').on(t.holderOrgId),
    check(
      'vouchers_terms',
      sql`(${t.kind} = 'amount' and ${t.valueFen} > 0) or (${t.kind} = 'percent' and ${t.percent} between 1 and 100)`,
    ),
    check('vouchers_uses_positive', sql`${t.usesPerOrg} >= 1`),
  ],
);

/**
 * 用券记录 one use of a voucher by an organisation against one fee charge. (voucher, org, useNo) is unique, so two
 * redemptions racing for the same use cannot both commit; a charge takes one voucher.
 */
export const voucherRedemptions = pgTable(
  'voucher_redemptions',
  {
    id: uuid('id').primaryKey(),
    voucherId: uuid('voucher_id').notNull(),
    orgId: uuid('org_id').notNull(),
    useNo: integer('use_no').notNull(),
    chargeId: uuid('charge_id').notNull(),
    discountFen: bigint('discount_fen', { mode: 'number' }).notNull(),
    redeemedBy: uuid('redeemed_by').notNull(),
    redeemedAt: ts('redeemed_at').notNull(),
  },
  (t) => [
    uniqueIndex('voucher_redemptions_use_uq').on(t.voucherId, t.orgId, t.useNo),
    uniqueIndex('voucher_redemptions_charge_uq').on(t.chargeId),
    index('voucher_redemptions_org_idx').on(t.orgId),
  ],
);

/** 推荐码 one code per user per organisation; the last address and device seen, for the anti-fraud rules. */
export const referralCodes = pgTable(
  'referral_codes',
  {
    code: text('code').primaryKey(),
    userId: uuid('user_id').notNull(),
    orgId: uuid('org_id').notNull(),
    lastIp: text('last_ip'),
    lastDeviceId: text('last_device_id'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('referral_codes_owner_uq').on(t.userId, t.orgId)],
);

/** 推荐关系 a registration made with a code; a user is referred once. */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull(),
    referrerUserId: uuid('referrer_user_id').notNull(),
    referrerOrgId: uuid('referrer_org_id').notNull(),
    referredUserId: uuid('referred_user_id').notNull(),
    /** the organisation the referred user created, once known */
    referredOrgId: uuid('referred_org_id'),
    ip: text('ip'),
    deviceId: text('device_id'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('referrals_referred_uq').on(t.referredUserId),
    index('referrals_referrer_idx').on(t.referrerOrgId),
    index('referrals_referred_org_idx').on(t.referredOrgId),
  ],
);

/** 推荐奖励 the decision at each milestone: a voucher granted, or refused with the anti-fraud reason. */
export const referralRewards = pgTable(
  'referral_rewards',
  {
    referralId: uuid('referral_id').notNull(),
    /** 'verified' | 'first_transaction' */
    milestone: text('milestone').notNull(),
    /** 'granted' | 'refused' */
    status: text('status').notNull(),
    reason: text('reason'),
    voucherId: uuid('voucher_id'),
    decidedAt: ts('decided_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.referralId, t.milestone] })],
);

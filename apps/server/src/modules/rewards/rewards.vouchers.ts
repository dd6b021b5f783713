import { randomInt } from 'node:crypto';
import type { Voucher, VoucherList } from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import type { DbOrTx } from '../../infra/db/client';
import { newId } from '../../infra/ids';
import { creditCharge, openChargesOf } from '../fees';
import { rewardsErrors } from './rewards.errors';
import { rewardsTransaction } from './rewards.points';
import * as repo from './rewards.repository';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A code people can read aloud: no 0/O or 1/I. */
export function randomCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

export interface VoucherTerms {
  holderOrgId: string | null;
  title: { 'zh-CN': string; en: string };
  kind: 'amount' | 'percent';
  valueFen?: number | null;
  percent?: number | null;
  maxDiscountFen?: number | null;
  eligibleItems: string[];
  validFrom: Date;
  validUntil: Date;
  usesPerOrg?: number;
  /** why it exists: `referral`, `campaign` … with `sourceRef`, so granting twice grants once */
  source: string;
  sourceRef: string;
}

/** 发券 grants a voucher inside `tx`; a repeat of (source, sourceRef) returns the first. */
export async function grantVoucher(tx: DbOrTx, terms: VoucherTerms, at = new Date()): Promise<repo.VoucherRow> {
  const prior = await repo.voucherBySource(tx, terms.source, terms.sourceRef);
  if (prior) return prior;
  const row: repo.VoucherRow = {
    id: newId(),
    code: `ZH${randomCode(8)}`,
    holderOrgId: terms.holderOrgId,
    title: terms.title,
    kind: terms.kind,
    valueFen: terms.kind === 'amount' ? (terms.valueFen ?? null) : null,
    percent: terms.kind === 'percent' ? (terms.percent ?? null) : null,
    maxDiscountFen: terms.maxDiscountFen ?? null,
    eligibleItems: terms.eligibleItems,
    validFrom: terms.validFrom,
    validUntil: terms.validUntil,
    usesPerOrg: terms.usesPerOrg ?? 1,
    source: terms.source,
    sourceRef: terms.sourceRef,
    createdAt: at,
  };
  await repo.insertVoucher(tx, row);
  return row;
}

/** What the voucher takes off a charge of `amountFen`. */
export function discountOf(
  v: Pick<repo.VoucherRow, 'kind' | 'valueFen' | 'percent' | 'maxDiscountFen'>,
  amountFen: number,
): number {
  const raw = v.kind === 'amount' ? (v.valueFen ?? 0) : Math.floor((amountFen * (v.percent ?? 0)) / 100);
  return Math.max(0, Math.min(raw, amountFen, v.maxDiscountFen ?? Number.MAX_SAFE_INTEGER));
}

function stateOf(v: repo.VoucherRow, used: number, now: Date): Voucher['state'] {
  if (used >= v.usesPerOrg) return 'used';
  if (now > v.validUntil) return 'expired';
  if (now < v.validFrom) return 'not_yet_valid';
  return 'available';
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** 我的优惠券 the organisation's vouchers with their state, and the open fee charges they may be used against. */
export async function listVouchers(ctx: AppContext, orgId: string, now = new Date()): Promise<VoucherList> {
  const [rows, uses, charges] = await Promise.all([
    repo.vouchersOf(ctx.db, orgId),
    repo.redemptionsOfOrg(ctx.db, orgId),
    openChargesOf(ctx, orgId),
  ]);
  const discounted = new Set(uses.map((u) => u.chargeId));
  return {
    vouchers: rows.map((v) => {
      const mine = uses.filter((u) => u.voucherId === v.id);
      return {
        id: v.id,
        code: v.code,
        title: v.title,
        kind: v.kind as Voucher['kind'],
        valueFen: v.valueFen,
        percent: v.percent,
        maxDiscountFen: v.maxDiscountFen,
        eligibleItems: v.eligibleItems,
        validFrom: v.validFrom.toISOString(),
        validUntil: v.validUntil.toISOString(),
        usesPerOrg: v.usesPerOrg,
        used: mine.length,
        state: stateOf(v, mine.length, now),
        source: v.source,
        redemptions: mine.map((u) => ({
          chargeId: u.chargeId,
          discountFen: u.discountFen,
          redeemedAt: u.redeemedAt.toISOString(),
        })),
      };
    }),
    openCharges: charges.map((c) => ({
      id: c.id,
      itemCode: c.itemCode,
      description: c.description,
      amountFen: Number(c.amountFen),
      chargedAt: c.chargedAt.toISOString(),
      voucherApplied: discounted.has(c.id),
    })),
  };
}

/**
 * 用券 redeems a voucher against one open platform fee charge: the use is recorded and the fees module books the
 * credit, in one transaction. A second use beyond `usesPerOrg` (also two at once: the unique use number decides)
 * → VOUCHER_ALREADY_USED, nothing changed.
 */
export async function redeemVoucher(
  ctx: AppContext,
  actor: { userId: string },
  orgId: string,
  voucherId: string,
  chargeId: string,
  now = new Date(),
) {
  return rewardsTransaction(ctx.db, async (tx) => {
    const v = await repo.voucherById(tx, voucherId);
    if (!v || (v.holderOrgId !== null && v.holderOrgId !== orgId)) throw rewardsErrors.raise('VOUCHER_NOT_FOUND');
    const uses = await repo.redemptionsOf(tx, v.id, orgId);
    if (uses.length >= v.usesPerOrg) throw rewardsErrors.raise('VOUCHER_ALREADY_USED', { uses: v.usesPerOrg });
    if (now > v.validUntil) throw rewardsErrors.raise('VOUCHER_EXPIRED', { until: day(v.validUntil) });
    if (now < v.validFrom) throw rewardsErrors.raise('VOUCHER_NOT_YET_VALID', { from: day(v.validFrom) });
    if (await repo.redemptionOfCharge(tx, chargeId)) throw rewardsErrors.raise('VOUCHER_CHARGE_DISCOUNTED');
    const charge = (await openChargesOf(ctx, orgId, tx)).find((c) => c.id === chargeId);
    if (!charge) throw rewardsErrors.raise('VOUCHER_CHARGE_NOT_OPEN');
    if (v.eligibleItems.length > 0 && !v.eligibleItems.includes(charge.itemCode))
      throw rewardsErrors.raise('VOUCHER_NOT_ELIGIBLE');
    const discountFen = discountOf(v, Number(charge.amountFen));
    const redemption: repo.RedemptionRow = {
      id: newId(),
      voucherId: v.id,
      orgId,
      useNo: uses.length + 1,
      chargeId,
      discountFen,
      redeemedBy: actor.userId,
      redeemedAt: now,
    };
    // the use first: a racing second use fails on its unique number before any credit is booked
    await repo.insertRedemption(tx, redemption);
    const credited = await creditCharge(
      tx,
      {
        orgId,
        chargeId,
        creditFen: discountFen,
        reference: `voucher:${redemption.id}`,
        description: `优惠券 ${v.code} 抵扣`,
      },
      now,
    );
    if (!credited) throw rewardsErrors.raise('VOUCHER_CHARGE_NOT_OPEN');
    return {
      voucherId: v.id,
      chargeId,
      discountFen,
      redeemedAt: now.toISOString(),
    };
  });
}

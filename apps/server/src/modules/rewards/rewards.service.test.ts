import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainError } from '../../infra/errors';
import { newId } from '../../infra/ids';
import { type BuiltOrg, buildOrg, buildUser } from '../../test/builders';
import { validCreditCode } from '../../test/credit-codes';
import { createTestContext, type TestContext } from '../../test/test-context';
import { recordCharge } from '../fees';
import { createOrganisationDirect, setVerificationStatus } from '../organisation';
import {
  acceptReferral,
  decideMilestone,
  earnPoints,
  ensureCode,
  grantVoucher,
  listVouchers,
  pointsOverview,
  REFERRAL_REWARD_CAP,
  redeemPoints,
  redeemVoucher,
  reversePoints,
  verifyPoints,
} from './index';
import { refusalOf } from './rewards.referrals';
import * as repo from './rewards.repository';

/** The points ledger, vouchers and referral rewards on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL). */
let t: TestContext;
let a: BuiltOrg;
let b: BuiltOrg;

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return (error as DomainError).code ?? String(error);
  }
}

const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestContext();
  a = await buildOrg(t.ctx, { name: '杭州推荐人建设有限公司' });
  b = await buildOrg(t.ctx, { name: '宁波积分建材有限公司' });
});
afterAll(async () => t?.close());

describe('points ledger', () => {
  it('earns once per source key, whatever the retries', async () => {
    const earning = {
      orgId: a.orgId,
      userId: a.userId,
      points: 300,
      reason: 'community.post',
      sourceKey: `t:${newId()}`,
    };
    const first = await earnPoints(t.ctx, earning);
    const again = await earnPoints(t.ctx, earning);
    expect(first.repeated).toBe(false);
    expect(again).toMatchObject({ repeated: true, entry: { id: first.entry.id } });
    expect((await pointsOverview(t.ctx, a.orgId)).balance).toBe(300);
  });

  it('refuses to spend more than held, with a clear message, and changes nothing', async () => {
    const before = await pointsOverview(t.ctx, a.orgId);
    const error = await redeemPoints(t.ctx, a, a.orgId, { itemCode: 'ticket_annual_summit', requestId: newId() }).catch(
      (e: DomainError) => e,
    );
    expect((error as DomainError).code).toBe('POINTS_INSUFFICIENT');
    expect((error as DomainError).messages()['zh-CN']).toBe('积分不足：兑换需要 500 积分，当前余额 300 积分');
    expect((error as DomainError).messages().en).toContain('needs 500 points and the balance is 300');
    const after = await pointsOverview(t.ctx, a.orgId);
    expect(after.balance).toBe(before.balance);
    expect(after.entries).toHaveLength(before.entries.length);
  });

  it('an unknown catalogue item is refused', async () => {
    expect(await codeOf(redeemPoints(t.ctx, a, a.orgId, { itemCode: 'gold_bar', requestId: newId() }))).toBe(
      'POINTS_ITEM_UNKNOWN',
    );
  });

  it('concurrent redemptions never overspend; a retried request spends once', async () => {
    const org = await buildOrg(t.ctx);
    await earnPoints(t.ctx, { orgId: org.orgId, points: 500, reason: 'contract.signed', sourceKey: `t:${newId()}` });
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        codeOf(redeemPoints(t.ctx, org, org.orgId, { itemCode: 'ticket_safety_training', requestId: newId() })),
      ),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(3);
    expect(results.filter((r) => r === 'POINTS_INSUFFICIENT')).toHaveLength(7);
    const requestId = newId();
    const twice = await Promise.all([
      codeOf(redeemPoints(t.ctx, org, org.orgId, { itemCode: 'ticket_safety_training', requestId })),
      codeOf(redeemPoints(t.ctx, org, org.orgId, { itemCode: 'ticket_safety_training', requestId })),
    ]);
    expect(twice).toEqual(['POINTS_INSUFFICIENT', 'POINTS_INSUFFICIENT']);
    const overview = await pointsOverview(t.ctx, org.orgId);
    expect(overview.balance).toBe(50);
    expect(overview.entries).toHaveLength(4);
    expect(overview.entries.every((e) => e.balanceAfter >= 0)).toBe(true);
    expect((await verifyPoints(t.ctx)).ok).toBe(true);
  });

  it('the same redemption request twice at once spends once', async () => {
    const org = await buildOrg(t.ctx);
    await earnPoints(t.ctx, { orgId: org.orgId, points: 400, reason: 'contract.signed', sourceKey: `t:${newId()}` });
    const requestId = newId();
    await Promise.all([
      redeemPoints(t.ctx, org, org.orgId, { itemCode: 'report_material_prices', requestId }),
      redeemPoints(t.ctx, org, org.orgId, { itemCode: 'report_material_prices', requestId }),
    ]);
    expect((await pointsOverview(t.ctx, org.orgId)).balance).toBe(200);
  });

  it('a reversal undoes an entry once; entries cannot be edited', async () => {
    const org = await buildOrg(t.ctx);
    const { entry } = await earnPoints(t.ctx, {
      orgId: org.orgId,
      points: 40,
      reason: 'contract.signed',
      sourceKey: `t:${newId()}`,
    });
    const reversal = await reversePoints(t.ctx, org, entry.id);
    expect(reversal).toMatchObject({ kind: 'reverse', points: -40, balanceAfter: 0, reversesId: entry.id });
    expect(await codeOf(reversePoints(t.ctx, org, entry.id))).toBe('POINTS_ALREADY_REVERSED');
    expect(await pointsOverview(t.ctx, org.orgId)).toMatchObject({ balance: 0, earned: 0, redeemed: 0 });
    await expect(
      t.ctx.db.execute(sql`update points_entries set points = 1000 where id = ${entry.id}`),
    ).rejects.toThrow();
    await expect(
      t.ctx.db.execute(sql`update points_accounts set balance = -1 where org_id = ${org.orgId}`),
    ).rejects.toThrow();
  });

  it('a signed contract earns both parties points once, with the signing', async () => {
    const contractId = newId();
    const payload = {
      contractId,
      kind: 'subcontract',
      title: '测试分包合同',
      buyer: { orgId: a.orgId, name: a.name },
      supplier: { orgId: b.orgId, name: b.name },
      regionCode: '330106',
      amountFen: 1_000_000,
      signedOn: '2026-12-01',
      versionNo: 1,
      amendment: false,
    };
    const before = (await pointsOverview(t.ctx, b.orgId)).balance;
    await t.ctx.db.transaction((tx) => t.ctx.events.publish(tx, 'contract.signed', payload));
    await t.ctx.db.transaction((tx) => t.ctx.events.publish(tx, 'contract.signed', payload));
    const after = await pointsOverview(t.ctx, b.orgId);
    expect(after.balance - before).toBe(50);
    expect(after.entries[0]?.label['zh-CN']).toBe('签约交易：测试分包合同');
  });
});

describe('vouchers', () => {
  async function charge(org: BuiltOrg, itemCode = 'premium_report') {
    return recordCharge(
      t.ctx,
      { orgId: org.orgId, itemCode, quantity: 1, description: '高级信用报告', reference: `t:${newId()}` },
      null,
    );
  }
  const terms = (org: BuiltOrg, extra: Partial<Parameters<typeof grantVoucher>[1]> = {}) => ({
    holderOrgId: org.orgId,
    title: { 'zh-CN': '测试券', en: 'Test voucher' },
    kind: 'amount' as const,
    valueFen: 100_00,
    eligibleItems: ['premium_report'],
    validFrom: new Date(Date.now() - DAY),
    validUntil: new Date(Date.now() + 30 * DAY),
    source: 'campaign',
    sourceRef: newId(),
    ...extra,
  });

  it('redeems against an open platform fee and is then used; a second use is refused and changes nothing', async () => {
    const org = await buildOrg(t.ctx);
    const v = await t.ctx.db.transaction((tx) => grantVoucher(tx, terms(org)));
    const c1 = await charge(org);
    const c2 = await charge(org);
    const used = await redeemVoucher(t.ctx, org, org.orgId, v.id, c1.id);
    expect(used.discountFen).toBe(Math.min(100_00, Number(c1.amountFen)));
    const list = await listVouchers(t.ctx, org.orgId);
    expect(list.vouchers[0]).toMatchObject({ state: 'used', used: 1 });
    const error = await redeemVoucher(t.ctx, org, org.orgId, v.id, c2.id).catch((e: DomainError) => e);
    expect((error as DomainError).code).toBe('VOUCHER_ALREADY_USED');
    expect((error as DomainError).messages()['zh-CN']).toBe('该优惠券已使用，每家单位限用 1 次');
    const again = await listVouchers(t.ctx, org.orgId);
    expect(again.vouchers[0]?.redemptions).toHaveLength(1);
    expect(again.openCharges.find((c) => c.id === c2.id)?.voucherApplied).toBe(false);
  });

  it('two redemptions of one voucher at once: exactly one wins', async () => {
    const org = await buildOrg(t.ctx);
    const v = await t.ctx.db.transaction((tx) => grantVoucher(tx, terms(org)));
    const [c1, c2] = [await charge(org), await charge(org)];
    const results = await Promise.all([
      codeOf(redeemVoucher(t.ctx, org, org.orgId, v.id, c1.id)),
      codeOf(redeemVoucher(t.ctx, org, org.orgId, v.id, c2.id)),
    ]);
    expect(results.sort()).toEqual(['VOUCHER_ALREADY_USED', 'ok']);
    expect(await repo.redemptionsOf(t.ctx.db, v.id, org.orgId)).toHaveLength(1);
  });

  it('checks validity, eligible services, the holder and one voucher per charge', async () => {
    const org = await buildOrg(t.ctx);
    const other = await buildOrg(t.ctx);
    const expired = await t.ctx.db.transaction((tx) =>
      grantVoucher(
        tx,
        terms(org, { validFrom: new Date(Date.now() - 9 * DAY), validUntil: new Date(Date.now() - DAY) }),
      ),
    );
    const percent = await t.ctx.db.transaction((tx) =>
      grantVoucher(tx, terms(org, { kind: 'percent', percent: 10, usesPerOrg: 2, eligibleItems: [] })),
    );
    const onlyReports = await t.ctx.db.transaction((tx) => grantVoucher(tx, terms(org)));
    const report = await charge(org);
    const placement = await charge(org, 'featured_placement');
    expect(await codeOf(redeemVoucher(t.ctx, org, org.orgId, expired.id, report.id))).toBe('VOUCHER_EXPIRED');
    expect(await codeOf(redeemVoucher(t.ctx, org, org.orgId, onlyReports.id, placement.id))).toBe(
      'VOUCHER_NOT_ELIGIBLE',
    );
    expect(await codeOf(redeemVoucher(t.ctx, other, other.orgId, onlyReports.id, report.id))).toBe('VOUCHER_NOT_FOUND');
    const firstUse = await redeemVoucher(t.ctx, org, org.orgId, percent.id, placement.id);
    expect(firstUse.discountFen).toBe(Math.floor(Number(placement.amountFen) / 10));
    expect(await codeOf(redeemVoucher(t.ctx, org, org.orgId, percent.id, placement.id))).toBe(
      'VOUCHER_CHARGE_DISCOUNTED',
    );
    expect(await codeOf(redeemVoucher(t.ctx, org, org.orgId, percent.id, report.id))).toBe('ok');
    const states = Object.fromEntries((await listVouchers(t.ctx, org.orgId)).vouchers.map((v) => [v.id, v.state]));
    expect(states).toMatchObject({ [expired.id]: 'expired', [percent.id]: 'used', [onlyReports.id]: 'available' });
  });
});

describe('referrals', () => {
  async function referredUserWithOrg(referrer: BuiltOrg, deviceId?: string) {
    const code = await ensureCode(t.ctx, referrer, referrer.orgId, { ip: '10.0.0.1', deviceId: 'device-referrer' });
    const user = await buildUser(t.ctx, '被邀请人');
    await acceptReferral(t.ctx, user, { code: code.code, deviceId }, '10.0.0.2');
    const org = await createOrganisationDirect(t.ctx, user.userId, {
      name: `被邀请${newId().slice(-4)}建设有限公司`,
      creditCode: validCreditCode(),
      businessRoles: ['SUB'],
      verification: 'pending',
    });
    return { user, org };
  }

  it('records the code once; one’s own code is refused', async () => {
    const code = await ensureCode(t.ctx, a, a.orgId, { ip: null, deviceId: null });
    expect(code.code).toMatch(/^[A-Z0-9]{8}$/);
    expect(await codeOf(acceptReferral(t.ctx, a, { code: code.code }, null))).toBe('REFERRAL_SELF');
    expect(await codeOf(acceptReferral(t.ctx, a, { code: 'ZZZZZZZZ' }, null))).toBe('REFERRAL_CODE_UNKNOWN');
    const user = await buildUser(t.ctx);
    await acceptReferral(t.ctx, user, { code: code.code }, null);
    expect(await codeOf(acceptReferral(t.ctx, user, { code: code.code }, null))).toBe('REFERRAL_ALREADY_RECORDED');
  });

  it('grants the referrer a voucher when the referred organisation is verified, once', async () => {
    const referrer = await buildOrg(t.ctx);
    const { org } = await referredUserWithOrg(referrer, 'device-new');
    await t.ctx.db.transaction((tx) =>
      t.ctx.events.publish(tx, 'verification.approved', {
        orgId: org.id,
        verificationId: newId(),
        licenceCreditCode: org.creditCode,
        decidedAt: new Date().toISOString(),
      }),
    );
    await t.drain();
    const again = await decideMilestone(t.ctx, org.id, 'verified', org.creditCode);
    expect(again).toMatchObject({ status: 'granted', reason: null });
    const { vouchers } = await listVouchers(t.ctx, referrer.orgId);
    expect(vouchers).toHaveLength(1);
    expect(vouchers[0]).toMatchObject({ kind: 'amount', valueFen: 200_00, state: 'available', source: 'referral' });
  });

  it('a referred, verified organisation’s first signed contract grants a percentage voucher, once', async () => {
    const referrer = await buildOrg(t.ctx);
    const { org } = await referredUserWithOrg(referrer, 'device-buyer');
    await setVerificationStatus(t.ctx, org.id, 'verified');
    const signed = (contractId: string) => ({
      contractId,
      kind: 'subcontract',
      title: '首单分包合同',
      buyer: { orgId: b.orgId, name: b.name },
      supplier: { orgId: org.id, name: org.name },
      regionCode: '330106',
      amountFen: 500_000,
      signedOn: '2026-12-01',
      versionNo: 1,
      amendment: false,
    });
    await t.ctx.db.transaction((tx) => t.ctx.events.publish(tx, 'contract.signed', signed(newId())));
    await t.ctx.db.transaction((tx) => t.ctx.events.publish(tx, 'contract.signed', signed(newId())));
    await t.drain();
    const { vouchers } = await listVouchers(t.ctx, referrer.orgId);
    expect(vouchers).toHaveLength(1);
    expect(vouchers[0]).toMatchObject({ kind: 'percent', percent: 20, maxDiscountFen: 500_00 });
    // and the supplier earned its transaction points with the signing
    expect((await pointsOverview(t.ctx, org.id)).balance).toBe(100);
  });

  it('refuses a reward from the referrer’s own device and records the reason', async () => {
    const referrer = await buildOrg(t.ctx);
    const { org } = await referredUserWithOrg(referrer, 'device-referrer');
    const decided = await decideMilestone(t.ctx, org.id, 'verified', org.creditCode);
    expect(decided).toMatchObject({ status: 'refused', reason: 'same_device', voucherId: null });
    expect((await listVouchers(t.ctx, referrer.orgId)).vouchers).toHaveLength(0);
  });

  it('refuses beyond the cap', async () => {
    const referrer = await buildOrg(t.ctx);
    for (let i = 0; i < REFERRAL_REWARD_CAP; i++) {
      const id = newId();
      await repo.insertReferral(t.ctx.db, {
        id,
        code: 'CAPCAPCA',
        referrerUserId: referrer.userId,
        referrerOrgId: referrer.orgId,
        referredUserId: newId(),
        referredOrgId: newId(),
        ip: null,
        deviceId: null,
        createdAt: new Date(),
      });
      await repo.insertReward(t.ctx.db, {
        referralId: id,
        milestone: 'verified',
        status: 'granted',
        reason: null,
        voucherId: null,
        decidedAt: new Date(),
      });
    }
    const { org } = await referredUserWithOrg(referrer, 'device-other');
    expect(await decideMilestone(t.ctx, org.id, 'verified', org.creditCode)).toMatchObject({
      status: 'refused',
      reason: 'cap_reached',
    });
  });

  it('the anti-fraud rules in order', () => {
    const base = {
      referral: { referrerOrgId: 'A', referrerUserId: 'u1', ip: '1.2.3.4', deviceId: 'd1' },
      code: { lastIp: '5.6.7.8', lastDeviceId: 'd2' },
      referred: { id: 'B', createdBy: 'u2' },
      referrerOrgCreditCode: 'X',
      referredLicenceCreditCode: 'Y',
      referrerMemberOfReferred: false,
    };
    expect(refusalOf(base)).toBeNull();
    expect(refusalOf({ ...base, referrerMemberOfReferred: true })).toBe('self_referral');
    expect(refusalOf({ ...base, referred: { id: 'B', createdBy: 'u1' } })).toBe('self_referral');
    expect(refusalOf({ ...base, referredLicenceCreditCode: 'X' })).toBe('same_licence');
    expect(refusalOf({ ...base, code: { lastIp: '1.2.3.4', lastDeviceId: null } })).toBe('same_ip');
    expect(refusalOf({ ...base, code: { lastIp: '5.6.7.8', lastDeviceId: 'd1' } })).toBe('same_device');
    // loopback is a local setup, not one person
    expect(
      refusalOf({
        ...base,
        referral: { ...base.referral, ip: '127.0.0.1' },
        code: { lastIp: '127.0.0.1', lastDeviceId: null },
      }),
    ).toBeNull();
  });
});

/** PostgreSQL only: many connections at once (the pool has five), the figures printed. */
describe.skipIf(!process.env.TEST_DATABASE_URL)('under load on PostgreSQL', () => {
  it('40 concurrent redemptions of 150 points on 3,000 points: exactly 20 succeed, the balance ends at 0', async () => {
    const org = await buildOrg(t.ctx);
    await earnPoints(t.ctx, { orgId: org.orgId, points: 3_000, reason: 'contract.signed', sourceKey: `t:${newId()}` });
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: 40 }, () =>
        codeOf(redeemPoints(t.ctx, org, org.orgId, { itemCode: 'ticket_safety_training', requestId: newId() })),
      ),
    );
    const ms = Math.round(performance.now() - started);
    const ok = results.filter((r) => r === 'ok').length;
    console.log(`points: 40 concurrent redemptions → ${ok} ok, ${40 - ok} refused, ${ms} ms`);
    expect(ok).toBe(20);
    expect((await pointsOverview(t.ctx, org.orgId)).balance).toBe(0);
    expect((await verifyPoints(t.ctx)).ok).toBe(true);
  });

  it('one voucher redeemed by 10 concurrent requests on 10 charges: one use, nine clear refusals', async () => {
    const org = await buildOrg(t.ctx);
    const v = await t.ctx.db.transaction((tx) =>
      grantVoucher(tx, {
        holderOrgId: org.orgId,
        title: { 'zh-CN': '并发券', en: 'Race voucher' },
        kind: 'amount',
        valueFen: 10_00,
        eligibleItems: [],
        validFrom: new Date(Date.now() - DAY),
        validUntil: new Date(Date.now() + DAY),
        source: 'campaign',
        sourceRef: newId(),
      }),
    );
    const charges = [];
    for (let i = 0; i < 10; i++)
      charges.push(
        await recordCharge(
          t.ctx,
          { orgId: org.orgId, itemCode: 'premium_report', quantity: 1, description: '报告', reference: `t:${newId()}` },
          null,
        ),
      );
    const results = await Promise.all(charges.map((c) => codeOf(redeemVoucher(t.ctx, org, org.orgId, v.id, c.id))));
    console.log(`vouchers: 10 concurrent uses → ${results.filter((r) => r === 'ok').length} ok`);
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r === 'VOUCHER_ALREADY_USED')).toHaveLength(9);
    expect(await repo.redemptionsOf(t.ctx.db, v.id, org.orgId)).toHaveLength(1);
    const credits = (await listVouchers(t.ctx, org.orgId)).openCharges.filter((c) => c.voucherApplied);
    expect(credits).toHaveLength(1);
  });
});
